/**
 * `cairn <command>`: build, validate, snapshot, check, doctor and dev, run on the settings of cairn.config.json, the flags
 * and the environment (src/core/pipeline/settings.ts). Each command runs Cairn's own script from Cairn's folder, with
 * the settings as the environment it reads; paths are absolute, so the working directory is the user's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { astroCommand, astroRootArgs } from './lib/astro-bin.ts';
import { parseArgs } from 'node:util';
import { formatIssue, hasErrors } from '../src/core/text/issues.ts';
import { resolveSettings, settingsEnv, type Flags } from '../src/core/pipeline/settings.ts';
import { closestKey } from '../src/core/config/parse-config.ts';
import { commitOf, copyAt, repoOf } from '../src/core/io/git.ts';
import { displayPath } from '../src/core/io/display-path.ts';

const root = resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const common = `Options (each overrides cairn.config.json):
  --config <file>     the config (default: cairn.config.json here or in a folder above)
  --content <dir>     the folder holding phases/, releases/ and snapshots/
  --hooks <path>      a hook log or glob read for every phase (repeatable)
  --out <dir>         where the site is written (default: ./dist)
  --site <url>        the address the site is published at, e.g. https://owner.github.io
  --base <path>       the path under it, e.g. /repo/
  --as-of <time>      the build's "now", ISO 8601`;

const commands: Record<string, { summary: string; usage: string; examples: string[] }> = {
  build: {
    summary: 'check the content and build the site',
    usage: 'cairn build [options] [--strict] [--at <rev>]',
    examples: [
      'cairn build',
      'cairn build --content docs/project-history --out site',
      'cairn build --strict   # stop on warnings too',
      'cairn build --at v1.0.0 --out site-1.0.0   # the site as it stood at a tag or commit',
    ],
  },
  validate: {
    summary: 'check the content without building; every problem as path:line:col',
    usage: 'cairn validate [options] [--strict]',
    examples: ['cairn validate', 'cairn validate --strict'],
  },
  check: {
    summary: 'validate, then check the quality gates of cairn.config.json (default: no stale hook logs); exit 1 when one fails',
    usage: 'cairn check [options]',
    examples: ['cairn check', 'cairn check --config ci/cairn.config.json'],
  },
  snapshot: {
    summary: 'freeze the current state as a version in <content>/snapshots/',
    usage: 'cairn snapshot <version> [--force | --if-missing] [options]',
    examples: [
      'cairn snapshot 1.0.0',
      'cairn snapshot 1.0.0 --force   # replace a frozen version',
      'cairn snapshot 1.0.0 --if-missing   # keep it when it is frozen already (CI)',
    ],
  },
  dev: { summary: 'serve the site while you edit the content', usage: 'cairn dev [--port <n>] [options]', examples: ['cairn dev', 'cairn dev --port 4322'] },
  preview: {
    summary: 'serve the built site at its base path on this machine, as it will be published',
    usage: 'cairn preview [--port <n>] [--out <dir>] [--base <path>]',
    examples: ['cairn preview', 'cairn preview --port 4322'],
  },
  doctor: {
    summary: "show what Cairn reads in each file: its reader, each task's id, status and fields with the line they came from, what it ignored",
    usage: 'cairn doctor [path] [--json] [options]',
    examples: [
      'cairn doctor',
      'cairn doctor specs/001-feature   # one phase folder',
      'cairn doctor .kiro/specs/auth/tasks.md   # one file',
      'cairn doctor --json',
    ],
  },
  init: {
    summary: 'write a starter package, a cairn.config.json and a Pages workflow (never overwrites)',
    usage: 'cairn init [dir]',
    examples: ['cairn init', 'cairn init my-project'],
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return `cairn ${version}: dashboards, completion reports and release notes from coordination packages.

Usage: cairn <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`)
  .join('\n')}

${common}

Run \`cairn <command> --help\` for a command's options and examples.`;
}

function commandHelp(name: string): string {
  const { summary, usage, examples } = commands[name]!;
  return `${usage}\n\n${summary[0]!.toUpperCase()}${summary.slice(1)}.\n\n${common}\n\nExamples:\n${examples.map((example) => `  ${example}`).join('\n')}`;
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(help());
  process.exit(0);
}
if (command === '--version' || command === '-v') {
  console.log(version);
  process.exit(0);
}
if (!(command in commands)) {
  const near = closestKey(command, Object.keys(commands));
  fail(`Unknown command "${command}".${near ? ` Did you mean "${near}"?` : ''}\n\n${help()}`);
}

let parsed: ReturnType<typeof parse>;
function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      config: { type: 'string' },
      content: { type: 'string' },
      hooks: { type: 'string', multiple: true },
      out: { type: 'string' },
      site: { type: 'string' },
      base: { type: 'string' },
      'as-of': { type: 'string' },
      at: { type: 'string' },
      strict: { type: 'boolean' },
      force: { type: 'boolean' },
      'if-missing': { type: 'boolean' },
      port: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
}
try {
  parsed = parse(rest);
} catch (error) {
  // "Unknown option '--frce'. To specify a positional argument…": the first sentence is the one that helps.
  const message = (error as Error).message.split(/(?<=\.) /)[0]!.replace(/'(--?[\w-]+)'/, '$1');
  fail(`${message}\n\n${commandHelp(command)}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(commandHelp(command));
  process.exit(0);
}
const allowed: Record<string, string[]> = {
  build: ['strict', 'at'],
  validate: ['strict'],
  check: [],
  snapshot: ['force', 'if-missing'],
  dev: ['port'],
  preview: ['port'],
  init: [],
  doctor: ['json'],
};
const misplaced = (['strict', 'force', 'if-missing', 'port', 'json', 'at'] as const).filter(
  (name) => values[name] !== undefined && !allowed[command]!.includes(name),
);
if (misplaced.length > 0) fail(`cairn ${command} has no --${misplaced.join(', --')}.\n\n${commandHelp(command)}`);
if (command === 'init' && positionals.length > 1) fail(`cairn init takes one folder at most.\n\n${commandHelp(command)}`);
if (command === 'doctor' && positionals.length > 1) fail(`cairn doctor takes one path at most.\n\n${commandHelp(command)}`);
if (command !== 'snapshot' && command !== 'init' && command !== 'doctor' && positionals.length > 0)
  fail(`cairn ${command} takes no ${positionals.length === 1 ? 'argument' : 'arguments'} (${positionals.join(' ')}).\n\n${commandHelp(command)}`);

if (command === 'init') {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, `init${extname(import.meta.filename)}`), ...positionals], {
    cwd: root,
    env: { ...process.env, CAIRN_CWD: process.cwd() },
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}

const flags: Flags = {
  config: values.config,
  content: values.content,
  hooks: values.hooks,
  out: values.out,
  site: values.site,
  base: values.base,
  asOf: values['as-of'],
};
const { settings, issues } = resolveSettings(flags, process.cwd(), process.env);
for (const issue of issues) console.error(formatIssue(issue));
if (!settings || hasErrors(issues)) fail('The config has errors; fix them and run again.', 1);

// Messages name paths from where the command was run; every child runs on this same Node 24.
// An installed Cairn may be read-only: its caches, the build lock and Astro's own folder then go into the user's
// node_modules (beside the config), where Astro's runtime resolves as it does from Cairn's folder. A checkout keeps
// them in its own node_modules, as its npm scripts do.
const installed = root.split(/[\\/]/).includes('node_modules');
const state = join(settings.configPath ? dirname(settings.configPath) : process.cwd(), 'node_modules', '.cache', 'cairn');
const stateEnv = installed ? { CAIRN_STATE_DIR: state, CAIRN_CACHE: process.env.CAIRN_CACHE ?? join(state, 'phases'), CAIRN_ROOT: root } : {};
const env = {
  ...process.env,
  ...settingsEnv(settings),
  ...stateEnv,
  CAIRN_CWD: process.cwd(),
  PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
  ASTRO_TELEMETRY_DISABLED: '1',
};
// The scripts beside this one: .ts in a checkout, .mjs in an installed Cairn (compiled by scripts/pack-cli.ts).
// Astro writes its intermediate files under the working folder, so an installed Cairn runs from the state folder.
const workDir = installed ? state : root;
if (installed) mkdirSync(state, { recursive: true });
const script = (name: string, args: string[]) =>
  spawnSync(process.execPath, [join(import.meta.dirname, `${name}${extname(import.meta.filename)}`), ...args], { cwd: workDir, env, stdio: 'inherit' })
    .status ?? 1;

switch (command) {
  case 'build': {
    // In this process: the content is read once, for the check and the site (scripts/build.ts), as a child would see it.
    Object.assign(process.env, env);
    if (values.at !== undefined) Object.assign(process.env, contentAt(settings.content, values.at));
    process.chdir(workDir);
    const { buildSite } = await import('./build.ts');
    process.exit(await buildSite({ outDir: settings.out, outFrom: settings.outFrom, keep: settings.keep, strict: values.strict ?? false }));
  }
  case 'validate':
    process.exit(script('validate', values.strict ? ['--strict'] : []));
  case 'check':
    process.exit(script('validate', ['--gates']));
  case 'doctor':
    process.exit(script('doctor', [...positionals.map((path) => resolve(path)), ...(values.json ? ['--json'] : [])]));
  case 'snapshot':
    process.exit(script('snapshot', [...positionals, ...(values.force ? ['--force'] : []), ...(values['if-missing'] ? ['--if-missing'] : [])]));
  case 'preview':
    process.exit(script('preview', values.port ? ['--port', values.port] : []));
  case 'dev':
    process.exit(
      spawnSync(...astroCommand(['dev', ...(values.port ? ['--port', values.port] : []), ...astroRootArgs(root, env)]), { cwd: workDir, env, stdio: 'inherit' })
        .status ?? 1,
    );
}

/**
 * `--at <rev>`: the content as it stood at a commit, copied out of git into a folder of the system's temporary folder
 * (one per commit, so a second build at it renders only what changed), read with its history up to that commit and
 * judged at that commit's time. The repository itself is only read.
 */
function contentAt(content: string, rev: string): Record<string, string> {
  const repo = repoOf(content);
  if (!repo) fail(`--at ${rev}: ${displayPath(content)} is not in a git repository, so there is no commit to build it at.`, 1);
  const commit = commitOf(repo, rev);
  if (!commit) fail(`--at ${rev}: the repository at ${displayPath(repo.top)} has no commit, tag or branch named "${rev}".`, 1);
  const folder = join(tmpdir(), 'cairn-at', commit.hash);
  rmSync(folder, { recursive: true, force: true });
  const copied = copyAt(repo, commit.hash, relative(repo.paths, content).split(sep).join('/'), folder);
  console.log(`Building the site as it stood at ${rev}: commit ${commit.hash.slice(0, 7)} by ${commit.author}, ${commit.time}.`);
  return { CAIRN_CONTENT: copied, CAIRN_AT: JSON.stringify({ folder, top: repo.top, commit: commit.hash }) };
}
