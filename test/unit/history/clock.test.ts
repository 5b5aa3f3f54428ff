/**
 * The build's "now" (pipeline/clock.ts): a given time wins; in a git checkout the time of the commit being built,
 * unless evidence read is newer; outside a repository the machine's clock. Never before the newest evidence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteClock } from '../../../src/core/pipeline/clock.ts';
import { clockWords } from '../../../src/core/views/routes.ts';
import { HISTORY, makeHistoryRepo } from '../../history-repo.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `cairn-clock-${name}-`));
  dirs.push(dir);
  return dir;
};
const lastCommit = new Date(HISTORY.at(-1)!.time).toISOString();
const machine = () => new Date('2027-01-01T00:00:00Z');

describe('the site clock', () => {
  const repo = makeHistoryRepo(temp('repo'));
  const outside = temp('outside');

  it('takes a given time over everything', () => {
    const clock = siteClock('2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', join(repo, 'work'), machine);
    expect(clock).toEqual({ time: '2026-05-01T00:00:00.000Z', source: 'given', commit: null });
    expect(clockWords(clock)).toBe('the time this build was given');
  });

  it('is the time of the commit being built in a checkout, not the machine clock', () => {
    const clock = siteClock(null, '2026-03-01T00:00:00.000Z', join(repo, 'work'), machine);
    expect(clock).toMatchObject({ time: lastCommit, source: 'commit', commit: { time: lastCommit, author: 'Ben Osei' } });
    expect(clockWords(clock)).toMatch(/^the time of commit [0-9a-f]{7}, the one built$/);
  });

  it('is the newest evidence when the logs were written after the last commit', () => {
    const clock = siteClock(null, '2026-04-02T10:00:00Z', join(repo, 'work'), machine);
    expect(clock).toMatchObject({ time: '2026-04-02T10:00:00.000Z', source: 'evidence' });
    expect(clockWords(clock)).toMatch(/^the newest evidence read, later than commit [0-9a-f]{7}$/);
  });

  it('is the newest evidence of a package that ships with Cairn (its example), a recording', () => {
    const clock = siteClock(null, '2025-10-25T15:58:33.694Z', 'content', machine);
    expect(clock).toEqual({ time: '2025-10-25T15:58:33.694Z', source: 'recorded', commit: null });
    expect(clockWords(clock)).toBe('the newest evidence read: a package that ships with Cairn is shown as it was recorded');
  });

  it("is the machine's clock outside a repository, and says so", () => {
    const clock = siteClock(null, '2026-03-01T00:00:00.000Z', outside, machine);
    expect(clock).toEqual({ time: '2027-01-01T00:00:00.000Z', source: 'clock', commit: null });
    expect(clockWords(clock)).toBe("this build's clock: the content is not in a git repository");
    expect(siteClock(null, '2028-01-01T00:00:00Z', outside, machine)).toMatchObject({ time: '2028-01-01T00:00:00.000Z', source: 'evidence' });
  });
});
