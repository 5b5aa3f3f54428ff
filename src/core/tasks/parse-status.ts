import type { TaskStatus } from '../schema/model.ts';
import { statusVocabulary, type StatusMeaning } from './vocabulary.ts';
import { teamStatusWords } from './team-words.ts';

const isWordy = (phrase: string) => /^[\p{L}\p{N}]/u.test(phrase);

// Longest phrases first, so "not started" is found before "started" and "in review" before "review". Phrases that
// open with a letter or digit match whole words only, under one pair of lookarounds: a pair per phrase made the
// pattern slow to compile (each \p{...} class is large), in every process and worker that reads a task file. A
// phrase of the other kind (an emoji) cannot start where a word does, so the two groups never compete.
const phrases = Object.keys(statusVocabulary).toSorted((a, b) => b.length - a.length);
const alternatives = (list: string[]) => list.map((phrase) => RegExp.escape(phrase)).join('|');
const statusPattern = new RegExp(
  `(?<![\\p{L}\\p{N}_'])(?:${alternatives(phrases.filter(isWordy))})(?![\\p{L}\\p{N}_])|${alternatives(phrases.filter((phrase) => !isWordy(phrase)))}`,
  'giu',
);

/** How far along each status is: a later status is further, and pending and blocked are equally far. */
export const statusRank: Record<TaskStatus, number> = { pending: 0, blocked: 0, in_progress: 1, complete: 2 };

/**
 * What a status as written means, or null when it has no status word. Real task files say "Ready to execute",
 * "⏸️ Waiting for Task 7.3" or "Pending (after 7.3 is complete)": a text that opens with a status word means that
 * word, whatever follows. A text that opens with something else and names parts of the work
 * ("🟢 Backend complete – integration pending") is in progress when a later part is less far along than the first.
 */
export function parseStatusMeaning(text: string): StatusMeaning | null {
  // A team's own words (cairn.config.json's statusWords) come first where they start at the same place as a built-in one.
  const team = teamStatusWords(text);
  const builtIn = [...text.matchAll(statusPattern)]
    .filter((match) => !team.some((word) => match.index >= word.index && match.index < word.index + word.length))
    .map((match) => ({ meaning: statusVocabulary[match[0].toLowerCase()]!, index: match.index }));
  const sorted = [...team, ...builtIn].toSorted((a, b) => a.index - b.index);
  // A mark followed by words says the same thing less precisely: in "⏳ ON HOLD" the word decides (blocked, not pending).
  const [mark, word] = sorted;
  const markThenWord =
    mark &&
    word &&
    !/^[\p{L}\p{N}]/u.test(text.slice(mark.index)) &&
    /^[^\p{L}\p{N}]*$/u.test(text.slice(mark.index, word.index).replace(/^\S+/u, '')) &&
    /^[\p{L}\p{N}]/u.test(text.slice(word.index));
  const found = markThenWord ? sorted.slice(1) : sorted;
  const [first] = found;
  if (!first) return null;
  const lead = text.slice(0, first.index).replace(/[^\p{L}\p{N}]/gu, '');
  if (lead === '' || first.meaning !== 'complete') return first.meaning;
  return found.some((later) => statusRank[statusOfMeaning(later.meaning)] < statusRank.complete) ? 'in_progress' : 'complete';
}

/**
 * The task status a status word's meaning gives: cancelled work is closed, so it counts as complete (its reader also
 * marks the task cancelled, which leaves it out of progress and the critical path).
 */
export function statusOfMeaning(meaning: StatusMeaning): TaskStatus {
  return meaning === 'cancelled' ? 'complete' : meaning;
}

/** The package status a text names (statusOfMeaning); null when no status word matches. */
export function parseStatus(text: string): TaskStatus | null {
  const meaning = parseStatusMeaning(text);
  return meaning === null ? null : statusOfMeaning(meaning);
}
