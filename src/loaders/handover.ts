/**
 * Content read and checked once by `cairn build` (scripts/lib/check-content.ts), handed to the site build that runs
 * in the same process, so its loaders do not read the content and the hook logs a second time. Astro loads the
 * loaders in its own module graph, so the content is passed on the global object, with the root and the time it was
 * read for: a load for another root or time reads the content itself.
 */
import type { LoadedContent } from '../core/pipeline/load-content.ts';

interface HandedOver {
  root: string;
  asOf: string | null;
  content: LoadedContent;
}

const KEY = Symbol.for('cairn.checkedContent');
const store = globalThis as typeof globalThis & { [KEY]?: HandedOver };

/** Offers the checked content to the build that follows. */
export function handOver(root: string, asOf: string | null, content: LoadedContent): void {
  store[KEY] = { root, asOf, content };
}

/** The checked content for this root and time, when `cairn build` read it; its problems were printed then. */
export function takeOver(root: string, asOf: string | null): LoadedContent | null {
  const handed = store[KEY];
  return handed && handed.root === root && handed.asOf === asOf ? handed.content : null;
}

/** Lets the checked content go once the collections hold what they need of it (a big site's content is large). */
export function releaseHandOver(): void {
  delete store[KEY];
}
