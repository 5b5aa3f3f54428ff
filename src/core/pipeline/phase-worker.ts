/** A worker thread of warm-phase-cache.ts: builds one phase, or reads one frozen version, per message into the cache. */
import { parentPort } from 'node:worker_threads';
import { readingFromEnv } from '../config/reading.ts';
import { buildPhase } from '../model/build-phase.ts';
import { writeCachedPhase } from './phase-cache.ts';
import { readPhaseFiles } from './phase-history.ts';
import { readSnapshot } from './snapshots.ts';
import type { WarmJob } from './warm-phase-cache.ts';

parentPort?.on('message', (job: WarmJob) => {
  try {
    if (job.kind === 'snapshot') readSnapshot(job.root, job.version, { cache: job.cache });
    else
      writeCachedPhase(
        job.cache,
        job.key,
        buildPhase(readPhaseFiles(job.dir, job.phaseId, job.root, job.part, job.cache), { buildAsOf: null, reading: readingFromEnv() }),
      );
  } finally {
    parentPort?.postMessage('done');
  }
});
