import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { PhaseEntrySchema, SharedHooksSchema, TaskEntrySchema } from './core/schema/model.ts';
import { ChangelogSchema, ReleaseSchema } from './core/releases/schema.ts';
import { phasesLoader, problemsLoader, sharedHooksLoader } from './loaders/phases.ts';
import { changelogLoader, releasesLoader } from './loaders/releases.ts';
import { tasksLoader } from './loaders/tasks.ts';

// The content root is CAIRN_CONTENT (default ./content); the loaders read it through the core.
// The core's zod schemas validate each entry and type `getCollection`.
export const collections = {
  phases: defineCollection({ loader: phasesLoader(), schema: PhaseEntrySchema }),
  tasks: defineCollection({ loader: tasksLoader(), schema: TaskEntrySchema }),
  releases: defineCollection({ loader: releasesLoader(), schema: ReleaseSchema }),
  changelog: defineCollection({ loader: changelogLoader(), schema: ChangelogSchema }),
  sharedHooks: defineCollection({ loader: sharedHooksLoader(), schema: SharedHooksSchema }),
  problems: defineCollection({ loader: problemsLoader(), schema: z.object({ errors: z.array(z.string()) }) }),
};
