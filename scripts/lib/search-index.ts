/**
 * The site's search: pagefind bundles over the built pages. The site's own pages (home, releases, data quality) are
 * one bundle, `pagefind/`, with pagefind's scripts; each phase's pages are another, `pagefind/phases/<id>/`, which the
 * search page merges in the browser (pagefind's mergeIndex). A phase's bundle is written again only when one of its
 * pages was written in this build, so a rebuild after one new event indexes one phase, not the site.
 * Frozen versions are left out (they would repeat every live page once per version); so are activity pages and
 * timelines, which mark themselves (no `data-pagefind-body`) and are not even read (PHASE_PAGES_NOT_SEARCHED).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { entriesUnder } from './publish.ts';

/** Top-level folders that are not the site's own searchable pages. */
const NOT_SITE_PAGES = new Set(['v', '_astro', 'pagefind']);

/**
 * A phase's page folders whose pages are not searchable (their layout is given `searchable={false}`): left out of
 * the globs so pagefind does not read them (a big phase's activity and timeline pages are its largest). A test holds
 * this list to the pages' own marks.
 */
export const PHASE_PAGES_NOT_SEARCHED: ReadonlySet<string> = new Set(['activity', 'timeline']);

/** The globs of a phase's searchable pages, from the entries of its folder. */
function phaseGlobs(root: string, phaseId: string): string[] {
  return readdirSync(join(root, phaseId), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return PHASE_PAGES_NOT_SEARCHED.has(entry.name) ? [] : [`${phaseId}/${entry.name}/**/*.html`];
    return entry.name.endsWith('.html') ? [`${phaseId}/${entry.name}`] : [];
  });
}

/** What a merged bundle needs: the index, its fragments and filters. Scripts, styles and WebAssembly come from the site's bundle. */
const MERGED_KEEPS = (name: string): boolean => name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || ['index', 'fragment', 'filter'].includes(name);

interface SearchIndexResult {
  /** Pages read into the bundles written in this build. */
  pages: number;
  /** Phases whose bundle was written again. */
  phases: string[];
}

/** Whether any file under `dir` was written at or after `since` (ms). */
function writtenSince(dir: string, since: number): boolean {
  return entriesUnder(dir).files.some((file) => statSync(join(dir, file)).mtimeMs >= since);
}

/** Writes one bundle of the pages matching `globs` under `root` into `outputPath`. */
async function writeBundle(root: string, globs: readonly string[], outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`The search index could not be created: ${errors.join('; ')}`);
  let pages = 0;
  for (const glob of globs) {
    const added = await index.addDirectory({ path: root, glob });
    if (added.errors.length > 0) throw new Error(`The search index could not read the pages: ${added.errors.join('; ')}`);
    pages += added.page_count;
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`The search index could not be written: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return pages;
}

/**
 * Writes the bundles of the site in `root` (the pages folder of scripts/build.ts): the site's own always (its pages
 * are rendered every build), each phase's when it is missing or a page of the phase was written since `since`.
 * Bundles of phases that are gone are removed.
 */
export async function writeSearchIndexes(root: string, phaseIds: readonly string[], since: number): Promise<SearchIndexResult> {
  const site = join(root, 'pagefind');
  const phasesDir = join(site, 'phases');
  const phases = new Set(phaseIds);
  try {
    // The site's bundle: every file of pagefind/ but the phases' bundles.
    if (existsSync(site)) for (const name of readdirSync(site)) if (name !== 'phases') rmSync(join(site, name), { recursive: true, force: true });
    if (existsSync(phasesDir))
      for (const name of readdirSync(phasesDir)) if (!phases.has(name)) rmSync(join(phasesDir, name), { recursive: true, force: true });
    const folders = readdirSync(root, { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && !NOT_SITE_PAGES.has(entry.name) && !phases.has(entry.name),
    );
    let pages = await writeBundle(root, ['*.html', ...folders.map((entry) => `${entry.name}/**/*.html`)], site);
    const written: string[] = [];
    for (const id of phaseIds) {
      const out = join(phasesDir, id);
      if (!existsSync(join(root, id))) continue;
      if (existsSync(join(out, 'pagefind-entry.json')) && !writtenSince(join(root, id), since)) continue;
      rmSync(out, { recursive: true, force: true });
      pages += await writeBundle(root, phaseGlobs(root, id), out);
      for (const name of readdirSync(out)) if (!MERGED_KEEPS(name)) rmSync(join(out, name), { recursive: true, force: true });
      written.push(id);
    }
    return { pages, phases: written };
  } finally {
    await pagefind.close();
  }
}
