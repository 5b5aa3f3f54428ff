/** How numbers, days, times and durations read on every page and in every message: one rule each. */
import type { MetricValue } from '../schema/model.ts';
import { round } from './round.ts';

/** A number as the pages print it: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(round(value, 2));
}

/** A change with its sign: "+3", "-0.5", "0". */
export function formatSigned(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value)}`;
}

/** A share 0..1 as a whole percentage: 0.754 → 75. */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(count: number): string {
  return count.toLocaleString('en');
}

/** "1 day", "2.4 days", "0.75 days". */
export function formatDays(days: number): string {
  return `${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** An estimate as the pages show it: days, or "no estimate" when the task file gives none that can be read. */
export function formatEstimate(days: number | null): string {
  return days === null ? 'no estimate' : formatDays(days);
}

/** The agent as the pages show it: its name, or "unassigned". */
export function formatAgent(agent: string | null): string {
  return agent ?? 'unassigned';
}

/** A metric value as the ledger shows it: as written, or an em dash when absent. */
export function formatValue(value: MetricValue | null): string {
  return value === null ? '—' : String(value.raw);
}

/** "2025-10-23T08:00:00.000Z" → "2025-10-23 08:00 UTC"; text that is not a date is returned as is. */
export function formatTimestamp(value: string | null): string {
  if (value === null) return 'unknown';
  let text = formatted.get(value);
  if (text === undefined) {
    const time = Date.parse(value);
    text = Number.isNaN(time) ? value : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    // A big site's pages show hundreds of thousands of times, most of them many times over; the texts are kept, up to a bound.
    if (formatted.size >= 100_000) formatted.clear();
    formatted.set(value, text);
  }
  return text;
}

const formatted = new Map<string, string>();

/** 29740 → "29.7 s", 5400000 → "1.5 h". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 6_000) / 10} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 360_000) / 10} h`;
  return `${Math.round(ms / 8_640_000) / 10} days`;
}

/** Text cut to `max` characters with an ellipsis, for labels in a drawing of fixed width. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a day is, everywhere Cairn counts days: said under every plan, forecast and timeline. */
export const DAY_DEFINITION =
  'A day is one estimated working day (8 hours of an estimate in hours, a week 5 days) laid on one calendar day: elapsed time and planned dates count calendar days.';
