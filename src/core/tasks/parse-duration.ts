/** Working time per unit, in days: a working day is 8 hours and a working week 5 days. */
export const daysPerUnit: Record<string, number> = {
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
};

export type DurationResult = { ok: true; days: number } | { ok: false; reason: string };

// "2.4 days", "1 day", "6h", "2 weeks", "~3 days", "1,5 d", "2-3 days" (a range takes its upper end).
const durationPattern = /^~?\s*(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?))?\s*([a-z]+)\b/i;

/** Parses an estimate into working days. A bare number is taken as days. */
export function parseDuration(text: string | number): DurationResult {
  if (typeof text === 'number') {
    return Number.isFinite(text) && text >= 0 ? { ok: true, days: text } : { ok: false, reason: 'not a positive number' };
  }
  const trimmed = text.trim();
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return finiteDays(toNumber(trimmed));
  const match = durationPattern.exec(trimmed);
  if (!match) return { ok: false, reason: 'no number with a unit' };
  const [, low = '', high, unit = ''] = match;
  // Object.hasOwn: "2 constructor" must not find Object's own members (it gave NaN days).
  const perUnit = Object.hasOwn(daysPerUnit, unit.toLowerCase()) ? daysPerUnit[unit.toLowerCase()] : undefined;
  if (perUnit === undefined) return { ok: false, reason: `unknown unit "${unit}"` };
  return finiteDays(round(toNumber(high ?? low) * perUnit));
}

/** A number of days, unless it is past a double ("9" × 400 reads as Infinity). */
function finiteDays(days: number): DurationResult {
  return Number.isFinite(days) ? { ok: true, days } : { ok: false, reason: 'the number is too large' };
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Rounds to 4 decimals so that 6h is 0.75 and sums of estimates stay tidy. */
export function round(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
