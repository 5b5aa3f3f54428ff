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
import { applyAsOf } from '../../../src/core/model/build-phase.ts';
import { reportPhase, reportTask } from '../report-phase.ts';

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

describe('a phase is never judged before its own first date', () => {
  it('judges a phase created after the given time at its Created date, and says so', () => {
    const phase = reportPhase({ created: '2026-05-04T09:00:00Z', tasks: [reportTask({ id: '1.1', estimateDays: 2 })] });
    const judged = applyAsOf(phase, [], '2026-05-01T00:00:00.000Z');
    expect(judged.buildAsOf).toBe('2026-05-04T09:00:00.000Z');
    expect(judged.warnings).toContain(
      'The phase was created 2026-05-04 09:00 UTC, after the time the site is judged at (2026-05-01 00:00 UTC); it is judged at its Created date.',
    );
    expect(Date.parse(judged.forecast!.earliest)).toBeGreaterThanOrEqual(Date.parse('2026-05-04T09:00:00Z'));
    expect(applyAsOf(phase, [], '2026-05-06T00:00:00.000Z').buildAsOf).toBe('2026-05-06T00:00:00.000Z');
  });
});
