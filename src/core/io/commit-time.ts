/**
 * The time of the commit a folder is checked out at, from git (present on every CI runner): the build's "now" when no
 * input is dated, so a site is never dated from the Unix epoch and two builds of one commit say the same time.
 */
import { execFileSync } from 'node:child_process';

/** The committer time of HEAD in the repository holding `dir` (ISO 8601, UTC), or null outside a repository or without git. */
export function commitTime(dir: string): string | null {
  try {
    const out = execFileSync('git', ['-C', dir, 'log', '-1', '--format=%ct'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
    return /^\d+$/.test(out) ? new Date(Number(out) * 1000).toISOString() : null;
  } catch {
    return null;
  }
}
