import { describe, expect, test } from 'vitest';
import { deriveActivity } from '../../src/core/model/derive-activity.ts';
import { DAY_MS } from '../../src/core/model/plan.ts';
import type { ImportResult } from '../../src/core/schema/package-files.ts';
import type { HookEvent, Task, TaskStatus } from '../../src/core/schema/model.ts';
import { AS_OF } from './fixtures.ts';
import { hookEvent } from './hook-event.ts';

/** A parsed task of the seed's Phase 7, as it is before the hook logs are applied. */
function task({ id, name, dependsOn = [], status = 'pending' }: { id: string; name: string; dependsOn?: string[]; status?: TaskStatus }): Task {
  const file = `content/phases/phase-7/task-${id}-${name}.md`;
  return {
    id,
    slug: `task-${id}-${name}`,
    phaseId: 'phase-7',
    title: `Task ${id}`,
    agent: 'coder',
    estimateDays: 1,
    estimateText: '1 day',
    dependsOn,
    dependencies: dependsOn.map((dep) => ({ raw: `Task ${dep}`, taskIds: [dep], external: false, line: null, column: null, links: [], missing: [] })),
    status,
    statusText: null,
    cancelled: false,
    optional: false,
    parentId: null,
    priority: null,
    objectives: [],
    deliverables: [],
    successCriteria: [],
    memoryKeys: [],
    metadataStyle: 'frontmatter',
    file,
    startedAt: null,
    completedAt: null,
    elapsedDays: null,
    events: 0,
    files: [],
    statusEvidence: { status, kind: 'authored', time: null, path: file, key: null, summary: 'in the task file' },
    flags: [],
    health: null,
    statusConflict: null,
  };
}

const tasks = [task({ id: '7.3', name: 'code-quality' }), task({ id: '7.4', name: 'release-prep', dependsOn: ['7.3'] })];
const imported = (...events: HookEvent[]): ImportResult[] => [
  {
    events,
    report: {
      path: 'hooks/events.ndjson',
      format: 'cairn-ndjson',
      records: events.length,
      imported: events.length,
      skipped: 0,
      skippedReasons: {},
      newest: null,
      warnings: [],
      redactions: {},
      readWith: [],
      shared: false,
    },
  },
];
const started = (ref: string, time: string) => hookEvent({ kind: 'task.start', time, taskRef: ref });
const ended = (ref: string, time: string) => hookEvent({ kind: 'task.end', time, taskRef: ref, status: 'completed' });
const byId = (activity: ReturnType<typeof deriveActivity>) => Object.fromEntries(activity.tasks.map((one) => [one.id, one]));

describe('deriveActivity: starts before a dependency was complete', () => {
  test.each([
    [
      '7.4 started before 7.3 completed',
      '2025-10-25T09:00:00Z',
      '2025-10-25T10:30:00Z',
      ['Started 2025-10-25 09:00 UTC, before task 7.3 was complete (2025-10-25 10:30 UTC).'],
    ],
    ['7.4 started the moment 7.3 completed', '2025-10-25T10:30:00Z', '2025-10-25T10:30:00Z', []],
    ['7.4 started after 7.3 completed', '2025-10-25T11:00:00Z', '2025-10-25T10:30:00Z', []],
    ['7.3 never completed', '2025-10-25T09:00:00Z', null, ['Started 2025-10-25 09:00 UTC, before task 7.3 was complete.']],
  ])('%s', (_name, start74, end73, flags) => {
    const events = [
      started('task-7.3-code-quality', '2025-10-25T08:00:00Z'),
      started('task-7.4-release-prep', start74),
      ...(end73 ? [ended('task-7.3-code-quality', end73)] : []),
    ];
    const activity = byId(deriveActivity(tasks, imported(...events), AS_OF));
    expect(activity['7.4']!.flags).toEqual(flags);
    expect(activity['7.3']!.flags).toEqual([]);
  });

  test('a task that never started gets no flag', () => {
    expect(byId(deriveActivity(tasks, imported(started('task-7.3-code-quality', '2025-10-25T08:00:00Z')), AS_OF))['7.4']!.flags).toEqual([]);
  });
});

describe("deriveActivity: staleness against the build's as-of time", () => {
  const asOf = Date.parse(AS_OF);
  const ago = (ms: number) => new Date(asOf - ms).toISOString();
  test.each([
    ['newest event 24 h + 1 s old, phase live', [started('task-7.3-code-quality', ago(DAY_MS + 1000))], true],
    ['newest event exactly 24 h old', [started('task-7.3-code-quality', ago(DAY_MS))], false],
    ['newest event 1 h old', [started('task-7.3-code-quality', ago(3_600_000))], false],
    ['old events, but every task complete', [ended('task-7.3-code-quality', ago(3 * DAY_MS)), ended('task-7.4-release-prep', ago(2 * DAY_MS))], false],
    ['old events, one of two tasks complete', [ended('task-7.3-code-quality', ago(3 * DAY_MS))], true],
    ['no timed events', [hookEvent({ kind: 'notify', message: '7.3: no time (Claude Code log)' })], false],
  ])('%s → stale %s', (_name, events, stale) => {
    const { dataQuality } = deriveActivity(tasks, imported(...events), AS_OF);
    expect(dataQuality.stale).toBe(stale);
  });
});

describe('deriveActivity: elapsed days', () => {
  test('complete: start to completion; in progress: start to the newest event, not to the as-of time; not started: null', () => {
    const events = [
      started('task-7.3-code-quality', '2025-10-23T08:00:00Z'),
      ended('task-7.3-code-quality', '2025-10-24T14:00:00Z'),
      started('task-7.4-release-prep', '2025-10-24T12:00:00Z'),
      hookEvent({ kind: 'notify', time: '2025-10-25T00:00:00Z', message: 'release_prep: changelog drafted' }),
    ];
    const activity = byId(deriveActivity([...tasks, task({ id: '7.5', name: 'docs' })], imported(...events), AS_OF));
    expect(
      ['7.3', '7.4', '7.5'].map((id) => [
        activity[id]!.status,
        activity[id]!.startedAt,
        activity[id]!.completedAt,
        activity[id]!.elapsedDays,
        activity[id]!.events,
      ]),
    ).toEqual([
      ['complete', '2025-10-23T08:00:00Z', '2025-10-24T14:00:00Z', 1.25, 2],
      ['in_progress', '2025-10-24T12:00:00Z', null, 0.5, 2],
      ['pending', null, null, null, 0],
    ]);
  });
});

describe('deriveActivity: events', () => {
  test('are redacted, oldest first, with their task and rule; unmatched ones are counted in a warning', () => {
    const { events, dataQuality } = deriveActivity(
      tasks,
      imported(
        hookEvent({ kind: 'notify', time: '2025-10-25T10:00:00Z', message: 'code_quality: leaked GITHUB_TOKEN=ghp_FAKEfakeFAKEfake0123456789abcdefABCD' }),
        hookEvent({ kind: 'notify', time: '2025-10-25T09:00:00Z', message: 'somebody: unrelated' }),
        hookEvent({ kind: 'session.end', time: '2025-10-25T11:00:00Z' }),
      ),
      AS_OF,
    );
    expect(events.map((event) => [event.time, event.message, event.taskId, event.matchedBy])).toEqual([
      ['2025-10-25T09:00:00Z', 'somebody: unrelated', null, null],
      ['2025-10-25T10:00:00Z', 'code_quality: leaked GITHUB_TOKEN=[redacted: github-token]', '7.3', 'message'],
      ['2025-10-25T11:00:00Z', null, null, null],
    ]);
    expect([dataQuality.unmatchedEvents, dataQuality.newestEvent, dataQuality.warnings]).toEqual([
      1,
      '2025-10-25T11:00:00Z',
      ['1 event(s) match no task; they are listed under data quality.'],
    ]);
  });
});

describe('deriveActivity: redactions per source', () => {
  test('counted by kind on the report of the source each event came from', () => {
    const token = 'ghp' + '_' + 'A'.repeat(36); // fake, assembled so that secret scanners do not flag it
    const other = {
      path: 'hooks/other.ndjson',
      format: 'cairn-ndjson' as const,
      records: 1,
      imported: 1,
      skipped: 0,
      skippedReasons: { [`unknown kind ${token}`]: 1 },
      newest: null,
      warnings: [],
      redactions: {},
      readWith: [],
      shared: false,
    };
    const { events, dataQuality } = deriveActivity(
      tasks,
      [
        ...imported(
          hookEvent({
            kind: 'notify',
            time: '2025-10-25T10:00:00Z',
            message: `code_quality: GITHUB_TOKEN=${token}, password=hunter2`,
            source: { format: 'cairn-ndjson', path: 'hooks/events.ndjson', namespace: null, key: null, row: 1 },
          }),
          hookEvent({
            kind: 'memory.set',
            time: '2025-10-25T10:01:00Z',
            memoryKey: 'phase7/code_quality/deploy_token',
            message: 'plain-looking',
            source: { format: 'cairn-ndjson', path: 'hooks/events.ndjson', namespace: null, key: null, row: 2 },
          }),
        ),
        { events: [], report: other },
      ],
      AS_OF,
    );
    expect(events.map((event) => event.message)).toEqual([
      'code_quality: GITHUB_TOKEN=[redacted: github-token], password=[redacted: password]',
      '[redacted: secret]',
    ]);
    expect(dataQuality.sources.map((source) => [source.path, source.redactions, Object.keys(source.skippedReasons)])).toEqual([
      ['hooks/events.ndjson', { 'github-token': 1, password: 1, secret: 1 }, []],
      ['hooks/other.ndjson', { 'github-token': 1 }, ['unknown kind [redacted: github-token]']],
    ]);
  });
});

describe("deriveActivity: the start and end a task's own source states (a task store's startedAt, completedAt)", () => {
  const stored = (status: TaskStatus, startedAt: string | null, completedAt: string | null): Task => {
    const one = task({ id: '7.3', name: 'code-quality', status });
    return { ...one, startedAt, completedAt, statusEvidence: { ...one.statusEvidence, time: status === 'complete' ? completedAt : startedAt } };
  };

  test("with no hook log, the stated start and the dated completion are the task's", () => {
    const activity = byId(deriveActivity([stored('complete', '2025-10-24T09:00:00Z', '2025-10-25T09:00:00Z')], [], AS_OF));
    expect([activity['7.3']!.startedAt, activity['7.3']!.completedAt, activity['7.3']!.elapsedDays]).toEqual([
      '2025-10-24T09:00:00Z',
      '2025-10-25T09:00:00Z',
      1,
    ]);
  });

  test('an undated completion stays unknown; a start stated without a completion stays a start', () => {
    const undated = task({ id: '7.3', name: 'code-quality', status: 'complete' });
    expect(byId(deriveActivity([{ ...undated, completedAt: '2025-10-25T09:00:00Z' }], [], AS_OF))['7.3']!.completedAt).toBeNull();
    expect(byId(deriveActivity([stored('in_progress', '2025-10-24T09:00:00Z', null)], [], AS_OF))['7.3']!.startedAt).toBe('2025-10-24T09:00:00Z');
  });

  test("the hook logs' start and end win over the stored ones", () => {
    const activity = byId(
      deriveActivity(
        [stored('in_progress', '2025-10-24T09:00:00Z', null)],
        imported(started('task-7.3-code-quality', '2025-10-24T08:00:00Z'), ended('task-7.3-code-quality', '2025-10-26T08:00:00Z')),
        AS_OF,
      ),
    );
    expect([activity['7.3']!.status, activity['7.3']!.startedAt, activity['7.3']!.completedAt]).toEqual([
      'complete',
      '2025-10-24T08:00:00Z',
      '2025-10-26T08:00:00Z',
    ]);
  });
});
