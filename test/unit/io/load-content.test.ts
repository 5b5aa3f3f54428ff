import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatusJson } from '../../../src/core/views/status-json.ts';
import { fileURLToPath } from 'node:url';
import { AS_OF } from '../fixtures.ts';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { fixturePath } from '../fixtures.ts';

const packages = {
  // The seed package as found: mojibake README, four bold-line task files.
  'real-world': fixturePath('packages/real-world'),
  // The example package shipped in content/.
  content: fileURLToPath(new URL('../../../content', import.meta.url)),
};

describe.each(Object.entries(packages))('loadContent(%s, AS_OF): the Phase 7 facts', (name, root) => {
  const { phases, bodies, issues } = loadContent(root, AS_OF);
  const [phase] = phases;

  test('one phase, no errors', () => {
    expect(phases.map((p) => [p.id, p.title])).toEqual([['phase-7', 'Phase 7: Quality & Infrastructure']]);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  test('four tasks with their agents, estimates and dependencies', () => {
    expect(phase?.tasks.map((t) => [t.id, t.agent, t.estimateDays, t.dependsOn])).toEqual([
      ['7.1', 'cicd-engineer', 2.4, []],
      ['7.2', 'backend-dev', 2.4, []],
      ['7.3', 'reviewer', 1.2, []],
      ['7.4', 'planner', 1, ['7.3']],
    ]);
    expect(phase?.tasks[3]?.dependencies).toEqual([
      { raw: 'Task 7.3 COMPLETE (code quality) ⚠️', taskIds: ['7.3'], external: false, line: 5, column: 19, links: [], missing: [] },
    ]);
    expect([...bodies.keys()]).toEqual(['phase-7/7.1', 'phase-7/7.2', 'phase-7/7.3', 'phase-7/7.4']);
  });

  test('critical path 2.4 days through 7.1, 7.2 as the alternative; the package states 3.4', () => {
    expect(phase?.criticalPath).toEqual({ taskIds: ['7.1'], days: 2.4, alternatives: [['7.2']], unestimated: 0 });
    expect(phase?.statedDays).toBe(3.4);
  });

  // The seed has no hook logs: clippy has no achieved value. In the example the reviewer's hook message "clippy 12 -> 0" gives it.
  const clippy =
    name === 'content'
      ? {
          achieved: { raw: '0', value: 0 },
          verdict: 'met',
          achievedFrom: { path: 'content/phases/phase-7/hooks/memory.db', key: null, time: '2025-10-24T14:57:40.777Z', said: 'clippy 12 -> 0' },
        }
      : { achieved: null, verdict: 'pending', achievedFrom: null };

  test(`metrics: clippy_warnings 12 → "<20" is ${clippy.verdict}, relative targets on a TBD baseline are unknown`, () => {
    const byKey = new Map(phase?.metrics.map((m) => [m.key, m]));
    expect(byKey.get('clippy_warnings')).toMatchObject({
      label: 'Clippy Warnings',
      baseline: { raw: 12 },
      target: { raw: '<20', kind: 'compare' },
      ...clippy,
      taskIds: ['7.3'],
    });
    expect(phase?.metrics.slice(0, 6).map((m) => [m.key, m.verdict])).toEqual([
      ['build_time_clean', 'unknown'],
      ['build_time_incremental', 'unknown'],
      ['env_variables', 'pending'],
      ['clippy_warnings', clippy.verdict],
      ['dead_code_loc', 'unknown'],
      ['version', 'pending'],
    ]);
  });
});

describe('loadContent(real-world, AS_OF): what is particular to the seed', () => {
  const { phases, issues } = loadContent(packages['real-world'], AS_OF);
  const tasks = phases[0]?.tasks ?? [];

  test('7.1 depends on "Phase 6 complete ✅", which is outside the package', () => {
    expect(tasks[0]?.dependencies).toMatchObject([{ raw: 'Phase 6 complete ✅', taskIds: [], external: true, links: [], missing: [] }]);
    expect(tasks[0]?.dependsOn).toEqual([]);
  });

  test('without hook logs nothing has started: the phase is pending at 0%, as of its Created time', () => {
    expect(tasks.slice(0, 3).map((t) => [t.status, t.statusText, t.statusEvidence.kind])).toEqual(Array(3).fill(['pending', 'Ready to execute', 'authored']));
    expect(phases[0]).toMatchObject({
      status: 'pending',
      progress: 0,
      statusText: '🟢 Ready for Agent Execution',
      asOf: '2025-10-23T08:00:00.000Z',
      events: [],
    });
  });

  test('7.4 "⏸️ Waiting for Task 7.3" is not started (waiting is not blocked), and its health says it waits', () => {
    expect(tasks[3]).toMatchObject({ status: 'pending', statusText: '⏸️ Waiting for Task 7.3' });
    expect(tasks[3]!.health?.state).not.toBe('blocked');
  });

  test('the only issue is the mojibake warning for the README', () => {
    expect(issues.map(formatIssue)).toEqual([
      'test/fixtures/packages/real-world/phases/phase-7/README.md:3:1 warning Repaired 96 garbled character sequences (UTF-8 read as Mac Roman).\n  hint: Save the file as UTF-8 to keep emoji and symbols intact.',
    ]);
    expect(phases[0]?.warnings).toEqual(issues.map(formatIssue));
  });
});

describe('loadContent(content, AS_OF): what is particular to the example', () => {
  const { phases, issues } = loadContent(packages.content, AS_OF);
  const tasks = phases[0]?.tasks ?? [];

  test('no issues at all', () => {
    expect(issues).toEqual([]);
  });

  test('7.1 uses frontmatter with an empty dependency list; 7.4 "⏸️ Pending (starts after Task 7.3)" is pending', () => {
    expect(tasks[0]).toMatchObject({ metadataStyle: 'frontmatter', dependencies: [], title: 'Build Infrastructure' });
    expect(tasks[3]).toMatchObject({ status: 'pending', statusText: '⏸️ Pending (starts after Task 7.3)' });
  });

  test('the hook logs move 7.1 and 7.2 to in progress and 7.3 to complete; 7.4 has not started', () => {
    expect(tasks.map((t) => [t.id, t.status, t.startedAt, t.completedAt])).toEqual([
      ['7.1', 'in_progress', '2025-10-23T08:30:04.611Z', null],
      ['7.2', 'in_progress', '2025-10-23T08:31:22.025Z', null],
      ['7.3', 'complete', '2025-10-23T08:32:41.349Z', '2025-10-24T15:01:09.051Z'],
      ['7.4', 'pending', null, null],
    ]);
    expect(tasks[2]?.statusEvidence).toEqual({
      status: 'complete',
      kind: 'memory.set',
      time: '2025-10-24T15:01:09.051Z',
      path: 'content/phases/phase-7/hooks/memory-store.json',
      key: 'coordination phase7/code_quality/status',
      summary: 'phase7/code_quality/status = "complete"',
    });
    expect(phases[0]).toMatchObject({ status: 'in_progress', asOf: '2025-10-25T15:58:33.694Z' });
  });

  test('a tracked metric without a target takes its achieved value from the message that reports its change: "compiler warnings 114 -> 9"', () => {
    expect(phases[0]?.metrics.find((m) => m.key === 'compiler_warnings')).toMatchObject({
      baseline: { raw: 114 },
      target: null,
      achieved: { raw: '9', value: 9 },
      achievedFrom: { path: 'content/phases/phase-7/hooks/memory.db', key: null, time: '2025-10-24T12:20:33.226Z', said: 'compiler warnings 114 -> 9' },
    });
  });

  test('every record of both logs is imported or skipped with a reason, and every task event matches a task', () => {
    expect(phases[0]?.dataQuality.sources.map((s) => [s.path.split('/').at(-1), s.format, s.records, s.imported, s.skipped])).toEqual([
      ['memory-store.json', 'claude-flow-memory-store', 4, 4, 0],
      ['memory.db', 'claude-flow-sqlite', 81, 43, 38],
    ]);
    expect(phases[0]?.dataQuality.unmatchedEvents).toBe(0);
  });
});

describe("the build's time when no input is dated", () => {
  test('in a repository: the time of the commit checked out, for every phase and status.json, never the epoch', () => {
    const { phases } = loadContent('test/fixtures/formats/spec-kit-route-log/specs', null);
    const committed = execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' }).trim();
    expect(phases.map((phase) => phase.buildAsOf)).toEqual(phases.map(() => new Date(Number(committed) * 1000).toISOString()));
    expect(buildStatusJson(phases).generatedAt).toBe(new Date(Number(committed) * 1000).toISOString());
  });

  test('outside a repository: the clock', () => {
    const root = mkdtempSync(join(tmpdir(), 'cairn-undated-'));
    cpSync('test/fixtures/formats/spec-kit-route-log/specs', root, { recursive: true });
    const before = Date.now();
    const { phases } = loadContent(root, null);
    expect(phases.length).toBeGreaterThan(0);
    for (const phase of phases) expect(Date.parse(phase.buildAsOf)).toBeGreaterThanOrEqual(before - 1000);
    rmSync(root, { recursive: true, force: true });
  });
});
