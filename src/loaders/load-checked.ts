import { readdirSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Issue } from '../core/schema/model.ts';
import { AstroError } from 'astro/errors';
import { displayPath } from '../core/io/display-path.ts';
import { loadContent, resolveBuildAsOf, sharedHookPatterns, type LoadedContent } from '../core/pipeline/load-content.ts';
import { expandHookPatterns } from '../core/io/hook-patterns.ts';
import { openPhaseCache } from '../core/pipeline/phase-cache.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { relativeToRoot } from '../core/io/root-relative.ts';
import { formatIssue } from '../core/text/issues.ts';
import { takeOver } from './handover.ts';

/** Size and modification time of every file under `dir`: changes when any input changes. */
function fingerprint(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const stat = statSync(path);
        return `${path}:${stat.size}:${stat.mtimeMs}`;
      })
      .toSorted()
      .join('\n');
  } catch {
    return '';
  }
}

// Both collections load the same content; it is read (and its hook logs imported) once per change, not per collection.
let cached: { key: string; content: LoadedContent } | null = null;

/** The content root as loaded now (read again only when a file changed), with its errors. */
function loadNow(): { root: string; loaded: LoadedContent; errors: Issue[] } {
  const root = contentRoot();
  const buildAsOf = resolveBuildAsOf();
  const checked = takeOver(root, buildAsOf);
  if (checked) return { root, loaded: checked, errors: checked.issues.filter((issue) => issue.severity === 'error') };
  // The repository's own hook logs (cairn.config.json's `hooks`) are inputs too.
  const shared = expandHookPatterns(sharedHookPatterns(), null).files.map((file) => `${file}:${statSync(file).size}:${statSync(file).mtimeMs}`).join('\n');
  const key = `${root}\n${buildAsOf}\n${fingerprint(root)}\n${shared}`;
  const loaded = cached?.key === key ? cached.content : loadContent(root, buildAsOf, { cache: openPhaseCache() });
  cached = { key, content: loaded };
  return { root, loaded, errors: loaded.issues.filter((issue) => issue.severity === 'error') };
}

/** The errors the content has now, each as `validate` prints it; none when it builds. */
export function contentErrors(): Issue[] {
  return loadNow().errors;
}

/** Loads the content root and stops the build with every error as `path:line:col message` when there are any. */
export function loadCheckedContent(): LoadedContent {
  const { root, loaded, errors } = loadNow();
  if (errors.length > 0) {
    // AstroError takes only (message, hint), so the locations go into the message.
    throw new AstroError(
      `${errors.length} problem(s) in ${displayPath(root)}:\n${errors.map(formatIssue).join('\n')}`,
      'Fix the files named above; `npm run validate` checks the content without building.',
    );
  }
  // The site shows paths from the content root, never the build machine's folders. Every collection reads the same
  // content, so it is rewritten once per load.
  let content = relativized.get(loaded);
  if (!content) relativized.set(loaded, (content = relativeToRoot(loaded, root)));
  return content;
}

// Held no longer than the content read: once a build's collections are filled, both can go.
const relativized = new WeakMap<LoadedContent, LoadedContent>();

/**
 * A loader over the content: `sync` fills its store from the loaded content. Under `astro dev` (`cairn dev`) it also
 * watches the content root and the repository's hook logs and syncs again when a file changes, a -wal that agents
 * append to included. There, content with errors does not stop the server: the errors are logged as `validate`
 * prints them (the `problems` collection puts them on every page), the store keeps its last good entries, and the
 * next save that fixes the file brings the site back.
 */
export function contentLoader(name: string, sync: (context: LoaderContext, content: LoadedContent) => Promise<void>): Loader {
  return {
    name,
    load: async (context) => {
      const run = async () => {
        if (context.watcher && contentErrors().length > 0) return;
        await sync(context, loadCheckedContent());
      };
      await run();
      if (context.watcher) watchContent(context.watcher, run);
    },
  };
}

/** Calls `onChange` (debounced) when a file under the content root or a repository hook log changes. */
export function watchContent(watcher: NonNullable<LoaderContext['watcher']>, onChange: () => Promise<void>): void {
  const root = contentRoot();
  const shared = sharedHookPatterns().map((pattern) => dirname(pattern.replace(/[*?[{].*$/, 'x')));
  const watched = [root, ...shared];
  watcher.add(watched);
  let timer: NodeJS.Timeout | null = null;
  const changed = (path: string) => {
    if (!watched.some((dir) => path === dir || path.startsWith(`${dir}${sep}`))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void onChange().catch((error: unknown) => console.error(error instanceof Error ? error.message : error)), 100);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, changed);
}
