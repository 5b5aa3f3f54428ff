import type { Loader } from 'astro/loaders';
import { formatIssue } from '../core/text/issues.ts';
import { splitPhaseEvents } from '../core/schema/phase-events.ts';
import { writePhaseEvents } from '../lib/phase-events.ts';
import { hasPhaseModel, prunePhaseModels, writePhaseModel } from '../lib/phase-models.ts';
import { PhaseSchema } from '../core/schema/model.ts';
import { contentErrors, contentLoader, watchContent } from './load-checked.ts';
import { takeOver } from './handover.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { resolveBuildAsOf } from '../core/pipeline/load-content.ts';

/**
 * One entry per phase: its id, its place in the content and the hash of its model; the model built by the core is
 * kept beside the store (lib/phase-models.ts), without its event lists (lib/phase-events.ts).
 */
export function phasesLoader(): Loader {
  return contentLoader('cairn-phases', async ({ store, parseData, generateDigest, logger }, { phases, issues }) => {
    // `cairn build` printed them when it checked the content; `cairn dev` prints them here.
    if (!takeOver(contentRoot(), resolveBuildAsOf())) {
      for (const issue of issues) logger.warn(formatIssue(issue));
      for (const phase of phases) for (const warning of phase.dataQuality.warnings) logger.warn(warning);
    }
    const split = phases.map(splitPhaseEvents);
    writePhaseEvents(split.map(({ events }) => events));
    const ids = new Set(split.map(({ phase }) => phase.id));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    const models = new Set<string>();
    for (const [order, { phase }] of split.entries()) {
      // A model is checked against the schema and written once (src/lib/phase-models.ts): a phase that did not change
      // keeps its file, and its entry.
      const model = generateDigest(phase);
      models.add(model);
      if (!hasPhaseModel(model)) writePhaseModel(model, PhaseSchema.parse(phase));
      const entry = { id: phase.id, order, model };
      const digest = generateDigest(entry);
      if (store.get(phase.id)?.digest === digest) continue;
      const data = await parseData({ id: phase.id, data: entry, filePath: phase.file });
      store.set({ id: phase.id, data, filePath: phase.file, digest });
    }
    prunePhaseModels(models);
  });
}

/** The repository-wide hook logs and where their events went: one entry, or none when the config names no logs. */
export function sharedHooksLoader(): Loader {
  return contentLoader('cairn-shared-hooks', async ({ store, parseData, generateDigest }, { shared }) => {
    store.clear();
    if (!shared) return;
    const data = await parseData({ id: 'shared', data: shared });
    store.set({ id: 'shared', data, digest: generateDigest(data) });
  });
}

/**
 * The content's errors, each as `validate` prints it, in one entry (`errors`; an empty list when the content builds).
 * A build stops on errors before any page, so the list is only ever filled under `cairn dev`, where every page shows
 * it until the files are fixed.
 */
export function problemsLoader(): Loader {
  return {
    name: 'cairn-problems',
    load: async (context) => {
      const sync = async () => {
        const errors = context.watcher ? contentErrors().map(formatIssue) : [];
        for (const error of errors) context.logger.error(error);
        context.store.set({ id: 'errors', data: { errors } });
      };
      await sync();
      if (context.watcher) watchContent(context.watcher, sync);
    },
  };
}
