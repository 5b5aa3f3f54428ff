/**
 * Putting a built site in place, whole: a reader of the output folder sees the old site or the new one, never a mix,
 * also when the build is killed or the disk fills. The site is staged in a folder beside the output (same file
 * system): files unchanged since the last publish are hard links to the published ones (no build ever writes into a
 * published file), the rest copies, and the files the team put there itself are carried over. Then the output folder
 * is moved aside and the staged one takes its name, and the old one is removed. Whatever a killed build leaves beside
 * the output is cleaned by the next; a build killed between the two renames is put back by it. One build at a time
 * per checkout.
 */
import {
  closeSync,
  copyFileSync,
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
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, matchesGlob } from 'node:path';
import { readSiteMark, SITE_MARK, type SiteMark } from './output-folder.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether a process with this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file, waiting while another live process holds it (a lock left by a process that died is taken
 * over). Returns the function that gives it back.
 */
export async function acquireBuildLock(path: string, onWait: (holder: number) => void): Promise<() => void> {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(path) && readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(path, 'utf8')) || 0;
    if (holder === 0 || !alive(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!told) onWait(holder);
    told = true;
    await sleep(250);
  }
}

/**
 * Everything under `dir` (nothing when it is not there), as paths relative to it with forward slashes: the folders,
 * each before what it holds, the files, and anything else (links, which are not followed). Walked one folder at a time: readdirSync's own
 * `recursive` takes three times as long on a site's tree of 12,000 one-page folders (0.24 s against 0.08 s).
 */
export function entriesUnder(dir: string): { folders: string[]; files: string[]; others: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  const others: string[] = [];
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        folders.push(path);
        visit(join(folder, entry.name), `${path}/`);
      } else (entry.isFile() ? files : others).push(path);
    }
  };
  if (existsSync(dir)) visit(dir, '');
  return { folders, files, others };
}

/**
 * Removes from `dir` each file that is not in `keep` and was not written since `since` (ms): pages of phases and
 * tasks that are gone, script chunks of an older build. Paths starting with a prefix in `skip` are left alone.
 * Returns how many it removed.
 */
export function pruneStale(dir: string, keep: ReadonlySet<string>, since: number, skip: readonly string[] = []): number {
  let removed = 0;
  for (const file of entriesUnder(dir).files) {
    if (keep.has(file) || skip.some((prefix) => file.startsWith(prefix))) continue;
    const path = join(dir, file);
    if (statSync(path).mtimeMs >= since) continue;
    rmSync(path, { force: true });
    removed += 1;
  }
  return removed;
}

export interface Published {
  /** The folder the site was published to. */
  outDir: string;
  /** When its files were taken from the pages folder (ms): a file not written since is the same as the one there. */
  at: number;
}

/** Files in an output folder that every build keeps, whoever wrote them: the custom domain and the Jekyll switch. */
const ALWAYS_KEPT = ['CNAME', '.nojekyll'];

/** The folders a build of `outDir` uses beside it: `.<name>.cairn-staging-<pid>` and `.<name>.cairn-previous-<pid>`. */
function besideOutput(outDir: string, kind: 'staging' | 'previous', pid = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.cairn-${kind}-${pid}`);
}

/**
 * Cleans what builds of `outDir` that died left beside it, and puts back a site a build killed between its two
 * renames had moved aside (the output folder is then missing and the old site is whole beside it). Folders of a build
 * still running are left alone. Returns what it did, for the build's output.
 */
export function cleanLeftovers(outDir: string): { removed: string[]; restored: boolean } {
  const parent = dirname(outDir);
  const pattern = new RegExp(`^\\.${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.cairn-(staging|previous)-(\\d+)$`);
  const removed: string[] = [];
  let restored = false;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return { removed, restored };
  }
  for (const name of names.toSorted()) {
    const match = pattern.exec(name);
    if (!match || alive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'previous' && !existsSync(outDir)) {
      renameSync(path, outDir);
      restored = true;
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return { removed, restored };
}

/** Makes the staging folder for a build of `outDir` (and the output's parent folders), so a folder Cairn cannot write into is found before the build. */
export function prepareStaging(outDir: string): string {
  const staging = besideOutput(outDir, 'staging');
  rmSync(staging, { recursive: true, force: true });
  // Made on its own: a recursive mkdir reports a read-only disk as a missing folder.
  mkdirSync(dirname(staging), { recursive: true });
  mkdirSync(staging);
  return staging;
}

export interface StagedSite {
  /** Files copied from the pages folder. */
  copied: number;
  /** Files unchanged since the last publish, hard-linked from it. */
  linked: number;
  /** Files in the output folder Cairn did not write, carried over into the new site. */
  kept: string[];
}

/** A file `keep` (or ALWAYS_KEPT) names: a path or glob relative to the output folder. */
function isKept(file: string, keep: readonly string[]): boolean {
  return [...ALWAYS_KEPT, ...keep].some((pattern) => file === pattern.replace(/^\.\//, '') || matchesGlob(file, pattern));
}

/** A hard link to `from` at `to`, or a copy where links cannot be made (another file system, or not allowed). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw error;
    cpSync(from, to, { verbatimSymlinks: true });
  }
}

/**
 * Fills `staging` with the site in `pages`, to be published at `outDir`. A file unchanged since the last publish to
 * `outDir` (not written since `last.at`, same size) is hard-linked from the published site, which no build writes
 * into, so it costs no copy; every other file is copied, so the published site never shares a file with `pages`, where
 * the next build writes. Files in `outDir` that Cairn did not write (not in its mark, or named by `keep`) are carried
 * over; where one has the path of a page, the page wins unless `keep` names the file. Cairn's mark, with the list of
 * files it wrote, goes in last.
 */
export function stageSite(pages: string, staging: string, outDir: string, last: Published | null, keep: readonly string[] = []): StagedSite {
  const previous = last && last.outDir === outDir && existsSync(outDir) ? outDir : null;
  let copied = 0;
  let linked = 0;
  mkdirSync(staging, { recursive: true });
  const { folders, files } = entriesUnder(pages);
  const written = new Set(files);
  // A folder is listed before what it holds, so each is made once, by itself; a folder left empty in the pages (its
  // pages are gone) is not published.
  const needed = new Set<string>();
  for (const file of files) for (let at = dirname(file); at !== '.' && !needed.has(at); at = dirname(at)) needed.add(at);
  for (const folder of folders) if (needed.has(folder)) mkdirSync(join(staging, folder));
  for (const file of files) {
    const to = join(staging, file);
    const from = join(pages, file);
    if (previous && last) {
      const stat = statSync(from);
      const old = statSync(join(previous, file), { throwIfNoEntry: false });
      if (stat.mtimeMs < last.at && old?.isFile() && old.size === stat.size) {
        try {
          linkSync(join(previous, file), to);
          linked += 1;
          continue;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw error;
          // Another file system, or links not allowed: copied below.
        }
      }
    }
    copyFileSync(from, to);
    copied += 1;
  }
  const kept = carryOver(outDir, staging, written, keep);
  // A page whose path `keep` names was not published: the team's file is there, and stays the team's.
  for (const file of kept) written.delete(file);
  const mark: SiteMark = { generator: 'cairn', files: [...written].toSorted() };
  writeFileSync(
    join(staging, SITE_MARK),
    `${JSON.stringify({ ...mark, note: 'Cairn built this folder and replaces it whole on every build; the files it did not write (not listed here) are kept.' }, null, 0)}\n`,
  );
  return { copied, linked, kept };
}

/**
 * Links into `staging` the files of `outDir` that Cairn did not write: those its mark does not list (all of them but
 * the ones `keep` names when the folder has no mark, as a site Cairn built before marks existed), and those `keep`
 * names. Returns their paths.
 */
function carryOver(outDir: string, staging: string, written: ReadonlySet<string>, keep: readonly string[]): string[] {
  if (!existsSync(outDir)) return [];
  const mark = readSiteMark(outDir);
  const cairns = new Set(mark?.files ?? []);
  const { files, others } = entriesUnder(outDir);
  const kept: string[] = [];
  for (const file of [...files, ...others].toSorted()) {
    if (file === SITE_MARK) continue;
    const named = isKept(file, keep);
    const teams = named || (mark !== null && !cairns.has(file));
    if (!teams || (written.has(file) && !named)) continue;
    const to = join(staging, file);
    try {
      mkdirSync(dirname(to), { recursive: true });
      // Where `keep` names a file the site also writes, the team's file wins; a page's folder in the way is the site's.
      if (written.has(file)) rmSync(to, { force: true });
      else if (existsSync(to)) continue;
    } catch (error) {
      if (['EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) continue;
      throw error;
    }
    linkOrCopy(join(outDir, file), to);
    kept.push(file);
  }
  return kept;
}

/**
 * Puts the staged site at `outDir`: the old folder moves aside, the staged one takes its name, the old one is
 * removed. Between the two renames there is no folder at `outDir` (never a mix of two sites); a build killed just
 * then leaves the old site beside it, and the next build puts it back (cleanLeftovers).
 */
export function swapInto(staging: string, outDir: string): void {
  const previous = besideOutput(outDir, 'previous');
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(previous) && !existsSync(outDir)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
/** A site's build state not used for this long is removed by the next build of any site. */
const SITE_UNUSED_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Marks `siteDir` as used now and removes the folders beside it that no build used for a week. Each site (content and
 * output folder) keeps its own state, two copies of its pages among it, so sites built once (a test's, an old
 * output folder's) would otherwise stay on disk for good.
 */
export function pruneSiteStates(siteDir: string, now = Date.now()): string[] {
  mkdirSync(siteDir, { recursive: true });
  const at = new Date(now);
  utimesSync(siteDir, at, at);
  const parent = dirname(siteDir);
  const removed: string[] = [];
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const path = join(parent, entry.name);
    if (!entry.isDirectory() || path === siteDir) continue;
    if (now - statSync(path).mtimeMs <= SITE_UNUSED_FOR_MS) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}
