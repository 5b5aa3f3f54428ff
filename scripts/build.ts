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

export interface BuildOptions {
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
  let staging: string | null = null;
  const fail = (message: string): 1 => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    console.error(`${message}\n  The previous site in ${displayPath(outDir)} was left as it was.`);
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
    try {
      const leftovers = cleanLeftovers(outDir);
      if (leftovers.restored) console.error(`The site in ${displayPath(outDir)} was put back: a build stopped while replacing it.`);
      staging = prepareStaging(outDir);
    } catch (error) {
      console.error(`error ${writeFailure(error, outDir)}`);
      return 1;
    }
    let phaseIds: string[];
    try {
      const checked = await checkContent({ strict });
      if (checked.exitCode !== 0)
        return hasWarningsOnly(checked) ? fail('The content has warnings and --strict was given, so the site was not built.') : checked.exitCode;
      // Only the phases' ids are kept here; the site's pages read the site themselves (src/lib/site.ts).
      phaseIds = checked.content.phases.map((phase) => phase.id);
    } catch (error) {
      console.error(cairnFailed(error));
      return 2;
    }
    stages.check = lap();

    // Astro writes into the same folder every build (pages/ in the site's cache folder), so a page whose key did not
    // change is already there: neither rendered nor copied. The site is then staged from it and swapped in whole.
    process.env.CAIRN_OUT_DIR = outDir;
    pruneSiteStates(siteDir);
    const pagesDir = join(siteDir, 'pages');
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

    let search: Awaited<ReturnType<typeof writeSearchIndexes>>;
    try {
      search = await writeSearchIndexes(pagesDir, phaseIds, started);
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
    if (staged.kept.length > 0)
      console.log(
        `kept ${staged.kept.length === 1 ? 'a file' : `${staged.kept.length} files`} Cairn did not write in ${displayPath(outDir)}: ${staged.kept.slice(0, 5).join(', ')}${staged.kept.length > 5 ? ', …' : ''}`,
      );

    const total = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
    console.log(
      `search index: ${search.pages} pages read (the site's own and ${search.phases.length} of ${phaseIds.length} phases); site written to ${outDir}`,
    );
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
    return 0;
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
    releaseLock();
  }
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
