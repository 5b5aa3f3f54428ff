import { defineCollection } from 'astro:content';
import { phasesLoader } from './loaders/phases.ts';
import { tasksLoader } from './loaders/tasks.ts';

// The content root is CAIRN_CONTENT (default ./content); the loaders read it through the core.
export const collections = {
  phases: defineCollection({ loader: phasesLoader() }),
  tasks: defineCollection({ loader: tasksLoader() }),
};
