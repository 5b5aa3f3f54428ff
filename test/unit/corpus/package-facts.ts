/**
 * The facts a reader checks in a package Cairn has read: per phase its tasks (id, title, agent or unassigned,
 * estimate, dependencies inside and outside the phase, status, parent), the critical path, the stated total, the
 * files that are not part of it, and the problems, counted by severity. The corpus tests compare them with each
 * fixture's facts.json.
 */
import { relative } from 'node:path';
import type { Issue, Phase } from '../../../src/core/schema/model.ts';

export interface PackageFacts {
  phases: {
    id: string;
    title: string;
    status: string;
    progress: number;
    criticalPath: { taskIds: string[]; days: number; unestimated: number };
    statedDays: number | null;
    tasks: {
      file: string;
      id: string;
      title: string;
      agent: string | null;
      estimateDays: number | null;
      dependsOn: string[];
      otherPhases: string[];
      missing: string[];
      status: string;
      cancelled: boolean;
      parentId: string | null;
      startedAt: string | null;
      completedAt: string | null;
    }[];
    otherFiles: string[];
  }[];
  /** Every error, and every warning, as "file:line message" with the file relative to the content root. */
  errors: string[];
  warnings: string[];
}

export function packageFacts(root: string, phases: readonly Phase[], issues: readonly Issue[]): PackageFacts {
  const rel = (path: string) => relative(root, path).split('\\').join('/');
  const line = (issue: Issue) =>
    `${rel(issue.file)}:${issue.line} ${issue.message
      .split(root.split('\\').join('/'))
      .join('')
      .replaceAll(`${rel('')}/`, '')}`;
  return {
    phases: phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      status: phase.status,
      progress: phase.progress,
      criticalPath: { taskIds: phase.criticalPath.taskIds, days: phase.criticalPath.days, unestimated: phase.criticalPath.unestimated },
      statedDays: phase.statedDays,
      tasks: phase.tasks.map((task) => ({
        file: rel(task.file),
        id: task.id,
        title: task.title,
        agent: task.agent,
        estimateDays: task.estimateDays,
        dependsOn: task.dependsOn,
        otherPhases: task.dependencies.flatMap((dependency) => dependency.links).map((link) => `${link.phaseId}:${link.taskId ?? '*'}`),
        missing: task.dependencies.flatMap((dependency) => dependency.missing),
        status: task.status,
        cancelled: task.cancelled,
        parentId: task.parentId,
        startedAt: task.startedAt,
        completedAt: task.completedAt,
      })),
      otherFiles: phase.dataQuality.otherFiles.map((file) => rel(file.path)),
    })),
    errors: issues.filter((issue) => issue.severity === 'error').map(line),
    warnings: issues.filter((issue) => issue.severity === 'warning').map(line),
  };
}
