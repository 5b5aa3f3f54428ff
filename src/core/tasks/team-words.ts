/**
 * A team's own words (cairn.config.json's `statusWords` and `fields`), understood beside the built-in vocabulary by
 * every reader while one phase is built. Phases are built one at a time in a process (or worker), and `withTeamWords`
 * sets the words for exactly the duration of one build, so a read never sees another team's or a stale set.
 */
import type { FieldName, StatusMeaning } from './vocabulary.ts';

interface TeamWords {
  /** Folded key (as foldKey folds it) → field. */
  fields: Readonly<Record<string, FieldName>>;
  /** Lower-case status word or phrase → meaning. */
  statusWords: Readonly<Record<string, StatusMeaning>>;
  /** The status words as one pattern, longest first, whole words only; null when there are none. */
  statusPattern: RegExp | null;
}

const none: TeamWords = { fields: {}, statusWords: {}, statusPattern: null };
let current: TeamWords = none;

/** Runs `build` with the team's words understood, and forgets them after. */
export function withTeamWords<T>(
  words: { fields: Readonly<Record<string, FieldName>>; statusWords: Readonly<Record<string, StatusMeaning>> },
  build: () => T,
): T {
  const phrases = Object.keys(words.statusWords).toSorted((a, b) => b.length - a.length);
  const previous = current;
  current =
    phrases.length === 0 && Object.keys(words.fields).length === 0
      ? none
      : {
          ...words,
          statusPattern:
            phrases.length === 0
              ? null
              : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${phrases.map((phrase) => RegExp.escape(phrase)).join('|')})(?![\\p{L}\\p{N}_])`, 'giu'),
        };
  try {
    return build();
  } finally {
    current = previous;
  }
}

/** The field a team's own key names, or undefined. */
export function teamField(folded: string): FieldName | undefined {
  return Object.hasOwn(current.fields, folded) ? current.fields[folded] : undefined;
}

/** The team's status words found in `text`, each with its meaning and where it starts. */
export function teamStatusWords(text: string): { meaning: StatusMeaning; index: number; length: number }[] {
  if (!current.statusPattern) return [];
  return [...text.matchAll(current.statusPattern)].map((match) => ({
    meaning: current.statusWords[match[0].toLowerCase()]!,
    index: match.index,
    length: match[0].length,
  }));
}
