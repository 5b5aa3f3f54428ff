/**
 * Writes a synthetic content root for benchmarks: phases with task files, overviews, baseline metrics and
 * claude-flow v2 hook databases (memory.db + memory.db-wal), shaped like content/phases/phase-7 and the rows of
 * scripts/generate-example-hooks.ts.
 *
 *   npx node scripts/generate-workspace.ts <S|M|L> <outDir> [--versions N]
 *
 * Sizes:
 * - S: a copy of content/ (the real example).
 * - M: 10 phases x 50 tasks, 100,000 memory_entries rows ("hook events") in total, 10,000 per phase.
 * - L: 100 phases x 100 tasks, 1,000,000 rows in total, 10,000 per phase.
 *
 * Each phase N gets phases/phase-N/README.md (title, **Status:**, **Created:**, a 3-metric success table),
 * task-N.k-task-k.md files in the bold-line style (agent, duration, dependencies on 0-2 earlier tasks: a DAG,
 * Memory Storage keys phaseN/task_k/...), baseline-metrics.json and hooks/memory.db + memory.db-wal. The rows are
 * those claude-flow 2.7.x writes: hooks:pre-task + task-index per start (description "Task N.k: <title>"),
 * hooks:post-edit + coordination (memory key phaseN/task_k/<step>) + file-history per edit, hooks:notify
 * ("task_k: ..."), hooks:post-task (`--task-id task-N.k-task-k`) per end, and a few session-end triples
 * (sessions, session-states, session-metrics). About the last 10% of each phase's rows (in time order) live only in
 * memory.db-wal: WAL mode, wal_autocheckpoint=0, checkpoint, more rows, copy while the connection is open.
 *
 * Deterministic: a seeded PRNG per phase, fixed dates, no clock. Phase N starts on 2025-01-01 + 7*(N-1) days; by
 * its cut-off (the 75th percentile of planned task ends) most tasks are complete, some in progress, the rest pending.
 * Give builds CAIRN_AS_OF to avoid staleness warnings if they matter to you; the last line printed names the as-of
 * the workspace was made for ("as of <ISO time>": the newest hook row, or the example's as-of for S).
 *
 * Frozen versions: `--versions N` (default 20 for L, 0 for S and M) writes N snapshots into <outDir>/snapshots/ with
 * the core's own loadContent, freezeSnapshot and writeSnapshot, all frozen from one load at that as-of. Version k
 * (1..N) is named 1.<k-1>.0, so semver orders them, and holds the first ceil(k * phases / N) phases in phase-number
 * order: the site grows a few phases per version, as a real project does. No releases are recorded in them. Like
 * `npm run snapshot`, they name files by their path from the working folder, so the same <outDir> given from the
 * same folder gives the same bytes (the -wal files aside: SQLite salts each WAL at random).
 */
import { DatabaseSync } from 'node:sqlite';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/core/pipeline/load-content.ts';
import { writeSnapshot } from '../src/core/pipeline/snapshots.ts';
import { formatIssue, hasErrors } from '../src/core/text/issues.ts';
import type { Phase as PhaseModel } from '../src/core/schema/model.ts';
import { freezeSnapshot } from '../src/core/versions/snapshot.ts';
import { BASE36, SCHEMA, UPSERT, mulberry32 } from './lib/claude-flow-store.ts';
import { encodeStoredValue } from '../src/core/hooks/decode-value.ts';
import { diskUsage } from './lib/disk-usage.ts';

interface Size {
  phases: number;
  tasks: number;
  events: number;
}

const SIZES: Record<string, Size | null> = {
  S: null,
  M: { phases: 10, tasks: 50, events: 100_000 },
  L: { phases: 100, tasks: 100, events: 1_000_000 },
};

/** Frozen versions written when --versions is not given. */
const DEFAULT_VERSIONS: Record<string, number> = { S: 0, M: 0, L: 20 };

/** The as-of the example's tests and audit build content/ with; S has no generated rows to take one from. */
const EXAMPLE_AS_OF = '2025-10-25T18:00:00.000Z';

// ---------------------------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------------------------

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EPOCH = Date.parse('2025-01-01T08:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const seconds = (ms: number): number => Math.floor(ms / 1000);

const AGENTS = ['coder', 'backend-dev', 'cicd-engineer', 'reviewer', 'tester', 'planner', 'researcher', 'system-architect'];
const VERBS = ['Build', 'Refactor', 'Migrate', 'Harden', 'Document', 'Optimize', 'Test', 'Instrument', 'Package', 'Audit'];
const NOUNS = ['Pipeline', 'Config Loader', 'Cache Layer', 'API Gateway', 'Scheduler', 'Storage Engine', 'CLI', 'Metrics', 'Auth Module', 'Release Tooling'];
const FILES = [
  'src/lib.rs',
  'src/config.rs',
  'src/cache.rs',
  'src/api/handlers.rs',
  'Cargo.toml',
  '.github/workflows/ci.yml',
  'docs/README.md',
  'tests/integration.rs',
];
const DURATIONS: readonly [label: string, hours: number][] = [
  ['4h', 4],
  ['6h', 6],
  ['1 day', 8],
  ['1.5 days', 12],
  ['2 days', 16],
  ['2.4 days', 19.2],
  ['3 days', 24],
];

// ---------------------------------------------------------------------------------------------------------------
// The value encoding of claude-flow's advanced serializer (as in generate-example-hooks.ts)
// ---------------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------------
// The plan of one phase
// ---------------------------------------------------------------------------------------------------------------

interface Task {
  k: number;
  id: string; // "N.k"
  slug: string; // "task-k"
  key: string; // "task_k"
  title: string;
  agent: string;
  durationLabel: string;
  hours: number;
  deps: number[];
  start: number;
  end: number;
  state: 'complete' | 'in_progress' | 'pending';
}

interface Phase {
  n: number;
  start: number;
  cutoff: number;
  tasks: Task[];
  metrics: { name: string; key: string; baseline: number; target: string; unit: string; task: string }[];
}

function planPhase(n: number, taskCount: number, random: () => number): Phase {
  const start = EPOCH + (n - 1) * 7 * DAY;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tasks: Task[] = [];
  for (let k = 1; k <= taskCount; k++) {
    const deps: number[] = [];
    const wanted = k === 1 ? 0 : Math.floor(random() * 3); // 0-2 earlier tasks
    for (let i = 0; i < wanted; i++) {
      // mostly recent predecessors, so chains stay a few days long
      const d = Math.max(1, k - 1 - Math.floor(random() * Math.min(k - 1, 8)));
      if (!deps.includes(d)) deps.push(d);
    }
    deps.sort((a, b) => a - b);
    const [durationLabel, hours] = pick(DURATIONS);
    const ready = Math.max(start, ...deps.map((d) => tasks[d - 1]!.end));
    const taskStart = ready + Math.floor(random() * 2 * HOUR);
    // wall-clock: a working day of 8 hours spans a calendar day
    const taskEnd = taskStart + Math.floor((hours / 8) * DAY * (0.6 + random() * 0.7));
    tasks.push({
      k,
      id: `${n}.${k}`,
      slug: `task-${k}`,
      key: `task_${k}`,
      title: `${pick(VERBS)} ${pick(NOUNS)} ${k}`,
      agent: pick(AGENTS),
      durationLabel,
      hours,
      deps,
      start: taskStart,
      end: taskEnd,
      state: 'pending',
    });
  }
  const ends = tasks.map((t) => t.end).sort((a, b) => a - b);
  const cutoff = ends[Math.floor(ends.length * 0.75)]!;
  for (const t of tasks) t.state = t.end <= cutoff ? 'complete' : t.start <= cutoff ? 'in_progress' : 'pending';
  const metrics = [
    { name: 'Test Count', key: 'test_count', baseline: 100 + Math.floor(random() * 400), target: '', unit: '', task: `Task ${n}.1` },
    { name: 'Clippy Warnings', key: 'clippy_warnings', baseline: 10 + Math.floor(random() * 40), target: '<10', unit: '', task: `Task ${n}.2` },
    { name: 'Build Time', key: 'build_time', baseline: 60 + Math.floor(random() * 120), target: '-25 to -40%', unit: 's', task: `Task ${n}.3` },
  ];
  metrics[0]!.target = `at least ${metrics[0]!.baseline + 50}`;
  return { n, start, cutoff, tasks, metrics };
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown and JSON
// ---------------------------------------------------------------------------------------------------------------

function readme(phase: Phase): string {
  const { n } = phase;
  const rows = phase.metrics.map((m) => `| ${m.name} | ${m.baseline}${m.unit} | ${m.target} | ${m.task} |`);
  const tasks = phase.tasks.map((t) => `| \`task-${t.id}-${t.slug}.md\` | ${t.agent} | ${t.durationLabel} |`);
  return `# Phase ${n}: Synthetic Workload ${n} - Coordination Package

**Status:** 🟡 In Progress
**Created:** ${iso(phase.start - HOUR)}
**Coordinator:** System Architecture Designer
**Session:** swarm-phase${n}

---

## 📋 Task Definitions

| File | Agent Type | Duration |
|------|------------|----------|
${tasks.join('\n')}

## 📊 Phase ${n} Overview

### Objectives

- Deliver the ${phase.tasks.length} tasks of phase ${n}
- Meet the success metrics below

### Success Metrics

| Metric | Baseline | Target | Impact |
|--------|----------|--------|--------|
${rows.join('\n')}

## 📋 Deliverables Checklist

- [ ] All ${phase.tasks.length} tasks delivered
- [ ] \`docs/PHASE${n}-COMPLETION-REPORT.md\`

## 🎯 Success Criteria

- [ ] All ${phase.tasks.length} tasks complete
- [ ] Every success metric met
`;
}

function taskFile(phase: Phase, t: Task): string {
  const { n } = phase;
  const deps = t.deps.length === 0 ? 'None' : t.deps.length === 1 ? `Task ${n}.${t.deps[0]}` : `Tasks ${t.deps.map((d) => `${n}.${d}`).join(' and ')}`;
  return `# Task ${t.id}: ${t.title}

**Agent Type:** ${t.agent}
**Duration:** ${t.durationLabel}
**Dependencies:** ${deps}
**Status:** ${t.deps.length === 0 ? 'Ready to execute' : 'Pending'}

Synthetic task ${t.k} of phase ${n}.

## Objectives

- ${t.title}
- Keep the test suite green

## Deliverables

- [ ] ${FILES[t.k % FILES.length]} updated
- [ ] Notes in \`docs/phase${n}/${t.key}.md\`

## Success Criteria

- [ ] Reviewed and merged

## Memory Storage

- \`phase${n}/${t.key}/status\`
- \`phase${n}/${t.key}/progress\`

## Coordination Hooks

\`\`\`bash
npx claude-flow@alpha hooks pre-task --description "Task ${t.id}: ${t.title}"
npx claude-flow@alpha hooks post-edit --file "src/lib.rs" --memory-key "phase${n}/${t.key}/progress"
npx claude-flow@alpha hooks post-task --task-id "task-${t.id}-${t.slug}"
\`\`\`
`;
}

function baseline(phase: Phase): string {
  const values = Object.fromEntries(phase.metrics.map((m) => [m.key, m.unit ? `${m.baseline}${m.unit}` : m.baseline]));
  return JSON.stringify({ timestamp: iso(phase.start - HOUR), phase: `phase-${phase.n}`, session: `swarm-phase${phase.n}`, ...values }, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Hook rows
// ---------------------------------------------------------------------------------------------------------------

interface Row {
  t: number;
  key: string;
  value: string;
  namespace: string;
  metadata: string | null;
}

/** Every row of one phase, in time order, exactly `budget` of them. */
function phaseRows(phase: Phase, budget: number, random: () => number): Row[] {
  const id = idMaker(random);
  const started = phase.tasks.filter((t) => t.state !== 'pending');
  // fixed rows: 2 per start, 1 per end, 3 per session-end (one per simulated day, at most 5)
  const days = Math.max(1, Math.min(5, Math.ceil((phase.cutoff - phase.start) / DAY)));
  const fixed = started.length * 2 + started.filter((t) => t.state === 'complete').length + days * 3;
  const remaining = Math.max(0, budget - fixed);
  // the rest: edits (3 rows) and notifies (1 row), spread evenly over the started tasks
  const perTask = started.length ? Math.floor(remaining / started.length) : 0;
  let extra = started.length ? remaining - perTask * started.length : 0;

  const rows: Row[] = [];
  for (const task of started) {
    const count = perTask + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    for (const row of startedTaskRows(task, count, phase, random, id)) rows.push(row);
  }
  rows.sort((a, b) => a.t - b.t);
  const all = rows.concat(sessionEnds(rows, phase, days, id)).sort((a, b) => a.t - b.t);
  return all;
}

/** Makes ids as claude-flow writes them ("task-<ms>-<9 base-36 letters>"), the letters drawn from `random`. */
function idMaker(random: () => number): (prefix: string, ms: number) => string {
  return (prefix, ms) => {
    let suffix = '';
    for (let i = 0; i < 9; i++) suffix += BASE36.charAt(Math.floor(random() * 36));
    return `${prefix}-${ms}-${suffix}`;
  };
}

/** A row as claude-flow stores it: a value that is not text encoded by its serializer, the metadata as JSON. */
function rowOf(t: number, key: string, value: unknown, namespace: string, metadata?: Record<string, unknown>): Row {
  return { t, key, value: typeof value === 'string' ? value : encodeStoredValue(value), namespace, metadata: metadata ? JSON.stringify(metadata) : null };
}

/**
 * The rows of one started task: its start (pre-task and task-index), `count` rows of edits (3 rows each) and
 * notifies (1 row each) at random times of its span, and its end (post-task) when it is complete.
 */
function startedTaskRows(task: Task, count: number, phase: Phase, random: () => number, id: (prefix: string, ms: number) => string): Row[] {
  const rows: Row[] = [];
  const t0 = task.start + Math.floor(random() * 1000);
  const description = `Task ${task.id}: ${task.title}`;
  const taskId = id('task', t0);
  rows.push(
    rowOf(
      t0 + 17,
      `task:${taskId}`,
      { taskId, description, agentId: undefined, autoSpawnAgents: true, status: 'started', startedAt: iso(t0 + 17) },
      'hooks:pre-task',
      { hookType: 'pre-task', agentId: undefined },
    ),
  );
  rows.push(rowOf(t0 + 18, `task-index:${t0 + 18}`, { taskId, description, timestamp: iso(t0 + 18) }, 'task-index'));
  const last = Math.min(task.end, phase.cutoff);
  const span = Math.max(60_000, last - t0 - 60_000);
  let mine = count;
  let step = 0;
  while (mine > 0) {
    const t = t0 + 30_000 + Math.floor(random() * span);
    if (mine >= 3 && random() < 0.6) {
      rows.push(...editRows(task, step, t, phase.n, random, id));
      mine -= 3;
    } else {
      rows.push(notifyRow(task, step, t, random, id));
      mine -= 1;
    }
    step++;
  }
  if (task.state === 'complete') {
    const te = task.end;
    const seedId = `task-${task.id}-${task.slug}`;
    rows.push(
      rowOf(te, `task:${seedId}:completed`, { status: 'completed', completedAt: iso(te), duration: null }, 'hooks:post-task', { hookType: 'post-task' }),
    );
  }
  return rows;
}

/** The three rows of one edit at `t` (post-edit, coordination under its memory key, file-history), of a file drawn at random. */
function editRows(task: Task, step: number, t: number, n: number, random: () => number, id: (prefix: string, ms: number) => string): Row[] {
  const file = `${FILES[Math.floor(random() * FILES.length)]!.replace(/\.(\w+)$/, `_${task.key}_${step}.$1`)}`;
  const memoryKey = `phase${n}/${task.key}/step_${step}`;
  const editId = id('edit', t);
  const effects = { formatResult: null, memoryUpdate: null, neuralTraining: null };
  const features = { format: false, updateMemory: false, trainNeural: false };
  return [
    rowOf(t, `edit:${editId}:post`, { file, memoryKey, timestamp: iso(t), editId, ...features, ...effects }, 'hooks:post-edit', {
      hookType: 'post-edit',
      file,
      formatted: false,
    }),
    rowOf(t + 1, memoryKey, { file, editedAt: iso(t + 1), editId, enhanced: true, ...effects }, 'coordination'),
    rowOf(t + 1, `file-history:${file.replace(/\//g, '_')}:${t + 1}`, { file, editId, timestamp: iso(t + 1), enhanced: true, features }, 'file-history'),
  ];
}

/** One notify row at `t`, its level drawn at random. */
function notifyRow(task: Task, step: number, t: number, random: () => number, id: (prefix: string, ms: number) => string): Row {
  const notifyId = id('notify', t);
  const level = random() < 0.8 ? 'info' : 'success';
  return rowOf(
    t,
    `notification:${notifyId}`,
    { message: `${task.key}: step ${step} done (${task.title})`, level, swarmStatus: 'active', timestamp: iso(t), notifyId },
    'hooks:notify',
    { hookType: 'notify', level },
  );
}

/** A session-end at the end of each simulated day (the last just after the cut-off), over `rows` in time order. */
function sessionEnds(rows: readonly Row[], phase: Phase, days: number, id: (prefix: string, ms: number) => string): Row[] {
  const ends: Row[] = [];
  for (let d = 1; d <= days; d++) {
    const t = d === days ? phase.cutoff + 30 * 60_000 : phase.start + d * DAY - 14 * HOUR;
    ends.push(...sessionEndRows(rows, t, id));
  }
  return ends;
}

/** The three rows of a session-end at `t` (sessions, session-states, session-metrics); totals count rows of that namespace up to then. */
function sessionEndRows(rows: readonly Row[], t: number, id: (prefix: string, ms: number) => string): Row[] {
  const before = rows.filter((r) => r.t <= t);
  const tasks = before.filter((r) => r.namespace === 'task-index');
  const edits = before.filter((r) => r.namespace === 'file-history');
  const firstAt = before.length ? before[0]!.t : t - HOUR;
  const minutes = Math.max(1, (t - firstAt) / 60_000);
  const metrics = {
    sessionDuration: t - firstAt,
    sessionDurationHuman: `${Math.round(minutes)} minutes`,
    totalTasks: tasks.length,
    totalEdits: edits.length,
    totalCommands: 0,
    uniqueAgents: 0,
    commandSuccessRate: 100,
    avgTasksPerMinute: Math.round((tasks.length / minutes) * 100) / 100,
    avgEditsPerMinute: Math.round((edits.length / minutes) * 100) / 100,
    timestamp: iso(t),
  };
  const endedAt = t + 1;
  const sessionId = id('session', endedAt);
  const listed = (r: Row) => ({
    key: r.key,
    value: JSON.parse(r.value),
    namespace: r.namespace,
    metadata: null,
    createdAt: new Date(seconds(r.t) * 1000),
    updatedAt: new Date(seconds(r.t) * 1000),
    accessCount: 0,
  });
  const totals = { totalTasks: tasks.length, totalEdits: edits.length, totalCommands: 0, uniqueAgents: 0 };
  const end = (key: string, value: unknown, namespace: string, metadata: Record<string, unknown>): Row => ({
    t: endedAt,
    key,
    value: encodeStoredValue(value),
    namespace,
    metadata: JSON.stringify(metadata),
  });
  return [
    end(
      `session:${sessionId}`,
      { endedAt: iso(endedAt), ...totals, sessionId, generateSummary: true, persistState: true, exportMetrics: 'true', metrics },
      'sessions',
      { hookType: 'session-end' },
    ),
    end(
      `session-state:${sessionId}`,
      {
        sessionId,
        tasks: tasks.slice(-100).reverse().map(listed),
        edits: edits.slice(-100).reverse().map(listed),
        commands: [],
        agents: [],
        persistedAt: iso(endedAt),
        fullState: true,
      },
      'session-states',
      { type: 'full-state', sessionId },
    ),
    end(`session-metrics:${sessionId}`, metrics, 'session-metrics', { type: 'performance-metrics', sessionId }),
  ];
}

/** Writes rows into hooksDir/memory.db (+ -wal with the last ~10%), copying while the connection is open. */
function writeDb(hooksDir: string, rows: Row[]): void {
  const workDir = mkdtempSync(join(tmpdir(), 'cairn-ws-'));
  try {
    const path = join(workDir, 'memory.db');
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;');
    db.exec(SCHEMA);
    const insert = db.prepare(UPSERT);
    const split = Math.floor(rows.length * 0.9);
    const run = (from: number, to: number): void => {
      db.exec('BEGIN');
      for (let i = from; i < to; i++) {
        const r = rows[i]!;
        const s = seconds(r.t);
        insert.run(r.key, r.value, r.namespace, r.metadata, s, s, s);
      }
      db.exec('COMMIT');
    };
    run(0, split);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    run(split, rows.length);
    mkdirSync(hooksDir, { recursive: true });
    copyFileSync(path, join(hooksDir, 'memory.db'));
    copyFileSync(path + '-wal', join(hooksDir, 'memory.db-wal'));
    db.close();
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------

/** Phase number of "phase-12" (the generator's ids); ids of another shape sort after, by text. */
const phaseNumber = (id: string): number => Number(/^phase-(\d+)$/.exec(id)?.[1] ?? Number.POSITIVE_INFINITY);

/**
 * Freezes `versions` snapshots of the content root at `asOf`: version k holds the first ceil(k * phases / versions)
 * phases. One load serves them all, so every version sees the same model, as if frozen on the day it grew to that size.
 */
function writeVersions(outDir: string, asOf: string, versions: number): number {
  const { phases, issues } = loadContent(outDir, asOf);
  if (hasErrors(issues)) {
    for (const issue of issues) console.error(formatIssue(issue));
    throw new Error('the generated content has errors, so no version was frozen');
  }
  const ordered: PhaseModel[] = phases.toSorted((a, b) => phaseNumber(a.id) - phaseNumber(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let bytes = 0;
  for (let k = 1; k <= versions; k++) {
    const held = ordered.slice(0, Math.ceil((k * ordered.length) / versions));
    const snapshot = freezeSnapshot({ version: `1.${k - 1}.0`, phases: held, releases: [] });
    const { written, issues: writeIssues } = writeSnapshot(outDir, snapshot, { force: true });
    if (!written) throw new Error(writeIssues.map(formatIssue).join('\n'));
    bytes += written.bytes;
  }
  return bytes;
}

function parseArgs(argv: string[]): { sizeName: string; outArg: string; versions: number } | null {
  const at = argv.indexOf('--versions');
  const versionArg = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !/^\d+$/.test(versionArg ?? '')) return null;
  const positional = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  const [sizeName, outArg, ...rest] = positional;
  if (!sizeName || !outArg || rest.length > 0 || !(sizeName.toUpperCase() in SIZES)) return null;
  const name = sizeName.toUpperCase();
  return { sizeName: name, outArg, versions: versionArg === undefined ? DEFAULT_VERSIONS[name]! : Number(versionArg) };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error('usage: npx node scripts/generate-workspace.ts <S|M|L> <outDir> [--versions N]');
    process.exit(2);
  }
  const { sizeName, outArg, versions } = args;
  const began = performance.now();
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(outArg);
  const size = SIZES[sizeName];
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let rowCount = 0;
  let newestRow = 0;
  if (!size) {
    cpSync(join(root, 'content'), outDir, { recursive: true });
  } else {
    const perPhase = Math.floor(size.events / size.phases);
    for (let n = 1; n <= size.phases; n++) {
      const random = mulberry32(0xca1e + n * 7919);
      const phase = planPhase(n, size.tasks, random);
      const dir = join(outDir, 'phases', `phase-${n}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'README.md'), readme(phase));
      writeFileSync(join(dir, 'baseline-metrics.json'), baseline(phase));
      for (const t of phase.tasks) writeFileSync(join(dir, `task-${t.id}-${t.slug}.md`), taskFile(phase, t));
      const rows = phaseRows(phase, perPhase, random);
      writeDb(join(dir, 'hooks'), rows);
      rowCount += rows.length;
      newestRow = Math.max(newestRow, rows.at(-1)?.t ?? 0);
    }
  }
  // Whole seconds: the rows store their times in seconds, so this is the newest time the build can see.
  const asOf = size ? iso(seconds(newestRow) * 1000) : EXAMPLE_AS_OF;
  const shape = size ? `${size.phases} phases x ${size.tasks} tasks, ${rowCount} memory_entries rows` : 'copy of content/';
  console.log(`${sizeName}: ${shape} -> ${outDir}`);
  if (versions > 0) {
    const frozenBegan = performance.now();
    const bytes = writeVersions(outDir, asOf, versions);
    console.log(
      `froze ${versions} versions (1.0.0 .. 1.${versions - 1}.0), ${(bytes / 1e6).toFixed(1)} MB of snapshots in ${((performance.now() - frozenBegan) / 1000).toFixed(1)} s`,
    );
  }
  const { files, bytes } = diskUsage(outDir);
  const secs = (performance.now() - began) / 1000;
  console.log(`wrote ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s`);
  console.log(`as of ${asOf}`);
}

main();
