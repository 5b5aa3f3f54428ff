/**
 * Dependencies across the phases of one content root: "Task 7.3" written in phase 8 names phase 7's task 7.3, and
 * "Phase 7 complete" names phase 7, each linked with its status. A task id that is in no phase (a task deleted or
 * renamed) is a warning at the dependency's line. Phases are built one at a time (and cached so); this runs on
 * all of them once they are built.
 */
import { formatIssue } from '../text/issues.ts';
import type { Dependency, DependencyLink, Issue, Phase, Task } from '../schema/model.ts';
import { phaseNumberOf } from '../tasks/parse-dependencies.ts';

/** The number a phase goes by: from its folder ("phase-7", "phase7", "07-quality", "phase_1") or its title ("Phase 7: …"). */
function phaseNumber(phase: Pick<Phase, 'id' | 'title'>): number | null {
  const match = /(?:^|[^a-z0-9])(?:phase|p)?[-_ ]?0*(\d+)(?![\d.])/i.exec(phase.id) ?? /\bphase\s*0*(\d+)\b/i.exec(phase.title);
  return match?.[1] ? Number(match[1]) : null;
}

interface LinkedPhases {
  phases: Phase[];
  /** Warnings for dependencies on tasks that are in no phase. */
  issues: Issue[];
}

/** Resolves every dependency that its own phase could not, against the other phases. */
export function linkPhases(phases: readonly Phase[]): LinkedPhases {
  const issues: Issue[] = [];
  const byNumber = new Map<number, Phase>();
  for (const phase of phases) {
    const number = phaseNumber(phase);
    if (number !== null && !byNumber.has(number)) byNumber.set(number, phase);
  }
  const linked = phases.map((phase) => {
    // In any case, as the phase matched them: "task-42" is its task TASK-42.
    const local = new Set(phase.tasks.map((task) => task.id.toLowerCase()));
    const phaseIssues: Issue[] = [];
    const tasks = phase.tasks.map((task): Task => {
      const dependencies = task.dependencies.map((dependency): Dependency => {
        const links: DependencyLink[] = [];
        const missing: string[] = [];
        for (const id of dependency.taskIds.filter((taskId) => !local.has(taskId.toLowerCase()))) {
          const found = findTask(phases, phase, id);
          if (found) links.push({ phaseId: found.phase.id, taskId: found.task.id, slug: found.task.slug, title: found.task.title, status: found.task.status });
          else missing.push(id);
        }
        const number = dependency.taskIds.length === 0 ? phaseNumberOf(dependency.raw) : null;
        const other = number === null ? undefined : byNumber.get(number);
        if (other && other !== phase && !dependsOnLocalPhaseTasks(task, dependency, phase))
          links.push({ phaseId: other.id, taskId: null, slug: null, title: other.title, status: other.status });
        if (missing.length > 0) {
          // One warning per clause: a range ("P3-01 through P3-10") with several gaps is one thing to fix.
          const [first = ''] = missing;
          const named = missing.length === 1 ? `task ${first}, which is` : `tasks ${missing.join(', ')}, which are`;
          phaseIssues.push({
            file: task.file,
            line: dependency.line ?? 1,
            column: dependency.column === null ? 1 : dependency.column + Math.max(0, dependency.raw.indexOf(first)),
            severity: 'warning',
            message: `Task ${task.id} depends on ${named} in no phase; the dependency is left out of the schedule.`,
            hint: `Tasks of this phase: ${phase.tasks.map((t) => t.id).join(', ')}. If ${first} was renamed, use its new id; work outside the content root reads best as "Phase 6 complete".`,
          });
        }
        return links.length === 0 && missing.length === 0 ? dependency : { ...dependency, links, missing };
      });
      return { ...task, dependencies };
    });
    issues.push(...phaseIssues);
    return { ...phase, tasks, warnings: [...phase.warnings, ...phaseIssues.map(formatIssue)] };
  });
  return { phases: linked, issues };
}

/** "Phase 3 complete" already stands for this folder's tasks 3.x (build-phase.ts): not for another phase too. */
function dependsOnLocalPhaseTasks(task: Task, dependency: Dependency, phase: Phase): boolean {
  const number = phaseNumberOf(dependency.raw);
  return number !== null && phase.tasks.some((other) => other.id.startsWith(`${number}.`) && task.dependsOn.includes(other.id));
}

/** The task with this id in another phase: the phase whose number the id starts with ("7.3" → phase 7), else the first. */
function findTask(phases: readonly Phase[], from: Phase, id: string): { phase: Phase; task: Task } | null {
  const holders = phases.filter((phase) => phase !== from && phase.tasks.some((task) => task.id === id));
  const lead = /^(\d+)\./.exec(id)?.[1];
  const phase = holders.find((candidate) => lead !== undefined && phaseNumber(candidate) === Number(lead)) ?? holders[0];
  return phase ? { phase, task: phase.tasks.find((task) => task.id === id)! } : null;
}
