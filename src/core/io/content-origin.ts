/**
 * A content folder that is not there, reported where it was named, so the team fixes it where it stands: the config's
 * "content" at its line and column (as every other problem of the config is), the --content flag, CAIRN_CONTENT, or
 * the default ./content. The `cairn` command says which in CAIRN_CONTENT_FROM (pipeline/settings.ts); without it
 * (Cairn's scripts run directly), the message names CAIRN_CONTENT, the variable they read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { closestKey } from '../config/parse-config.ts';
import type { Issue } from '../schema/model.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { displayPath } from './display-path.ts';

/** Where the content folder was named: the config's "content", the flag, the variable, or the default ./content. */
export type ContentFrom = 'config' | '--content' | 'CAIRN_CONTENT' | 'default';

const folderHint = "the folder that holds phases/ (or your tool's task folder, such as specs/ or .taskmaster/)";

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The existing folder `path` was most likely meant to be ("docs/project-histry" → "docs/project-history", "dosc/…"
 * → "docs/…"): each missing step replaced by the closest folder beside it, by the config's closest-key rule; null
 * when no such folder exists.
 */
export function closestFolder(path: string): string | null {
  const absolute = resolve(path);
  const steps = absolute.split(sep).filter(Boolean);
  let current = absolute.startsWith(sep) ? sep : '';
  let changed = false;
  for (const step of steps) {
    const next = join(current, step);
    if (isFolder(next)) {
      current = next;
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(current, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isFolder(join(current, entry.name))))
        .map((entry) => entry.name);
    } catch {
      return null;
    }
    // The rule folds case, "-", "_" and spaces out of the name typed; the folders' names are folded the same way.
    const folded = new Map(names.map((name) => [name.toLowerCase().replace(/[-_\s]/g, ''), name]));
    const near = closestKey(step, [...folded.keys()]);
    if (near === null) return null;
    current = join(current, folded.get(near)!);
    changed = true;
  }
  return changed && isFolder(current) ? current : null;
}

/** The config's "content" as written and where it stands, when it names `root`; else null. */
function configEntry(configFile: string, root: string): { written: string; line: number; column: number } | null {
  try {
    const text = readFileSync(configFile, 'utf8');
    const content = (JSON.parse(text.replace(/^\uFEFF/, '')) as { content?: unknown }).content;
    if (typeof content !== 'string' || resolve(dirname(configFile), content.trim()) !== root) return null;
    return { written: content.trim(), ...locateJsonPath(text, ['content']) };
  } catch {
    return null;
  }
}

/** The error for a content root that is not a folder, at the place it was named. */
export function missingContentIssue(path: string, env: Record<string, string | undefined> = process.env): Issue {
  const root = resolve(path);
  const shown = displayPath(root);
  const what = existsSync(root) ? 'is not a folder' : 'does not exist';
  const near = existsSync(root) ? null : closestFolder(root);
  const from = env.CAIRN_CONTENT && resolve(env.CAIRN_CONTENT) === root ? (env.CAIRN_CONTENT_FROM as ContentFrom | undefined) : undefined;
  const configFile = env.CAIRN_CONFIG || null;
  const meant = near ? ` Did you mean ${displayPath(near)}?` : '';
  const at = (file: string, line = 1, column = 1) => ({ file, line, column, severity: 'error' as const });
  if (from === 'config' && configFile) {
    const entry = configEntry(configFile, root);
    if (entry) {
      const fromHere = shown === entry.written ? '' : ` (${shown} from here)`;
      const nearWritten = near ? relative(dirname(configFile), near).split(sep).join('/') : null;
      return {
        ...at(displayPath(configFile), entry.line, entry.column),
        message: `"content" names ${entry.written}${fromHere}, which ${what}, so there is no content to read.${nearWritten ? ` Did you mean ${nearWritten}?` : ''}`,
        hint: `Paths in ${basename(configFile)} are relative to it: set "content" to ${folderHint}.`,
      };
    }
  }
  if (from === '--content') {
    return {
      ...at('--content'),
      message: `The content folder ${shown} (--content) ${what}.${meant}`,
      hint: `Give --content ${folderHint}, relative to the folder the command runs in.`,
    };
  }
  if (from === 'default' && configFile) {
    return {
      ...at(displayPath(configFile)),
      message: `${basename(configFile)} names no "content", and the default content folder ${shown} ${what}.${meant}`,
      hint: `Add "content" to ${displayPath(configFile)}, naming ${folderHint} relative to it, e.g. "content": "docs/project-history".`,
    };
  }
  if (from === 'default') {
    return {
      ...at(shown),
      message: `The content folder ${shown} ${what}, and no cairn.config.json here or in a folder above names another.${meant}`,
      hint: 'Run Cairn in your repository (where its cairn.config.json is), write a config with `cairn init`, or name the folder with --content.',
    };
  }
  return {
    ...at(shown),
    message: `The content folder ${shown}${from === 'CAIRN_CONTENT' ? ' (CAIRN_CONTENT)' : ''} ${what}.${meant}`,
    hint: `Set CAIRN_CONTENT to ${folderHint}${from === 'CAIRN_CONTENT' && configFile ? `, or unset it to read the "content" of ${displayPath(configFile)}` : ''}.`,
  };
}
