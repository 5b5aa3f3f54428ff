/**
 * claude-flow v3's task store, .claude-flow/tasks/store.json: the reader (src/core/formats/claude-flow-tasks.ts) and
 * where a content root or a phase folder holds it (src/core/io/claude-task-layouts.ts, read-package.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { claudeFlowTasks } from '../../../src/core/formats/claude-flow-tasks.ts';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';

type Record = { [key: string]: unknown };
const record = (taskId: string, fields: Record = {}): Record => ({
  taskId,
  type: 'feature',
  description: `Work of ${taskId}`,
  priority: 'normal',
  status: 'pending',
  progress: 0,
  assignedTo: [],
  tags: [],
  createdAt: '2026-01-18T10:05:16.475Z',
  startedAt: null,
  completedAt: null,
  ...fields,
});
const store = (...records: Record[]) => JSON.stringify({ tasks: Object.fromEntries(records.map((each) => [each.taskId, each])), version: '3.0.0' }, null, 2);
const read = (text: string) => claudeFlowTasks.read({ path: '.claude-flow/tasks/store.json', text }, 'phase');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('statuses', () => {
  const text = store(
    record('task-1-a', { status: 'pending' }),
    record('task-2-b', { status: 'in_progress', startedAt: '2026-01-18T10:06:00.000Z' }),
    record('task-3-c', { status: 'completed', completedAt: '2026-01-18T11:00:00.000Z' }),
    record('task-4-d', { status: 'failed' }),
    record('task-5-e', { status: 'cancelled', completedAt: '2026-01-18T12:00:00.000Z' }),
    record('task-6-f', { status: 'someday' }),
  );
  const result = read(text);

  test('pending, in_progress, completed and cancelled as they say; failed is blocked; the word kept as written', () => {
    expect(result.tasks.map(({ task }) => [task.id, task.statusText, task.status, task.cancelled])).toEqual([
      ['task-1-a', 'pending', 'pending', false],
      ['task-2-b', 'in_progress', 'in_progress', false],
      ['task-3-c', 'completed', 'complete', false],
      ['task-4-d', 'failed', 'blocked', false],
      ['task-5-e', 'cancelled', 'complete', true],
      ['task-6-f', 'someday', 'pending', false],
    ]);
  });

  test("a word that is no status is a warning at the record's taskId line, and the task is pending", () => {
    const warning = result.issues.find((issue) => issue.message.includes('"someday"'));
    expect(warning).toMatchObject({ severity: 'warning', line: lineOf(text, '"taskId": "task-6-f"') });
  });
});

describe('dates, agents and the title', () => {
  const text = store(
    record('task-1768730716475-li3esh', {
      description: 'Audit the ledger queries\nSecond line of detail',
      status: 'in_progress',
      assignedTo: ['agent-1-x', 'agent-2-y'],
      createdAt: '2026-01-18T10:05:16.475Z',
      startedAt: '2026-01-18T10:05:20.000Z',
      priority: 'critical',
    }),
    record('task-1768730716587-dxvwuq', { status: 'completed', completedAt: '2026-01-18T11:00:00.000Z', result: { checks: 3 } }),
    record('task-1768730716673-nhc0x6', { status: 'completed' }),
    record('task-1768730716756-28efvr', { createdAt: 'yesterday' }),
  );
  const result = read(text);
  const [inProgress, done, undated, oddDate] = result.tasks;

  test('the start and end the store states; a completed task with no startedAt has an unknown start', () => {
    expect([inProgress!.task.startedAt, inProgress!.task.completedAt]).toEqual(['2026-01-18T10:05:20.000Z', null]);
    expect([done!.task.startedAt, done!.task.completedAt]).toEqual([null, '2026-01-18T11:00:00.000Z']);
    expect(done!.task.statusEvidence.time).toBe('2026-01-18T11:00:00.000Z');
  });

  test('a completed record without completedAt: its end unknown, with a warning', () => {
    expect(undated!.task.completedAt).toBeNull();
    expect(result.issues.some((issue) => issue.line === lineOf(text, '"taskId": "task-1768730716673-nhc0x6"') && /no completedAt/.test(issue.message))).toBe(
      true,
    );
  });

  test('createdAt is the creation date only (never a start); one that is no time is a warning and unknown', () => {
    expect(inProgress!.created).toBe('2026-01-18T10:05:16.475Z');
    expect(oddDate!.created).toBeUndefined();
    expect(oddDate!.task.startedAt).toBeNull();
    expect(result.issues.some((issue) => /createdAt "yesterday", which is no time/.test(issue.message))).toBe(true);
  });

  test('agents are the assigned ids, joined; none is unassigned; priority as written', () => {
    expect(inProgress!.task.agent).toBe('agent-1-x, agent-2-y');
    expect(done!.task.agent).toBeNull();
    expect(inProgress!.task.priority).toBe('critical');
  });

  test("the title is the description's first line; the page keeps the rest, the type and the stored result", () => {
    expect(inProgress!.task.title).toBe('Audit the ledger queries');
    expect(inProgress!.content).toContain('Second line of detail');
    expect(done!.content).toContain('"checks": 3');
    expect(done!.content).toContain('- Type: feature');
  });

  test('times: ISO strings as written, milliseconds since 1970, and nothing else', () => {
    const started = (startedAt: unknown) => read(store(record('task-1-a', { status: 'in_progress', startedAt })));
    expect(started('2026-01-18T10:05:16.475Z').tasks[0]!.task.startedAt).toBe('2026-01-18T10:05:16.475Z');
    expect(started(1768730716475).tasks[0]!.task.startedAt).toBe('2026-01-18T10:05:16.475Z');
    for (const [value, bad] of [
      [null, null],
      [0, '0'],
      ['soon', '"soon"'],
    ] as const) {
      const result = started(value);
      expect(result.tasks[0]!.task.startedAt).toBeNull();
      expect(result.issues.map((issue) => issue.message)).toEqual(
        bad === null ? [] : [`Task task-1-a has startedAt ${bad}, which is no time; it is shown as unknown.`],
      );
    }
  });
});

describe('dependencies', () => {
  test('none as the tools write the store; a "dependencies" list of taskIds where a store has one, unknown ids a warning', () => {
    const text = store(record('task-1-a'), record('task-2-b', { dependencies: ['task-1-a', 'task-9-z'] }));
    const result = read(text);
    expect(result.tasks.map(({ task }) => task.dependsOn)).toEqual([[], ['task-1-a']]);
    expect(result.issues.find((issue) => issue.message.includes('task-9-z'))).toMatchObject({
      severity: 'warning',
      line: lineOf(text, '"taskId": "task-2-b"'),
    });
  });
});

describe('what is no store', () => {
  test('invalid JSON is an error at its line, and no task', () => {
    const text = '{\n  "tasks": {\n    "task-1-a": { "taskId": "task-1-a", "status": "pending", }\n  }\n}';
    expect(claudeFlowTasks.detect('store.json', text)).toContain('not valid JSON');
    const result = read(text);
    expect(result.tasks).toEqual([]);
    expect(result.issues[0]).toMatchObject({ severity: 'error', line: 3 });
  });

  test("another tool's store.json (claude-flow's agents store, a Taskmaster list) is not taken", () => {
    expect(claudeFlowTasks.detect('store.json', JSON.stringify({ agents: { 'agent-1': { status: 'idle' } } }))).toBeNull();
    expect(claudeFlowTasks.detect('store.json', JSON.stringify({ tasks: [{ id: 1, status: 'done' }] }))).toBeNull();
    expect(claudeFlowTasks.detect('tasks.json', store(record('task-1-a')))).toBeNull();
    expect(claudeFlowTasks.detect('store.json', store(record('task-1-a')))).toMatch(/1 task record keyed by "taskId"/);
  });
});

describe('where the store is found', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = 'test/fixtures/formats/claude-flow-store-release-gate';

  test('a repository root, its .claude-flow/ and its tasks/ folder each give the one phase, named by the repository', () => {
    for (const root of [fixture, `${fixture}/.claude-flow`])
      expect(listPackageDirs(root).dirs, root).toEqual([{ dir: join(fixture, '.claude-flow'), phaseId: 'claude-flow-store-release-gate' }]);
    expect(listPackageDirs(`${fixture}/.claude-flow/tasks`).dirs).toEqual([
      { dir: `${fixture}/.claude-flow/tasks`, phaseId: 'claude-flow-store-release-gate' },
    ]);
  });

  test('a phase folder with a copied .claude-flow/: the store is its task list beside its task files, and no hook log', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-flow-'));
    const phase = join(dir, 'phases', 'phase-1');
    mkdirSync(join(phase, '.claude-flow', 'metrics'), { recursive: true });
    cpSync(`${fixture}/.claude-flow/tasks`, join(phase, '.claude-flow', 'tasks'), { recursive: true });
    writeFileSync(join(phase, 'README.md'), '# Phase 1: Release gate\n\n**Status:** In progress\n');
    writeFileSync(join(phase, 'task-1.md'), '# Task 1: Write the release notes\n\n**Status:** Pending\n**Agent:** writer\n**Estimate:** 1 day\n');
    writeFileSync(join(phase, '.claude-flow', 'metrics', 'swarm-activity.json'), '{"swarm":{"active":false}}');
    const files = readPackage(phase, 'phase-1', dir);
    expect(files.taskList?.format).toBe('claude-flow-tasks');
    expect(files.hooks.map((hook) => hook.report.path).some((path) => path.endsWith('store.json'))).toBe(false);
    const { phase: built, issues } = buildPhase(files, { buildAsOf: null });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(built!.title).toBe('Phase 1: Release gate');
    expect(built!.tasks.map((task) => task.id)).toContain('1');
    expect(built!.tasks.filter((task) => task.file.endsWith('store.json'))).toHaveLength(10);
  });

  test("a repository read for its store: the other files of its .claude-flow/ are the phase's hook logs, the store is not one", () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-flow-'));
    cpSync(`${fixture}/.claude-flow`, join(dir, '.claude-flow'), { recursive: true });
    mkdirSync(join(dir, '.claude-flow', 'metrics'));
    cpSync(
      'test/fixtures/packages/hooks-dot-folders/phases/phase-1/hooks/.claude-flow/metrics/task-metrics.json',
      join(dir, '.claude-flow', 'metrics', 'task-metrics.json'),
    );
    writeFileSync(join(dir, '.claude-flow', 'metrics', 'system-metrics.json'), '[{"timestamp":1,');
    const [phase] = listPackageDirs(dir).dirs;
    const files = readPackage(phase!.dir, phase!.phaseId, dir);
    const paths = files.hooks.map((hook) => hook.report.path);
    expect(paths.some((path) => path.endsWith('.claude-flow/metrics/task-metrics.json'))).toBe(true);
    // A damaged file is a log the team can mend: it stays with the hook logs, with its warning.
    expect(paths.some((path) => path.endsWith('.claude-flow/metrics/system-metrics.json'))).toBe(true);
    expect(paths.some((path) => path.endsWith('store.json'))).toBe(false);
    expect(files.taskList?.file.path.endsWith('.claude-flow/tasks/store.json')).toBe(true);
    expect(files.otherFiles).toEqual([]);
  });

  // Real .claude-flow/ folders beside a store (nu-aura, crechebooks, orochi-db, Trading-Engine, AgentSentry) hold
  // claude-flow's own state and the agents' notes: none is a log, and none is a problem the team can mend.
  test('the files of its .claude-flow/ that hold no log (config, pid, agent and daemon state, notes) are listed as not read, without a warning', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-flow-'));
    cpSync(`${fixture}/.claude-flow`, join(dir, '.claude-flow'), { recursive: true });
    mkdirSync(join(dir, '.claude-flow', 'agents'));
    writeFileSync(join(dir, '.claude-flow', 'config.yaml'), 'version: 3\n');
    writeFileSync(join(dir, '.claude-flow', 'daemon.pid'), '4242');
    writeFileSync(join(dir, '.claude-flow', 'CAPABILITIES.md'), '# What the swarm can do\n');
    writeFileSync(join(dir, '.claude-flow', 'agents', 'store.json'), '{"agents":{},"version":"3.0.0"}');
    const [phase] = listPackageDirs(dir).dirs;
    const files = readPackage(phase!.dir, phase!.phaseId, dir);
    expect(files.hooks.map((hook) => hook.report.path)).toEqual([]);
    expect((files.otherFiles ?? []).map(({ path, reason }) => [path.slice(path.indexOf('.claude-flow')), reason])).toEqual([
      [
        '.claude-flow/CAPABILITIES.md',
        "not read: in claude-flow's folder beside its task store, it holds no log Cairn reads (not SQLite, JSON or NDJSON); the tasks are in tasks/store.json",
      ],
      [
        '.claude-flow/agents/store.json',
        "not read: in claude-flow's folder beside its task store, it holds no log Cairn reads (JSON of a shape that holds no log Cairn reads); the tasks are in tasks/store.json",
      ],
      [
        '.claude-flow/config.yaml',
        "not read: in claude-flow's folder beside its task store, it holds no log Cairn reads (not SQLite, JSON or NDJSON); the tasks are in tasks/store.json",
      ],
      [
        '.claude-flow/daemon.pid',
        "not read: in claude-flow's folder beside its task store, it holds no log Cairn reads (not SQLite, JSON or NDJSON); the tasks are in tasks/store.json",
      ],
    ]);
    const { issues } = buildPhase(files, { buildAsOf: null });
    expect(issues.filter((issue) => issue.severity === 'warning')).toEqual([]);
  });

  test("a hook folder .claude-flow/ without the store stays the hook reader's", () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-flow-'));
    const phase = join(dir, 'phases', 'phase-1');
    mkdirSync(join(phase, '.claude-flow', 'agents'), { recursive: true });
    writeFileSync(join(phase, 'README.md'), '# Phase 1: Release gate\n');
    writeFileSync(join(phase, '.claude-flow', 'agents', 'store.json'), '{"agents":{}}');
    const files = readPackage(phase, 'phase-1', dir);
    expect(files.taskList).toBeUndefined();
    expect(files.hooks.map((hook) => hook.report.path).some((path) => path.endsWith('agents/store.json'))).toBe(true);
  });
});
