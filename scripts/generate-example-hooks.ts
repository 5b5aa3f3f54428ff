/**
 * Writes the example hook logs of phase 7: what claude-flow 2.7.x leaves behind when the agents of
 * content/phases/phase-7 run the hooks their task files ask for, from 2025-10-23 to 2025-10-25.
 *
 *   npx node scripts/generate-example-hooks.ts [outDir]      (default: content/phases/phase-7/hooks)
 *
 * Output in outDir:
 * - memory.db + memory.db-wal: claude-flow's `.swarm/memory.db` (table `memory_entries`). The rows follow
 *   claude-flow 2.7.47 (hooks.js, memory/sqlite-store.js, memory/advanced-serializer.js): same schema, namespaces, key
 *   patterns and value shapes, `{"__type__":"__undefined__"}` and `__Date__` markers, `"__compressed__"` + base64 for
 *   serialized values longer than 1024 UTF-16 units, upserts that keep `created_at` and use up an id, unix seconds in
 *   the *_at columns and ISO timestamps with milliseconds inside values.
 *   The WAL is part of the example: the claude-flow MCP server keeps the database open, so commits stay in the -wal.
 *   It restarted overnight after day 1, which checkpointed day 1 into memory.db; days 2 and 3 exist only in
 *   memory.db-wal. A reader that ignores the WAL sees day 1 only.
 * - memory-store.json: `memory/memory-store.json` as `memory store <key> <value> --basic --namespace coordination`
 *   writes it (storing a key again moves it to the end), holding the status text of each task.
 *
 * Traps kept on purpose, as the real CLI produces them: pre-task runs without --task-id, so claude-flow makes up
 * `task-<ms>-<rand>` ids, while post-task runs with `--task-id task-7.3-code-quality` and so stores only
 * {status, completedAt, duration: null}; `session-restore --session-id swarm-phase7` writes nothing; session-end
 * totals count every task-index/file-history row in the database; notify messages keep HTML and a fake token verbatim;
 * a coordination memory key (`phase7/<task>/status`) means an edit record in SQLite but status text in the JSON store.
 *
 * Deterministic: no clock and no Math.random. Times come from STORY, random id suffixes from a seeded PRNG, so reruns
 * give the same rows and a byte-identical memory-store.json.
 */
import { DatabaseSync } from 'node:sqlite';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/core/io/write-atomic.ts';
import { BASE36, SCHEMA, UPSERT, mulberry32 } from './lib/claude-flow-store.ts';
import { encodeStoredValue, unwrapStoredValue } from '../src/core/hooks/decode-value.ts';

// ---------------------------------------------------------------------------------------------------------------
// The story
// ---------------------------------------------------------------------------------------------------------------

type Step =
  | { cmd: 'memory store'; key: string; value: string }
  | { cmd: 'pre-task'; description: string }
  | { cmd: 'session-restore'; sessionId?: string }
  | { cmd: 'post-edit'; file: string; memoryKey: string }
  | { cmd: 'notify'; message: string; level?: string }
  | { cmd: 'post-task'; taskId: string }
  | { cmd: 'session-end' };

const status = (key: string, value: string): Step => ({ cmd: 'memory store', key, value });
const preTask = (description: string): Step => ({ cmd: 'pre-task', description });
const restore = (sessionId?: string): Step => (sessionId ? { cmd: 'session-restore', sessionId } : { cmd: 'session-restore' });
const edit = (file: string, memoryKey: string): Step => ({ cmd: 'post-edit', file, memoryKey });
const notify = (message: string, level?: string): Step => (level ? { cmd: 'notify', message, level } : { cmd: 'notify', message });
const postTask = (taskId: string): Step => ({ cmd: 'post-task', taskId });
const sessionEnd = (): Step => ({ cmd: 'session-end' });

/** 36 made-up characters after the `ghp_` prefix; built in two parts so secret scanners leave this file alone. */
const FAKE_GITHUB_TOKEN = 'ghp' + '_FAKE0000fake1111FAKE2222fake3333FAKE';

/** The clippy baseline the reviewer posted: one notify long enough to be stored `__compressed__`. */
const CLIPPY_BASELINE: readonly [lint: string, text: string, at: string][] = [
  [
    'needless_borrow',
    'this expression creates a reference which is immediately dereferenced by the compiler',
    'crates/riptide-api/src/handlers/crawl.rs:88:31',
  ],
  ['redundant_clone', 'redundant clone', 'crates/riptide-api/src/state.rs:142:37'],
  ['too_many_arguments', 'this function has too many arguments (9/7)', 'crates/riptide-core/src/extract.rs:57:1'],
  ['large_enum_variant', 'large size difference between variants', 'crates/riptide-core/src/types.rs:211:5'],
  ['manual_map', 'manual implementation of `Option::map`', 'crates/riptide-persistence/src/cache.rs:96:9'],
  ['single_match', 'you seem to be trying to use `match` for destructuring a single pattern', 'crates/riptide-persistence/src/tenant.rs:174:9'],
  ['len_zero', 'length comparison to zero', 'crates/riptide-pool/src/pool.rs:63:12'],
  ['new_without_default', 'you should consider adding a `Default` implementation for `HealthMonitor`', 'crates/riptide-pool/src/health.rs:22:5'],
  ['collapsible_else_if', 'this `else { if .. }` block can be collapsed', 'crates/riptide-cli/src/commands/crawl.rs:118:16'],
  ['unnecessary_unwrap', 'called `unwrap` on `path` after checking its variant with `is_some`', 'crates/riptide-cli/src/output.rs:45:13'],
  ['type_complexity', 'very complex type used. Consider factoring parts into `type` definitions', 'crates/riptide-workers/src/scheduler.rs:31:16'],
  ['module_inception', 'module has the same name as its containing module', 'crates/riptide-core/src/spider/spider.rs:1:1'],
];

function clippyReport(): string {
  const items = CLIPPY_BASELINE.map(([lint, text, at], i) => `[W${String(i + 1).padStart(2, '0')}] warning: ${text} --> ${at} (clippy::${lint})`);
  return `code_quality: clippy baseline (cargo clippy --workspace --all-targets), ${items.length} warnings: ${items.join('; ')}`;
}

/** Every command the coordinator and the three agents ran, in time order (UTC). Task 7.4 never starts. */
const STORY: readonly [at: string, step: Step][] = [
  // 2025-10-23, day 1. The coordinator records the initial statuses; 7.1, 7.2 and 7.3 start in parallel.
  ['2025-10-23T08:05:12Z', status('phase7/build_infra/status', 'pending')],
  ['2025-10-23T08:05:14Z', status('phase7/config_system/status', 'pending')],
  ['2025-10-23T08:05:16Z', status('phase7/code_quality/status', 'pending')],
  ['2025-10-23T08:05:18Z', status('phase7/release_prep/status', 'pending')],
  ['2025-10-23T08:30:04Z', preTask('Task 7.1: Build Infrastructure')],
  ['2025-10-23T08:30:07Z', restore('swarm-phase7')],
  ['2025-10-23T08:31:22Z', preTask('Task 7.2: Configuration System')],
  ['2025-10-23T08:31:25Z', restore('swarm-phase7')],
  ['2025-10-23T08:32:41Z', preTask('Task 7.3: Code Quality')],
  ['2025-10-23T08:32:44Z', restore('swarm-phase7')],
  ['2025-10-23T09:12:37Z', edit('.cargo/config.toml', 'phase7/build_infra/sccache')],
  ['2025-10-23T09:14:02Z', notify('build_infra: sccache installed (10GB cap), RUSTC_WRAPPER set in .cargo/config.toml')],
  ['2025-10-23T09:26:48Z', edit('crates/riptide-api/src/config.rs', 'phase7/config_system/api')],
  ['2025-10-23T09:47:15Z', notify(clippyReport(), 'warning')],
  ['2025-10-23T10:05:31Z', edit('src/lib.rs', 'phase7/code_quality/clippy')],
  ['2025-10-23T10:38:09Z', edit('Cargo.toml', 'phase7/build_infra/target_dir')],
  ['2025-10-23T11:20:44Z', notify('config_system: riptide-api 45/45 vars read by ApiConfig::from_env()', 'success')],
  ['2025-10-23T11:58:20Z', edit('crates/riptide-cli/src/metrics.rs', 'phase7/code_quality/cli_metrics')],
  ['2025-10-23T12:03:07Z', notify('code_quality: clippy at 3 warnings; CLI metrics wired into crawl, extract and stats', 'success')],
  ['2025-10-23T13:34:50Z', status('phase7/build_infra/status', 'in_progress: sccache + shared target-dir done, cargo-sweep next')],
  ['2025-10-23T14:16:29Z', edit('crates/riptide-persistence/src/config.rs', 'phase7/config_system/persistence')],
  [
    '2025-10-23T14:52:03Z',
    notify('config_system: persistence now reads <b>RIPTIDE_REDIS_URL</b> first; removed a pasted <script>alert(1)</script> from the config.rs doc comment'),
  ],
  ['2025-10-23T15:27:40Z', edit('crates/riptide-core/src/legacy/mod.rs', 'phase7/code_quality/dead_code')],
  ['2025-10-23T16:05:12Z', status('phase7/code_quality/status', 'in_progress: clippy 12 -> 3, dead code next')],
  ['2025-10-23T17:30:25Z', sessionEnd()],
  // 2025-10-24, day 2. 7.3 finishes at 15:00; its post-task uses the seed's id, not the one pre-task made up.
  ['2025-10-24T08:35:02Z', restore()],
  ['2025-10-24T08:35:30Z', restore('swarm-phase7')],
  ['2025-10-24T09:03:18Z', edit('.github/workflows/ci.yml', 'phase7/build_infra/sccache')],
  [
    '2025-10-24T09:21:47Z',
    notify(
      `build_infra: CI cache wired (sccache keyed on Cargo.lock + toolchain); WARNING: GITHUB_TOKEN=${FAKE_GITHUB_TOKEN} was echoed in the CI log, rotate it`,
      'warning',
    ),
  ],
  ['2025-10-24T09:58:36Z', edit('crates/riptide-pool/src/config.rs', 'phase7/config_system/pool')],
  ['2025-10-24T10:30:11Z', edit('crates/riptide-core/src/spider/legacy_queue.rs', 'phase7/code_quality/dead_code')],
  ['2025-10-24T10:44:59Z', edit('crates/riptide-api/src/handlers/deprecated.rs', 'phase7/code_quality/dead_code')],
  ['2025-10-24T11:09:24Z', notify('code_quality: dead code removed, 518 LOC (riptide-core legacy/, spider legacy queue, deprecated API handlers)')],
  ['2025-10-24T11:46:05Z', edit('crates/riptide-core/src/lib.rs', 'phase7/code_quality/warnings')],
  ['2025-10-24T12:20:33Z', notify('code_quality: compiler warnings 114 -> 9, clippy 12 -> 0, tests 626/630', 'success')],
  ['2025-10-24T13:48:17Z', edit('docs/CODE-QUALITY-REPORT.md', 'phase7/code_quality/status')],
  [
    '2025-10-24T14:57:40Z',
    notify(
      'code_quality: COMPLETE - clippy 12 -> 0, 518 LOC dead code removed, report in docs/CODE-QUALITY-REPORT.md. Task 7.4 (release_prep) unblocked ✅',
      'success',
    ),
  ],
  ['2025-10-24T15:00:21Z', postTask('task-7.3-code-quality')],
  ['2025-10-24T15:01:09Z', status('phase7/code_quality/status', 'complete')],
  ['2025-10-24T15:36:52Z', edit('.env.example', 'phase7/config_system/env_count')],
  ['2025-10-24T16:12:30Z', notify('config_system: riptide-pool config.rs drafted, .env.example regenerated (45/93 vars live)')],
  ['2025-10-24T16:14:02Z', status('phase7/config_system/status', 'in_progress: 45/93 vars')],
  ['2025-10-24T17:44:08Z', sessionEnd()],
  // 2025-10-25, day 3. 7.1 and 7.2 are still in progress at the last session-end.
  ['2025-10-25T08:40:15Z', restore()],
  ['2025-10-25T09:12:44Z', edit('docs/BUILD-OPTIMIZATION.md', 'phase7/build_infra/metrics')],
  [
    '2025-10-25T09:31:06Z',
    notify('build_infra: clean build 6m42s -> 4m31s (-33%), incremental 58s -> 24s (-59%), sccache hit rate 87% on CI re-run', 'success'),
  ],
  ['2025-10-25T10:18:27Z', edit('crates/riptide-persistence/src/config.rs', 'phase7/config_system/persistence')],
  [
    '2025-10-25T11:02:50Z',
    notify(
      'config_system: riptide-persistence 13/36 vars; 3 defaults conflict with the deploy manifests (REDIS_POOL_SIZE, CACHE_TTL_SECS, TENANT_QUOTA), need a decision',
      'warning',
    ),
  ],
  ['2025-10-25T13:25:39Z', edit('.github/workflows/maintenance.yml', 'phase7/build_infra/status')],
  ['2025-10-25T14:06:58Z', edit('docs/CONFIGURATION.md', 'phase7/config_system/status')],
  ['2025-10-25T15:18:45Z', notify('config_system: docs/CONFIGURATION.md started (api table done), riptide-pool vars next')],
  ['2025-10-25T15:40:12Z', status('phase7/config_system/status', 'in_progress: 58/93 vars')],
  ['2025-10-25T15:58:33Z', sessionEnd()],
];

/** The MCP server restarted overnight: its last connection closed and SQLite checkpointed day 1 into memory.db. */
const CHECKPOINT_BEFORE = Date.parse('2025-10-24T00:00:00Z');

// ---------------------------------------------------------------------------------------------------------------
// Determinism: seeded PRNG standing in for Math.random
// ---------------------------------------------------------------------------------------------------------------

const random = mulberry32(0x7ca1a);

/** claude-flow's `${prefix}-${Date.now()}-${Math.random().toString(36).substr(2, 9)}`. */
function generateId(prefix: string, ms: number): string {
  let suffix = '';
  for (let i = 0; i < 9; i++) suffix += BASE36.charAt(Math.floor(random() * 36));
  return `${prefix}-${ms}-${suffix}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// Reading back what was written (docs/hook-logs.md#how-a-value-is-encoded; the encoding itself is
// src/core/hooks/decode-value.ts)
// ---------------------------------------------------------------------------------------------------------------

function fromSerializable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromSerializable);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record.__type__ === '__undefined__') return undefined;
  if (record.__type__ === '__Date__') return new Date(String(record.value));
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, fromSerializable(item)]));
}

function deserialize(text: string): unknown {
  const json = unwrapStoredValue(text);
  try {
    return fromSerializable(JSON.parse(json));
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A memory store with the same rows as claude-flow's, with the clock passed in
// ---------------------------------------------------------------------------------------------------------------

interface EntryRow {
  key: string;
  value: string;
  namespace: string;
  metadata: string | null;
  created_at: number;
  updated_at: number;
  access_count: number;
}

/** What `store.list()` hands back: session-end copies these into `session-states` (Dates become `__Date__`). */
interface ListedEntry {
  key: string;
  value: Record<string, unknown>;
  namespace: string;
  metadata: unknown;
  createdAt: Date;
  updatedAt: Date;
  accessCount: number;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

class MemoryDb {
  readonly db: DatabaseSync;
  /** Namespaces written since the last `takeWrites()`, for the event log. */
  private writes: string[] = [];

  constructor(path: string) {
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;');
    this.db.exec(SCHEMA);
  }

  store(key: string, value: unknown, namespace: string, ms: number, metadata?: Record<string, unknown>): void {
    const text = typeof value === 'string' ? value : encodeStoredValue(value);
    const meta = metadata ? JSON.stringify(metadata) : null;
    const now = seconds(ms);
    this.db.prepare(UPSERT).run(key, text, namespace, meta, now, now, now);
    this.writes.push(namespace);
  }

  retrieve(key: string, namespace: string, ms: number): unknown {
    const row = this.db
      .prepare('SELECT * FROM memory_entries WHERE key = ? AND namespace = ? AND (expires_at IS NULL OR expires_at > ?)')
      .get(key, namespace, seconds(ms)) as EntryRow | undefined;
    if (!row) return null;
    this.db
      .prepare('UPDATE memory_entries SET accessed_at = ?, access_count = access_count + 1 WHERE key = ? AND namespace = ?')
      .run(seconds(ms), key, namespace);
    return deserialize(row.value);
  }

  list(namespace: string, limit: number, ms: number): ListedEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM memory_entries WHERE namespace = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY updated_at DESC LIMIT ?')
      .all(namespace, seconds(ms), limit) as unknown as EntryRow[];
    return rows.map((row) => ({
      key: row.key,
      value: deserialize(row.value) as Record<string, unknown>,
      namespace: row.namespace,
      metadata: row.metadata ? JSON.parse(row.metadata) : null,
      createdAt: new Date(row.created_at * 1000),
      updatedAt: new Date(row.updated_at * 1000),
      accessCount: row.access_count,
    }));
  }

  takeWrites(): string[] {
    const taken = this.writes;
    this.writes = [];
    return taken;
  }

  checkpoint(): void {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The hooks (claude-flow 2.7.47 hooks.js). `t` is when the command ran; small offsets stand for its run time.
// ---------------------------------------------------------------------------------------------------------------

function preTaskHook(db: MemoryDb, t: number, description: string): void {
  const taskId = generateId('task', t);
  const startedAt = t + 17; // the id is made before the store opens, as in the real capture
  db.store(
    `task:${taskId}`,
    { taskId, description, agentId: undefined, autoSpawnAgents: true, status: 'started', startedAt: iso(startedAt) },
    'hooks:pre-task',
    startedAt,
    { hookType: 'pre-task', agentId: undefined },
  );
  const indexedAt = startedAt + 1;
  db.store(`task-index:${indexedAt}`, { taskId, description, timestamp: iso(indexedAt) }, 'task-index', indexedAt);
}

function sessionRestoreHook(db: MemoryDb, t: number, sessionId = 'latest'): void {
  const session = (sessionId === 'latest' ? db.list('sessions', 1, t)[0]?.value : db.retrieve(`session:${sessionId}`, 'sessions', t)) as
    | { sessionId?: string }
    | null
    | undefined;
  if (!session) return; // "No session found": nothing is written
  db.store(`session-restore:${t}`, { restoredSessionId: session.sessionId || sessionId, restoredAt: iso(t) }, 'session-events', t);
}

function postEditHook(db: MemoryDb, t: number, file: string, memoryKey: string): void {
  const features = { format: false, updateMemory: false, trainNeural: false };
  const effects = { formatResult: null, memoryUpdate: null, neuralTraining: null };
  const editId = generateId('edit', t);
  db.store(`edit:${editId}:post`, { file, memoryKey, timestamp: iso(t), editId, ...features, ...effects }, 'hooks:post-edit', t, {
    hookType: 'post-edit',
    file,
    formatted: false,
  });
  const after = t + 1;
  db.store(memoryKey, { file, editedAt: iso(after), editId, enhanced: true, ...effects }, 'coordination', after);
  db.store(`file-history:${file.replace(/\//g, '_')}:${after}`, { file, editId, timestamp: iso(after), enhanced: true, features }, 'file-history', after);
}

function notifyHook(db: MemoryDb, t: number, message: string, level = 'info'): void {
  const notifyId = generateId('notify', t);
  db.store(`notification:${notifyId}`, { message, level, swarmStatus: 'active', timestamp: iso(t), notifyId }, 'hooks:notify', t, {
    hookType: 'notify',
    level,
  });
}

function postTaskHook(db: MemoryDb, t: number, taskId: string): void {
  const started = db.retrieve(`task:${taskId}`, 'hooks:pre-task', t) as Record<string, unknown> | null;
  const duration = started ? t - Date.parse(String(started.startedAt)) : null;
  const completed = { ...(started ?? {}), status: 'completed', completedAt: iso(t), duration };
  db.store(`task:${taskId}:completed`, completed, 'hooks:post-task', t, { hookType: 'post-task' });
  if (duration) {
    const metrics = { taskId, duration, durationHuman: `${(duration / 1000).toFixed(2)}s`, timestamp: iso(t) };
    db.store(`metrics:${taskId}`, metrics, 'performance', t);
  }
}

/** `session-end --export-metrics true`: totals count every row of those namespaces in the database. */
function sessionEndHook(db: MemoryDb, t: number): void {
  const tasks = db.list('task-index', 1000, t);
  const edits = db.list('file-history', 1000, t);
  const commands = db.list('command-history', 1000, t);
  const agents = db.list('agent-roster', 1000, t);
  const started = Math.min(...[...tasks, ...edits, ...commands].map((e) => Date.parse(String(e.value.timestamp ?? iso(t)))));
  const duration = t - started;
  const minutes = duration / 1000 / 60;
  const metrics = {
    sessionDuration: duration,
    sessionDurationHuman: `${Math.round(minutes)} minutes`,
    totalTasks: tasks.length,
    totalEdits: edits.length,
    totalCommands: commands.length,
    uniqueAgents: agents.length,
    commandSuccessRate: 100,
    avgTasksPerMinute: Math.round((tasks.length / minutes) * 100) / 100,
    avgEditsPerMinute: Math.round((edits.length / minutes) * 100) / 100,
    timestamp: iso(t),
  };
  const endedAt = t + 1;
  const sessionId = generateId('session', endedAt);
  const totals = { totalTasks: tasks.length, totalEdits: edits.length, totalCommands: commands.length, uniqueAgents: agents.length };
  const flags = { generateSummary: true, persistState: true, exportMetrics: 'true' }; // flag values stay strings
  db.store(`session:${sessionId}`, { endedAt: iso(endedAt), ...totals, sessionId, ...flags, metrics }, 'sessions', endedAt, {
    hookType: 'session-end',
  });
  const state = {
    sessionId,
    tasks: tasks.slice(0, 100),
    edits: edits.slice(0, 100),
    commands: commands.slice(0, 100),
    agents: agents.slice(0, 50),
    persistedAt: iso(endedAt),
    fullState: true,
  };
  db.store(`session-state:${sessionId}`, state, 'session-states', endedAt, { type: 'full-state', sessionId });
  db.store(`session-metrics:${sessionId}`, metrics, 'session-metrics', endedAt, { type: 'performance-metrics', sessionId });
}

// ---------------------------------------------------------------------------------------------------------------
// `memory store --basic`: memory/memory-store.json (format D)
// ---------------------------------------------------------------------------------------------------------------

interface StoredValue {
  key: string;
  value: string;
  namespace: string;
  timestamp: number;
  redacted: boolean;
}

class JsonMemoryStore {
  private readonly data: Record<string, StoredValue[]> = {};

  /** As claude-flow does it: drop the old entry with that key, then append the new one. */
  store(key: string, value: string, namespace: string, ms: number): void {
    const entries = (this.data[namespace] ?? []).filter((entry) => entry.key !== key);
    entries.push({ key, value, namespace, timestamp: ms, redacted: false });
    this.data[namespace] = entries;
  }

  text(): string {
    return JSON.stringify(this.data, null, 2);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running the story
// ---------------------------------------------------------------------------------------------------------------

function runStep(db: MemoryDb, json: JsonMemoryStore, t: number, step: Step): void {
  switch (step.cmd) {
    case 'memory store':
      return json.store(step.key, step.value, 'coordination', t);
    case 'pre-task':
      return preTaskHook(db, t, step.description);
    case 'session-restore':
      return sessionRestoreHook(db, t, step.sessionId);
    case 'post-edit':
      return postEditHook(db, t, step.file, step.memoryKey);
    case 'notify':
      return notifyHook(db, t, step.message, step.level);
    case 'post-task':
      return postTaskHook(db, t, step.taskId);
    case 'session-end':
      return sessionEndHook(db, t);
  }
}

const shellQuote = (text: string): string => `"${text.length > 70 ? `${text.slice(0, 67)}...` : text}"`;

function commandLine(step: Step): string {
  switch (step.cmd) {
    case 'memory store':
      return `memory store ${step.key} ${shellQuote(step.value)} --basic --namespace coordination`;
    case 'pre-task':
      return `hooks pre-task --description ${shellQuote(step.description)}`;
    case 'session-restore':
      return step.sessionId ? `hooks session-restore --session-id ${step.sessionId}` : 'hooks session-restore';
    case 'post-edit':
      return `hooks post-edit --file ${step.file} --memory-key ${step.memoryKey}`;
    case 'notify':
      return (
        `hooks notify --message ${shellQuote(step.message)}${step.level ? ` --level ${step.level}` : ''}` +
        (step.message.length > 70 ? ` (${step.message.length} chars)` : '')
      );
    case 'post-task':
      return `hooks post-task --task-id ${step.taskId}`;
    case 'session-end':
      return 'hooks session-end --export-metrics true';
  }
}

function writtenTo(step: Step, namespaces: string[]): string {
  if (step.cmd === 'memory store') return 'memory-store.json';
  return namespaces.length ? namespaces.join(', ') : 'nothing';
}

/** Runs STORY against the database and the JSON store; returns the event log and the row count at the checkpoint. */
function runStory(db: MemoryDb, json: JsonMemoryStore): { log: string[]; checkpointedRows: number } {
  const log: string[] = [];
  let checkpointedRows = -1;
  for (const [at, step] of STORY) {
    const t = Date.parse(at) + Math.floor(random() * 1000);
    if (checkpointedRows < 0 && t >= CHECKPOINT_BEFORE) {
      db.checkpoint();
      checkpointedRows = totalRows(db.db);
      log.push(`${'-'.repeat(24)}  (MCP server restart: WAL checkpointed, ${checkpointedRows} rows now in memory.db)`);
    }
    runStep(db, json, t, step);
    log.push(`${iso(t)}  ${commandLine(step)}  -> ${writtenTo(step, db.takeWrites())}`);
  }
  return { log, checkpointedRows };
}

// ---------------------------------------------------------------------------------------------------------------
// Files: publish while the connection is open, then verify from copies
// ---------------------------------------------------------------------------------------------------------------

const DB_FILES = ['memory.db', 'memory.db-wal'] as const;

function totalRows(db: DatabaseSync): number {
  return Number((db.prepare('SELECT count(*) AS n FROM memory_entries').get() as { n: number }).n);
}

function countByNamespace(db: DatabaseSync): Map<string, number> {
  const rows = db.prepare('SELECT namespace, count(*) AS n FROM memory_entries GROUP BY namespace ORDER BY namespace').all() as unknown as {
    namespace: string;
    n: number;
  }[];
  return new Map(rows.map((row) => [row.namespace, Number(row.n)]));
}

/** Copies memory.db and its -wal while the writer is still open: closing it would fold the WAL in and delete it. */
function publish(workDir: string, outDir: string, json: JsonMemoryStore): void {
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, 'memory.db-shm'), { force: true });
  for (const name of DB_FILES) copyFileSync(join(workDir, name), join(outDir, name));
  writeFileAtomic(join(outDir, 'memory-store.json'), json.text());
}

/** Opens a copy of outDir's database read-only, with or without the -wal, in a throwaway directory. */
function countCopy(outDir: string, withWal: boolean): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-hooks-verify-'));
  try {
    const names = withWal ? DB_FILES : DB_FILES.slice(0, 1);
    for (const name of names) copyFileSync(join(outDir, name), join(dir, name));
    const db = new DatabaseSync(join(dir, 'memory.db'), { readOnly: true });
    try {
      return countByNamespace(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function verify(outDir: string, expected: Map<string, number>, checkpointedRows: number): void {
  const main = countCopy(outDir, false);
  const withWal = countCopy(outDir, true);
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${'namespace'.padEnd(18)} ${'main file'.padStart(9)} ${'with WAL'.padStart(9)}`);
  for (const namespace of withWal.keys()) {
    console.log(`${namespace.padEnd(18)} ${String(main.get(namespace) ?? 0).padStart(9)} ${String(withWal.get(namespace)).padStart(9)}`);
  }
  console.log(`${'total'.padEnd(18)} ${String(sum(main)).padStart(9)} ${String(sum(withWal)).padStart(9)}`);
  const problems = [
    sum(withWal) !== sum(expected) && `with the WAL ${sum(withWal)} rows, expected ${sum(expected)}`,
    sum(main) !== checkpointedRows && `main file alone ${sum(main)} rows, expected ${checkpointedRows}`,
    sum(main) >= sum(withWal) && 'the -wal adds no rows',
    existsSync(join(outDir, 'memory.db-shm')) && 'memory.db-shm was left in the output',
  ].filter(Boolean);
  if (problems.length) throw new Error(`verification failed: ${problems.join('; ')}`);
  console.log('verified: every row is visible only with memory.db-wal beside memory.db');
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(process.argv[2] ?? join(root, 'content/phases/phase-7/hooks'));
  const workDir = mkdtempSync(join(tmpdir(), 'cairn-hooks-'));
  try {
    const db = new MemoryDb(join(workDir, 'memory.db'));
    const json = new JsonMemoryStore();
    const { log, checkpointedRows } = runStory(db, json);
    const expected = countByNamespace(db.db);
    publish(workDir, outDir, json);
    db.close();
    console.log(log.join('\n'));
    verify(outDir, expected, checkpointedRows);
    console.log(`wrote ${[...DB_FILES, 'memory-store.json'].map((name) => join(outDir, name)).join(', ')}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
