/**
 * The site build, run by `cairn build` in its own process: the content is read and checked once (its problems
 * printed as `cairn validate` prints them) and handed to Astro's build, which writes the pages into the site's pages
 * folder (rendering only the pages whose keys changed); then the search bundles of what changed, and the site is
 * staged beside the output and swapped into place. A failed or interrupted build leaves the previous site untouched.
 * With `strict`, warnings stop it before anything is built.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { environmentProblems } from '../src/core/pipeline/environment.ts';
import { displayPath } from '../src/core/io/display-path.ts';
import { outputFolderProblem } from './lib/output-folder.ts';
import {
  acquireBuildLock,
  cleanLeftovers,
  prepareStaging,
  pruneSiteStates,
  pruneStale,
  stageSite,
  swapInto,
  type Published,
  type StagedSite,
} from './lib/publish.ts';
import { siteCacheDir } from './lib/site-dirs.mjs';
import { astroInlineRoot } from './lib/astro-bin.ts';
import { cairnFailed, checkContent } from './lib/check-content.ts';
import { writeSearchIndexes } from './lib/search-index.ts';

interface BuildOptions {
  /** Where the site goes. */
  outDir: string;
  /** Where `outDir` was named, for messages ("--out", the config's line). */
  outFrom?: string;
  /** Files in the output folder every build keeps (the config's `keep`). */
  keep?: readonly string[];
  /** Stop on warnings too. */
  strict?: boolean;
}

/** Builds the site; resolves to the exit code (0 built, 1 the content or the build failed, 2 a bug in Cairn). */
export async function buildSite({ outDir: out, outFrom = '--out', keep = [], strict = false }: BuildOptions): Promise<number> {
  const outDir = resolve(out);
  const stages: Record<string, number> = {};
  const lap = stopwatch();

  const problems = environmentProblems(process.env);
  if (problems.length > 0) return failed(problems.map((problem) => `error ${problem}`).join('\n'), outDir);

  // In a team's repository the `cairn` command names a folder there (CAIRN_STATE_DIR) for the lock and the caches.
  const stateDir = process.env.CAIRN_STATE_DIR ?? resolve('node_modules', '.cache', 'cairn');
  // The output folder is Cairn's alone (scripts/lib/output-folder.ts); nothing is read or built when it is not.
  const siteDir = siteCacheDir({ ...process.env, CAIRN_OUT_DIR: outDir });
  const marker = join(siteDir, 'published.json');
  const last = readPublished(marker);
  const refused = outputFolderProblem({
    out: outDir,
    outFrom,
    content: resolve(process.env.CAIRN_CONTENT || 'content'),
    hooks: hookPatterns(process.env),
    configPath: process.env.CAIRN_CONFIG ?? null,
    repoRoot: process.env.CAIRN_REPO_ROOT ?? null,
    cairnRoot: resolve(import.meta.dirname, '..'),
    stateDirs: [stateDir, dirname(siteDir)],
    lastPublished: last?.outDir ?? null,
  });
  if (refused) {
    console.error(`error ${refused.message}\n  hint: ${refused.hint}`);
    return 1;
  }
  // One build at a time per checkout: Astro keeps generated types and its content store in the project's .astro/, so
  // two builds at once (of one site or two) would overwrite each other's. A second build waits for the first.
  const releaseLock = await acquireBuildLock(join(stateDir, 'build.lock'), (holder) =>
    console.error(`Another build (process ${holder}) is running in this checkout; waiting for it to finish…`),
  );
  try {
    return await buildLocked({ outDir, siteDir, marker, last, keep, strict }, stages, lap);
  } finally {
    releaseLock();
  }
}

/** Says why the build stopped and that the previous site is untouched; the exit code 1. */
function failed(message: string, outDir: string): 1 {
  console.error(`${message}\n  The previous site in ${displayPath(outDir)} was left as it was.`);
  return 1;
}

/** A clock that gives, at each call, the milliseconds since the call before (or since it was made). */
function stopwatch(): () => number {
  let mark = performance.now();
  return (): number => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
}

/** What a build under the lock needs: where the site goes, its cache folder, its last publish and the build's options. */
interface LockedBuild {
  outDir: string;
  siteDir: string;
  /** The file that records each publish of this site. */
  marker: string;
  last: Published | null;
  keep: readonly string[];
  strict: boolean;
}

/**
 * The build once it holds the lock: the content checked, the pages rendered, the search bundles written, and the site
 * staged and swapped into place. A staged site not swapped in is removed.
 */
async function buildLocked({ outDir, siteDir, marker, last, keep, strict }: LockedBuild, stages: Record<string, number>, lap: () => number): Promise<number> {
  let staging: string | null = null;
  const fail = (message: string): 1 => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    return failed(message, outDir);
  };
  try {
    staging = prepareOutput(outDir);
    if (staging === null) return 1;
    const phaseIds = await checkedPhaseIds(strict, fail);
    if (typeof phaseIds === 'number') return phaseIds;
    stages.check = lap();

    // Astro writes into the same folder every build (pages/ in the site's cache folder), so a page whose key did not
    // change is already there: neither rendered nor copied. The site is then staged from it and swapped in whole.
    process.env.CAIRN_OUT_DIR = outDir;
    pruneSiteStates(siteDir);
    const pagesDir = join(siteDir, 'pages');
    const pages = await renderPages(pagesDir, stages, lap, fail);
    if (typeof pages === 'number') return pages;

    let search: SearchIndexes;
    try {
      search = await writeSearchIndexes(pagesDir, phaseIds, pages.started);
    } catch (error) {
      return fail((error as Error).message);
    }
    stages.search = lap();

    const publishing: Published = { outDir, at: Date.now() };
    let staged: StagedSite;
    try {
      staged = stageSite(pagesDir, staging, outDir, last, keep);
      swapInto(staging, outDir);
    } catch (error) {
      return fail(`error ${writeFailure(error, outDir)}`);
    }
    staging = null;
    writeFileSync(marker, JSON.stringify(publishing));
    stages.publish = lap();
    reportBuild({ outDir, stages, phaseIds, search, pages, staged });
    return 0;
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

/** Puts back a site a stopped build left half replaced, and makes the staging folder; null, the error said, when it cannot. */
function prepareOutput(outDir: string): string | null {
  try {
    const leftovers = cleanLeftovers(outDir);
    if (leftovers.restored) console.error(`The site in ${displayPath(outDir)} was put back: a build stopped while replacing it.`);
    return prepareStaging(outDir);
  } catch (error) {
    console.error(`error ${writeFailure(error, outDir)}`);
    return null;
  }
}

/** The content checked, its problems printed: the ids of its phases, or the exit code when the check stops the build. */
async function checkedPhaseIds(strict: boolean, fail: (message: string) => 1): Promise<string[] | number> {
  try {
    const checked = await checkContent({ strict });
    if (checked.exitCode !== 0)
      return hasWarningsOnly(checked) ? fail('The content has warnings and --strict was given, so the site was not built.') : checked.exitCode;
    // Only the phases' ids are kept here; the site's pages read the site themselves (src/lib/site.ts).
    return checked.content.phases.map((phase) => phase.id);
  } catch (error) {
    console.error(cairnFailed(error));
    return 2;
  }
}

/** What Astro's build wrote: every file of the site's pages, when it started, and how many files it rendered anew. */
interface RenderedPages {
  outputs: Set<string>;
  started: number;
  rendered: number;
}

/** Astro's build into `pagesDir`, with what it did not write or keep removed; the exit code when it fails. */
async function renderPages(pagesDir: string, stages: Record<string, number>, lap: () => number, fail: (message: string) => 1): Promise<RenderedPages | 1> {
  const started = Date.now();
  const outputs = new Set<string>();
  const { build } = await import('astro');
  try {
    await build({
      ...astroInlineRoot(resolve(import.meta.dirname, '..')),
      outDir: pagesDir,
      logLevel: 'info',
      integrations: [watchBuild(stages, lap, pagesDir, outputs)],
    });
  } catch (error) {
    const { message, hint } = error as { message?: string; hint?: string };
    return fail(`${message ?? String(error)}${hint ? `\n  hint: ${hint}` : ''}\nastro build failed.`);
  }
  const rendered = [...outputs].filter((file) => statSync(join(pagesDir, file)).mtimeMs >= started).length;
  // Search bundles are kept or written again below; anything else neither built nor kept is gone from the content.
  pruneStale(pagesDir, outputs, started, ['pagefind/']);
  stages.finish = lap();
  return { outputs, started, rendered };
}

type SearchIndexes = Awaited<ReturnType<typeof writeSearchIndexes>>;

/** Prints what the build kept, indexed and wrote, with each stage's time; the timings also go to CAIRN_TIMINGS when it names a file. */
function reportBuild({
  outDir,
  stages,
  phaseIds,
  search,
  pages: { outputs, rendered },
  staged,
}: {
  outDir: string;
  stages: Record<string, number>;
  phaseIds: readonly string[];
  search: SearchIndexes;
  pages: RenderedPages;
  staged: StagedSite;
}): void {
  if (staged.kept.length > 0)
    console.log(
      `kept ${staged.kept.length === 1 ? 'a file' : `${staged.kept.length} files`} Cairn did not write in ${displayPath(outDir)}: ${staged.kept.slice(0, 5).join(', ')}${staged.kept.length > 5 ? ', …' : ''}`,
    );

  const total = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
  console.log(`search index: ${search.pages} pages read (the site's own and ${search.phases.length} of ${phaseIds.length} phases); site written to ${outDir}`);
  console.log(
    `built in ${seconds(total)}: ${Object.entries(stages)
      .map(([name, ms]) => `${name} ${seconds(ms)}`)
      .join(', ')}; ${rendered} of ${outputs.size} files rendered, ${staged.copied} copied to the site and ${staged.linked} unchanged (linked)`,
  );
  if (process.env.CAIRN_TIMINGS)
    writeFileSync(
      process.env.CAIRN_TIMINGS,
      JSON.stringify({
        stages,
        total,
        rendered,
        outputs: outputs.size,
        copied: staged.copied,
        linked: staged.linked,
        kept: staged.kept.length,
        searched: search.pages,
        searchedPhases: search.phases.length,
      }),
    );
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A failed write near the output folder in a reader's words: a full disk, a folder Cairn may not write, a read-only disk. */
function writeFailure(error: unknown, outDir: string): string {
  const { code, path } = error as NodeJS.ErrnoException;
  const at = displayPath(dirname(outDir));
  const reasons: Record<string, string> = {
    ENOSPC: `The disk that holds ${at} is full, so the site could not be written beside ${displayPath(outDir)}. Free some space and build again.`,
    EDQUOT: `The disk quota for ${at} is used up, so the site could not be written beside ${displayPath(outDir)}. Free some space and build again.`,
    EACCES: `Cairn may not write in ${at} (permission denied${path ? ` on ${displayPath(path)}` : ''}), where the site is written beside ${displayPath(outDir)}. Build into a folder you can write, with --out.`,
    EPERM: `Cairn may not write in ${at} (operation not permitted${path ? ` on ${displayPath(path)}` : ''}), where the site is written beside ${displayPath(outDir)}. Build into a folder you can write, with --out.`,
    EROFS: `${at} is on a read-only file system, so the site cannot be written to ${displayPath(outDir)}. Build into a folder you can write, with --out.`,
    ENOTDIR: `A file is in the way of ${displayPath(outDir)}${path ? ` (${displayPath(path)})` : ''}: a folder is needed there. Build into another folder, with --out.`,
  };
  return reasons[code ?? ''] ?? `The site could not be written to ${displayPath(outDir)}: ${(error as Error).message}`;
}

/** The hook logs the `cairn` command passes on (CAIRN_HOOKS), or none when there are none or they cannot be read. */
function hookPatterns(env: NodeJS.ProcessEnv): string[] {
  try {
    const list: unknown = JSON.parse(env.CAIRN_HOOKS ?? '[]');
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The last publish of this site, when there was one. */
function readPublished(path: string): Published | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Published;
  } catch {
    return null;
  }
}

/**
 * An integration that times Astro's stages (content sync; Vite and the pages; the rest) into `stages`, and collects
 * every file the build's routes wrote or kept, relative to `pagesDir`.
 */
function watchBuild(stages: Record<string, number>, lap: () => number, pagesDir: string, outputs: Set<string>): AstroIntegration {
  return {
    name: 'cairn-build-stages',
    hooks: {
      'astro:build:start': () => void (stages.sync = lap()),
      'astro:build:generated': () => void (stages.pages = lap()),
      'astro:build:done': ({ assets }) => {
        for (const urls of assets.values()) for (const url of urls) outputs.add(relative(pagesDir, fileURLToPath(url)).split('\\').join('/'));
      },
    },
  };
}

/** Whether a check stopped only because --strict counts warnings (errors stop a build in any case). */
function hasWarningsOnly(checked: Awaited<ReturnType<typeof checkContent>>): boolean {
  return !checked.content.issues.some((issue) => issue.severity === 'error');
}
