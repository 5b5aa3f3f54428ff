/**
 * The rendered task files, kept out of Astro's content store for the reason the event lists are
 * (src/lib/phase-events.ts): the store is compiled into the build as one string, and ten thousand rendered task files
 * made it three times larger. The tasks loader writes each rendered body to a file named by the hash of what it was
 * rendered from, so an unchanged task file is not rendered again; the task page reads its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/io/write-atomic.ts';

function bodiesDir(): string {
  const dir = process.env.CAIRN_BODIES_DIR;
  if (!dir) throw new Error('CAIRN_BODIES_DIR is not set; astro.config.mjs sets it for every build.');
  return dir;
}

const pathOf = (digest: string): string => join(bodiesDir(), `${digest}.html`);

/** Whether the body rendered from what `digest` names is kept. */
export function hasTaskBody(digest: string): boolean {
  return existsSync(pathOf(digest));
}

/** Keeps a rendered body under its digest. */
export function writeTaskBody(digest: string, html: string): void {
  mkdirSync(bodiesDir(), { recursive: true });
  writeFileAtomic(pathOf(digest), html);
}

/** The rendered body kept under `digest` (the task entry's `body`). */
export function readTaskBody(digest: string): string {
  return readFileSync(pathOf(digest), 'utf8');
}

/** Removes the bodies no task has any more. */
export function pruneTaskBodies(keep: ReadonlySet<string>): void {
  const dir = bodiesDir();
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.has(name.replace(/\.html$/, ''))) rmSync(join(dir, name), { force: true });
}
