import type { TaskStatus } from '../schema/model.ts';
import { statusVocabulary, type StatusMeaning } from './vocabulary.ts';

const isWordy = (phrase: string) => /^[\p{L}\p{N}]/u.test(phrase);

// Longest phrases first, so "not started" is found before "started" and "in review" before "review".
const phrases = Object.keys(statusVocabulary).toSorted((a, b) => b.length - a.length);
const statusPattern = new RegExp(
  phrases.map((phrase) => (isWordy(phrase) ? `(?<![\\p{L}\\p{N}_'])${RegExp.escape(phrase)}(?![\\p{L}\\p{N}_])` : RegExp.escape(phrase))).join('|'),
  'giu',
);

const progress: Record<StatusMeaning, number> = { pending: 0, blocked: 0, in_progress: 1, complete: 2, cancelled: 2 };

/**
 * What a status as written means, or null when it has no status word. Real task files say "Ready to execute",
 * "⏸️ Waiting for Task 7.3" or "Pending (after 7.3 is complete)": a text that opens with a status word means that
 * word, whatever follows. A text that opens with something else and names parts of the work
 * ("🟢 Backend complete – integration pending") is in progress when a later part is less far along than the first.
 */
export function parseStatusMeaning(text: string): StatusMeaning | null {
  const found = [...text.matchAll(statusPattern)].map((match) => ({ meaning: statusVocabulary[match[0].toLowerCase()]!, index: match.index }));
  const [first] = found;
  if (!first) return null;
  const lead = text.slice(0, first.index).replace(/[^\p{L}\p{N}]/gu, '');
  if (lead === '' || first.meaning !== 'complete') return first.meaning;
  return found.some((later) => progress[later.meaning] < progress.complete) ? 'in_progress' : 'complete';
}

/** The package status a text names; cancelled work is closed, so complete. Null when no status word matches. */
export function parseStatus(text: string): TaskStatus | null {
  const meaning = parseStatusMeaning(text);
  return meaning === 'cancelled' ? 'complete' : meaning;
}
