/** dist/status.json (and each version's), per the contract in docs/outputs.md#statusjson and schema/status-json.ts. */
import type { Metric, MetricValue, Phase, Task } from '../schema/model.ts';
import type { StatusJson } from '../schema/status-json.ts';
import { countRedactions } from '../redact/redact.ts';
import { siteAsOf, staleWarning } from '../model/freshness.ts';

/** A metric value for status.json: numbers stay numbers, everything else is the text as written. */
function statusValue(value: MetricValue | null): number | string | null {
  if (value === null) return null;
  return value.raw;
}

function statusMetric(metric: Metric): StatusJson['phases'][number]['metrics'][number] {
  return {
    key: metric.key,
    label: metric.label,
    baseline: statusValue(metric.baseline),
    target: metric.target?.raw ?? null,
    achieved: statusValue(metric.achieved),
    verdict: metric.verdict,
  };
}

function statusTask(task: Task): StatusJson['phases'][number]['tasks'][number] {
  return {
    id: task.id,
    title: task.title,
    agent: task.agent,
    estimateDays: task.estimateDays,
    dependsOn: task.dependsOn,
    dependsOnOtherPhases: task.dependencies.flatMap((dependency) => dependency.links).map(({ phaseId, taskId, status }) => ({ phaseId, taskId, status })),
    parentId: task.parentId,
    cancelled: task.cancelled,
    ...(task.optional ? { optional: true } : {}),
    status: task.status,
    startedAt: task.startedAt,
    completedAt: task.completedAt,
    events: task.events,
    health: task.health,
  };
}

/** dist/status.json, per the contract in docs/outputs.md#statusjson. */
export function buildStatusJson(phases: readonly Phase[], version: string | null = null): StatusJson {
  return {
    schemaVersion: 1,
    // The newest input; a site whose inputs are not dated gives the time its phases were judged at (the commit built).
    generatedAt:
      siteAsOf(phases) ??
      phases
        .map((phase) => phase.buildAsOf)
        .toSorted()
        .at(-1) ??
      null,
    version,
    phases: phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      status: phase.status,
      progress: phase.progress,
      criticalPath: { taskIds: phase.criticalPath.taskIds, days: phase.criticalPath.days },
      statedDays: phase.statedDays,
      health: phase.health,
      forecast: phase.forecast,
      simulation: phase.simulation,
      tasks: phase.tasks.map(statusTask),
      metrics: phase.metrics.map(statusMetric),
      dataQuality: {
        // Source paths from the phase folder, as in "hooks/memory.db".
        sources: phase.dataQuality.sources.map(({ path, format, records, imported, skipped, redactions }) => ({
          path: path.replace(new RegExp(`^(?:.*/)?phases/${RegExp.escape(phase.id)}/`), ''),
          format,
          records,
          imported,
          skipped,
          redacted: countRedactions(redactions),
        })),
        unmatchedEvents: phase.dataQuality.unmatchedEvents,
        otherFiles: phase.dataQuality.otherFiles,
        readers: phase.dataQuality.readers,
        warnings: [...phase.warnings, ...phase.dataQuality.warnings, ...(phase.dataQuality.stale ? [staleWarning(phase, { withTime: true })] : [])],
        newestEvent: phase.dataQuality.newestEvent,
        stale: phase.dataQuality.stale,
      },
    })),
  };
}
