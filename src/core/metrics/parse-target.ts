import type { Target } from '../schema/model.ts';
import { secondsPerUnit } from './units.ts';

const num = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const signedNum = String.raw`[-+−]\s*${num}`;
// A unit after the number: "%", or a word such as "s", "min", "warnings".
const unit = String.raw`(%|[a-z]+\b)?`;
const comparePattern = new RegExp(String.raw`^(<=|>=|≤|≥|<|>|=|under|below|less than|at most|over|above|more than|at least)\s*(${num})\s*${unit}`, 'i');
const changeRangePattern = new RegExp(String.raw`^(${signedNum})\s*(%)?\s*(?:to|-|–|—|\.\.)\s*(${signedNum})\s*(%)?$`, 'i');
const changePattern = new RegExp(String.raw`^(${signedNum})\s*${unit}(?:\s+.*)?$`, 'i');
const exactPattern = new RegExp(String.raw`^~?(${num})\s*${unit}(?:\s+.*)?$`, 'i');
const versionPattern = /^v?(\d+(?:\.\d+){1,3}(?:-[\w.]+)?)$/i;
const placeholderPattern = /^(tbd|tba|unknown|n\/?a|none|pending(?:[_\s-].*)?|todo|\?+|-+|—|–)$/i;

/** Comparison words and signs → operator. */
const operatorWords: Record<string, NonNullable<Target['op']>> = {
  '<': '<',
  under: '<',
  below: '<',
  'less than': '<',
  '<=': '<=',
  '≤': '<=',
  'at most': '<=',
  '>': '>',
  over: '>',
  above: '>',
  'more than': '>',
  '>=': '>=',
  '≥': '>=',
  'at least': '>=',
  '=': '=',
};

const toNumber = (text: string): number => Number(text.replace(/[\s,]/g, '').replace('−', '-'));

const base = { op: null, value: null, upTo: null, percent: false, unit: null, version: null } as const;

/** A number with the unit written after it: time units become seconds (as metric values do), "%" sets `percent`. */
function amount(value: string, unitText: string | undefined): Pick<Target, 'value' | 'percent' | 'unit'> {
  const word = (unitText ?? '').toLowerCase();
  const seconds = Object.hasOwn(secondsPerUnit, word) ? secondsPerUnit[word] : undefined;
  if (seconds !== undefined) return { value: toNumber(value) * seconds, percent: false, unit: 's' };
  return { value: toNumber(value), percent: word === '%', unit: word === '' || word === '%' ? null : word };
}

/** Parses a target as written in the overview's success metrics table. */
export function parseTarget(raw: string): Target {
  const target = readTarget(raw);
  // A number past a double ("9" × 400) reads as Infinity, which no value can be checked against: it is not a number.
  const finite = (value: number | null) => value === null || Number.isFinite(value);
  return finite(target.value) && finite(target.upTo) ? target : { ...base, raw, kind: 'text' };
}

function readTarget(raw: string): Target {
  const text = raw.trim();
  if (text === '' || placeholderPattern.test(text)) return { ...base, raw, kind: 'placeholder' };

  const compare = comparePattern.exec(text);
  if (compare) {
    const [, word = '', value = '', unitText] = compare;
    return { ...base, raw, kind: 'compare', op: operatorWords[word.toLowerCase()] ?? '=', ...amount(value, unitText) };
  }
  const range = changeRangePattern.exec(text);
  if (range) {
    const [, from = '', percentFrom, to = '', percentTo] = range;
    const [near, far] = [toNumber(from), toNumber(to)].toSorted((a, b) => Math.abs(a) - Math.abs(b));
    return { ...base, raw, kind: 'change', value: near ?? null, upTo: far ?? null, percent: percentFrom === '%' || percentTo === '%' };
  }
  const change = changePattern.exec(text);
  if (change) {
    const [, value = '', unitText] = change;
    return { ...base, raw, kind: 'change', ...amount(value, unitText) };
  }
  const version = versionPattern.exec(text);
  if (version && /\d+\.\d+\.\d+/.test(text)) return { ...base, raw, kind: 'version', version: version[1] ?? text };
  const exact = exactPattern.exec(text);
  if (exact) {
    const [, value = '', unitText] = exact;
    return { ...base, raw, kind: 'exact', op: '=', ...amount(value, unitText) };
  }
  return { ...base, raw, kind: 'text' };
}
