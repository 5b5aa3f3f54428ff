/**
 * A content root laid out as Taskmaster lays out its tasks: `.taskmaster/` holding `tasks/tasks.json`, a folder holding
 * `tasks.json` itself, or a legacy project whose `tasks/tasks.json` sits at its root. Each tag of the list is a phase
 * (every tag, not only the one the CLI has selected); a legacy list is one phase, "master", as Taskmaster names it when
 * it adds tags to one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { displayPath } from './display-path.ts';
import { linkOutsideIssue, staysInside } from './inside-root.ts';
import { phaseNameProblem } from './names.ts';
import { nameKey, printable } from '../text/look-alike.ts';
import { redactText } from '../redact/redact.ts';
import { taskmaster, taskmasterTags } from '../formats/taskmaster.ts';
import type { Issue } from '../schema/model.ts';

/** Where a Taskmaster folder keeps its list, relative to it. */
const listPaths = ['tasks.json', 'tasks/tasks.json'];

/** The Taskmaster list of a phase folder (its path relative to the folder), or null when it has none. */
export function taskmasterListOf(dir: string): { rel: string; reason: string } | null {
  for (const rel of listPaths) {
    const path = join(dir, rel);
    try {
      if (!statSync(path).isFile()) continue;
      const reason = taskmaster.detect(basename(rel), readFileSync(path, 'utf8'));
      if (reason) return { rel, reason };
    } catch {}
  }
  return null;
}

/** Why a file of a Taskmaster folder other than its list is not read, in the words the data-quality panel shows. */
export function taskmasterOtherReason(rel: string, list: string): string {
  if (/(?:^|\/)task_\d+\.txt$/i.test(rel)) return `not read: Taskmaster's text copy of one task (${list} is read; the copies can be stale)`;
  if (/^state\.json$/i.test(rel)) return "not read: Taskmaster's state (the tag the command line has selected; every tag is read)";
  if (/^config\.json$/i.test(rel)) return "not read: Taskmaster's settings (models and defaults)";
  if (/^reports\//i.test(rel)) return 'not read: a Taskmaster report (complexity scores are not estimates)';
  if (/^docs\//i.test(rel) || /\.(?:md|markdown|txt)$/i.test(rel)) return `not read: a document of the Taskmaster folder (its tasks are in ${list})`;
  return `not read: not part of Taskmaster's list (its tasks are in ${list})`;
}

/** The phases of a Taskmaster content root, one per tag; none when `root` is no Taskmaster folder. */
export function taskmasterFolders(root: string): { dirs: { dir: string; phaseId: string; part?: string }[]; issues: Issue[] } {
  // The folder of the phase is Taskmaster's own folder: .taskmaster/ (its state, settings, reports and docs are listed
  // as not read), or a legacy project's tasks/ (the rest of the project is not the phase's).
  const own = basename(resolve(root)) === '.taskmaster' || existsSync(join(root, 'state.json'));
  const candidates = [
    { dir: root, rel: 'tasks.json' },
    { dir: own ? root : join(root, 'tasks'), rel: own ? 'tasks/tasks.json' : 'tasks.json' },
    { dir: join(root, '.taskmaster'), rel: 'tasks/tasks.json' },
  ];
  for (const { dir, rel } of candidates) {
    const path = join(dir, rel);
    if (!existsSync(path)) continue;
    if (!staysInside(path, root)) return { dirs: [], issues: [linkOutsideIssue(path)] };
    const list = taskmasterListOf(dir);
    if (list?.rel !== rel) continue;
    const tags = taskmasterTags(readFileSync(path, 'utf8'));
    // Not valid JSON: one phase, whose reading names the error at its line and column.
    if (!tags?.tagged) return { dirs: [{ dir, phaseId: 'master' }], issues: [] };
    const issues: Issue[] = [];
    const dirs: { dir: string; phaseId: string; part: string }[] = [];
    for (const { tag, line } of tags.tags) {
      const problem = phaseNameProblem(tag!);
      const twin = dirs.find((other) => nameKey(other.phaseId) === nameKey(tag!));
      if (problem || twin) {
        issues.push({
          file: displayPath(path),
          line,
          column: 1,
          severity: 'error',
          message: problem
            ? `The Taskmaster tag cannot be published as a phase: ${printable(redactText(problem))}.`
            : `The Taskmaster tags ${twin!.phaseId} and ${tag} differ only in upper and lower case (or in how an accent is written), and one phase's pages would overwrite the other's.`,
          hint: 'Rename the tag (task-master rename-tag <old> <new>), e.g. to "feature-login".',
        });
        continue;
      }
      dirs.push({ dir, phaseId: tag!, part: tag! });
    }
    return { dirs, issues };
  }
  return { dirs: [], issues: [] };
}
