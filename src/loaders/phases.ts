import type { Loader } from 'astro/loaders';
import { formatIssue } from '../core/issues.ts';
import { loadCheckedContent } from './load-checked.ts';

/** One entry per phase: the whole model, built once by the core. */
export function phasesLoader(): Loader {
  return {
    name: 'cairn-phases',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { phases, issues } = loadCheckedContent();
      for (const issue of issues) logger.warn(formatIssue(issue));
      for (const phase of phases) for (const warning of phase.dataQuality.warnings) logger.warn(warning);
      store.clear();
      for (const phase of phases) {
        const data = await parseData({ id: phase.id, data: phase, filePath: phase.file });
        store.set({ id: phase.id, data, filePath: phase.file, digest: generateDigest(data) });
      }
    },
  };
}
