/**
 * What a command works on: the config file (found by walking up from the working directory, or named), the flags
 * that override it, and the environment variables that still work (CAIRN_CONTENT, SITE, BASE, CAIRN_AS_OF). Paths in
 * the config are relative to the config file; paths in flags and variables to the working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseConfig, type Config, type Gates } from '../config/parse-config.ts';
import { displayPath } from '../io/display-path.ts';
import { configSecretIssues } from '../redact/published-values.ts';
import { hookPatternIssues, settingsReach } from '../io/hook-patterns.ts';
import { claudeFlowStore } from '../io/claude-flow-config.ts';
import { codePoint } from '../text/look-alike.ts';
import type { Issue } from '../schema/model.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { defaultReading, isDefaultReading, type ReadingRules } from '../config/reading.ts';
import { foldKey } from '../tasks/vocabulary.ts';
import { closestFolder, type ContentFrom } from '../io/content-origin.ts';

const CONFIG_FILE = 'cairn.config.json';

/** Options given on the command line; each overrides the config. */
export interface Flags {
  config?: string;
  content?: string;
  hooks?: string[];
  out?: string;
  site?: string;
  base?: string;
  asOf?: string;
  at?: string;
}

interface Settings {
  /** The config file read, or null when there is none. */
  configPath: string | null;
  /** Absolute paths. */
  content: string;
  /** Where `content` was named, so a folder that is not there is reported there (io/content-origin.ts). */
  contentFrom: ContentFrom;
  out: string;
  /** Where `out` was named, for messages: "--out", the config's line ("cairn.config.json:4:3"), or the default. */
  outFrom: string;
  /** Absolute paths or globs of hook logs read for every phase. */
  hooks: string[];
  site: string | null;
  base: string | null;
  asOf: string | null;
  /** The commit to build the site as it stood at (`--at`), as given; null for the files as they are. */
  at: string | null;
  /** Which tags are versions (the config's `tags`), or null for "v*". */
  tags: string | null;
  title: string | null;
  /** The config's quality gates for `cairn check`, or null for the defaults. */
  gates: Gates | null;
  /** Paths or globs in the output folder that every build keeps (the config's `keep`), relative to it. */
  keep: string[];
  /** Absolute folders outside the repository that hook logs may be read from (the config's `allowOutside`). */
  allowOutside: string[];
  /** How the team's files are read (allowEmpty, statusWords, fields). */
  reading: ReadingRules;
  /** The repository the config (or, without one, the working directory) is in: the nearest folder above holding `.git`, or null. */
  repoRoot: string | null;
  /** Said on the data-quality page when `hooks` came from claude-flow.config.json (io/claude-flow-config.ts). */
  hooksFrom?: string;
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree), or null. */
function findRepoRoot(dir: string): string | null {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}

/** cairn.config.json in `dir` or the nearest folder above it, or null. */
function findConfig(dir: string): string | null {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return null;
  }
}

/** An error for each path flag that holds a control character: it names no file a team meant, and would reach the terminal. */
function pathFlagIssues(flags: Flags): Issue[] {
  const paths: [string, string | undefined][] = [
    ['--config', flags.config],
    ['--content', flags.content],
    ['--out', flags.out],
    ...(flags.hooks ?? []).map((path): [string, string] => ['--hooks', path]),
  ];
  return paths.flatMap(([flag, path]) => {
    const char = path === undefined ? undefined : /\p{Cc}/u.exec(path)?.[0];
    return char === undefined
      ? []
      : [
          {
            file: flag,
            line: 1,
            column: 1,
            severity: 'error' as const,
            message: `The path given with ${flag} holds a control character (${codePoint(char)}), which a path Cairn reads or writes must not.`,
            hint: 'Give the path as printable text.',
          },
        ];
  });
}

/**
 * A warning, at its line and column, for each folder the config names that is not there: an `allowOutside` folder, and
 * the fixed part of a `formats` glob (before its first wildcard). Either would otherwise do nothing, silently. (The
 * content folder is an error where it is read, io/content-origin.ts; a `hooks` pattern that matches nothing, a
 * warning where the logs are read, io/hook-patterns.ts.)
 */
function configFolderIssues(text: string, configPath: string, config: Config): Issue[] {
  const base = dirname(configPath);
  const file = displayPath(configPath);
  const missing = (written: string, key: PropertyKey[], message: (near: string) => string, hint: string): Issue[] => {
    const path = resolve(base, written);
    if (existsSync(path)) return [];
    const near = closestFolder(path);
    const meant = near ? ` Did you mean ${relative(base, near).split(sep).join('/') || '.'}?` : '';
    return [{ file, ...locateJsonPath(text, key), severity: 'warning', message: message(meant), hint }];
  };
  return [
    ...(config.allowOutside ?? []).flatMap((folder, index) =>
      missing(
        folder,
        ['allowOutside', index],
        (meant) => `"allowOutside[${index}]" names ${folder}, which does not exist, so no hook log is read from it.${meant}`,
        `Paths in ${CONFIG_FILE} are relative to it: list the folder outside the repository that hook logs are read from.`,
      ),
    ),
    ...Object.keys(config.formats ?? {}).flatMap((glob) => {
      const steps = glob.split(/[\\/]/);
      const wild = steps.findIndex((step) => /[*?[\]{}()!]/.test(step));
      const folder = wild === -1 ? glob : steps.slice(0, wild).join('/');
      if (folder === '') return [];
      return missing(
        folder,
        ['formats', glob],
        (meant) => `"formats" pins "${glob}", but ${folder} does not exist, so no folder is read by it.${meant}`,
        `Globs in "formats" are relative to ${CONFIG_FILE} and match phase folders, e.g. "specs/**".`,
      );
    }),
  ];
}

/** The settings of a command run in `cwd`; `settings` is null when the config has errors (in `issues`). */
export function resolveSettings(flags: Flags, cwd: string, env: Record<string, string | undefined>): { settings: Settings | null; issues: Issue[] } {
  const flagIssues = pathFlagIssues(flags);
  if (flagIssues.length > 0) return { settings: null, issues: flagIssues };
  const configPath = flags.config ? resolve(cwd, flags.config) : findConfig(cwd);
  let config: Config = {};
  let issues: Issue[] = [];
  let outFrom = flags.out ? '--out' : 'the default, ./dist';
  if (configPath) {
    if (!existsSync(configPath)) {
      return {
        settings: null,
        issues: [
          {
            file: displayPath(configPath),
            line: 1,
            column: 1,
            severity: 'error',
            message: 'The config file does not exist.',
            hint: `Name an existing file with --config, or create ${CONFIG_FILE} with \`cairn init\`.`,
          },
        ],
      };
    }
    const text = readFileSync(configPath, 'utf8');
    const parsed = parseConfig(text, displayPath(configPath));
    // The title, address and path are in every page: a secret in one is refused where it stands, never quoted.
    const secrets = configSecretIssues(text, displayPath(configPath));
    issues = [...parsed.issues, ...secrets];
    if (!parsed.config || secrets.length > 0) return { settings: null, issues };
    config = parsed.config;
    issues.push(...configFolderIssues(text, configPath, config));
    if (!flags.out && config.out !== undefined) {
      const { line, column } = locateJsonPath(text, ['out']);
      outFrom = `"out" at ${displayPath(configPath)}:${line}:${column}`;
    }
  }
  const base = configPath ? dirname(configPath) : cwd;
  const fromConfig = (path: string | undefined) => (path === undefined ? undefined : resolve(base, path));
  const fromCwd = (path: string | undefined) => (path === undefined || path === '' ? undefined : resolve(cwd, path));
  const claudeFlow = flags.hooks || config.hooks ? null : claudeFlowStore(base);
  const settings: Settings = {
    configPath,
    content: fromCwd(flags.content) ?? fromCwd(env.CAIRN_CONTENT) ?? fromConfig(config.content) ?? resolve(cwd, 'content'),
    contentFrom: fromCwd(flags.content) ? '--content' : fromCwd(env.CAIRN_CONTENT) ? 'CAIRN_CONTENT' : config.content !== undefined ? 'config' : 'default',
    out: fromCwd(flags.out) ?? fromConfig(config.out) ?? resolve(cwd, 'dist'),
    outFrom,
    // Without hooks named, the store claude-flow.config.json names (io/claude-flow-config.ts), said in a warning.
    hooks: flags.hooks?.map((path) => resolve(cwd, path)) ?? config.hooks?.map((path) => resolve(base, path)) ?? claudeFlow?.hooks ?? [],
    // CAIRN_DEFAULT_SITE and CAIRN_DEFAULT_BASE (set by the GitHub Action for a project site) yield to the config.
    site: flags.site ?? (env.SITE || undefined) ?? config.site ?? (env.CAIRN_DEFAULT_SITE || undefined) ?? null,
    base: flags.base ?? (env.BASE || undefined) ?? config.base ?? (env.CAIRN_DEFAULT_BASE || undefined) ?? null,
    asOf: flags.asOf ?? (env.CAIRN_AS_OF || undefined) ?? config.asOf ?? null,
    at: flags.at ?? null,
    tags: config.tags ?? null,
    title: config.title ?? null,
    gates: config.gates ?? null,
    keep: config.keep ?? [],
    allowOutside: config.allowOutside?.map((path) => resolve(base, path)) ?? [],
    reading: {
      ...defaultReading,
      allowEmpty: config.allowEmpty ?? false,
      statusWords: Object.fromEntries(Object.entries(config.statusWords ?? {}).map(([word, meaning]) => [word.trim().toLowerCase(), meaning])),
      fields: Object.fromEntries(Object.entries(config.fields ?? {}).map(([key, field]) => [foldKey(key), field])),
      formats: Object.fromEntries(Object.entries(config.formats ?? {}).map(([glob, format]) => [resolve(base, glob), format])),
    },
    repoRoot: findRepoRoot(base),
    ...(claudeFlow && claudeFlow.hooks.length > 0 ? { hooksFrom: claudeFlow.issue.message } : {}),
  };
  // Hook logs are read from the repository only, or from a folder the config's `allowOutside` lists.
  return {
    settings,
    issues: [...issues, ...(claudeFlow ? [claudeFlow.issue] : []), ...hookPatternIssues(settings.hooks, configPath, settingsReach(settings, cwd))],
  };
}

/** The environment a build or check runs with: the settings as the variables the pipeline and Astro read. */
export function settingsEnv(settings: Settings): Record<string, string> {
  return {
    CAIRN_CONTENT: settings.content,
    CAIRN_CONTENT_FROM: settings.contentFrom,
    CAIRN_OUT_DIR: settings.out,
    ...(settings.configPath ? { CAIRN_CONFIG: settings.configPath } : {}),
    ...(settings.hooks.length > 0 ? { CAIRN_HOOKS: JSON.stringify(settings.hooks) } : {}),
    ...(settings.site ? { SITE: settings.site } : {}),
    ...(settings.base ? { BASE: settings.base } : {}),
    ...(settings.asOf ? { CAIRN_AS_OF: settings.asOf } : {}),
    ...(settings.title ? { CAIRN_TITLE: settings.title } : {}),
    ...(settings.tags ? { CAIRN_TAGS: settings.tags } : {}),
    ...(settings.gates ? { CAIRN_GATES: JSON.stringify(settings.gates) } : {}),
    ...(settings.keep.length > 0 ? { CAIRN_KEEP: JSON.stringify(settings.keep) } : {}),
    ...(settings.allowOutside.length > 0 ? { CAIRN_ALLOW_OUTSIDE: JSON.stringify(settings.allowOutside) } : {}),
    ...(settings.repoRoot ? { CAIRN_REPO_ROOT: settings.repoRoot } : {}),
    ...(settings.hooksFrom ? { CAIRN_HOOKS_FROM: settings.hooksFrom } : {}),
    ...(isDefaultReading(settings.reading) ? {} : { CAIRN_READING: JSON.stringify(settings.reading) }),
  };
}
