/** Phase models of real content folders, built by the same core the site uses, for the view builders' tests. */
import { resolve } from 'node:path';
import { loadContent, type LoadedContent } from '../../../src/core/pipeline/load-content.ts';
import { AS_OF } from '../fixtures.ts';

const loaded = new Map<string, LoadedContent>();

/** The content folder `dir` (relative to the project), loaded as of the build tests' time. */
export function site(dir: string): LoadedContent {
  let content = loaded.get(dir);
  if (!content) {
    content = loadContent(resolve(import.meta.dirname, '../../..', dir), AS_OF);
    loaded.set(dir, content);
  }
  return content;
}

/** The example's Phase 7. */
export const example = () => site('content').phases[0]!;
