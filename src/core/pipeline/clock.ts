/**
 * The build's "now" (schema Clock): a time the build is given wins; in a git checkout it is the time of the commit
 * being built, or the newest evidence read when that is later (hook logs written since the last commit); outside a
 * repository, the machine's clock. Never a time before the newest evidence, so nothing read is "from the future" and
 * no phase is judged before its own dates. Content that ships with Cairn (pipeline/own-content.ts) is judged at its
 * newest evidence.
 */
import { repoOf } from '../io/git.ts';
import { isCairnsOwn } from './own-content.ts';
import type { Clock } from '../schema/package-files.ts';

export function siteClock(given: string | null, newestEvidence: string | null, root: string, now: () => Date = () => new Date()): Clock {
  if (given !== null) return { time: given, source: 'given', commit: null };
  // A recording that ships with Cairn (its example) is judged as it was recorded.
  if (isCairnsOwn(root) && newestEvidence !== null) return { time: new Date(newestEvidence).toISOString(), source: 'recorded', commit: null };
  const repo = repoOf(root);
  const base = repo ? repo.head.time : now().toISOString();
  if (newestEvidence !== null && Date.parse(newestEvidence) > Date.parse(base))
    return { time: new Date(newestEvidence).toISOString(), source: 'evidence', commit: repo?.head ?? null };
  return { time: base, source: repo ? 'commit' : 'clock', commit: repo?.head ?? null };
}
