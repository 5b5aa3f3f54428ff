/**
 * `npm run bench [-- --quick]`: measures Cairn on this machine against its performance targets, in one run, and
 * prints a table (also written, with every raw number, to bench/results.json).
 *
 * - build: a cold `npm run build` (Astro's data store and Cairn's cache removed first) of the synthetic workspaces
 *   S, M and L (scripts/generate-workspace.ts; --quick skips L), wall time and peak RSS of the whole process tree,
 *   each against the floor: a bare one-page Astro site built by the same Astro;
 * - import: the core's hook importer (readHookSources) over every phase of the largest workspace, against the floor
 *   of reading the same rows with the same SQLite reader and JSON.parse of each value; and the same rows in one
 *   repository-wide memory.db, read once;
 * - rebuild: one hook event appended to one phase of the largest workspace, then a build with the caches kept; then
 *   a task file of another phase edited and built again; each against that workspace's cold build, with the stages
 *   each build reports (scripts/build.ts, CAIRN_TIMINGS);
 * - dev loop: `cairn dev` on S, a task page open in Chromium, the task file saved, until the page shows the change;
 * - transfer: a phase dashboard served gzipped from 127.0.0.1 and opened in Chromium, with and without chart.js;
 * - growth: dist/ bytes added per frozen phase per version, and L's whole dist/.
 *
 * Workspaces, sites and logs go to node_modules/.cache/cairn-bench/. The exit code is 0 whether targets are met or
 * not (this is a measurement); non-zero only when a step fails, with the step named.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { basename, dirname, extname, join, relative } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { readHookFiles, readHookSources } from '../src/core/io/read-hooks.ts';
import { formatBytes, formatCount, formatSeconds, resultsTable, row, type Row, type Target } from './lib/bench-report.ts';
import { BASE36, SCHEMA, UPSERT, mulberry32 } from './lib/claude-flow-store.ts';
import { encodeStoredValue, unwrapStoredValue } from '../src/core/hooks/decode-value.ts';
import { diskUsage } from './lib/disk-usage.ts';
import { measureCommand, type Measured } from './lib/measure.ts';
import { addHistoryCommit, makeHistoryWorkspace } from './lib/history-workspace.ts';
import { readPhaseHistory } from '../src/core/pipeline/phase-history.ts';
import { openPhaseCache } from '../src/core/pipeline/phase-cache.ts';
import { forgetRepos } from '../src/core/io/git.ts';

const quick = process.argv.slice(2).includes('--quick');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--quick');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}.\nusage: npm run bench [-- --quick]   (--quick: S and M only)`);
  process.exit(2);
}

const project = process.cwd();
const work = join(project, 'node_modules', '.cache', 'cairn-bench');
const logs = join(work, 'logs');
const began = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// Targets (all upper bounds; see bench-report.ts)
// ---------------------------------------------------------------------------------------------------------------

const MB = 1000 * 1000;
const TARGETS = {
  smallBuildVsFloor: { max: 1.5, text: '≤ 1.5 × floor' },
  largeBuildWall: { max: 60_000, text: '≤ 60 s' },
  largeBuildRss: { max: 1500 * MB, text: '≤ 1.5 GB' },
  importVsFloor: { max: 2, text: '≤ 2 × raw-read floor' },
  rebuildVsFull: { max: 0.1, text: '≤ 10 % of full build' },
  rebuildUnpinned: { max: 0.15, text: '≤ 15 % of full build' },
  devLoop: { max: 1000, text: '≤ 1 s' },
  dashboardGzip: { max: 60_000, text: '≤ 60 kB' },
  thirdParty: { max: 0, text: '0' },
  growth: { max: 100_000, text: '≤ 100 kB' },
  largeDist: { max: 500 * MB, text: '< 500 MB' },
} satisfies Record<string, Target>;

// ---------------------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------------------

const elapsed = (): string => `${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s`;
const progress = (message: string): void => console.log(`[${elapsed()}] ${message}`);

/** Runs one step; a failure ends the benchmark with the step named. */
async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  progress(`${name} …`);
  try {
    return await run();
  } catch (error) {
    console.error(`\nThe benchmark failed at step "${name}": ${(error as Error).message}`);
    process.exit(1);
  }
}

/** The tail of a log, for a failure message. */
function tail(log: string, lines = 30): string {
  return existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

async function mustRun(label: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  const log = join(logs, `${label}.log`);
  const measured = await measureCommand(command, args, { env, cwd: project, log });
  if (measured.exitCode !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${measured.exitCode ?? measured.signal}.\n${tail(log)}\n(whole log: ${relative(project, log)})`);
  return measured;
}

/** Builds see neither CAIRN_CACHE nor a colour setting from the caller: the cache is then where coldStart clears it. */
function buildEnv(content: string, asOf: string | null, timings: string): NodeJS.ProcessEnv {
  const { CAIRN_CACHE: _cache, CAIRN_AS_OF: _asOf, SOURCE_DATE_EPOCH: _epoch, ...env } = process.env;
  // No as-of: the time is not pinned, and the build's "now" is its newest input, as a coordinator's rebuilds have it.
  return {
    ...env,
    CAIRN_CONTENT: content,
    ...(asOf === null ? {} : { CAIRN_AS_OF: asOf }),
    CAIRN_TIMINGS: timings,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/** What a first build on a fresh checkout would find: no Astro data store and no Cairn cache. */
function coldStart(): void {
  rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
  const caches = join(project, 'node_modules', '.cache');
  if (!existsSync(caches)) return;
  for (const name of readdirSync(caches)) if (name !== 'cairn-bench') rmSync(join(caches, name), { recursive: true, force: true });
}

/** What the build says of its own stages (scripts/build.ts, CAIRN_TIMINGS): ms per stage, pages rendered and kept. */
interface Stages {
  stages: Record<string, number>;
  total: number;
  rendered: number;
  outputs: number;
  copied: number;
  linked: number;
  searched: number;
  searchedPhases: number;
}

interface Built extends Measured {
  stages: Stages | null;
}

async function build(label: string, content: string, outDir: string, asOf: string | null): Promise<Built> {
  const timings = join(logs, `${label}.stages.json`);
  rmSync(timings, { force: true });
  const measured = await mustRun(label, 'npm', ['run', '--silent', 'build', '--', '--out', outDir], buildEnv(content, asOf, timings));
  return { ...measured, stages: existsSync(timings) ? (JSON.parse(readFileSync(timings, 'utf8')) as Stages) : null };
}

/** "check 0.2 s, sync 1.6 s, …; 8 of 578 files rendered": a build's stages in one line. */
function describeStages(stages: Stages | null): string {
  if (!stages) return 'no stages recorded';
  return `${Object.entries(stages.stages)
    .map(([name, ms]) => `${name} ${formatSeconds(ms)}`)
    .join(', ')}; ${formatCount(stages.rendered)} of ${formatCount(stages.outputs)} files rendered, ${stages.searchedPhases} phase(s) indexed`;
}

interface Workspace {
  size: 'S' | 'M' | 'L';
  root: string;
  /** The as-of the generator made it for; every build of it uses this CAIRN_AS_OF. */
  asOf: string;
  generateMs: number;
  versions: number;
}

async function generate(size: Workspace['size'], name: string, versions?: number): Promise<Workspace> {
  const root = join(work, name);
  const args = ['run', '--silent', 'bench:generate', '--', size, root, ...(versions === undefined ? [] : ['--versions', String(versions)])];
  const measured = await mustRun(`generate-${name}`, 'npm', args);
  const asOf = /^as of (\S+)$/m.exec(readFileSync(join(logs, `generate-${name}.log`), 'utf8'))?.[1];
  if (!asOf) throw new Error(`the generator did not say which as-of ${name} was made for (no "as of …" line in logs/generate-${name}.log).`);
  const snapshots = join(root, 'snapshots');
  const count = existsSync(snapshots) ? readdirSync(snapshots).filter((file) => file.endsWith('.json')).length : 0;
  return { size, root, asOf, generateMs: measured.wallMs, versions: count };
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes on disk
// ---------------------------------------------------------------------------------------------------------------

interface DistSize {
  /** Every file but pagefind's index. */
  site: number;
  pagefind: number;
  /** dist/v/: the frozen versions' pages (and the versions index). */
  versions: number;
}

function distSize(dist: string): DistSize {
  return {
    site: diskUsage(dist, (path) => path.startsWith(`pagefind/`)).bytes,
    pagefind: diskUsage(join(dist, 'pagefind')).bytes,
    versions: diskUsage(join(dist, 'v')).bytes,
  };
}

/** Phases held per version, summed: the "phase-versions" growth is divided by. */
function phaseVersions(root: string): number {
  const dir = join(root, 'snapshots');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .reduce((sum, file) => sum + (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { phases: unknown[] }).phases.length, 0);
}

/** Versions frozen in the workspace without pages in the site (a snapshot the build could not read): growth would look small. */
function checkVersionsBuilt(label: string, root: string, dist: string): void {
  const dir = join(root, 'snapshots');
  const versions = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.slice(0, -'.json'.length))
    : [];
  const unbuilt = versions.filter((version) => !existsSync(join(dist, 'v', version, 'index.html')));
  if (unbuilt.length > 0)
    warnings.push(
      `${label}: ${unbuilt.length} of ${versions.length} frozen versions have no pages in dist/v/ (${unbuilt.slice(0, 3).join(', ')}${unbuilt.length > 3 ? ', …' : ''}); see its build log.`,
    );
}

const phaseDirs = (root: string): string[] =>
  readdirSync(join(root, 'phases'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'phases', entry.name))
    .toSorted();

/** HTML pages in a built site: a rebuild that wrote a different number built a different site. */
const pagesIn = (dist: string): number => readdirSync(dist, { recursive: true }).filter((path) => String(path).endsWith('.html')).length;

/**
 * A hash of Cairn's code. Ratios compare builds made minutes apart; if the code changed in between (a checkout, an
 * edit), the two builds measured different programs, and the phase cache, keyed by the code, starts cold again.
 */
function codeHash(): string {
  const hash = createHash('sha256');
  const files = ['src', 'scripts']
    .flatMap((dir) =>
      readdirSync(join(project, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name)),
    )
    .concat(['astro.config.mjs', 'package.json', 'package-lock.json'].map((file) => join(project, file)).filter((file) => existsSync(file)))
    .toSorted();
  for (const file of files)
    hash
      .update(`${relative(project, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// The floor: a bare one-page Astro site
// ---------------------------------------------------------------------------------------------------------------

async function floorBuild(): Promise<{ runs: Measured[]; median: Measured }> {
  const dir = join(work, 'floor');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(
    join(dir, 'src', 'pages', 'index.astro'),
    '---\nconst title = "Floor";\n---\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1></body></html>\n',
  );
  const astro = join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const runs: Measured[] = [];
  // A build of a few seconds is noisy; the median of three cold builds is the floor.
  for (let i = 0; i < 3; i++) {
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    // With Node's compile cache, as the `cairn` command runs (bin/cairn.mjs): both keep compiled modules between runs.
    runs.push(
      await mustRun(`floor-${i + 1}`, process.execPath, [astro, 'build', '--root', dir], {
        NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache'),
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      }),
    );
  }
  const median = runs.toSorted((a, b) => a.wallMs - b.wallMs)[1]!;
  return { runs, median };
}

// ---------------------------------------------------------------------------------------------------------------
// Hook import against reading the rows
// ---------------------------------------------------------------------------------------------------------------

interface ImportRun {
  ms: number;
  rows: number;
  events: number;
}

/** The core's importer over every phase's hooks/ folder, a phase at a time (as the build reads them). */
function importAll(root: string): ImportRun {
  const t0 = performance.now();
  let rows = 0;
  let events = 0;
  for (const phase of phaseDirs(root)) {
    for (const result of readHookSources(join(phase, 'hooks'), root)) {
      rows += result.report.records;
      events += result.events.length;
    }
  }
  return { ms: performance.now() - t0, rows, events };
}

/**
 * The least any importer must do with the same files: copy memory.db and its -wal to a temporary folder (as
 * read-sqlite.ts does, so the user's files are never touched), open the copy read-only with node:sqlite, read every
 * row with the same query and in the same way (pages of ids, rows as arrays), and JSON.parse each value. Values claude-flow stored compressed are decoded first, since
 * without that the floor would skip the largest values.
 */
function readRowsFloor(root: string): ImportRun {
  const t0 = performance.now();
  let rows = 0;
  let parsed = 0;
  for (const phase of phaseDirs(root)) {
    const db = join(phase, 'hooks', 'memory.db');
    if (!existsSync(db)) continue;
    const read = readStoreFloor(db);
    rows += read.rows;
    parsed += read.events;
  }
  return { ms: performance.now() - t0, rows, events: parsed };
}

/** The raw read of one memory.db (and its -wal), as readRowsFloor does for each phase's. */
function readStoreFloor(db: string): ImportRun {
  const t0 = performance.now();
  let rows = 0;
  let parsed = 0;
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-floor-'));
  try {
    const copy = join(dir, 'memory.db');
    copyFileSync(db, copy);
    if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${copy}-wal`);
    const sqlite = new DatabaseSync(copy, { readOnly: true });
    try {
      // As read-sqlite.ts reads a store: pages of ids, each row an array of its values (the fastest read SQLite gives).
      const page = sqlite.prepare('select id, key, value, namespace, metadata, created_at, updated_at from memory_entries where id > ? order by id limit 4096');
      page.setReturnArrays(true);
      for (let after = Number.MIN_SAFE_INTEGER, full = true; full; ) {
        const entries = page.all(after) as unknown as unknown[][];
        for (const entry of entries) {
          rows += 1;
          try {
            JSON.parse(unwrapStoredValue(String(entry[2])));
            parsed += 1;
          } catch {
            // a value that is not JSON is still a row read
          }
        }
        full = entries.length === 4096;
        if (full) after = entries.at(-1)![0] as number;
      }
    } finally {
      sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ms: performance.now() - t0, rows, events: parsed };
}

/**
 * One memory.db for the whole repository, as claude-flow keeps it at .swarm/memory.db when every phase's agents share
 * it: every phase's rows copied into one store (a row whose key another phase already used keeps a suffix, so none is
 * lost). Made once per workspace and kept beside it.
 */
function sharedStore(root: string): string {
  const db = `${root}-shared.db`;
  if (existsSync(db)) return db;
  const partial = `${db}.partial`;
  rmSync(partial, { force: true });
  const sqlite = new DatabaseSync(partial);
  // Each phase's store is read from a copy: attached to a connection that can write, SQLite would fold its -wal into
  // it on detach and so change the workspace the builds are measured on.
  const copies = mkdtempSync(join(tmpdir(), 'cairn-bench-shared-'));
  try {
    sqlite.exec(SCHEMA);
    phaseDirs(root).forEach((phase, at) => {
      const copy = join(copies, 'memory.db');
      copyFileSync(join(phase, 'hooks', 'memory.db'), copy);
      if (existsSync(join(phase, 'hooks', 'memory.db-wal'))) copyFileSync(join(phase, 'hooks', 'memory.db-wal'), `${copy}-wal`);
      sqlite.exec(`ATTACH DATABASE '${copy.replaceAll("'", "''")}' AS phase`);
      sqlite.exec(`INSERT INTO memory_entries (key, value, namespace, metadata, created_at, updated_at, accessed_at)
        SELECT CASE WHEN EXISTS (SELECT 1 FROM main.memory_entries m WHERE m.key = p.key AND m.namespace = p.namespace) THEN p.key || '#${at}' ELSE p.key END,
          p.value, p.namespace, p.metadata, p.created_at, p.updated_at, p.accessed_at FROM phase.memory_entries p ORDER BY p.id`);
      sqlite.exec('DETACH DATABASE phase');
      for (const name of readdirSync(copies)) rmSync(join(copies, name), { force: true });
    });
  } finally {
    sqlite.close();
    rmSync(copies, { recursive: true, force: true });
  }
  renameSync(partial, db);
  return db;
}

/** The core's importer over one repository-wide store, against the raw read of it. */
function importShared(db: string, runs: number) {
  const importer: ImportRun[] = [];
  const raw: ImportRun[] = [];
  for (let i = 0; i < runs; i++) {
    raw.push(readStoreFloor(db));
    const t0 = performance.now();
    let rows = 0;
    let events = 0;
    for (const result of readHookFiles([db], null)) {
      rows += result.report.records;
      events += result.events.length;
    }
    importer.push({ ms: performance.now() - t0, rows, events });
  }
  const best = (list: ImportRun[]): ImportRun => list.toSorted((a, b) => a.ms - b.ms)[0]!;
  return { importer: best(importer), raw: best(raw), runs: { importer, raw } };
}

// ---------------------------------------------------------------------------------------------------------------
// One more hook event
// ---------------------------------------------------------------------------------------------------------------

/**
 * Appends a hooks:notify row to a phase's memory.db, shaped as the generator writes them, one minute after the
 * phase's newest row and for the task of its newest notification. Opened read-write as claude-flow opens it, so the
 * WAL is folded into the database on close, as after a real session.
 */
function appendHookEvent(db: string, after = 0): { key: string; time: string } {
  const sqlite = new DatabaseSync(db);
  try {
    const found = sqlite.prepare('select max(created_at) as at from memory_entries').get() as { at: number };
    // `after` (seconds): an event newer than every other of the site, when the time is not pinned.
    const newest = { at: Math.max(found.at, after) };
    const latest = sqlite.prepare("select value from memory_entries where namespace = 'hooks:notify' order by created_at desc, id desc limit 1").get() as
      | { value: string }
      | undefined;
    const task = latest ? String((JSON.parse(latest.value) as { message?: string }).message ?? '').split(':')[0] : 'task_1';
    const at = (newest.at + 60) * 1000;
    const random = mulberry32(at);
    let suffix = '';
    for (let i = 0; i < 9; i++) suffix += BASE36.charAt(Math.floor(random() * 36));
    const notifyId = `notify-${at}-${suffix}`;
    const time = new Date(at).toISOString();
    const value = encodeStoredValue({ message: `${task}: one more step done`, level: 'info', swarmStatus: 'active', timestamp: time, notifyId });
    const seconds = at / 1000;
    sqlite
      .prepare(UPSERT)
      .run(`notification:${notifyId}`, value, 'hooks:notify', JSON.stringify({ hookType: 'notify', level: 'info' }), seconds, seconds, seconds);
    return { key: `notification:${notifyId}`, time };
  } finally {
    sqlite.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A dashboard over the wire
// ---------------------------------------------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

interface Transfer {
  page: string;
  requests: number;
  thirdParty: string[];
  gzipBytes: number;
  chartBytes: number;
  chartRequests: number;
  /** Every request, in order: its URL, status and gzip bytes (0 for another host). */
  log: { url: string; status: number; gzipBytes: number; chart: boolean }[];
}

/** The files of dist/_astro that hold chart.js, told by the property chart.js stores its listeners under. */
function chartChunks(dist: string): Set<string> {
  const dir = join(dist, '_astro');
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((name) => name.endsWith('.js') && readFileSync(join(dir, name), 'utf8').includes('_chartjs'))
      .map((name) => `/_astro/${name}`),
  );
}

/** Serves `dist` gzipped on 127.0.0.1, opens `path` in Chromium with an empty cache, and counts what came over. */
async function measureTransfer(dist: string, path: string): Promise<Transfer> {
  const sent = new Map<string, number>();
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file = join(dist, pathname);
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    const body = gzipSync(readFileSync(file));
    sent.set(pathname, (sent.get(pathname) ?? 0) + body.length);
    response
      .writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Encoding': 'gzip', 'Content-Length': body.length })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const charts = chartChunks(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking'],
    headless: true,
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    const statuses = new Map<string, number>();
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', (answer) => statuses.set(answer.url(), answer.status()));
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}.`);
    await page.waitForLoadState('networkidle');
    await context.close();
    // data: and blob: addresses are read from memory, not fetched.
    const log = requested
      .filter((address) => !address.startsWith('data:') && !address.startsWith('blob:'))
      .map((address) => {
        const url = new URL(address);
        const local = url.origin === origin;
        return {
          url: local ? url.pathname : address,
          status: statuses.get(address) ?? 0,
          gzipBytes: local ? (sent.get(decodeURIComponent(url.pathname)) ?? 0) : 0,
          chart: local && charts.has(url.pathname),
        };
      });
    const thirdParty = log.filter((entry) => !entry.url.startsWith('/')).map((entry) => entry.url);
    const gzipBytes = log.reduce((sum, entry) => sum + entry.gzipBytes, 0);
    const chart = log.filter((entry) => entry.chart);
    return {
      page: path,
      requests: log.length,
      thirdParty,
      gzipBytes,
      chartBytes: chart.reduce((sum, entry) => sum + entry.gzipBytes, 0),
      chartRequests: chart.length,
      log,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------------

interface BuildResult {
  workspace: Workspace;
  dist: string;
  build: Built;
  distBytes: DistSize;
}

/** What makes a number doubtful without failing the step: printed under the table and kept in results.json. */
const warnings: string[] = [];

/** Stops with a hint when the machine lacks what the benchmark needs; returns Astro's version for the header. */
function checkMachine(): string {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    console.error(
      `The benchmark opens a dashboard in Chromium, and there is none at ${chromiumPath}.\n  hint: apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  return (JSON.parse(readFileSync(join(project, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Generates and cold-builds each workspace size. */
async function buildSizes(sizes: readonly Workspace['size'][], floorMs: number): Promise<Map<Workspace['size'], BuildResult>> {
  const built = new Map<Workspace['size'], BuildResult>();
  for (const size of sizes) {
    const workspace = await step(`generate ${size}`, () => generate(size, size));
    progress(
      `generated ${size} in ${formatSeconds(workspace.generateMs)}${workspace.versions ? `, with ${workspace.versions} frozen versions` : ''} (as of ${workspace.asOf})`,
    );
    const dist = join(work, `dist-${size}`);
    const measured = await step(`build ${size} (cold)`, () => {
      rmSync(dist, { recursive: true, force: true });
      coldStart();
      return build(`build-${size}`, workspace.root, dist, workspace.asOf);
    });
    const bytes = distSize(dist);
    checkVersionsBuilt(`build ${size}`, workspace.root, dist);
    built.set(size, { workspace, dist, build: measured, distBytes: bytes });
    progress(
      `built ${size}: ${formatSeconds(measured.wallMs)} (${(measured.wallMs / floorMs).toFixed(2)} × floor), peak RSS ${formatBytes(measured.peakRssBytes)}, dist ${formatBytes(bytes.site)} + pagefind ${formatBytes(bytes.pagefind)}; ${describeStages(measured.stages)}`,
    );
  }
  return built;
}

/** Import throughput against a raw read of the same rows (before the rebuild step changes the workspace's files). */
async function measureImport(largest: BuildResult, runs: number) {
  const imports = await step(`import: hook importer vs raw read of ${largest.workspace.size}, ${runs === 1 ? '1 run' : `best of ${runs}`}`, () => {
    const importer: ImportRun[] = [];
    const raw: ImportRun[] = [];
    for (let i = 0; i < runs; i++) {
      raw.push(readRowsFloor(largest.workspace.root));
      importer.push(importAll(largest.workspace.root));
    }
    const best = (list: ImportRun[]): ImportRun => list.toSorted((a, b) => a.ms - b.ms)[0]!;
    return { importer: best(importer), raw: best(raw), runs: { importer, raw } };
  });
  const ratio = imports.importer.ms / imports.raw.ms;
  progress(
    `import: ${formatCount(imports.importer.rows)} rows → ${formatCount(imports.importer.events)} events in ${formatSeconds(imports.importer.ms)}; raw read ${formatCount(imports.raw.rows)} rows in ${formatSeconds(imports.raw.ms)} (${ratio.toFixed(2)} ×)`,
  );
  const shared = await step(`import: one repository-wide store of ${largest.workspace.size}'s rows`, () =>
    importShared(sharedStore(largest.workspace.root), runs),
  );
  const sharedRatio = shared.importer.ms / shared.raw.ms;
  progress(
    `import (one store): ${formatCount(shared.importer.rows)} rows → ${formatCount(shared.importer.events)} events in ${formatSeconds(shared.importer.ms)}; raw read in ${formatSeconds(shared.raw.ms)} (${sharedRatio.toFixed(2)} ×)`,
  );
  return { ...imports, ratio, shared: { ...shared, ratio: sharedRatio } };
}

/** Appends a line to the body of a phase's first task file, as a coordinator's edit would. */
function editTaskFile(phase: string): string {
  const file = readdirSync(phase)
    .filter((name) => /^task-.*\.md$/.test(name))
    .toSorted()[0];
  if (!file) throw new Error(`${phase} has no task file to edit.`);
  appendFileSync(join(phase, file), '\nReviewed again by the coordinator.\n');
  return file;
}

/** Rebuilds after one new hook event in the first phase and after an edit of a task file in the second, each against the cold build. */
async function measureRebuild(largest: BuildResult) {
  const { workspace, dist } = largest;
  const phases = phaseDirs(workspace.root);
  const rebuild = async (label: string, change: () => string, asOf: string | null = workspace.asOf) => {
    const what = change();
    const pagesBefore = pagesIn(dist);
    const measured = await build(label, workspace.root, dist, asOf);
    const pagesAfter = pagesIn(dist);
    if (pagesAfter !== pagesBefore)
      warnings.push(
        `The rebuild ${label} wrote ${pagesAfter} pages, the build before it ${pagesBefore}: they built different sites, so their ratio means little (see logs/${label}.log).`,
      );
    return { what, build: measured, pagesBefore, pagesAfter, ratio: measured.wallMs / largest.build.wallMs };
  };
  let event: { key: string; time: string } | null = null;
  const appended = await step(`rebuild ${workspace.size} after one new hook event`, () =>
    rebuild(`rebuild-${workspace.size}`, () => {
      event = appendHookEvent(join(phases[0]!, 'hooks', 'memory.db'));
      return basename(phases[0]!);
    }),
  );
  progress(
    `rebuilt ${workspace.size} after one event: ${formatSeconds(appended.build.wallMs)} (${(appended.ratio * 100).toFixed(0)} % of its cold build): ${describeStages(appended.build.stages)}`,
  );
  const edited = await step(`rebuild ${workspace.size} after a task file edit`, () =>
    rebuild(`rebuild-edit-${workspace.size}`, () => `${basename(phases[1] ?? phases[0]!)}/${editTaskFile(phases[1] ?? phases[0]!)}`),
  );
  progress(
    `rebuilt ${workspace.size} after editing ${edited.what}: ${formatSeconds(edited.build.wallMs)} (${(edited.ratio * 100).toFixed(0)} %): ${describeStages(edited.build.stages)}`,
  );
  // The coordinator's real loop: the time is not pinned, so a new event, the newest input, is also the build's "now".
  await step(`build ${workspace.size} with the time not pinned`, () => build(`build-unpinned-${workspace.size}`, workspace.root, dist, null));
  const unpinned = await step(`rebuild ${workspace.size} after one new hook event, time not pinned`, () =>
    rebuild(
      `rebuild-unpinned-${workspace.size}`,
      () => {
        // Newer than every event of the workspace (the generator made them all before its as-of), so it is "now".
        appendHookEvent(join(phases[0]!, 'hooks', 'memory.db'), Date.parse(workspace.asOf) / 1000);
        return basename(phases[0]!);
      },
      null,
    ),
  );
  progress(
    `rebuilt ${workspace.size} after one event, time not pinned: ${formatSeconds(unpinned.build.wallMs)} (${(unpinned.ratio * 100).toFixed(0)} %): ${describeStages(unpinned.build.stages)}`,
  );
  return {
    phase: appended.what,
    event: event!,
    build: appended.build,
    pagesBefore: appended.pagesBefore,
    pagesAfter: appended.pagesAfter,
    ratio: appended.ratio,
    edit: edited,
    unpinned,
  };
}

/**
 * The coordinator's loop under `cairn dev` on S: a task page open in Chromium, the task file saved with a new
 * estimate, and the time until the open page shows it (Astro reloads it). The median of three saves.
 */
/**
 * Dates from git (pipeline/phase-history.ts): a repository of 2,000 commits over one phase of 100 tasks, read with a
 * new cache (a first build), then again after one more commit (a rebuild). Made in the system's temporary folder: a
 * repository inside Cairn's own folder has no team history.
 */
async function measureHistory() {
  const commits = 2000;
  const tasks = 100;
  const dir = join(tmpdir(), 'cairn-bench-history');
  const root = makeHistoryWorkspace(dir, { commits, tasks });
  const cacheDir = join(dir, '.cache');
  const cache = openPhaseCache({ CAIRN_CACHE: cacheDir });
  const phase = join(root, 'phases', 'phase-1');
  const read = () => {
    forgetRepos();
    const t0 = performance.now();
    const history = readPhaseHistory(phase, 'phase-1', root, undefined, cache);
    if (history === null) throw new Error(`No history was read from ${dir}.`);
    return { ms: performance.now() - t0, commits: history.commits, changes: Object.values(history.tasks).reduce((sum, task) => sum + task.steps.length, 0) };
  };
  const first = read();
  addHistoryCommit(dir);
  const again = read();
  rmSync(dir, { recursive: true, force: true });
  return { commits, tasks, first, again };
}

function historyRows(history: Awaited<ReturnType<typeof measureHistory>>): Row[] {
  const { commits, tasks, first, again } = history;
  return [
    row(
      `history: first read (${formatCount(commits)} commits, ${tasks} tasks)`,
      first.ms,
      'ms',
      `${formatSeconds(first.ms)}, ${formatCount(first.changes)} task statuses dated`,
    ),
    row('history: read again after one more commit', again.ms, 'ms', `${formatSeconds(again.ms)} (${formatCount(again.commits)} commits)`),
  ];
}

async function measureDevLoop(small: BuildResult) {
  return step('dev loop: a saved task file to the page that shows it, S', async () => {
    // Outside node_modules/, which the dev server's file watcher leaves out, as it should.
    const root = join(mkdtempSync(join(tmpdir(), 'cairn-bench-dev-')), 'content');
    cpSync(small.workspace.root, root, { recursive: true });
    const file = join(root, 'phases', 'phase-7', 'task-7.4-release-prep.md');
    const original = readFileSync(file, 'utf8');
    if (!original.includes('**Duration:** 1 day')) throw new Error(`${file} no longer says "**Duration:** 1 day"; the dev loop edits that line.`);
    const port = 4700 + Math.floor(Math.random() * 300);
    const url = `http://127.0.0.1:${port}/phase-7/tasks/task-7.4-release-prep/`;
    const log = join(logs, 'dev-S.log');
    const server = spawn(process.execPath, ['bin/cairn.mjs', 'dev', '--content', root, '--port', String(port)], {
      cwd: project,
      env: { ...buildEnv(root, small.workspace.asOf, join(logs, 'dev.stages.json')) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking'],
      headless: true,
    });
    try {
      for (let tries = 0; ; tries++) {
        try {
          if ((await fetch(url)).ok) break;
        } catch {
          // not listening yet
        }
        if (tries > 240 || server.exitCode !== null) throw new Error(`cairn dev did not start:\n${output.slice(-2000)}`);
        await sleep(250);
      }
      const page = await browser.newPage();
      await page.goto(url);
      const estimate = page.getByTestId('task-meta').locator('dt:text-is("Estimate") + dd');
      const runs: number[] = [];
      for (const days of [2, 3, 4]) {
        const t0 = performance.now();
        writeFileSync(file, original.replace('**Duration:** 1 day', `**Duration:** ${days} days`));
        for (;;) {
          const text = await estimate.textContent({ timeout: 1000 }).catch(() => null);
          if (text?.startsWith(`${days} days`)) break;
          if (performance.now() - t0 > 30_000) throw new Error(`the page did not show the saved estimate within 30 s.\n${output.slice(-2000)}`);
          await sleep(10);
        }
        runs.push(performance.now() - t0);
      }
      const median = runs.toSorted((a, b) => a - b)[1]!;
      progress(`dev loop: ${runs.map((ms) => formatSeconds(ms)).join(', ')} (median ${formatSeconds(median)})`);
      return { runs, median };
    } finally {
      await browser.close();
      if (server.pid) process.kill(-server.pid);
      writeFileSync(log, output);
      rmSync(dirname(root), { recursive: true, force: true });
    }
  });
}

/** What the phase dashboards of S and of the largest workspace transfer, in Chromium. */
async function measureTransfers(small: BuildResult, largest: BuildResult, phase: string) {
  const transfers = await step('transfer: phase dashboards in Chromium, gzipped', async () => ({
    small: await measureTransfer(small.dist, '/phase-7/'),
    big: await measureTransfer(largest.dist, `/${phase}/`),
  }));
  for (const transfer of [transfers.small, transfers.big]) {
    progress(
      `${transfer.page}: ${transfer.requests} requests, ${formatBytes(transfer.gzipBytes)} gzip (chart.js ${formatBytes(transfer.chartBytes)}), third-party ${transfer.thirdParty.length}`,
    );
  }
  return transfers;
}

/** dist/ growth: S as built against S with two versions frozen (whole dist/). */
async function measureGrowth(small: BuildResult) {
  const growth = await step('growth: S with 2 frozen versions', async () => {
    const workspace = await generate('S', 'S-versions', 2);
    const dist = join(work, 'dist-S-versions');
    rmSync(dist, { recursive: true, force: true });
    await build('build-S-versions', workspace.root, dist, workspace.asOf);
    checkVersionsBuilt('build S-versions', workspace.root, dist);
    const before = small.distBytes;
    const after = distSize(dist);
    const held = phaseVersions(workspace.root);
    return {
      versions: workspace.versions,
      phaseVersions: held,
      before,
      after,
      perPhaseVersion: (after.site - before.site) / held,
      pagefindPerPhaseVersion: (after.pagefind - before.pagefind) / held,
      versionsShare: (after.versions - before.versions) / (after.site - before.site),
    };
  });
  progress(
    `growth (S): ${formatBytes(growth.perPhaseVersion)} per phase per version (${(growth.versionsShare * 100).toFixed(0)} % of it under v/), pagefind ${formatBytes(growth.pagefindPerPhaseVersion)}`,
  );
  return growth;
}

interface Measurements {
  floor: Awaited<ReturnType<typeof floorBuild>>;
  built: Map<Workspace['size'], BuildResult>;
  largest: BuildResult;
  imports: Awaited<ReturnType<typeof measureImport>>;
  appended: Awaited<ReturnType<typeof measureRebuild>>;
  transfers: Awaited<ReturnType<typeof measureTransfers>>;
  growth: Awaited<ReturnType<typeof measureGrowth>>;
  dev: Awaited<ReturnType<typeof measureDevLoop>>;
  history: Awaited<ReturnType<typeof measureHistory>>;
}

/** L's dist/v/ over its versions, when L was built. */
function largeGrowthOf(built: Measurements['built']) {
  const large = built.get('L');
  return large ? { versions: large.workspace.versions, phaseVersions: phaseVersions(large.workspace.root), versionsBytes: large.distBytes.versions } : null;
}

/** The table: every measurement, with its target where it has one. */
function resultRows({ floor, built, largest, imports, appended, transfers, growth, dev, history }: Measurements): Row[] {
  const floorWall = floor.median.wallMs;
  const measuredOn = largest.workspace.size;
  return [
    row('floor: bare 1-page Astro build', floorWall, 'ms', `${formatSeconds(floorWall)}, peak RSS ${formatBytes(floor.median.peakRssBytes)} (median of 3)`),
    ...buildRows('S', built, floor),
    ...buildRows('M', built, floor),
    ...buildRows('L', built, floor),
    ...importRows(imports, measuredOn),
    ...rebuildRows(appended, largest),
    row(
      'dev loop: saved task file → page shows it (S, cairn dev)',
      dev.median,
      'ms',
      `${formatSeconds(dev.median)} (median of ${dev.runs.length}: ${dev.runs.map((ms) => formatSeconds(ms)).join(', ')})`,
      TARGETS.devLoop,
    ),
    ...dashboardRows(transfers.small, 'S /phase-7/'),
    ...dashboardRows(transfers.big, `${measuredOn} /${appended.phase}/`),
    ...growthRows(growth, built),
    ...historyRows(history),
  ];
}

/** A full build's wall time (against the floor's) and peak RSS; one row saying it did not run when it did not. */
function buildRows(size: Workspace['size'], built: Measurements['built'], floor: Measurements['floor']): Row[] {
  const result = built.get(size);
  if (!result) return [row(`${size} full build`, null, 'ms', 'not run (--quick)', size === 'L' ? TARGETS.largeBuildWall : null)];
  const { wallMs, peakRssBytes } = result.build;
  const ratio = wallMs / floor.median.wallMs;
  const rssRatio = peakRssBytes / floor.median.peakRssBytes;
  const wall = `${formatSeconds(wallMs)} (${ratio.toFixed(2)} × floor)`;
  const rss = `${formatBytes(peakRssBytes)} (${rssRatio.toFixed(1)} × floor)`;
  if (size === 'S')
    return [row('S full build, wall', ratio, '× floor', wall, TARGETS.smallBuildVsFloor), row('S full build, peak RSS', peakRssBytes, 'bytes', rss)];
  if (size === 'L')
    return [
      row('L full build, wall', wallMs, 'ms', wall, TARGETS.largeBuildWall),
      row('L full build, peak RSS', peakRssBytes, 'bytes', rss, TARGETS.largeBuildRss),
    ];
  return [row(`${size} full build, wall`, wallMs, 'ms', wall), row(`${size} full build, peak RSS`, peakRssBytes, 'bytes', rss)];
}

/** Items per second: "12,345/s". */
const rate = (count: number, ms: number): string => `${formatCount(count / (ms / 1000))}/s`;

/** The hook import against a raw read of the same rows: the phases' own stores, and one repository-wide store. */
function importRows(imports: Measurements['imports'], measuredOn: Workspace['size']): Row[] {
  return [
    row(
      `hook import (${measuredOn}, ${formatCount(imports.importer.rows)} rows)`,
      imports.ratio,
      '× floor',
      `${rate(imports.importer.events, imports.importer.ms)} events, ${rate(imports.importer.rows, imports.importer.ms)} rows vs raw read ${rate(imports.raw.rows, imports.raw.ms)} rows: ${imports.ratio.toFixed(2)} × the time`,
      TARGETS.importVsFloor,
    ),
    row(
      `hook import, one repository-wide store (${measuredOn}'s ${formatCount(imports.shared.importer.rows)} rows in one memory.db)`,
      imports.shared.ratio,
      '× floor',
      `${formatSeconds(imports.shared.importer.ms)} against a raw read of ${formatSeconds(imports.shared.raw.ms)}: ${imports.shared.ratio.toFixed(2)} ×`,
      TARGETS.importVsFloor,
    ),
  ];
}

/** Each rebuild (after a new event, after a task file edit, with the time not pinned) as a share of the full build. */
function rebuildRows(appended: Measurements['appended'], largest: BuildResult): Row[] {
  const measuredOn = largest.workspace.size;
  return [
    row(
      `rebuild after 1 new event (${measuredOn}, ${appended.phase})`,
      appended.ratio,
      'of full build',
      `${formatSeconds(appended.build.wallMs)} (${(appended.ratio * 100).toFixed(0)} % of ${formatSeconds(largest.build.wallMs)})`,
      TARGETS.rebuildVsFull,
    ),
    row(
      `rebuild after a task file edit (${measuredOn}, ${appended.edit.what})`,
      appended.edit.ratio,
      'of full build',
      `${formatSeconds(appended.edit.build.wallMs)} (${(appended.edit.ratio * 100).toFixed(0)} % of ${formatSeconds(largest.build.wallMs)})`,
      TARGETS.rebuildVsFull,
    ),
    row(
      `rebuild after 1 new event, time not pinned (${measuredOn}, ${appended.unpinned.what})`,
      appended.unpinned.ratio,
      'of full build',
      `${formatSeconds(appended.unpinned.build.wallMs)} (${(appended.unpinned.ratio * 100).toFixed(0)} % of ${formatSeconds(largest.build.wallMs)}); ${appended.unpinned.build.stages ? `${formatCount(appended.unpinned.build.stages.rendered)} of ${formatCount(appended.unpinned.build.stages.outputs)} files rendered` : ''}`,
      TARGETS.rebuildUnpinned,
    ),
  ];
}

/** A dashboard's transfer without chart.js, in gzipped bytes. */
const withoutChart = (transfer: Transfer): number => transfer.gzipBytes - transfer.chartBytes;

/** A phase dashboard's transfer: its gzipped bytes without chart.js, its requests and its third-party requests. */
function dashboardRows(transfer: Transfer, label: string): Row[] {
  return [
    row(
      `dashboard ${label}, gzip without chart.js`,
      withoutChart(transfer),
      'bytes',
      `${formatBytes(withoutChart(transfer))} (with chart.js ${formatBytes(transfer.gzipBytes)})`,
      TARGETS.dashboardGzip,
    ),
    row(`dashboard ${label}, requests`, transfer.requests, 'requests', `${transfer.requests} (${transfer.chartRequests} of them chart.js)`),
    row(`dashboard ${label}, third-party requests`, transfer.thirdParty.length, 'requests', String(transfer.thirdParty.length), TARGETS.thirdParty),
  ];
}

/** dist/'s growth per phase per version (S whole, L's dist/v/) and L's whole dist/; rows saying they did not run when L was not built. */
function growthRows(growth: Measurements['growth'], built: Measurements['built']): Row[] {
  const largeGrowth = largeGrowthOf(built);
  const large = built.get('L');
  return [
    row(
      `dist/ growth per phase per version (S, whole dist/ without pagefind, ${growth.versions} versions)`,
      growth.perPhaseVersion,
      'bytes',
      `${formatBytes(growth.perPhaseVersion)} (+ pagefind ${formatBytes(growth.pagefindPerPhaseVersion)})`,
      TARGETS.growth,
    ),
    largeGrowth
      ? row(
          `dist/ growth per phase per version (L, dist/v/ over ${largeGrowth.phaseVersions} phase-versions)`,
          largeGrowth.versionsBytes / largeGrowth.phaseVersions,
          'bytes',
          `${formatBytes(largeGrowth.versionsBytes / largeGrowth.phaseVersions)} (dist/v/ ${formatBytes(largeGrowth.versionsBytes)}, ${largeGrowth.versions} versions)`,
          TARGETS.growth,
        )
      : row('dist/ growth per phase per version (L)', null, 'bytes', 'not run (--quick)', TARGETS.growth),
    large
      ? row(
          `L dist/, whole (${large.workspace.versions} versions, search included)`,
          large.distBytes.site + large.distBytes.pagefind,
          'bytes',
          `${formatBytes(large.distBytes.site + large.distBytes.pagefind)} (pages ${formatBytes(large.distBytes.site - large.distBytes.versions)}, versions ${formatBytes(large.distBytes.versions)}, search ${formatBytes(large.distBytes.pagefind)})`,
          TARGETS.largeDist,
        )
      : row('L dist/, whole', null, 'bytes', 'not run (--quick)', TARGETS.largeDist),
  ];
}

/** bench/results.json: the numbers, the machine they ran on, and the warnings. */
function writeResults(measured: Measurements, rows: readonly Row[], astroVersion: string, totalMs: number): void {
  const { floor, built, largest, imports, appended, transfers, growth, dev } = measured;
  const measuredOn = largest.workspace.size;
  const results = {
    schemaVersion: 1,
    date: new Date().toISOString(),
    quick,
    totalMs,
    warnings,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryBytes: totalmem(),
      platform: platform(),
      release: release(),
      node: process.version,
      astro: astroVersion,
    },
    floor,
    workspaces: Object.fromEntries(
      [...built].map(([key, result]) => [
        key,
        {
          generateMs: result.workspace.generateMs,
          asOf: result.workspace.asOf,
          versions: result.workspace.versions,
          build: result.build,
          dist: result.distBytes,
        },
      ]),
    ),
    import: { workspace: measuredOn, importer: imports.importer, raw: imports.raw, runs: imports.runs, ratio: imports.ratio, shared: imports.shared },
    rebuild: {
      workspace: measuredOn,
      phase: appended.phase,
      event: appended.event,
      build: appended.build,
      pagesBefore: appended.pagesBefore,
      pagesAfter: appended.pagesAfter,
      fullBuildMs: largest.build.wallMs,
      ratio: appended.ratio,
      edit: appended.edit,
    },
    dev,
    history: measured.history,
    transfer: transfers,
    growth: { S: growth, L: largeGrowthOf(built) },
    rows: rows.map((r) => ({ ...r, target: r.target ? { max: r.target.max, text: r.target.text } : null })),
  };
  mkdirSync(join(project, 'bench'), { recursive: true });
  writeFileSync(join(project, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

async function main(): Promise<void> {
  mkdirSync(logs, { recursive: true });
  const codeAtStart = codeHash();
  const astroVersion = checkMachine();
  console.log(
    `Cairn benchmark${quick ? ' (quick: S and M)' : ' (S, M and L)'}: ${cpus().length} CPUs, ${formatBytes(totalmem())} memory, Node ${process.version}, Astro ${astroVersion}\n`,
  );
  const floor = await step('floor: bare one-page Astro site, 3 cold builds', floorBuild);
  progress(`floor: ${formatSeconds(floor.median.wallMs)} (median), peak RSS ${formatBytes(floor.median.peakRssBytes)}`);
  const built = await buildSizes(quick ? ['S', 'M'] : ['S', 'M', 'L'], floor.median.wallMs);
  const largest = built.get(quick ? 'M' : 'L')!;
  const imports = await measureImport(largest, 3);
  const appended = await measureRebuild(largest);
  const transfers = await measureTransfers(built.get('S')!, largest, appended.phase);
  const growth = await measureGrowth(built.get('S')!);
  const dev = await measureDevLoop(built.get('S')!);
  const history = await step('history: 2,000 commits over 100 tasks, read, then read after one more commit', measureHistory);
  const measured: Measurements = { floor, built, largest, imports, appended, transfers, growth, dev, history };
  const rows = resultRows(measured);

  if (codeHash() !== codeAtStart)
    warnings.push(
      "Cairn's code (src/, scripts/, astro.config.mjs, package*.json) changed while the benchmark ran: builds before and after the change ran different code, and the cache started over. Run it again on a checkout nobody is editing.",
    );
  const totalMs = performance.now() - began;
  console.log(`\n${resultsTable(rows)}\n`);
  console.log(`kB, MB, GB: 1000-based. Peak RSS: the sum over the build's processes, sampled every 100 ms. Total time ${formatSeconds(totalMs)}.`);
  for (const warning of warnings) console.log(`warning: ${warning}`);
  writeResults(measured, rows, astroVersion, totalMs);
  console.log('Written to bench/results.json.');
}

await main();
