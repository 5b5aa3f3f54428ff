/**
 * Dates as task files write them ("Started: 2025-03-02", "Completed: 2025-03-04 16:30", "March 2, 2025",
 * "02/03/2025" is not read: day and month order differ by country). Read as UTC, so the same file gives the same
 * time on every machine.
 */
const isoDate = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?)?/i;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthFirst = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i;
const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})/i;

/** The date a text starts with, as ISO 8601 UTC, or null. Emoji and words before it ("✅ 2025-03-04") are skipped. */
export function parseDate(text: string): string | null {
  const start = text.search(
    /\d{4}[-/]\d{1,2}[-/]\d{1,2}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}/,
  );
  if (start < 0) return null;
  const rest = text.slice(start);
  const iso = isoDate.exec(rest);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
    const offset = zone && !/^(z|utc)$/i.test(zone) ? zoneMinutes(zone) : 0;
    return utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), offset);
  }
  const named = monthFirst.exec(rest);
  if (named) return utc(Number(named[3]), months.indexOf(named[1]!.toLowerCase()) + 1, Number(named[2]));
  const dayNamed = dayFirst.exec(rest);
  if (dayNamed) return utc(Number(dayNamed[3]), months.indexOf(dayNamed[2]!.toLowerCase()) + 1, Number(dayNamed[1]));
  return null;
}

function zoneMinutes(zone: string): number {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
  return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

function utc(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, offsetMinutes = 0): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return null;
  const time = Date.UTC(year, month - 1, day, hours, minutes - offsetMinutes, seconds);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null; // February 30th
  return new Date(time).toISOString();
}
