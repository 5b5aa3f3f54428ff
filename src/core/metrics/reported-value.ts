/**
 * A metric's achieved value as an agent reported it in a hook message: "clippy 12 -> 0" says the Clippy Warnings
 * metric went from its baseline, 12, to 0. Only a change written with an arrow counts, only when the number before the
 * arrow is the metric's own baseline, and only when a word of the metric's name (not a generic one such as "warnings")
 * stands right before it: a number in prose is never read as a value.
 */
import type { MetricValue } from '../schema/model.ts';
import { parseMetricValue } from './parse-value.ts';

/** A hook message, with where it was written and when. */
export interface ReportedText {
  text: string;
  path: string;
  time: string | null;
}

export interface ReportedValue {
  raw: string;
  /** The words of the message the value was read from: "clippy 12 -> 0". */
  said: string;
  path: string;
  time: string | null;
}

/** Words that name what is measured in many metrics, so never alone tie a message to one. */
const generic = new Set([
  'warnings',
  'warning',
  'errors',
  'error',
  'time',
  'build',
  'code',
  'count',
  'total',
  'rate',
  'tests',
  'test',
  'lines',
  'size',
  'the',
  'and',
  'clean',
  'incremental',
]);

/** The distinctive words of a metric's name: "Clippy Warnings" → clippy. */
function nameWords(label: string): string[] {
  return (label.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []).filter((word) => !generic.has(word));
}

// Up to three words, the number before the arrow, the arrow, the number after it (with a unit or %).
const number = String.raw`-?\d(?:[\d,]*\d)?(?:\.\d+)?`;
const unit = String.raw`(?:%|\s?(?:ms|s|min|h|KB|MB|GB)\b)?`;
const change = new RegExp(String.raw`((?:[A-Za-z][\w-]*\s+){1,3})(${number}${unit})\s*(?:->|→|=>)\s*(${number}${unit})`, 'g');

/** A report of a value is a short line: longer texts (a pasted log, a screenshot in base64) are not read for one. */
const LONGEST_REPORT = 2000;

/** Whether a hook message can report a change: short, with an arrow. Checked once per message, before any metric. */
export function mayReport(text: string): boolean {
  return text.length <= LONGEST_REPORT && (text.includes('->') || text.includes('→') || text.includes('=>'));
}

/** The newest value the messages report for the metric, or null. `messages` oldest first. */
export function reportedValue(label: string, baseline: MetricValue | null, messages: readonly ReportedText[]): ReportedValue | null {
  if (baseline?.value === null || baseline === null) return null;
  const words = nameWords(label);
  if (words.length === 0) return null;
  for (const message of messages.toReversed()) {
    if (!mayReport(message.text)) continue;
    for (const [said, before = '', from = '', to = ''] of message.text.matchAll(change)) {
      const named = before.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? [];
      if (!named.some((word) => words.includes(word))) continue;
      if (parseMetricValue(from).value !== baseline.value) continue;
      const value = parseMetricValue(to.trim());
      if (value.value === null) continue;
      return { raw: to.trim(), said: said.trim(), path: message.path, time: message.time };
    }
  }
  return null;
}
