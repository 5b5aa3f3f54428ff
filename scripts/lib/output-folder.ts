/**
 * The output folder is Cairn's alone: a build replaces it whole, so it must never be a folder that holds anything
 * else. A build writes only into a folder that does not exist yet, an empty one, or one Cairn built before (it holds
 * Cairn's mark, `.cairn-site`, with the list of files Cairn wrote there). It refuses, whatever the flags, a folder
 * that is or holds the content, a hook log, the config's folder, the repository, Cairn itself or the home folder; one
 * inside the content, a hook folder, `.git` or Cairn's state; a mount point, the file system's root, a file or a link.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { displayPath } from '../../src/core/io/display-path.ts';
import { isWithin } from '../../src/core/io/is-within.ts';

/** The file that marks a folder as a site Cairn built. */
export const SITE_MARK = '.cairn-site';

/** What the mark holds: which files in the folder Cairn wrote (every other file there is the team's, and is kept). */
export interface SiteMark {
  generator: 'cairn';
  files: string[];
}

interface OutputPlaces {
  /** The output folder, absolute. */
  out: string;
  /** Where it was named, for messages: "--out", "cairn.config.json:4:10", or "the default (./dist)". */
  outFrom: string;
  content: string;
  /** Hook logs read for every phase: absolute paths or globs. */
  hooks: readonly string[];
  configPath: string | null;
  repoRoot: string | null;
  /** Cairn's own folder (its package). */
  cairnRoot: string;
  /** Where Cairn keeps its caches and state for this repository or checkout. */
  stateDirs: readonly string[];
  /** The folder this site was last published to, by Cairn's own record, when there is one. */
  lastPublished?: string | null;
}

interface OutputProblem {
  message: string;
  hint: string;
}

/** The path with every link in the part that exists followed, so two names of one folder compare equal. */
function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return absolute;
    rest.unshift(basename(existing));
    existing = parent;
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

/** The folder a path or glob reads from: the part before its first segment with a glob character. */
function globBase(pattern: string): string {
  const parts = resolve(pattern).split(sep);
  const first = parts.findIndex((part) => /[*?[\]{}]/.test(part));
  return first === -1 ? parts.join(sep) : parts.slice(0, first).join(sep) || sep;
}

/** The mount points of this machine (Linux), or none where that cannot be read. */
function mountPoints(): Set<string> {
  try {
    // Each line: id, parent, major:minor, root, mount point, … with spaces and the like written as octal escapes.
    const lines = readFileSync('/proc/self/mountinfo', 'utf8').split('\n');
    return new Set(
      lines
        .map((line) => line.split(' ')[4])
        .filter((point): point is string => !!point)
        .map((point) => point.replace(/\\([0-7]{3})/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 8)))),
    );
  } catch {
    return new Set();
  }
}

/** Whether `path` (an existing folder) is a mount point: the root of a file system, or mounted there. */
function isMountPoint(path: string): boolean {
  if (dirname(path) === path) return true;
  if (mountPoints().has(path)) return true;
  try {
    return statSync(path).dev !== statSync(dirname(path)).dev;
  } catch {
    return false;
  }
}

/** Cairn's mark in `dir`, when the folder has one that can be read. */
export function readSiteMark(dir: string): SiteMark | null {
  try {
    const mark = JSON.parse(readFileSync(join(dir, SITE_MARK), 'utf8')) as Partial<SiteMark>;
    return mark.generator === 'cairn' && Array.isArray(mark.files)
      ? { generator: 'cairn', files: mark.files.filter((file) => typeof file === 'string') }
      : null;
  } catch {
    return null;
  }
}

/** Whether `dir` holds Cairn's mark at all (a damaged mark still says Cairn made the folder). */
function hasSiteMark(dir: string): boolean {
  try {
    return lstatSync(join(dir, SITE_MARK)).isFile();
  } catch {
    return false;
  }
}

/** Why the site must not be written to `places.out`, or null when it may. */
export function outputFolderProblem(places: OutputPlaces): OutputProblem | null {
  const named = `The output folder ${displayPath(places.out)} (${places.outFrom})`;
  const where = places.outFrom.startsWith('--')
    ? '--out'
    : places.outFrom.startsWith('"out"')
      ? '"out" in the config'
      : '--out (or "out" in cairn.config.json)';
  const hint = `Point ${where} at a folder of the site's own, such as dist/ (a new or empty folder, or one Cairn built before).`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(places.out))
    return { message: `${named.replace(/[\u0000-\u001f\u007f]/g, '?')} holds a control character, so it names no folder Cairn can write.`, hint };
  const out = realPath(places.out);

  const holds: [string | null, string][] = [
    [places.content, `the content folder (${displayPath(places.content)})`],
    [places.configPath && dirname(places.configPath), `the folder of ${places.configPath ? displayPath(places.configPath) : 'the config'}`],
    [places.repoRoot, `the repository (${places.repoRoot ? displayPath(places.repoRoot) : ''})`],
    [places.cairnRoot, `Cairn's own folder (${displayPath(places.cairnRoot)})`],
    [homedir(), 'your home folder'],
    ...places.hooks.map((hook): [string, string] => [globBase(hook), `the hook log ${displayPath(hook)}`]),
  ];
  for (const [place, what] of holds) {
    if (place && isWithin(realPath(place), out))
      return {
        message: `${named} ${realPath(place) === out ? 'is' : 'holds'} ${what}; a build replaces its output folder whole, so it was not touched.`,
        hint,
      };
  }
  const inside: [string | null, string][] = [
    [places.content, `the content folder (${displayPath(places.content)}), where it would be read as content`],
    [places.repoRoot && join(places.repoRoot, '.git'), "the repository's .git folder"],
    ...places.stateDirs.map((dir): [string, string] => [dir, "Cairn's state folder"]),
    ...places.hooks
      .filter((hook) => globBase(hook) !== resolve(hook))
      .map((hook): [string, string] => [globBase(hook), `the folder the hook logs ${displayPath(hook)} are read from`]),
  ];
  for (const [place, what] of inside) {
    if (place && isWithin(out, realPath(place))) return { message: `${named} is inside ${what}.`, hint };
  }
  // An installed Cairn's folder is npm's to replace; a checkout of Cairn builds into its own dist/.
  const cairn = realPath(places.cairnRoot);
  if (cairn.split(sep).includes('node_modules') && isWithin(out, cairn))
    return { message: `${named} is inside Cairn's own installed folder (${displayPath(places.cairnRoot)}).`, hint };

  let stat: Stats;
  try {
    stat = lstatSync(places.out);
  } catch {
    return null; // not there yet: the build makes it
  }
  if (stat.isSymbolicLink())
    return {
      message: `${named} is a link (to ${displayPath(out)}); a build would replace the link, not what it points at.`,
      hint: `${hint} To publish into ${displayPath(out)}, name it directly.`,
    };
  if (!stat.isDirectory()) return { message: `${named} is a file, not a folder; it was not touched.`, hint };
  if (isMountPoint(out))
    return {
      message: `${named} is a mount point (a file system of its own); a build replaces its output folder whole, which cannot be done to a mount point, and would empty it.`,
      hint: `Use a folder inside it, such as ${displayPath(join(places.out, 'site'))}.`,
    };
  const entries = readdirSync(places.out);
  if (entries.length === 0 || hasSiteMark(places.out) || (places.lastPublished && realPath(places.lastPublished) === out)) return null;
  const shown = entries.toSorted().slice(0, 4).join(', ');
  return {
    message: `${named} holds ${entries.length === 1 ? 'a file' : `${entries.length} files and folders`} Cairn did not write (${shown}${entries.length > 4 ? ', …' : ''}); a build replaces its output folder whole, so it was not touched.`,
    hint: `${hint} If it is a site Cairn built before this mark existed, delete the folder and build again.`,
  };
}
