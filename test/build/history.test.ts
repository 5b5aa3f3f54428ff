/**
 * A team's repository with three weeks of commits and nothing else to date it (test/history-repo.ts: no hook logs, no
 * snapshots/, no dates in the files), built as the team builds it, with no time given. The site takes its dates from
 * the commits: each task's start and finish, the burn-up, the time it is judged at; its versions from the two tags,
 * with what changed between them; and `--at` builds the site as it stood at the first tag.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HISTORY, makeHistoryRepo } from '../history-repo.ts';
import { buildSite, earlyDates } from './build-site.ts';

const repo = makeHistoryRepo(mkdtempSync(join(tmpdir(), 'cairn-history-site-')));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const content = join(repo, 'work');
const at = (step: number) => new Date(HISTORY[step]!.time).toISOString();
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const short = (rev: string) => execFileSync('git', ['rev-parse', '--short=7', `${rev}^{commit}`], { cwd: repo, encoding: 'utf8' }).trim();

describe('the site of a repository dated only by its commits', () => {
  const build = buildSite({ content, asOf: null });

  it('builds, and holds no date the inputs do not have', () => {
    expect(build.status, build.output).toBe(0);
    expect(earlyDates(build)).toEqual([]);
  });

  it('is judged at the time of the commit built, and says so', () => {
    expect(build.statusJson().generatedAt).toBe(at(5));
    expect(text(build.page('index.html'))).toContain(`Live state as of 2026-03-20 15:20 UTC (the time of commit ${short('HEAD')}, the one built)`);
  });

  it('gives each task the start and finish of the commits that changed its status, naming the commit', () => {
    const tasks = Object.fromEntries(build.statusJson().phases.flatMap((phase) => phase.tasks.map((task) => [task.id, [task.startedAt, task.completedAt]])));
    expect(tasks).toEqual({
      '2.1': [at(1), at(2)],
      '2.2': [at(2), at(4)],
      'TASK-001': [at(1), at(3)],
      'TASK-002': [null, at(5)],
    });
    const page = text(build.page('phase-2/tasks/task-2.1-index/index.html'));
    expect(page).toContain(`since commit ${short('HEAD~3')} by Ada Park`);
  });

  it('draws the burn-up from the commits, with the tagged versions on it', () => {
    const dashboard = text(build.page('phase-2/index.html'));
    expect(dashboard).toContain(
      'Progress over time, as numbers Day Complete Frozen versions Scope 2026-03-02 0 — 100 2026-03-04 0 — 100 2026-03-09 50 50 100 2026-03-18 100 — 100 2026-03-20 100 100 100',
    );
  });

  it('lists the tags as versions 1.0.0 and 1.1.0, with the changes between them', () => {
    const versions = text(build.page('v/index.html'));
    expect(versions).toContain(`1.1.0 2026-03-20 15:20 UTC board, phase-2 3 tag v1.1.0 (commit ${short('v1.1.0')} by Ben Osei)`);
    expect(versions).toContain(`1.0.0 2026-03-09 10:15 UTC board, phase-2 — tag v1.0.0 (commit ${short('v1.0.0')} by Ada Park)`);
    const changes = text(build.page('v/1.1.0/index.html'));
    expect(changes).toContain('Task TASK-001 Log in with a passkey (board): In progress → Complete');
    expect(changes).toContain('Task 2.2 Answer search queries (phase-2): In progress → Complete');
  });
});

describe('--at', () => {
  it('builds the site as it stood at the first tag', () => {
    const build = buildSite({ content, asOf: null, args: ['--at', 'v1.0.0'] });
    expect(build.status, build.output).toBe(0);
    const status = build.statusJson();
    expect(status.generatedAt).toBe(at(2));
    const tasks = Object.fromEntries(status.phases.flatMap((phase) => phase.tasks.map((task) => [task.id, task.status])));
    expect(tasks).toEqual({ '2.1': 'complete', '2.2': 'in_progress', 'TASK-001': 'in_progress', 'TASK-002': 'pending' });
    expect(text(build.page('v/index.html'))).not.toContain('1.1.0');
    expect(earlyDates(build)).toEqual([]);
  });

  it('says what is wrong with a revision the repository does not have', () => {
    const build = buildSite({ content, asOf: null, args: ['--at', 'v9.9.9'] });
    expect(build.status).toBe(1);
    expect(build.output).toContain('--at v9.9.9: the repository at');
    expect(build.output).toContain('has no commit, tag or branch named "v9.9.9".');
  });
});

describe('a third version: how the forecasts held', () => {
  it("shows each version's simulated ends against when the phase finished, and the same content gives the same bytes", () => {
    // v1.0.1 on 13 March: task 2.2 was four days into a task whose one finished predecessor took 2.41× its estimate.
    execFileSync('git', ['-c', 'tag.gpgsign=false', 'tag', 'v1.0.1', 'HEAD~2'], { cwd: repo });
    const first = buildSite({ content, asOf: null });
    expect(first.status, first.output).toBe(0);
    const dashboard = text(first.page('phase-2/index.html'));
    expect(dashboard).toContain(
      'How the forecasts held In 2 versions the P85 end was missed twice. Made at the end of 1 week of the history, it was missed once.',
    );
    expect(dashboard).toContain('version 1.0.1 2026-03-13 16:45 UTC 2026-03-14 2026-03-14 2026-03-14 missed: not finished by P85');
    expect(dashboard).toContain('version 1.0.0 2026-03-09 10:15 UTC 2026-03-14 2026-03-14 2026-03-14 missed: not finished by P85');
    expect(dashboard).toContain('history, week to 2026-03-16 2026-03-16 09:00 UTC 2026-03-16 2026-03-16 2026-03-16 missed: not finished by P85');
    const frozen = text(first.page('v/1.0.0/phase-2/index.html'));
    expect(frozen).toContain('Simulated: 2026-03-14 (P50–P95) (1,000 runs at 1 finished task');
    const again = buildSite({ content, asOf: null });
    const bytes = (build: typeof first) =>
      build
        .files()
        .filter((file) => !file.includes('/pagefind/'))
        .map((file) => [file.slice(build.outDir.length), readFileSync(file, 'utf8')]);
    expect(bytes(again)).toEqual(bytes(first));
  });
});
