import { describe, expect, test } from 'vitest';
import type { HookEvent, StatusEvidence } from '../../src/core/schema/model.ts';
import { chronological, deriveTaskTimeline } from '../../src/core/model/status.ts';
import { hookEvent } from './hook-event.ts';

const authored: StatusEvidence = {
  status: 'pending',
  kind: 'authored',
  time: null,
  path: 'content/phases/phase-7/task-7.1-build-infra.md',
  key: 'line 6',
  summary: '"Ready to execute" in the task file',
};
const db = 'content/phases/phase-7/hooks/memory.db';
const store = 'content/phases/phase-7/hooks/memory-store.json';

// Run 1's 7.1, as the importers give it (times from the generated run).
const start = (time: string, description = 'Task 7.1: Build Infrastructure') =>
  hookEvent({
    kind: 'task.start',
    time,
    taskRef: 'task-1795523619627-vquslt32a',
    description,
    status: 'started',
    source: { format: 'claude-flow-sqlite', path: db, namespace: 'task-index', key: 'task-index:1795523619649', row: 2 },
  });
const end = (time: string, status = 'completed') =>
  hookEvent({
    kind: 'task.end',
    time,
    taskRef: 'task-7.1-build-infra',
    status,
    source: { format: 'claude-flow-sqlite', path: db, namespace: 'hooks:post-task', key: 'task:task-7.1-build-infra:completed', row: 26 },
  });
const memory = (time: string, key: string, value: string) =>
  hookEvent({
    kind: 'memory.set',
    time,
    memoryKey: key,
    status: value,
    message: value,
    source: { format: 'claude-flow-memory-store', path: store, namespace: 'coordination', key, row: 1 },
  });

const T1 = '2026-11-24T12:33:39.649Z';
const T2 = '2026-11-24T12:34:00.305Z';
const T3 = '2026-11-24T12:34:00.990Z';
const T4 = '2026-11-24T12:40:00.000Z';
const startEvidence = {
  status: 'in_progress',
  kind: 'task.start',
  time: T1,
  path: db,
  key: 'task-index task-index:1795523619649',
  summary: 'started: Task 7.1: Build Infrastructure',
};
const endEvidence = {
  status: 'complete',
  kind: 'task.end',
  time: T2,
  path: db,
  key: 'hooks:post-task task:task-7.1-build-infra:completed',
  summary: 'finished (task-7.1-build-infra)',
};

describe('deriveTaskTimeline', () => {
  test('no events: the authored status and its evidence', () => {
    expect(deriveTaskTimeline(authored, [])).toEqual({
      status: 'pending',
      evidence: authored,
      startedAt: null,
      completedAt: null,
      changes: [],
      disagreement: null,
    });
  });

  test('pre-task → in_progress, with the start as evidence', () => {
    expect(deriveTaskTimeline(authored, [start(T1)])).toEqual({
      status: 'in_progress',
      evidence: startEvidence,
      startedAt: T1,
      completedAt: null,
      changes: [startEvidence],
      disagreement: null,
    });
  });

  test('post-task → complete, whatever the input order', () => {
    expect(deriveTaskTimeline(authored, [end(T2), start(T1)])).toEqual({
      status: 'complete',
      evidence: endEvidence,
      startedAt: T1,
      completedAt: T2,
      changes: [startEvidence, endEvidence],
      disagreement: null,
    });
  });

  test('a post-task alone completes a task that never reported a start', () => {
    expect(deriveTaskTimeline({ ...authored, status: 'in_progress' }, [end(T2)])).toMatchObject({ status: 'complete', startedAt: null, completedAt: T2 });
  });

  test('a later "in_progress: …" at …/status overrides an earlier complete, at its time', () => {
    const value = 'in_progress: sccache + shared target-dir done, cargo-sweep next';
    const reopened = {
      status: 'in_progress',
      kind: 'memory.set',
      time: T3,
      path: store,
      key: 'coordination phase7/build_infra/status',
      summary: `phase7/build_infra/status = "${value}"`,
    };
    expect(deriveTaskTimeline(authored, [start(T1), end(T2), memory(T3, 'phase7/build_infra/status', value)])).toEqual({
      status: 'in_progress',
      evidence: reopened,
      startedAt: T1,
      completedAt: null,
      changes: [startEvidence, endEvidence, reopened],
      disagreement: null,
    });
  });

  test('and the reverse: a later post-task overrides an earlier "in_progress" value', () => {
    expect(deriveTaskTimeline(authored, [start(T1), memory('2026-11-24T12:33:50.000Z', 'phase7/build_infra/status', 'in_progress'), end(T2)])).toEqual({
      status: 'complete',
      evidence: endEvidence,
      startedAt: T1,
      completedAt: T2,
      changes: [startEvidence, endEvidence],
      disagreement: null,
    });
  });

  test('a later "complete" value completes the task at the value\'s time', () => {
    expect(deriveTaskTimeline(authored, [start(T1), memory(T3, 'phase7/build_infra/status', 'complete')])).toMatchObject({
      status: 'complete',
      evidence: { kind: 'memory.set', time: T3 },
      completedAt: T3,
    });
  });

  test.each([
    ['status', 'blocked: waiting for review', 'blocked'],
    ['status', 'BLOCKED', 'blocked'],
    ['status', 'pending', 'pending'],
    ['blockers', '7.3 not merged yet', 'blocked'],
    ['blockers', '["waiting on 7.3"]', 'blocked'],
    ['blocker', 'review', 'blocked'],
    ['blockers', 'none', 'in_progress'],
    ['blockers', '[]', 'in_progress'],
    ['blockers', '', 'in_progress'],
    ['status', 'sccache installed', 'in_progress'], // no status word: ignored
    ['notes', 'blocked: not a status key', 'in_progress'],
  ])('…/%s = %j after a start → %s', (leaf, value, status) => {
    expect(deriveTaskTimeline(authored, [start(T1), memory(T3, `phase7/7.1/${leaf}`, value)]).status).toBe(status);
  });

  test.each([['failed'], ['error: exit 101'], ['FAILED']])('a task end with status %j does not complete the task', (status) => {
    expect(deriveTaskTimeline(authored, [start(T1), end(T2, status)])).toEqual({
      status: 'in_progress',
      evidence: startEvidence,
      startedAt: T1,
      completedAt: null,
      changes: [startEvidence],
      disagreement: null,
    });
  });

  test('startedAt is the first start; the evidence is the latest (a restart)', () => {
    const timeline = deriveTaskTimeline(authored, [start(T3, 'Task 7.1: Build Infrastructure (restart)'), start(T1)]);
    expect([timeline.startedAt, timeline.evidence.time, timeline.evidence.summary]).toEqual([T1, T3, 'started: Task 7.1: Build Infrastructure (restart)']);
  });

  test('completedAt is null once a later value takes the task out of complete, and the last completion when it returns', () => {
    expect(deriveTaskTimeline(authored, [start(T1), end(T2), memory(T3, 'phase7/7.1/status', 'blocked: waiting for review')])).toMatchObject({
      status: 'blocked',
      completedAt: null,
    });
    expect(deriveTaskTimeline(authored, [start(T1), end(T2), memory(T3, 'phase7/7.1/status', 'in_progress'), end(T4)])).toMatchObject({
      status: 'complete',
      completedAt: T4,
    });
  });

  test('changes leave out steps that repeat the status and steps without a time', () => {
    const undated = hookEvent({
      kind: 'task.end',
      time: null,
      status: 'complete',
      source: { format: 'cairn-ndjson', path: 'hooks/events.ndjson', namespace: null, key: null, row: 9 },
    });
    const { changes } = deriveTaskTimeline(authored, [start(T1), start(T3, 'again'), undated, end(T4)]);
    expect(changes.map((step) => [step.status, step.time])).toEqual([
      ['in_progress', T1],
      ['complete', T4],
    ]);
    // A task the file already calls in progress: its start is no change.
    expect(deriveTaskTimeline({ ...authored, status: 'in_progress' }, [start(T1)]).changes).toEqual([]);
  });

  test("the task file wins when its status names a later time than the logs' latest step, and the two are shown to disagree", () => {
    const blocked = {
      ...authored,
      status: 'blocked' as const,
      time: '2026-11-24T13:00:00.000Z',
      summary: '"Blocked since 2026-11-24 13:00 (legal sign-off)" in the task file',
    };
    const timeline = deriveTaskTimeline(blocked, [start(T1)]);
    expect([timeline.status, timeline.evidence, timeline.disagreement]).toEqual(['blocked', blocked, startEvidence]);
    // An older date in the file: the logs win, and the file's status is the one that disagrees.
    const older = { ...blocked, time: '2026-11-24T12:00:00.000Z' };
    expect(deriveTaskTimeline(older, [start(T1)])).toMatchObject({ status: 'in_progress', evidence: startEvidence, disagreement: older });
    // A file that says only the plan's starting point (pending) is not a disagreement.
    expect(deriveTaskTimeline(authored, [start(T1)]).disagreement).toBeNull();
  });

  test('evidence of an event without namespace or key names its row', () => {
    const ndjson = hookEvent({
      kind: 'task.end',
      time: T2,
      status: 'complete',
      source: { format: 'cairn-ndjson', path: 'hooks/events.ndjson', namespace: null, key: null, row: 7 },
    });
    expect(deriveTaskTimeline(authored, [ndjson]).evidence).toEqual({
      status: 'complete',
      kind: 'task.end',
      time: T2,
      path: 'hooks/events.ndjson',
      key: '#7',
      summary: 'finished',
    });
  });
});

describe('chronological', () => {
  test('by time, then by order; timeless events after timed ones, in order', () => {
    const events: HookEvent[] = [
      hookEvent({ kind: 'notify', message: 'a' }),
      hookEvent({ kind: 'notify', time: T2, message: 'b' }),
      hookEvent({ kind: 'notify', time: T1, message: 'c' }),
      hookEvent({ kind: 'notify', message: 'd' }),
      hookEvent({ kind: 'notify', time: T1, message: 'e' }),
    ];
    expect(chronological(events).map((event) => event.message)).toEqual(['c', 'e', 'b', 'a', 'd']);
    expect(events.map((event) => event.message)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
