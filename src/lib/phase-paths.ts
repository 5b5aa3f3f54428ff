import type { Phase } from '../core/schema/model.ts';
import { pageKey } from './page-key.ts';
import { getPhaseEventsDigest } from './phase-events.ts';
import { phaseHistory } from './versions.ts';
import { getPhaseDigests, getPhases } from './phase-models.ts';

// The routes under /<phase>/ share one key per phase; it is computed once per build, not once per route.
const keys = new Map<string, Promise<string>>();

/**
 * The key of everything a phase's pages show: its model, its event lists and its progress in each frozen version
 * (the burn-up). Task pages add their own entry to it.
 */
export function phasePageKey(phase: Phase): Promise<string> {
  let key = keys.get(phase.id);
  if (!key) {
    key = (async () => {
      // The model and its lists by the hashes they are kept under (hashing them again would read every list).
      const model = (await getPhaseDigests()).get(phase.id) ?? phase;
      return pageKey(model, getPhaseEventsDigest(phase.id), await phaseHistory(phase.id));
    })();
    keys.set(phase.id, key);
  }
  return key;
}

/** One static path per phase, with the phase model as props: the routes under /<phase>/ share it. */
export async function phasePaths() {
  return Promise.all((await getPhases()).map(async (phase) => ({ params: { phase: phase.id }, props: { phase }, cacheKey: await phasePageKey(phase) })));
}
