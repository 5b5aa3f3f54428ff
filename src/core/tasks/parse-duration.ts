import { round } from '../format/round.ts';

/** Working time per unit, in days: a working day is 8 hours and a working week 5 days. */
const daysPerUnit: Record<string, number> = {
  m: 1 / (8 * 60),
  min: 1 / (8 * 60),
  mins: 1 / (8 * 60),
  minute: 1 / (8 * 60),
  minutes: 1 / (8 * 60),
  h: 1 / 8,
  hr: 1 / 8,
  hrs: 1 / 8,
  hour: 1 / 8,
  hours: 1 / 8,
  d: 1,
  day: 1,
  days: 1,
  w: 5,
  wk: 5,
  wks: 5,
  week: 5,
  weeks: 5,
  mo: 20,
  month: 20,
  months: 20,
};

type DurationResult = { ok: true; days: number } | { ok: false; reason: string };

// "2.4 days", "1 day", "6h", "2 weeks", "~3 days", "1,5 d", "2-3 days" (a range takes its upper end).
const durationPattern = /^(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|—|to)\s*(\d+(?:[.,]\d+)?))?\s*([a-z]+)\b/i;
// What may come before the number: "~3 days", "≈ 2h", "About 4 hours", "Est. 2 days", "Up to 1 week".
const approximately = /^(?:~|≈|±|\+\/-|about|approx(?:imately|\.)?|around|roughly|est(?:imated|\.)?|up to|circa|ca\.)\s*/i;
// What joins the parts of a sum: "4 hours 20 minutes", "1h 30m", "2 days and 4 hours", "1 day, 2 hours".
const sumJoint = /^\s*(?:,|\+|and)?\s*/i;

/**
 * Parses an estimate into working days. A bare number is taken in `bareUnit` (days unless the field's name says
 * hours, "Estimated Hours: 6"). Parts add up ("4 hours 20 minutes"); whatever follows the duration is a comment
 * ("2 weeks (completed in 4 days)" is 2 weeks).
 */
export function parseDuration(text: string | number, bareUnit = 'd'): DurationResult {
  const plain = plainDuration(text, bareUnit);
  if (plain.ok || typeof text === 'number') return plain;
  return labelledDuration(text, bareUnit) ?? sizedDuration(text) ?? plain;
}

// A T-shirt size as effort words write it: "M", "XL", "Medium", "X-Large".
const sizeWord = /^(?:X{0,3}S|M|X{0,3}L|[23]XL|(?:x-?|extra[- ]?)?(?:small|large)|medium|tiny|huge)\b/i;
// What joins a size to its duration: "Large (5-7 days)", "S (2h)", "M - 4 hours", "L: 2 days".
const sizeJoint = /^\s*(?:\(|[:\-–—]\s*\(?)?\s*/;

/**
 * A size with its duration, as effort words write it ("Medium (4 hours)", "S (2h)", "Large (5-7 days)"): the
 * duration. A size alone ("M", "Medium (Medium)") is not one; null when the text does not open with a size.
 */
function sizedDuration(text: string): DurationResult | null {
  const size = sizeWord.exec(text.trim());
  if (!size) return null;
  const rest = text.trim().slice(size[0].length).replace(sizeJoint, '');
  const inner = plainDuration(rest, 'd');
  // A bare number after a size ("M (3)") says no unit: it is not read as days.
  if (inner.ok && /^\d+(?:[.,]\d+)?\s*[a-z]/i.test(rest.replace(approximately, '').replace(/^\d+(?:[.,]\d+)?\s*(?:-|–|—|to)\s*/i, ''))) return inner;
  return { ok: false, reason: `a size ("${size[0]}") without hours or days` };
}

// "Hours: 16 hours", "Days: 3": a part of an effort list whose key names the duration or its unit.
const durationKey = /^(?:estimated\s+|est\.?\s+)?(?:hours?|hrs?|days?|weeks?|minutes?|mins?|estimate|effort|duration|time)$/i;
// One "Key: value" part of a list ("Size: M (Medium), Hours: 16 hours, Parallel: false").
const labelledPart = /^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z .]{0,30}?)\s*:\s*(.*?)\s*$/;

/**
 * An effort list of "Key: value" parts (ccpm's "## Effort Estimate" items "Size: M", "Hours: 16 hours",
 * "Parallel: false"): the part whose key is a duration ("Hours", "Days", "Estimate"), in the key's unit when it
 * names one. Null when the text is not such a list; a size with no such part is refused.
 */
function labelledDuration(text: string, bareUnit: string): DurationResult | null {
  const parts = text
    .split(/[,;\n]/)
    .map((part) => labelledPart.exec(part))
    .filter((match) => match !== null);
  if (parts.length === 0) return null;
  const timed = parts.find((match) => durationKey.test(match[1]!.trim()));
  if (timed) {
    const key = timed[1]!.trim().toLowerCase();
    const unit = /^(?:estimated\s+|est\.?\s+)?(hours?|hrs?|minutes?|mins?|days?|weeks?)$/.exec(key)?.[1] ?? bareUnit;
    const value = plainDuration(timed[2]!, Object.hasOwn(daysPerUnit, unit) ? unit : bareUnit);
    return value.ok ? value : (sizedDuration(timed[2]!) ?? value);
  }
  const sized = parts.find((match) => /^(?:size|t-?shirt(?:\s+size)?)$/i.test(match[1]!.trim()));
  return sized ? (sizedDuration(sized[2]!) ?? { ok: false, reason: `a size ("${sized[2]}") without hours or days` }) : null;
}

/** A duration written as numbers and units, or a bare number in `bareUnit`. */
function plainDuration(text: string | number, bareUnit: string): DurationResult {
  const perBare = daysPerUnit[bareUnit] ?? 1;
  if (typeof text === 'number') {
    return Number.isFinite(text) && text >= 0 ? finiteDays(round(text * perBare)) : { ok: false, reason: 'not a positive number' };
  }
  let rest = text.trim().replace(approximately, '');
  if (/^\d+(?:[.,]\d+)?(?:\s*(?:-|–|—|to)\s*\d+(?:[.,]\d+)?)?$/.test(rest)) {
    const numbers = rest.split(/\s*(?:-|–|—|to)\s*/);
    return finiteDays(round(toNumber(numbers.at(-1) ?? '0') * perBare));
  }
  let days = 0;
  let parts = 0;
  for (let match = durationPattern.exec(rest); match; match = durationPattern.exec(rest)) {
    const [whole, low = '', high, unit = ''] = match;
    // Object.hasOwn: "2 constructor" must not find Object's own members (it gave NaN days).
    const perUnit = Object.hasOwn(daysPerUnit, unit.toLowerCase()) ? daysPerUnit[unit.toLowerCase()] : undefined;
    if (perUnit === undefined) {
      if (parts > 0) break;
      return { ok: false, reason: `unknown unit "${unit}"` };
    }
    days += toNumber(high ?? low) * perUnit;
    parts++;
    rest = rest.slice(whole.length).replace(sumJoint, '');
  }
  if (parts === 0) return { ok: false, reason: 'no number with a unit' };
  return finiteDays(round(days));
}

/** A number of days, unless it is past a double ("9" × 400 reads as Infinity). */
function finiteDays(days: number): DurationResult {
  return Number.isFinite(days) ? { ok: true, days } : { ok: false, reason: 'the number is too large' };
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}
