import type { Target } from '../schema.ts';

const num = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const signedNum = String.raw`[-+−]\s*${num}`;
const comparePattern = new RegExp(String.raw`^(<=|>=|≤|≥|<|>|=|under|below|less than|at most|over|above|more than|at least)\s*(${num})\s*(%)?`, 'i');
const changeRangePattern = new RegExp(String.raw`^(${signedNum})\s*(%)?\s*(?:to|-|–|—|\.\.)\s*(${signedNum})\s*(%)?$`, 'i');
const changePattern = new RegExp(String.raw`^(${signedNum})\s*(%)?(?:\s+.*)?$`, 'i');
const exactPattern = new RegExp(String.raw`^~?(${num})\s*(%)?(?:\s+.*)?$`, 'i');
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

const base = { op: null, value: null, upTo: null, percent: false, version: null } as const;

/** Parses a target as written in the overview's success metrics table. */
export function parseTarget(raw: string): Target {
  const text = raw.trim();
  if (text === '' || placeholderPattern.test(text)) return { ...base, raw, kind: 'placeholder' };

  const compare = comparePattern.exec(text);
  if (compare) {
    const [, word = '', value = '', percent] = compare;
    return { ...base, raw, kind: 'compare', op: operatorWords[word.toLowerCase()] ?? '=', value: toNumber(value), percent: percent === '%' };
  }
  const range = changeRangePattern.exec(text);
  if (range) {
    const [, from = '', percentFrom, to = '', percentTo] = range;
    const [near, far] = [toNumber(from), toNumber(to)].toSorted((a, b) => Math.abs(a) - Math.abs(b));
    return { ...base, raw, kind: 'change', value: near ?? null, upTo: far ?? null, percent: percentFrom === '%' || percentTo === '%' };
  }
  const change = changePattern.exec(text);
  if (change) {
    const [, value = '', percent] = change;
    return { ...base, raw, kind: 'change', value: toNumber(value), percent: percent === '%' };
  }
  const version = versionPattern.exec(text);
  if (version && /\d+\.\d+\.\d+/.test(text)) return { ...base, raw, kind: 'version', version: version[1] ?? text };
  const exact = exactPattern.exec(text);
  if (exact) {
    const [, value = '', percent] = exact;
    return { ...base, raw, kind: 'exact', op: '=', value: toNumber(value), percent: percent === '%' };
  }
  return { ...base, raw, kind: 'text' };
}
