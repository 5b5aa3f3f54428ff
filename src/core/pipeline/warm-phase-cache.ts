/**
 * Builds the phases the cache lacks on every core, in worker threads, so that loadContent then reads them all from
 * the cache; frozen versions not read before are read, checked and redacted there too, for the pages. Phases are
 * independent, and a cold build of a big site is mostly importing databases, parsing task files and reading frozen
 * versions, so this divides the first build's time by the number of cores. Any failure here only costs time: whatever
 * is not in the cache afterwards is built (and its problems reported) by loadContent itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hasCachedPhase, phaseKey, type PhaseCache } from './phase-cache.ts';
import { listPackageDirs } from '../io/read-package.ts';
import { uncachedSnapshots } from './snapshots.ts';

interface PhaseJob {
  kind: 'phase';
  dir: string;
  phaseId: string;
  /** The part of the folder's task list that is the phase (a Taskmaster tag), when it holds several. */
  part?: string;
  root: string;
  key: string;
  cache: PhaseCache;
}

/** A frozen version to read, check and redact once (snapshots.ts caches the result by the hash of its file). */
interface SnapshotJob {
  kind: 'snapshot';
  root: string;
  version: string;
  cache: PhaseCache;
}

export type WarmJob = PhaseJob | SnapshotJob;

/** Resolves when every missing phase was built (or its worker gave up). */
export async function warmPhaseCache(root: string, cache: PhaseCache | null, threads = availableParallelism()): Promise<void> {
  if (!cache || threads < 2) return;
  const phases: WarmJob[] = listPackageDirs(root)
    .dirs.map(({ dir, phaseId, part }) => ({ kind: 'phase' as const, dir, phaseId, part, root, key: phaseKey(cache, dir, root, part), cache }))
    .filter((job) => !hasCachedPhase(cache, job.key));
  // Frozen versions are the largest inputs; the pages read them later, each from the cache.
  const jobs: WarmJob[] = [...uncachedSnapshots(root, cache).map((version) => ({ kind: 'snapshot' as const, root, version, cache })), ...phases];
  // One phase is built as fast in the main thread; starting a worker would only add to it.
  if (jobs.length < 2) return;
  const queue = [...jobs];
  // phase-worker.ts in a checkout; phase-worker.mjs beside the compiled command of an installed Cairn.
  const workerUrl = [new URL('./phase-worker.ts', import.meta.url), new URL('./phase-worker.mjs', import.meta.url)].find((url) =>
    existsSync(fileURLToPath(url)),
  );
  if (!workerUrl) return;
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, () => runWorker(workerUrl, queue)));
}

/** One worker takes jobs from the shared queue until it is empty. */
function runWorker(url: URL, queue: WarmJob[]): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch {
      resolve();
      return;
    }
    const next = () => {
      const job = queue.shift();
      if (job) worker.postMessage(job);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', next);
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
    next();
  });
}
