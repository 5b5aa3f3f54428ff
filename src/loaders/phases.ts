import type { Loader } from 'astro/loaders';
import { formatIssue } from '../core/text/issues.ts';
import { splitPhaseEvents } from '../core/schema/phase-events.ts';
import { writePhaseEvents } from '../lib/phase-events.ts';
import { loadCheckedContent } from './load-checked.ts';

/** One entry per phase: the model built by the core, without its event lists (written apart, see lib/phase-events.ts). */
export function phasesLoader(): Loader {
  return {
    name: 'cairn-phases',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { phases, issues } = loadCheckedContent();
      for (const issue of issues) logger.warn(formatIssue(issue));
      for (const phase of phases) for (const warning of phase.dataQuality.warnings) logger.warn(warning);
      store.clear();
      const split = phases.map(splitPhaseEvents);
      writePhaseEvents(split.map(({ events }) => events));
      for (const { phase } of split) {
        const data = await parseData({ id: phase.id, data: phase, filePath: phase.file });
        store.set({ id: phase.id, data, filePath: phase.file, digest: generateDigest(data) });
      }
    },
  };
}

/** The repository-wide hook logs and where their events went: one entry, or none when the config names no logs. */
export function sharedHooksLoader(): Loader {
  return {
    name: 'cairn-shared-hooks',
    load: async ({ store, parseData, generateDigest }) => {
      const { shared } = loadCheckedContent();
      store.clear();
      if (!shared) return;
      const data = await parseData({ id: 'shared', data: shared });
      store.set({ id: 'shared', data, digest: generateDigest(data) });
    },
  };
}
