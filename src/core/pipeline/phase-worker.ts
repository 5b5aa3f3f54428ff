/** A worker thread of warm-phase-cache.ts: builds one phase per message and stores it in the cache. */
import { parentPort } from 'node:worker_threads';
import { buildPhase } from '../model/build-phase.ts';
import { writeCachedPhase } from './phase-cache.ts';
import { readPackage } from '../io/read-package.ts';
import type { PhaseJob } from './warm-phase-cache.ts';

parentPort?.on('message', (job: PhaseJob) => {
  try {
    writeCachedPhase(job.cache, job.key, buildPhase(readPackage(job.dir, job.phaseId, job.root), { buildAsOf: null }));
  } finally {
    parentPort?.postMessage('done');
  }
});
