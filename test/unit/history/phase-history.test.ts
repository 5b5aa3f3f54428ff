/**
 * History as evidence (pipeline/phase-history.ts, model/history.ts): a repository whose task files carry no dates gets
 * them from its commits, each named with its commit and author, in a checkbox list, in bold status lines and in
 * status folders; what the working tree changed since the last commit gets no date; a shallow clone is said.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { openPhaseCache } from '../../../src/core/pipeline/phase-cache.ts';
import { readPhaseHistory } from '../../../src/core/pipeline/phase-history.ts';
import { forgetRepos } from '../../../src/core/io/git.ts';
import type { Phase } from '../../../src/core/schema/model.ts';
import { HISTORY, makeHistoryRepo } from '../../history-repo.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repo(upTo?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-history-test-'));
  made.push(dir);
  return makeHistoryRepo(dir, upTo);
}

function phases(root: string): Map<string, Phase> {
  const loaded = loadContent(root, null, { cache: null, hooks: [] });
  return new Map(loaded.phases.map((phase) => [phase.id, phase]));
}

const task = (phase: Phase | undefined, id: string) => phase?.tasks.find((candidate) => candidate.id === id);
const at = (step: number) => new Date(HISTORY[step]!.time).toISOString();

describe('dates from the commits', () => {
  const dir = repo();
  const work = phases(join(dir, 'work'));
  const specs = phases(join(dir, 'specs'));

  it('dates a ticked checkbox by the commit that ticked it, with its hash and author', () => {
    const checkout = specs.get('001-checkout');
    expect(task(checkout, 'T001')?.completedAt).toBe(at(1));
    expect(task(checkout, 'T004')?.completedAt).toBe(at(5));
    // Added in the fourth commit, ticked in the fifth.
    expect(task(checkout, 'T005')?.completedAt).toBe(at(4));
    const hash = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    expect(task(checkout, 'T004')?.statusEvidence.summary).toBe(`"[x]" at line 13 of the Spec Kit task list, since commit ${hash} by Ben Osei`);
  });

  it('gives a bold status line its start and its finish', () => {
    const search = work.get('phase-2');
    expect(task(search, '2.1')).toMatchObject({ status: 'complete', startedAt: at(1), completedAt: at(2) });
    expect(task(search, '2.2')).toMatchObject({ status: 'complete', startedAt: at(2), completedAt: at(4) });
  });

  it('dates a move between status folders', () => {
    const board = work.get('board');
    expect(task(board, 'TASK-001')).toMatchObject({ status: 'complete', startedAt: at(1), completedAt: at(3) });
    // Moved from backlog/ to completed/ at once: its finish is known, its start is not.
    expect(task(board, 'TASK-002')).toMatchObject({ status: 'complete', startedAt: null, completedAt: at(5) });
  });

  it('forecasts at the end of each week from the tasks as the commits then left them (the backtest)', () => {
    // 9 March 09:00: nothing finished yet, no pace to draw from. 16 March 09:00: 2.1 took 2.41× its estimate, and 2.2
    // has run past that pace already: the simulation can only say "now".
    expect(work.get('phase-2')!.pastForecasts).toEqual([
      { at: '2026-03-16T09:00:00.000Z', p50: '2026-03-16T09:00:00.000Z', p85: '2026-03-16T09:00:00.000Z', p95: '2026-03-16T09:00:00.000Z' },
    ]);
    // Without estimates, from the tasks finished per day so far: one done by 9 March, two by 16 March, of four and five.
    const checkout = specs.get('001-checkout')!.pastForecasts;
    expect(checkout.map((point) => point.at)).toEqual(['2026-03-09T09:00:00.000Z', '2026-03-16T09:00:00.000Z']);
    for (const point of checkout) expect(point.at < point.p50 && point.p50 <= point.p85 && point.p85 <= point.p95).toBe(true);
  });

  it('dates each phase from its first commit and says what it read', () => {
    const board = work.get('board')!;
    expect(board.created).toBe(at(0));
    expect(board.dataQuality.history).toMatchObject({ commits: 4, shallow: false, first: { time: at(0), author: 'Ada Park' }, last: { time: at(5) } });
  });
});

describe('history up to a point', () => {
  it('reads only the commits up to the one checked out', () => {
    const dir = repo(3);
    const search = phases(join(dir, 'work')).get('phase-2');
    expect(task(search, '2.1')?.completedAt).toBe(at(2));
    expect(task(search, '2.2')).toMatchObject({ status: 'in_progress', startedAt: at(2), completedAt: null });
  });

  it('gives no date to a status the working tree changed since the last commit', () => {
    const dir = repo(3);
    const file = join(dir, 'work', 'phases', 'phase-2', 'task-2.2-query.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('**Status:** In Progress', '**Status:** Complete'));
    const query = task(phases(join(dir, 'work')).get('phase-2'), '2.2');
    expect(query).toMatchObject({ status: 'complete', startedAt: at(2), completedAt: null });
    expect(query?.statusEvidence.summary).not.toContain('commit');
  });
});

describe('what has no history', () => {
  it('says a shallow clone is shallow', () => {
    const dir = repo();
    const clone = mkdtempSync(join(tmpdir(), 'cairn-history-shallow-'));
    made.push(clone);
    execFileSync('git', ['clone', '--quiet', '--depth', '2', `file://${dir}`, clone], { stdio: 'ignore' });
    const board = phases(join(clone, 'work')).get('board')!;
    expect(board.dataQuality.history).toMatchObject({ shallow: true, commits: 2 });
  });

  it("reads no history for content inside Cairn's own folder (its commits are Cairn's, not a team's)", () => {
    const example = phases('test/fixtures/packages/minimal');
    expect([...example.values()].every((phase) => phase.dataQuality.history === null)).toBe(true);
  });
});

describe('history read again', () => {
  it('takes up the history where the last read ended, and gives what a whole read gives', () => {
    const dir = repo();
    const root = join(dir, 'work');
    const phase = join(root, 'phases', 'phase-2');
    const cache = openPhaseCache({ CAIRN_CACHE: mkdtempSync(join(tmpdir(), 'cairn-history-cache-')) });
    // Each checkout is a new build, which reads the repository afresh.
    const git = (...args: string[]) => {
      execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
      forgetRepos();
    };
    git('checkout', '--quiet', 'v1.0.0');
    const before = readPhaseHistory(phase, 'phase-2', root, undefined, cache)!;
    expect(before.last.time).toBe(at(2));
    git('checkout', '--quiet', 'main');
    const whole = readPhaseHistory(phase, 'phase-2', root, undefined, null)!;
    expect(whole.last.time).toBe(at(4));
    expect(readPhaseHistory(phase, 'phase-2', root, undefined, cache)).toEqual(whole);
    // What was read before is not read again: a mark left in the kept reading is still there after the next one.
    git('checkout', '--quiet', 'v1.0.0');
    readPhaseHistory(phase, 'phase-2', root, undefined, cache);
    const kept = readdirSync(cache!.dir).find((name) => name.startsWith('history-'))!;
    const entry = JSON.parse(readFileSync(join(cache!.dir, kept), 'utf8'));
    entry.tasks['2.1'].firstSeen.author = 'read before';
    writeFileSync(join(cache!.dir, kept), JSON.stringify(entry));
    git('checkout', '--quiet', 'main');
    const resumed = readPhaseHistory(phase, 'phase-2', root, undefined, cache)!;
    expect(resumed.tasks['2.1']!.firstSeen.author).toBe('read before');
    expect(resumed.tasks['2.2']!.steps.at(-1)).toMatchObject({ status: 'complete', commit: { time: at(4) } });
  });
});
