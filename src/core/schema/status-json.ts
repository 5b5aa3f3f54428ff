/** dist/status.json, a public contract (docs/outputs.md#statusjson): fields may be added, never removed or renamed. */
import { z } from 'zod';
import { ForecastSchema, PhaseHealthSchema, SimulationSchema, TaskHealthSchema, TaskStatusSchema, VerdictSchema } from './model.ts';

/** dist/status.json: the machine-readable contract (fields may be added, never removed or renamed). */
export const StatusJsonSchema = z.object({
  schemaVersion: z.literal(1),
  /** The newest input's time, else the time the phases were judged at (the commit built); null only for a site with no phase. */
  generatedAt: z.string().nullable(),
  version: z.string().nullable(),
  phases: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: TaskStatusSchema,
      progress: z.number().min(0).max(1),
      criticalPath: z.object({ taskIds: z.array(z.string()), days: z.number() }),
      statedDays: z.number().nullable(),
      /** Where the phase stands, with why (added after the first contract). */
      health: PhaseHealthSchema.nullable(),
      /** The expected end as a range, against the stated date (added after the first contract). */
      forecast: ForecastSchema.nullable(),
      /** The Monte Carlo forecast: P50, P85 and P95 ends and the chance of the stated date (added after the first contract). */
      simulation: SimulationSchema.nullable().default(null),
      tasks: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          /** null: unassigned (added after the first contract: it was always a name). */
          agent: z.string().nullable(),
          /** null: no estimate that can be read (added after the first contract: it was always a number). */
          estimateDays: z.number().nullable(),
          dependsOn: z.array(z.string()),
          /** Tasks and phases in other phases of the content root this task waits for, with their status. */
          dependsOnOtherPhases: z.array(z.object({ phaseId: z.string(), taskId: z.string().nullable(), status: TaskStatusSchema })),
          /** The task this one is a subtask of, or null. */
          parentId: z.string().nullable(),
          /** Closed without being done (its status is complete). */
          cancelled: z.boolean(),
          /** Marked optional by its list (Kiro's "- [ ]* …"); only present when true. */
          optional: z.boolean().optional(),
          status: TaskStatusSchema,
          startedAt: z.string().nullable(),
          completedAt: z.string().nullable(),
          events: z.number().int(),
          /** Where the task stands against the plan, with why (added after the first contract). */
          health: TaskHealthSchema.nullable(),
        }),
      ),
      metrics: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          baseline: z.union([z.number(), z.string()]).nullable(),
          target: z.string().nullable(),
          achieved: z.union([z.number(), z.string()]).nullable(),
          verdict: VerdictSchema,
        }),
      ),
      dataQuality: z.object({
        sources: z.array(
          z.object({
            path: z.string(),
            format: z.string(),
            records: z.number().int(),
            imported: z.number().int(),
            skipped: z.number().int(),
            /** Secrets redacted from this source, all kinds together (added after the first contract; the kinds are on the dashboard). */
            redacted: z.number().int(),
          }),
        ),
        unmatchedEvents: z.number().int(),
        /** Files under the phase folder that are not part of the package (notes, images), each with why. */
        otherFiles: z.array(z.object({ path: z.string(), reason: z.string() })),
        /** Which reader read the phase's tasks (task-files, spec-kit, kiro), from which files, and why. */
        readers: z.array(z.object({ format: z.string(), label: z.string(), files: z.array(z.string()), reason: z.string() })).default([]),
        warnings: z.array(z.string()),
        newestEvent: z.string().nullable(),
        stale: z.boolean(),
      }),
    }),
  ),
});
export type StatusJson = z.output<typeof StatusJsonSchema>;
