import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { cachedForGroup, openPhaseCache, phaseKey, pruneCache, type PhaseCache } from '../../../src/core/pipeline/phase-cache.ts';
import { warmPhaseCache } from '../../../src/core/pipeline/warm-phase-cache.ts';
import { readSnapshot, uncachedSnapshots, writeSnapshot } from '../../../src/core/pipeline/snapshots.ts';
import { freezeSnapshot } from '../../../src/core/versions/snapshot.ts';
import { AS_OF } from '../fixtures.ts';

const example = fileURLToPath(new URL('../../../content', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'cairn-phase-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the example content with a second phase, and a fresh cache folder. */
function workspace(name: string): { root: string; cache: PhaseCache } {
  const root = join(scratch, name, 'content');
  cpSync(example, root, { recursive: true });
  cpSync(join(root, 'phases', 'phase-7'), join(root, 'phases', 'phase-8'), { recursive: true });
  const cache = openPhaseCache({ CAIRN_CACHE: join(scratch, name, 'cache') });
  if (!cache) throw new Error('the core source should be found from the project root');
  return { root, cache };
}

// Built phases and cached values; file-hashes.json (the hashes of the inputs) is not an entry.
const entries = (cache: PhaseCache) => readdirSync(cache.dir).filter((name) => name.endsWith('.json') && name !== 'file-hashes.json');

describe('phase cache', () => {
  test('a value kept per group: the same input gives it back, a new one replaces it, and the group keeps one entry', () => {
    const cache = openPhaseCache({ CAIRN_CACHE: join(scratch, 'group', 'cache') })!;
    let computed = 0;
    const keys = (input: string) => cachedForGroup(cache, 'page-keys', 'phase 7', input, () => [`${input} #${++computed}`]);
    expect(keys('a')).toEqual(['a #1']);
    expect(keys('a')).toEqual(['a #1']);
    // A phase judged anew on every build (the time not pinned): its keys follow, in one entry, never one per build.
    for (const input of ['b', 'c', 'd', 'e']) keys(input);
    expect(computed).toBe(5);
    expect(keys('e')).toEqual(['e #5']);
    expect(keys('a')).toEqual(['a #6']);
    expect(entries(cache)).toHaveLength(1);
    cachedForGroup(cache, 'page-keys', 'phase 8', 'a', () => []);
    expect(entries(cache)).toHaveLength(2);
  });

  test('is off with CAIRN_CACHE=off, and in node_modules/.cache/cairn by default', () => {
    expect(openPhaseCache({ CAIRN_CACHE: 'off' })).toBeNull();
    expect(openPhaseCache({})?.dir).toBe(join(process.cwd(), 'node_modules', '.cache', 'cairn'));
  });

  test('a cached load gives the same content as an uncached one, for any as-of time', () => {
    const { root, cache } = workspace('same');
    const first = loadContent(root, AS_OF, { cache });
    expect(entries(cache)).toHaveLength(2);
    // Without a time, content outside a repository is judged at the clock: held still for the two loads to compare.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-05T12:00:00Z') });
    try {
      for (const asOf of [AS_OF, null, '2031-01-01T00:00:00.000Z']) {
        expect(loadContent(root, asOf, { cache })).toEqual(loadContent(root, asOf));
      }
    } finally {
      vi.useRealTimers();
    }
    expect(first).toEqual(loadContent(root, AS_OF));
  });

  test('a changed file changes only its phase key, and the next load sees the change', () => {
    const { root, cache } = workspace('change');
    const before = loadContent(root, AS_OF, { cache });
    const keys = ['phase-7', 'phase-8'].map((id) => phaseKey(cache, join(root, 'phases', id), root));
    const task = join(root, 'phases', 'phase-8', readdirSync(join(root, 'phases', 'phase-8')).find((name) => name.startsWith('task-7.1'))!);
    writeFileSync(task, readFileSync(task, 'utf8').replace('title: Build Infrastructure', 'title: Renamed In Phase 8'));
    const after = ['phase-7', 'phase-8'].map((id) => phaseKey(cache, join(root, 'phases', id), root));
    expect(after[0]).toBe(keys[0]);
    expect(after[1]).not.toBe(keys[1]);
    const reloaded = loadContent(root, AS_OF, { cache });
    expect(reloaded.phases[1]!.tasks[0]!.title).toBe('Renamed In Phase 8');
    expect(reloaded.phases[0]).toEqual(before.phases[0]);
  });

  test('a new hook event in a log is seen (a database grows through its WAL)', () => {
    const { root, cache } = workspace('hooks');
    const before = loadContent(root, AS_OF, { cache }).phases[1]!;
    const log = join(root, 'phases', 'phase-8', 'hooks', 'events.ndjson');
    appendFileSync(log, `${JSON.stringify({ kind: 'notify', time: '2025-10-25T17:00:00Z', message: 'task 7.1: one more thing' })}\n`);
    const after = loadContent(root, AS_OF, { cache }).phases[1]!;
    expect(after.activity.eventCount).toBe(before.activity.eventCount + 1);
    expect(after).toEqual(loadContent(root, AS_OF).phases[1]);
  });

  test('an unreadable entry is a miss, not an error', () => {
    const { root, cache } = workspace('corrupt');
    loadContent(root, AS_OF, { cache });
    for (const name of entries(cache)) writeFileSync(join(cache.dir, name), '{"phase": ');
    expect(loadContent(root, AS_OF, { cache })).toEqual(loadContent(root, AS_OF));
  });

  test('entries unused for a week are pruned', () => {
    const { root, cache } = workspace('prune');
    loadContent(root, AS_OF, { cache });
    pruneCache(cache, Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(entries(cache)).toEqual([]);
  });

  test('a later build takes the hashes of unchanged files from the cache folder, and hashes a changed file again', async () => {
    const { root, cache } = workspace('persisted');
    const dir = join(root, 'phases', 'phase-8');
    const key = phaseKey(cache, dir, root);
    loadContent(root, AS_OF, { cache });
    const file = join(cache.dir, 'file-hashes.json');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { code: string; entries: [string, { stamp: string; hash: string }][] };
    expect(kept.entries.map(([, entry]) => entry.hash)).toContain(key);
    // A new process (a fresh module) that finds a hash for the folder's files as they are uses it without reading them.
    writeFileSync(file, JSON.stringify({ ...kept, entries: kept.entries.map(([id, entry]) => [id, entry.hash === key ? { ...entry, hash: 'kept' } : entry]) }));
    vi.resetModules();
    const fresh = await import('../../../src/core/pipeline/phase-cache.ts');
    expect(fresh.phaseKey(cache, dir, root)).toBe('kept');
    appendFileSync(join(dir, 'README.md'), '\nOne more line.\n');
    expect(fresh.phaseKey(cache, dir, root)).not.toBe('kept');
    expect(fresh.phaseKey(cache, dir, root)).not.toBe(key);
  });

  test('frozen versions are read in the worker threads too, and the main thread then reads them from the cache', async () => {
    const { root, cache } = workspace('snapshots');
    const { phases } = loadContent(root, AS_OF);
    for (const version of ['1.0.0', '1.1.0']) writeSnapshot(root, freezeSnapshot({ version, phases, releases: [] }));
    expect(uncachedSnapshots(root, cache)).toEqual(['1.0.0', '1.1.0']);
    await warmPhaseCache(root, cache, 2);
    expect(uncachedSnapshots(root, cache)).toEqual([]);
    expect(readSnapshot(root, '1.1.0', { cache })).toEqual(readSnapshot(root, '1.1.0'));
  });

  test('phases built in worker threads are the phases built in the main thread', async () => {
    const { root, cache } = workspace('workers');
    await warmPhaseCache(root, cache, 2);
    expect(entries(cache)).toHaveLength(2);
    expect(loadContent(root, AS_OF, { cache })).toEqual(loadContent(root, AS_OF));
  });
});
