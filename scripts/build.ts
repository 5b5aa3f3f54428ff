/**
 * The site build, run by `cairn build` in its own process: the content is read and checked once (its problems
 * printed as `cairn validate` prints them) and handed to Astro's build, which writes the pages into the site's pages
 * folder (rendering only the pages whose keys changed); then the search bundles of what changed, and the site is
 * staged beside the output and swapped into place. A failed or interrupted build leaves the previous site untouched.
 * With `strict`, warnings stop it before anything is built.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { environmentProblems } from '../src/core/pipeline/environment.ts';
import { handOver, releaseHandOver } from '../src/loaders/handover.ts';
import { acquireBuildLock, pruneSiteStates, pruneStale, stageSite, swapInto, updatePublished, type Published } from './lib/publish.ts';
import { siteCacheDir } from './lib/site-dirs.mjs';
import { astroInlineRoot } from './lib/astro-bin.ts';
import { cairnFailed, checkContent } from './lib/check-content.ts';
import { writeSearchIndexes } from './lib/search-index.ts';

export interface BuildOptions {
  /** Where the site goes. */
  outDir: string;
  /** Stop on warnings too. */
  strict?: boolean;
}

/** Builds the site; resolves to the exit code (0 built, 1 the content or the build failed, 2 a bug in Cairn). */
export async function buildSite({ outDir: out, strict = false }: BuildOptions): Promise<number> {
  const outDir = resolve(out);
  const staging = `${outDir}.building-${process.pid}`;
  const fail = (message: string): 1 => {
    rmSync(staging, { recursive: true, force: true });
    console.error(`${message}\n  The previous site in ${outDir} was left as it was.`);
    return 1;
  };

  const stages: Record<string, number> = {};
  let mark = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };

  const problems = environmentProblems(process.env);
  if (problems.length > 0) return fail(problems.map((problem) => `error ${problem}`).join('\n'));

  // One build at a time per checkout: Astro keeps generated types and its content store in the project's .astro/, so
  // two builds at once (of one site or two) would overwrite each other's. A second build waits for the first.
  // In a team's repository the `cairn` command names a folder there (CAIRN_STATE_DIR) for the lock and the caches.
  const stateDir = process.env.CAIRN_STATE_DIR;
  const releaseLock = await acquireBuildLock(join(stateDir ?? join('node_modules', '.cache', 'cairn'), 'build.lock'), (holder) => console.error(`Another build (process ${holder}) is running in this checkout; waiting for it to finish…`));
  try {
    let phaseIds: string[];
    try {
      const checked = await checkContent({ strict });
      if (checked.exitCode !== 0) return hasWarningsOnly(checked) ? fail('The content has warnings and --strict was given, so the site was not built.') : checked.exitCode;
      // Only the phases' ids are kept here; the content goes to the build, which lets it go once its store is filled.
      phaseIds = checked.content.phases.map((phase) => phase.id);
      handOver(checked.root, checked.asOf, checked.content);
    } catch (error) {
      console.error(cairnFailed(error));
      return 2;
    }
    stages.check = lap();

    // Astro writes into the same folder every build (pages/ in the site's cache folder), so a page whose key did not
    // change is already there: neither rendered nor copied. The site is then staged from it and swapped in whole.
    process.env.CAIRN_OUT_DIR = outDir;
    const siteDir = siteCacheDir();
    pruneSiteStates(siteDir);
    const pagesDir = join(siteDir, 'pages');
    const started = Date.now();
    const outputs = new Set<string>();
    const { build } = await import('astro');
    try {
      await build({ ...astroInlineRoot(resolve(import.meta.dirname, '..')), outDir: pagesDir, logLevel: 'info', integrations: [watchBuild(stages, lap, pagesDir, outputs)] });
    } catch (error) {
      const { message, hint } = error as { message?: string; hint?: string };
      return fail(`${message ?? String(error)}${hint ? `\n  hint: ${hint}` : ''}\nastro build failed.`);
    }
    const rendered = [...outputs].filter((file) => statSync(join(pagesDir, file)).mtimeMs >= started).length;
    // Search bundles are kept or written again below; anything else neither built nor kept is gone from the content.
    pruneStale(pagesDir, outputs, started, ['pagefind/']);
    stages.finish = lap();

    let search: Awaited<ReturnType<typeof writeSearchIndexes>>;
    try {
      search = await writeSearchIndexes(pagesDir, phaseIds, started);
    } catch (error) {
      return fail((error as Error).message);
    }
    stages.search = lap();

    const marker = join(siteDir, 'published.json');
    const publishing: Published = { outDir, at: Date.now() };
    const staged = publish(pagesDir, staging, outDir, readPublished(marker));
    writeFileSync(marker, JSON.stringify(publishing));
    stages.publish = lap();

    const total = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
    console.log(`search index: ${search.pages} pages read (the site's own and ${search.phases.length} of ${phaseIds.length} phases); site written to ${outDir}`);
    console.log(`built in ${seconds(total)}: ${Object.entries(stages).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}; ${rendered} of ${outputs.size} files rendered, ${staged.copied} copied to the site and ${staged.linked} kept`);
    if (process.env.CAIRN_TIMINGS) writeFileSync(process.env.CAIRN_TIMINGS, JSON.stringify({ stages, total, rendered, outputs: outputs.size, ...staged, searched: search.pages, searchedPhases: search.phases.length }));
    return 0;
  } finally {
    releaseLock();
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Puts the site in `pagesDir` at `outDir`: in place when `outDir` is as this site last published it, else (a first
 * build, another site's folder, a path in the way) staged beside it and swapped in whole.
 */
function publish(pagesDir: string, staging: string, outDir: string, last: Published | null): { copied: number; linked: number } {
  if (last && last.outDir === outDir && existsSync(outDir)) {
    try {
      return updatePublished(pagesDir, outDir, last);
    } catch {
      // Staged and swapped below, which needs nothing of the folder as it is.
    }
  }
  const staged = stageSite(pagesDir, staging, outDir, last);
  swapInto(staging, outDir);
  return staged;
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
      'astro:build:start': () => {
        stages.sync = lap();
        releaseHandOver();
      },
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
