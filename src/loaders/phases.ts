import type { Loader } from 'astro/loaders';
import { formatIssue } from '../core/issues.ts';
import { splitPhaseEvents } from '../core/schema.ts';
import { loadCheckedContent } from './load-checked.ts';

/** One entry per phase: the model built by the core, without its event lists (those are in `phaseEvents`). */
export function phasesLoader(): Loader {
  return {
    name: 'cairn-phases',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { phases, issues } = loadCheckedContent();
      for (const issue of issues) logger.warn(formatIssue(issue));
      for (const phase of phases) for (const warning of phase.dataQuality.warnings) logger.warn(warning);
      store.clear();
      for (const full of phases) {
        const { phase } = splitPhaseEvents(full);
        const data = await parseData({ id: phase.id, data: phase, filePath: phase.file });
        store.set({ id: phase.id, data, filePath: phase.file, digest: generateDigest(data) });
      }
    },
  };
}

/** One entry per phase, by phase id: its newest events and each task's, for the pages that list events. */
export function phaseEventsLoader(): Loader {
  return {
    name: 'cairn-phase-events',
    load: async ({ store, parseData, generateDigest }) => {
      const { phases } = loadCheckedContent();
      store.clear();
      for (const full of phases) {
        const { events } = splitPhaseEvents(full);
        const data = await parseData({ id: full.id, data: events });
        store.set({ id: full.id, data, digest: generateDigest(data) });
      }
    },
  };
}
