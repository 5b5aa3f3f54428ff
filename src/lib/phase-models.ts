/**
 * The phases' models, kept out of Astro's content store for the reason the event lists and the rendered task files
 * are (src/lib/phase-events.ts): Astro compiles the store into the build as one string, and a hundred 100-task phases
 * made most of it, so every build's bundling and every page's setup paid for them. The phases loader writes each
 * model, checked against the schema, to a file named by the hash of it (written only when new); the collection holds
 * each phase's id, place and hash, and getPhases reads the models back, each once per build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { writeFileAtomic } from '../core/io/write-atomic.ts';
import type { Phase } from '../core/schema/model.ts';

function modelsDir(): string {
  const dir = process.env.CAIRN_MODELS_DIR;
  if (!dir) throw new Error('CAIRN_MODELS_DIR is not set; astro.config.mjs sets it for every build.');
  return dir;
}

const pathOf = (digest: string): string => join(modelsDir(), `${digest}.json`);

/** Whether the model named by `digest` is kept. */
export function hasPhaseModel(digest: string): boolean {
  return existsSync(pathOf(digest));
}

/** Keeps a checked model under its digest. */
export function writePhaseModel(digest: string, phase: Phase): void {
  mkdirSync(modelsDir(), { recursive: true });
  writeFileAtomic(pathOf(digest), JSON.stringify(phase));
}

/** Removes the models no phase has any more. */
export function prunePhaseModels(keep: ReadonlySet<string>): void {
  const dir = modelsDir();
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name), { force: true });
}

// Read once per build: models are named by their hash, so one read under a name never goes stale.
const read = new Map<string, Phase>();

function readPhaseModel(digest: string): Phase {
  let phase = read.get(digest);
  if (!phase) {
    // Written by this site's phases loader after the schema check, so read as it is.
    phase = JSON.parse(readFileSync(pathOf(digest), 'utf8')) as Phase;
    read.set(digest, phase);
  }
  return phase;
}

/** The hash each phase's model is kept under, by phase id: what a page key needs to say the model changed. */
export async function getPhaseDigests(): Promise<Map<string, string>> {
  return new Map((await getCollection('phases')).map((entry) => [entry.id, entry.data.model]));
}

/** Every phase of the site, in the content's order (folder names), without its long lists. */
export async function getPhases(): Promise<Phase[]> {
  return (await getCollection('phases')).toSorted((a, b) => a.data.order - b.data.order).map((entry) => readPhaseModel(entry.data.model));
}
