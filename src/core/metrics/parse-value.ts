import type { MetricValue } from '../schema/model.ts';
import { secondsPerUnit } from './units.ts';

// Values that stand for "not measured yet": "TBD", "pending_tokei", "Unknown", "N/A", "?".
const placeholderPattern = /^(tbd|tba|unknown|n\/?a|none|null|pending(?:[_\s-].*)?|todo|\?+|-+|—|–)$/i;
const numberText = String.raw`[-+]?\d+(?:,\d{3})*(?:\.\d+)?`;
const ratioPattern = new RegExp(String.raw`^(${numberText})\s*/\s*(${numberText})(?:\s*\(\s*(${numberText})\s*%\s*\))?$`);
const percentPattern = new RegExp(String.raw`^(${numberText})\s*%$`);
const versionPattern = /^v?\d+(?:\.(?:\d+|x|\*))+(?:[-+][\w.]+)?$/i;
const numberWithUnitPattern = new RegExp(String.raw`^~?\s*(${numberText})\s*([^\d\s].*)?$`);

const toNumber = (text: string): number => Number(text.replace(/,/g, ''));

/** Parses a free-form metric value. Numbers stay numbers; text is read as a ratio, percentage, duration, version or placeholder. */
export function parseMetricValue(raw: number | string | boolean): MetricValue {
  const value = readMetricValue(raw);
  // Text whose number is past a double ("9" × 400) would read as Infinity: it stays text, with no value.
  return typeof raw === 'string' && value.value !== null && !Number.isFinite(value.value) ? { raw, kind: 'text', value: null, unit: null } : value;
}

function readMetricValue(raw: number | string | boolean): MetricValue {
  if (typeof raw === 'boolean') return { raw: String(raw), kind: 'text', value: raw ? 1 : 0, unit: null };
  if (typeof raw === 'number') return { raw, kind: 'number', value: Number.isFinite(raw) ? raw : null, unit: null };
  const text = raw.trim();
  if (text === '' || placeholderPattern.test(text)) return { raw, kind: 'placeholder', value: null, unit: null };

  const ratio = ratioPattern.exec(text);
  if (ratio) {
    const [, num = '', den = ''] = ratio;
    const denominator = toNumber(den);
    // A ratio compares as a percentage, so "626/630 (99.4%)" and "100%" are on one scale.
    return { raw, kind: 'ratio', value: denominator === 0 ? null : (toNumber(num) / denominator) * 100, unit: '%' };
  }
  const percent = percentPattern.exec(text);
  if (percent) return { raw, kind: 'percent', value: toNumber(percent[1] ?? ''), unit: '%' };
  if (versionPattern.test(text) && !/^\d+\.\d+$/.test(text)) return { raw, kind: 'version', value: null, unit: null };

  const withUnit = numberWithUnitPattern.exec(text);
  if (withUnit) {
    const [, number = '', unit = ''] = withUnit;
    const unitKey = unit.trim().toLowerCase();
    const seconds = Object.hasOwn(secondsPerUnit, unitKey) ? secondsPerUnit[unitKey] : undefined;
    if (seconds !== undefined) return { raw, kind: 'duration', value: toNumber(number) * seconds, unit: 's' };
    return { raw, kind: 'number', value: toNumber(number), unit: unitKey === '' ? null : unit.trim() };
  }
  return { raw, kind: 'text', value: null, unit: null };
}
