/**
 * The repository's own hook logs, named in cairn.config.json's `hooks` (paths or globs, already absolute): the files
 * they match, each database with its -wal and -shm, in path order. A pattern that matches nothing is a warning: a
 * misspelt path would otherwise leave every phase without its statuses, silently.
 *
 * Hook logs are read from the repository only (or, without one, the config's folder): a pattern or a matched file
 * that leads out of it, links followed, is an error unless it lies in a folder the config's `allowOutside` lists. A
 * path such as "../private/*.ndjson" would otherwise publish another folder's logs.
 */
import { existsSync, globSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Issue } from '../schema/model.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { displayPath } from './display-path.ts';
import { isWithin } from './is-within.ts';

/** Where hook logs may be read from. */
interface HookReach {
  /** The repository (the nearest folder with `.git` above the config), else the config's folder, else the working folder. */
  boundary: string;
  /** What the boundary is, in a message: "the repository", "the config's folder" or "the working folder". */
  name: string;
  /** Folders outside it that the config's `allowOutside` lists (absolute). */
  allowOutside: readonly string[];
}

/** The reach of the settings a command resolved (src/core/pipeline/settings.ts). */
export function settingsReach(settings: { repoRoot: string | null; configPath: string | null; allowOutside: readonly string[] }, cwd: string): HookReach {
  if (settings.repoRoot) return { boundary: settings.repoRoot, name: 'the repository', allowOutside: settings.allowOutside };
  if (settings.configPath) return { boundary: dirname(settings.configPath), name: "the config's folder", allowOutside: settings.allowOutside };
  return { boundary: cwd, name: 'the working folder', allowOutside: settings.allowOutside };
}

/** The same reach, from the variables the `cairn` command passes on (CAIRN_REPO_ROOT, CAIRN_CONFIG, CAIRN_CWD, CAIRN_ALLOW_OUTSIDE). */
function environmentReach(env: Record<string, string | undefined> = process.env): HookReach {
  let allowOutside: string[] = [];
  try {
    const list: unknown = JSON.parse(env.CAIRN_ALLOW_OUTSIDE ?? '[]');
    if (Array.isArray(list)) allowOutside = list.filter((item): item is string => typeof item === 'string');
  } catch {
    allowOutside = [];
  }
  return settingsReach({ repoRoot: env.CAIRN_REPO_ROOT || null, configPath: env.CAIRN_CONFIG || null, allowOutside }, env.CAIRN_CWD || process.cwd());
}

/** `path` with links followed as far as it exists; the rest, which does not exist yet, appended as written. */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

/** Where `path` really is (links followed) when that is outside the reach, or null when it is inside. */
function outsideReach(path: string, reach: HookReach): string | null {
  const real = realPath(path);
  if (isWithin(real, realPath(reach.boundary))) return null;
  return reach.allowOutside.some((dir) => isWithin(real, realPath(dir))) ? null : real;
}

const magic = /[*?[\]{}()!]/;

/** The part of a glob before its first wildcard: the folder every match lies in. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed = parts.findIndex((part) => magic.test(part));
  return fixed === -1 ? pattern : parts.slice(0, fixed).join('/') || '/';
}

/** Where the config names `pattern` (its `hooks` entry), or null when it came from --hooks. */
function hookEntryAt(pattern: string, configFile: string | null): { line: number; column: number; key: string } | null {
  if (!configFile) return null;
  try {
    const text = readFileSync(configFile, 'utf8');
    const hooks = (JSON.parse(text.replace(/^\uFEFF/, '')) as { hooks?: unknown }).hooks;
    if (!Array.isArray(hooks)) return null;
    const index = hooks.findIndex((entry) => typeof entry === 'string' && resolve(dirname(configFile), entry.trim()) === pattern);
    return index === -1 ? null : { ...locateJsonPath(text, ['hooks', index]), key: `hooks[${index}]` };
  } catch {
    return null;
  }
}

/** Where a problem with `pattern` is reported: the config's `hooks` entry, or the --hooks flag. */
function patternIssueAt(pattern: string, configFile: string | null): { at: { file: string; line: number; column: number }; from: string } {
  const entry = hookEntryAt(pattern, configFile);
  return entry && configFile
    ? { at: { file: displayPath(configFile), line: entry.line, column: entry.column }, from: `"${entry.key}"` }
    : { at: { file: '--hooks', line: 1, column: 1 }, from: '--hooks' };
}

const outsideHint = (reach: HookReach) =>
  `Hook logs are read from ${reach.name} only. Copy the logs into it, or list their folder in the config's "allowOutside" (e.g. "allowOutside": ["../shared-logs"]) to read them where they are.`;

/** "the repository (..)": the reach's boundary as messages name it. */
const outsideOf = (reach: HookReach) => `outside ${reach.name} (${displayPath(reach.boundary)})`;

/** An error for each pattern whose fixed part (before any wildcard) leads out of the reach, links followed. */
export function hookPatternIssues(patterns: readonly string[], configFile: string | null, reach: HookReach): Issue[] {
  return patterns.flatMap((pattern): Issue[] => {
    const base = globBase(pattern);
    const outside = outsideReach(base, reach);
    if (outside === null) return [];
    const { at, from } = patternIssueAt(pattern, configFile);
    const where = outside === resolve(base) ? `is ${outsideOf(reach)}` : `leads through a link to ${displayPath(outside)}, ${outsideOf(reach)}`;
    return [
      { ...at, severity: 'error', message: `The hook log ${displayPath(pattern)} (${from}) ${where}; Cairn does not read it.`, hint: outsideHint(reach) },
    ];
  });
}

/**
 * The files `patterns` match, and the issues: a pattern that matches nothing (a warning), and a match that leads out
 * of the reach, links followed (an error; the file is not read).
 */
export function expandHookPatterns(
  patterns: readonly string[],
  configFile: string | null,
  reach: HookReach = environmentReach(),
): { files: string[]; issues: Issue[] } {
  const files = new Set<string>();
  const issues: Issue[] = [];
  for (const pattern of patterns) {
    const matched = globSync(pattern).filter((file) => existsSync(file) && !statSync(file).isDirectory());
    if (matched.length === 0) {
      const { at } = patternIssueAt(pattern, configFile);
      issues.push({
        ...at,
        severity: 'warning',
        message: `The hook log ${displayPath(pattern)} matches no file, so nothing is read from it.`,
        hint: 'Paths in "hooks" are relative to the config file, e.g. ".swarm/memory.db" or ".claude-flow/metrics/*.json".',
      });
    }
    for (const file of matched) {
      for (const path of [file, ...['-wal', '-shm'].map((companion) => `${file}${companion}`).filter((companion) => existsSync(companion))]) {
        const outside = outsideReach(path, reach);
        if (outside === null) {
          files.add(path);
          continue;
        }
        const { at, from } = patternIssueAt(pattern, configFile);
        const where = outside === resolve(path) ? `is ${outsideOf(reach)}` : `leads through a link to ${displayPath(outside)}, ${outsideOf(reach)}`;
        issues.push({
          ...at,
          severity: 'error',
          message: `The hook log ${displayPath(path)} (matched by ${from}) ${where}; Cairn does not read it.`,
          hint: outsideHint(reach),
        });
      }
    }
  }
  return { files: [...files].toSorted(), issues };
}
