import { buildPhase } from '../build-phase.ts';
import { sortIssues } from '../issues.ts';
import type { Issue, Phase } from '../schema.ts';
import { readPackages } from './read-package.ts';

export interface LoadedContent {
  phases: Phase[];
  /** Markdown body of each task, keyed by `${phaseId}/${taskId}`. */
  bodies: Map<string, string>;
  issues: Issue[];
}

/** Reads and builds every phase under the content root. The one entry point for the loaders and the CLI. */
export function loadContent(root: string): LoadedContent {
  const { packages, issues } = readPackages(root);
  const phases: Phase[] = [];
  const bodies = new Map<string, string>();
  for (const files of packages) {
    const result = buildPhase(files);
    issues.push(...result.issues);
    if (!result.phase) continue;
    phases.push(result.phase);
    for (const [taskId, body] of result.bodies) bodies.set(`${files.phaseId}/${taskId}`, body);
  }
  return { phases, bodies, issues: sortIssues(issues) };
}
