/**
 * `npm run audit:sizes`: builds content of hostile size, each case in its own `cairn build`, and prints a table of
 * what came of it, its wall time and peak memory: the largest resident size of any of the build's processes, as
 * /usr/bin/time reports it (where there is none, the sum over the process tree that scripts/lib/measure.ts samples,
 * which errs high). A case fails when it takes 60 s or more, 2 GB or more, ends other than it must (a built site, or
 * a refusal that names the file and line), or says "bug in Cairn". Exit 1 when any case fails.
 *
 * The large inputs (a memory.db of 10 million rows, 700 MB of NDJSON, a 200 MB line, a 150 MB JSON log) are made
 * once into node_modules/.cache/cairn-sizes/inputs and kept; making them takes a few minutes the first time.
 * `--only <text>` runs the cases whose name holds it (and the floor, which the others are read against).
 */
import {
  closeSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { SCHEMA } from './lib/claude-flow-store.ts';
import { measureCommand } from './lib/measure.ts';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cache = join(repo, 'node_modules', '.cache', 'cairn-sizes');
const inputs = join(cache, 'inputs');
const runs = join(cache, 'runs');
const minimal = join(repo, 'test', 'fixtures', 'packages', 'minimal');
const AS_OF = '2025-10-25T18:00:00Z';

/** Most a case may take; a case still running at the kill time has failed. */
const maxSeconds = 60;
const maxBytes = 2e9;
const killAfterSeconds = 150;

interface Case {
  name: string;
  input: string;
  /** Writes the content root (a copy of the minimal package is already there). */
  make(root: string): void;
  /** `built`: exit 0 and a site; `refused`: exit 1 with the error. */
  ends: 'built' | 'refused';
  /** What the build's output must say. */
  says: RegExp;
  /**
   * A tighter budget than `maxSeconds`, where the case has its own target: at most this many seconds more than the
   * floor (the minimal package's build in the same run), which a loaded machine slows as much.
   */
  overFloor?: number;
  /** Largest the published site may be, in bytes. */
  siteBytes?: number;
}

const taskHead = (title: string) => `# Task 1.3: ${title}\n\n**Agent Type:** coder\n**Duration:** 1 day\n**Dependencies:** None\n\n`;
const phaseDir = (root: string) => join(root, 'phases', 'phase-1');
const writeTask = (root: string, title: string, body: string) => writeFileSync(join(phaseDir(root), 'task-1.3-hostile.md'), taskHead(title) + body);

/** A file of `input`, made once by `make` and kept; linked into a case's hooks/ folder. */
function bigInput(name: string, make: (path: string) => void): string {
  const path = join(inputs, name);
  if (existsSync(path)) return path;
  mkdirSync(inputs, { recursive: true });
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  console.log(`making ${name} (once; kept in ${inputs})…`);
  make(partial);
  renameSync(partial, path);
  return path;
}

function linkHook(root: string, source: string, name: string): void {
  const hooks = join(phaseDir(root), 'hooks');
  mkdirSync(hooks, { recursive: true });
  linkSync(source, join(hooks, name));
}

/** A claude-flow v2 store of `rows` notifications; the row `bigRow`, when given, holds a value of `bigValue` characters. */
function makeStore(path: string, rows: number, bigRow = 0, bigValue = 0): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO memory_entries (key, value, namespace, created_at, updated_at, accessed_at) VALUES (?, ?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (let row = 1; row <= rows; row++) {
    const second = 1761300000 + Math.floor(row / 10);
    const value =
      row === bigRow
        ? 'v'.repeat(bigValue)
        : JSON.stringify({ message: `task_${row % 100}: step ${row} done`, level: 'info', timestamp: new Date(second * 1000).toISOString() });
    insert.run(`notification:n-${row}`, value, 'hooks:notify', second, second, second);
    if (row % 200_000 === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');
  db.close();
}

/** Writes `bytes` of text made of `line(n)`, n = 1, 2, …, a batch at a time. */
function writeLines(path: string, bytes: number, line: (n: number) => string): void {
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    for (let n = 1; written < bytes; ) {
      const batch: string[] = [];
      for (let i = 0; i < 10_000 && written < bytes; i++, n++) {
        const text = line(n);
        batch.push(text);
        written += text.length;
      }
      writeSync(fd, batch.join(''));
    }
  } finally {
    closeSync(fd);
  }
}

const event = (n: number, message: string) =>
  `${JSON.stringify({ kind: 'notify', time: new Date(Date.parse('2025-10-23T08:00:00Z') + n * 1000).toISOString(), task: `1.${(n % 2) + 1}`, agent: 'coder', message })}\n`;
const aliasBomb = (key: string) => {
  const names = 'abcdefghi';
  const lines = [`a: &a [${Array(10).fill('"x"').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(10)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n${key}: [${Array(10).fill('*i').join(', ')}]\n`;
};

const cases: Case[] = [
  // Not hostile: the time any build takes on this machine, for the cases below to be read against.
  { name: 'the minimal package (the floor)', input: '2 tasks', make: () => undefined, ends: 'built', says: /1 phase\(s\), 2 task\(s\)/ },
  // The target is a build in under 5 s on an idle machine (3.9–4.4 s measured, against a floor of 2.7–3.1 s).
  {
    name: 'task: 100,000 "*a" (200 KB)',
    input: 'one paragraph',
    make: (root) => writeTask(root, 'Stars', '*a'.repeat(100_000)),
    ends: 'built',
    says: /task-1\.3-hostile\.md:7:1 warning This paragraph holds 100,000 emphasis/,
    overFloor: 2,
  },
  {
    name: 'task: 100,000 "_a" (200 KB)',
    input: 'one paragraph',
    make: (root) => writeTask(root, 'Underscores', '_a'.repeat(100_000)),
    ends: 'built',
    says: /This paragraph holds 100,000 emphasis/,
  },
  {
    name: 'task: 50,000 "[a](" (200 KB)',
    input: 'one paragraph',
    make: (root) => writeTask(root, 'Brackets', '[a]('.repeat(50_000)),
    ends: 'built',
    says: /This paragraph holds 100,000 emphasis/,
  },
  {
    name: 'task: 100,000 "\\"a" (200 KB)',
    input: 'one paragraph',
    make: (root) => writeTask(root, 'Quotes', '"a'.repeat(100_000)),
    ends: 'built',
    says: /This paragraph holds 100,000 quotes/,
  },
  {
    name: 'task: 40,000 setext headings (200 KB)',
    input: '"a", "=", blank',
    make: (root) => writeTask(root, 'Setext', 'a\n=\n\n'.repeat(40_000)),
    ends: 'built',
    says: /1 phase\(s\)/,
  },
  {
    name: 'task: 40,000 block quotes (200 KB)',
    input: '"> a", blank',
    make: (root) => writeTask(root, 'Quotes', '> a\n\n'.repeat(40_000)),
    ends: 'built',
    says: /1 phase\(s\)/,
  },
  {
    name: 'task: 100,000 lazy lines (200 KB)',
    input: 'a quote, then lines without ">"',
    make: (root) => writeTask(root, 'Lazy', `> a\n${'b\n'.repeat(100_000)}`),
    ends: 'built',
    says: /100,000 lines here and below continue a block quote/,
  },
  {
    name: 'task: 100,000 "<a" (200 KB)',
    input: 'one line',
    make: (root) => writeTask(root, 'Tags', '<a'.repeat(100_000)),
    ends: 'built',
    says: /1 phase\(s\)/,
  },
  {
    name: 'task: 66,000 lines of "&a" (200 KB)',
    input: 'one paragraph',
    make: (root) => writeTask(root, 'Ampersands', '&a\n'.repeat(66_000)),
    ends: 'built',
    says: /1 phase\(s\)/,
  },
  {
    name: 'task: frontmatter of 200 KB blank lines',
    input: 'frontmatter',
    make: (root) =>
      writeFileSync(join(phaseDir(root), 'task-1.3-hostile.md'), `---\n${'\n'.repeat(200_000)}agent: coder\nestimate: 1 day\n---\n# Task 1.3: Blank\n`),
    ends: 'built',
    says: /1 phase\(s\)/,
  },
  {
    name: 'task: YAML alias bomb in dependencies (1 KB)',
    input: '10^10 values',
    make: (root) =>
      writeFileSync(join(phaseDir(root), 'task-1.3-hostile.md'), `---\nid: "1.3"\nagent: coder\n${aliasBomb('dependencies')}---\n# Task 1.3: Bomb\n`),
    ends: 'refused',
    says: /task-1\.3-hostile\.md:7:\d+ error The frontmatter's aliases/,
  },
  {
    name: 'release notes: YAML alias bomb in phases (1 KB)',
    input: '10^10 values',
    make: (root) => {
      mkdirSync(join(root, 'releases'));
      writeFileSync(join(root, 'releases', '2.0.0.md'), `---\nversion: 2.0.0\ndate: 2025-10-27\n${aliasBomb('phases')}---\nNotes.\n`);
    },
    ends: 'refused',
    says: /releases\/2\.0\.0\.md:7:\d+ error The frontmatter's aliases/,
  },
  {
    name: 'changelog: 490 KB of "*a"',
    input: 'one entry',
    make: (root) => {
      mkdirSync(join(root, 'releases'));
      writeFileSync(join(root, 'releases', 'CHANGELOG.md'), `# Changelog\n\n## [1.0.0] - 2025-10-01\n\n### Added\n\n- ${'*a'.repeat(245_000)}\n`);
    },
    ends: 'built',
    says: /CHANGELOG\.md:7:\d+ warning This paragraph holds 245,000 emphasis/,
  },
  {
    name: 'changelog: 490 KB of "_a"',
    input: 'one entry',
    make: (root) => {
      mkdirSync(join(root, 'releases'));
      writeFileSync(join(root, 'releases', 'CHANGELOG.md'), `# Changelog\n\n## [1.0.0] - 2025-10-01\n\n### Added\n\n- ${'_a'.repeat(245_000)}\n`);
    },
    ends: 'built',
    says: /CHANGELOG\.md:7:\d+ warning This paragraph holds 245,000 emphasis/,
  },
  {
    name: 'hook log: 700 MB of NDJSON',
    input: '3.9M lines',
    make: (root) =>
      linkHook(
        root,
        bigInput('events-700mb.ndjson', (path) =>
          writeLines(path, 700_000_000, (n) => event(n, `step ${n} done: compiled the module and ran the tests without failures, all green`)),
        ),
        'events.ndjson',
      ),
    ends: 'built',
    says: /events\.ndjson: holds [\d,]+ lines: the first 1,000,000 were read \(the hook logs of one folder give at most 1,000,000 records, 1\.0 GB and 128 MB of event text together\), and the [\d,]+ after were counted as skipped, not read\./,
  },
  {
    name: 'hook log: 700 MB of NDJSON, 1 KB messages',
    input: '680,000 lines',
    make: (root) =>
      linkHook(
        root,
        bigInput('events-700mb-long.ndjson', (path) =>
          writeLines(path, 700_000_000, (n) => event(n, `step ${n}: ${'the build log said all was well and the tests passed; '.repeat(18)}`)),
        ),
        'events.ndjson',
      ),
    ends: 'built',
    says: /events\.ndjson: holds [\d,]+ lines: the first [\d,]+ were read \(the hook logs of one folder give at most 1,000,000 records, 1\.0 GB and 128 MB of event text together\)/,
  },
  {
    name: 'hook logs: three of 700 MB of NDJSON in one folder',
    input: '11.8M lines',
    make: (root) => {
      const log = bigInput('events-700mb.ndjson', (path) =>
        writeLines(path, 700_000_000, (n) => event(n, `step ${n} done: compiled the module and ran the tests without failures, all green`)),
      );
      for (const name of ['a.ndjson', 'b.ndjson', 'c.ndjson']) linkHook(root, log, name);
    },
    ends: 'built',
    says: /c\.ndjson: holds [\d,]+ lines, none read: the hook logs of one folder give at most 1,000,000 records/,
  },
  {
    name: 'hook log: one NDJSON line of 200 MB',
    input: '3 lines',
    make: (root) =>
      linkHook(
        root,
        bigInput('line-200mb.ndjson', (path) =>
          writeFileSync(
            path,
            `${event(1, 'first')}{"kind":"notify","time":"2025-10-23T08:00:01Z","task":"1.1","message":"${'x'.repeat(200_000_000)}"}\n${event(3, 'last')}`,
          ),
        ),
        'events.ndjson',
      ),
    ends: 'built',
    says: /1 line\(s\) are over 1\.0 MB \(first: line 2, 200 MB\); each was skipped and counted, not read\./,
    siteBytes: 20_000_000,
  },
  {
    name: 'hook log: JSON array of 150 MB',
    input: 'a Claude Code log',
    make: (root) =>
      linkHook(
        root,
        bigInput('claude-code-150mb.json', (path) => {
          writeLines(
            path,
            150_000_000,
            (n) =>
              `${n === 1 ? '[' : ','}${JSON.stringify({ session_id: 's', hook_event_name: 'PostToolUse', tool_name: 'Edit', tool_input: { file_path: `src/file-${n}.ts` } })}\n`,
          );
          writeFileSync(path, ']\n', { flag: 'a' });
        }),
        'post_tool_use.json',
      ),
    ends: 'built',
    says: /post_tool_use\.json: is 150 MB; hook logs other than Cairn NDJSON are parsed whole, and only up to 100 MB, so it was not read/,
  },
  {
    name: 'memory.db: 10,000,000 rows',
    input: '2.5 GB',
    make: (root) =>
      linkHook(
        root,
        bigInput('memory-10m.db', (path) => makeStore(path, 10_000_000)),
        'memory.db',
      ),
    ends: 'built',
    says: /memory\.db: holds 10,000,000 rows: the first 1,000,000 were read \(the hook logs of one folder give at most 1,000,000 records, 1\.0 GB and 128 MB of event text together\), and the 9,000,000 after were counted as skipped, not read\./,
  },
  {
    name: 'memory.db: a value of 10 MB',
    input: '3 rows',
    make: (root) =>
      linkHook(
        root,
        bigInput('memory-value-10mb.db', (path) => makeStore(path, 3, 2, 10_000_000)),
        'memory.db',
      ),
    ends: 'built',
    says: /memory\.db: 1 row\(s\) have a key, value or metadata over 1\.0 MB \(first: row 2\); each was skipped and counted, not read\./,
  },
];

/** Bytes of every file under `dir`. */
function sizeOf(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return bytes;
}

interface Outcome {
  one: Case;
  seconds: number;
  peakBytes: number;
  ended: string;
  faults: string[];
}

async function run(one: Case, index: number): Promise<Outcome> {
  const dir = join(runs, String(index));
  rmSync(dir, { recursive: true, force: true });
  const root = join(dir, 'content');
  cpSync(minimal, root, { recursive: true });
  one.make(root);
  const out = join(dir, 'site');
  const log = join(dir, 'build.log');
  const env = { ...process.env, CAIRN_CACHE: join(dir, 'cache'), NO_COLOR: '1' };
  const build = [
    'timeout',
    String(killAfterSeconds),
    process.execPath,
    join(repo, 'bin', 'cairn.mjs'),
    'build',
    '--content',
    root,
    '--out',
    out,
    '--as-of',
    AS_OF,
  ];
  const timeFile = join(dir, 'time.txt');
  const [command, ...args] = gnuTime ? [gnuTime, '-f', '%e %M', '-o', timeFile, ...build] : build;
  const measured = await measureCommand(command!, args, { env, cwd: repo, log });
  const output = readFileSync(log, 'utf8');
  const seconds = measured.wallMs / 1000;
  // GNU time's %M: the largest resident size of any process it waited for, in KB.
  const largest = gnuTime && existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).at(-1)) * 1024 : Number.NaN;
  if (Number.isFinite(largest)) measured.peakRssBytes = largest;
  const faults: string[] = [];
  const budget = one.overFloor !== undefined && floorSeconds !== null ? Math.min(maxSeconds, floorSeconds + one.overFloor) : maxSeconds;
  if (seconds >= budget) faults.push(`took ${seconds.toFixed(1)} s (limit ${budget} s)`);
  if (measured.peakRssBytes >= maxBytes) faults.push(`peak ${(measured.peakRssBytes / 1e9).toFixed(2)} GB (limit 2 GB)`);
  const ended =
    measured.exitCode === 0
      ? 'built'
      : measured.exitCode === 1
        ? 'refused'
        : measured.exitCode === 124
          ? 'killed'
          : `exit ${measured.exitCode ?? measured.signal}`;
  if (ended !== one.ends) faults.push(`${ended}, not ${one.ends}`);
  if (!one.says.test(output)) faults.push(`did not say ${one.says}`);
  if (/bug in Cairn/.test(output)) faults.push('said "bug in Cairn"');
  const site = sizeOf(out);
  if (one.siteBytes !== undefined && site > one.siteBytes) faults.push(`site of ${(site / 1e6).toFixed(0)} MB`);
  if (faults.length === 0) rmSync(dir, { recursive: true, force: true });
  else faults.push(`log: ${log}`);
  return { one, seconds, peakBytes: measured.peakRssBytes, ended, faults };
}

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (gnuTime === null) console.log("no /usr/bin/time: peak memory is the sum over each build's processes, which errs high");
// The floor always runs first: the cases held to it need its time.
const chosen = [cases[0]!, ...cases.slice(1).filter((one) => only === undefined || one.name.includes(only))];
mkdirSync(runs, { recursive: true });
const outcomes: Outcome[] = [];
/** The floor's time in this run, once measured. */
let floorSeconds: number | null = null;
for (const [index, one] of chosen.entries()) {
  const outcome = await run(one, index);
  if (one === cases[0]) floorSeconds = outcome.seconds;
  outcomes.push(outcome);
  console.log(
    `${outcome.faults.length === 0 ? 'ok  ' : 'FAIL'} ${one.name}: ${outcome.ended} in ${outcome.seconds.toFixed(1)} s, ${(outcome.peakBytes / 1e9).toFixed(2)} GB${outcome.faults.length > 0 ? ` (${outcome.faults.join('; ')})` : ''}`,
  );
}

const rows = outcomes.map(
  ({ one, seconds, peakBytes, ended, faults }) =>
    [one.name, one.input, ended, `${seconds.toFixed(1)} s`, `${(peakBytes / 1e9).toFixed(2)} GB`, faults.length === 0 ? 'ok' : 'FAIL'] as const,
);
const head = ['hostile size', 'input', 'ended', 'time', 'peak RSS', 'verdict'] as const;
const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log(`\n## Hostile sizes (each a cairn build: under ${maxSeconds} s and 2 GB, ended as it must)\n`);
console.log([line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
const failed = outcomes.filter((outcome) => outcome.faults.length > 0);
if (failed.length > 0) {
  console.log(`\n${failed.length} of ${outcomes.length} case(s) failed:`);
  for (const { one, faults } of failed) console.log(`- ${one.name}: ${faults.join('; ')}`);
  process.exit(1);
}
console.log(`\nAll ${outcomes.length} cases within ${maxSeconds} s and 2 GB.`);
