/**
 * The long lists of each phase (events, feed, timeline marks, files per task; PhaseEventsSchema), kept out of
 * Astro's content store. Astro bundles that store into the build as one JavaScript string, and V8 compiles such a
 * string in time that grows faster than its length: a hundred phases' events made the build spend minutes there.
 * So the phases loader writes each phase's lists to a file of its own (in the site's cache folder, set by
 * astro.config.mjs), and only the pages that show them read it, one phase at a time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/io/write-atomic.ts';
import { type Phase } from '../core/schema/model.ts';
import { joinPhaseEvents, type PhaseEvents } from '../core/schema/phase-events.ts';

function eventsDir(): string {
  const dir = process.env.CAIRN_EVENTS_DIR;
  if (!dir) throw new Error('CAIRN_EVENTS_DIR is not set; astro.config.mjs sets it for every build.');
  return dir;
}

/** Replaces the stored lists with these (called by the phases loader). A phase whose lists did not change keeps its file. */
export function writePhaseEvents(all: readonly PhaseEvents[]): void {
  const dir = eventsDir();
  mkdirSync(dir, { recursive: true });
  const before = readIndex(dir);
  // Phase ids are folder names; the index keeps the file names simple whatever they are.
  const index = all.map((events, at) => {
    const text = JSON.stringify(events);
    const digest = createHash('sha256').update(text).digest('base64url');
    const file = join(dir, `${at}.json`);
    const old = before[at];
    if (!(old && old.phaseId === events.phaseId && old.digest === digest && existsSync(file))) writeFileAtomic(file, text);
    return { phaseId: events.phaseId, digest };
  });
  for (let at = all.length; at < before.length; at++) rmSync(join(dir, `${at}.json`), { force: true });
  writeFileAtomic(join(dir, 'index.json'), JSON.stringify(index));
  last = null;
}

type Index = { phaseId: string; digest: string }[];

/**
 * The stored index: each phase's id and the hash of its file, in file order. Every page's key reads it, so it is read
 * again only when the file is another (it is replaced whole when written, so a new one has another inode).
 */
function readIndex(dir: string): Index {
  const path = join(dir, 'index.json');
  const stat = statSync(path, { throwIfNoEntry: false });
  const stamp = stat ? `${path}:${stat.ino}:${stat.mtimeMs}:${stat.size}` : '';
  if (indexRead?.stamp === stamp) return indexRead.index;
  let index: Index = [];
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (Array.isArray(parsed)) index = parsed.filter((entry): entry is Index[number] => typeof entry?.phaseId === 'string' && typeof entry?.digest === 'string');
  } catch {
    // No index yet: no phase has lists.
  }
  indexRead = { stamp, index };
  return index;
}

let indexRead: { stamp: string; index: Index } | null = null;

// Pages of one phase render one after another, so the last phase read is usually the next one asked for.
let last: PhaseEvents | null = null;

/** The event lists of a phase (the `phases` entries leave them out). */
export function getPhaseEvents(phaseId: string): PhaseEvents {
  if (last?.phaseId === phaseId) return last;
  const dir = eventsDir();
  const index = readIndex(dir).findIndex((entry) => entry.phaseId === phaseId);
  // Written by this build's phases loader from the core's model (PhaseEventsSchema is its shape), so read as it is.
  last = index < 0 ? { phaseId, events: [], taskEvents: {}, feed: [], ticks: {}, taskFiles: {} } : (JSON.parse(readFileSync(join(dir, `${index}.json`), 'utf8')) as PhaseEvents);
  return last;
}

/** The hash of a phase's stored lists (null when it has none): what a page key needs to say they changed. */
export function getPhaseEventsDigest(phaseId: string): string | null {
  return readIndex(eventsDir()).find((entry) => entry.phaseId === phaseId)?.digest ?? null;
}

/** A phase from the `phases` collection with its long lists put back, for the pages that show them. */
export function withEventLists(phase: Phase): Phase {
  return joinPhaseEvents(phase, getPhaseEvents(phase.id));
}
