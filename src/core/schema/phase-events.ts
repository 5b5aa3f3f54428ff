import { z } from 'zod';
import { EventLineSchema, FeedItemSchema, type Phase } from './model.ts';

/**
 * The long lists of a phase's model, apart from the rest: events, the feed, timeline marks and the files each task
 * edited. The site keeps them out of its content store, so only the pages that show them load them, one phase at a
 * time, and the many that do not stay light.
 */
export const PhaseEventsSchema = z.object({
  phaseId: z.string(),
  /** The newest events of the phase, oldest first (Phase.events). */
  events: z.array(EventLineSchema),
  /** The newest events of each task, newest first (Phase.activity.taskEvents). */
  taskEvents: z.record(z.string(), z.array(EventLineSchema)),
  /** Phase.activity.feed. */
  feed: z.array(FeedItemSchema),
  /** Phase.activity.ticks. */
  ticks: z.record(z.string(), z.array(z.string())),
  /** Task.files, by task id. */
  taskFiles: z.record(z.string(), z.array(z.string())),
});
export type PhaseEvents = z.output<typeof PhaseEventsSchema>;

/** Splits the long lists off a phase: the phase without them, and the lists. */
export function splitPhaseEvents(phase: Phase): { phase: Phase; events: PhaseEvents } {
  const { activity } = phase;
  return {
    phase: { ...phase, tasks: phase.tasks.map((task) => ({ ...task, files: [] })), events: [], activity: { ...activity, taskEvents: {}, feed: [], ticks: {} } },
    events: { phaseId: phase.id, events: phase.events, taskEvents: activity.taskEvents, feed: activity.feed, ticks: activity.ticks, taskFiles: Object.fromEntries(phase.tasks.map((task) => [task.id, task.files])) },
  };
}

/** The whole phase again, from a split. */
export function joinPhaseEvents(phase: Phase, lists: PhaseEvents): Phase {
  return {
    ...phase,
    tasks: phase.tasks.map((task) => ({ ...task, files: lists.taskFiles[task.id] ?? [] })),
    events: lists.events,
    activity: { ...phase.activity, taskEvents: lists.taskEvents, feed: lists.feed, ticks: lists.ticks },
  };
}
