import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { displayPath } from '../core/io/display-path.ts';
import { loadContent, resolveBuildAsOf, sharedHookPatterns, type LoadedContent } from '../core/pipeline/load-content.ts';
import { expandHookPatterns } from '../core/io/hook-patterns.ts';
import { openPhaseCache } from '../core/pipeline/phase-cache.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { relativeToRoot } from '../core/io/root-relative.ts';
import { formatIssue, hasErrors } from '../core/text/issues.ts';

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

/** Loads the content root and stops the build with every error as `path:line:col message` when there are any. */
export function loadCheckedContent(): LoadedContent {
  const root = contentRoot();
  const buildAsOf = resolveBuildAsOf();
  // The repository's own hook logs (cairn.config.json's `hooks`) are inputs too.
  const shared = expandHookPatterns(sharedHookPatterns(), null).files.map((file) => `${file}:${statSync(file).size}:${statSync(file).mtimeMs}`).join('\n');
  const key = `${root}\n${buildAsOf}\n${fingerprint(root)}\n${shared}`;
  const loaded = cached?.key === key ? cached.content : loadContent(root, buildAsOf, { cache: openPhaseCache() });
  cached = { key, content: loaded };
  if (hasErrors(loaded.issues)) {
    const errors = loaded.issues.filter((issue) => issue.severity === 'error');
    // AstroError takes only (message, hint), so the locations go into the message.
    throw new AstroError(
      `${errors.length} problem(s) in ${displayPath(root)}:\n${errors.map(formatIssue).join('\n')}`,
      'Fix the files named above; `npm run validate` checks the content without building.',
    );
  }
  // The site shows paths from the content root, never the build machine's folders.
  return relativeToRoot(loaded, root);
}
