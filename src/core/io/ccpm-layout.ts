/**
 * A content root holding ccpm epics: `.claude/epics/` (each epic folder a phase, the epics ccpm has archived in
 * `archived/` (or `.archived/`) included, as they are the epics it closed), `.claude/` holding it, or one epic's folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isCcpmEpic, isCcpmTask, isCcpmTaskName } from '../formats/ccpm.ts';
import { displayPath } from './display-path.ts';
import { linkOutsideIssue, staysInside } from './inside-root.ts';
import { phaseNameProblem } from './names.ts';
import type { Issue } from '../schema/model.ts';

const readText = (path: string): string | null => {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8').slice(0, 65_536) : null;
  } catch {
    return null;
  }
};

/**
 * Whether `dir` is a ccpm epic: epic.md with ccpm's frontmatter, and task files named by number of which one at least
 * opens with ccpm's task frontmatter (or none yet, an epic not decomposed).
 */
export function isCcpmEpicFolder(dir: string): boolean {
  const epic = readText(join(dir, 'epic.md'));
  if (epic === null || !isCcpmEpic(epic)) return false;
  let names: string[];
  try {
    names = readdirSync(dir).filter(isCcpmTaskName);
  } catch {
    return false;
  }
  return names.length === 0 || names.slice(0, 200).some((name) => isCcpmTask(readText(join(dir, name)) ?? ''));
}

/** The folders ccpm's users keep closed epics in: `archived/`, and `.archived/` in some repositories. */
const archiveNames = ['archived', '.archived'];

const sortedFolders = (dir: string) => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && (!entry.name.startsWith('.') || archiveNames.includes(entry.name)))
      .map((entry) => entry.name)
      .toSorted();
  } catch {
    return [];
  }
};

/**
 * The phases of a content root holding ccpm epics: the root itself when it is one epic, else each epic folder of
 * it (or of its epics/ folder), then each of archived/ and .archived/. A folder that is no epic is named in a
 * warning, and so is an archived epic whose name an open epic already has.
 */
export function ccpmEpicFolders(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  // A repository: its .claude/epics/ holds the epics.
  const inRepository = join(root, '.claude', 'epics');
  if (sortedFolders(join(root, '.claude')).includes('epics') && staysInside(inRepository, root) && !isCcpmEpicFolder(root))
    return ccpmEpicFolders(inRepository);
  if (isCcpmEpicFolder(root)) {
    const phaseId = [basename(resolve(root))].find((name) => name !== '' && phaseNameProblem(name) === null) ?? 'epic';
    return { dirs: [{ dir: root, phaseId }], issues: [] };
  }
  const base = sortedFolders(root).includes('epics') && !sortedFolders(root).some((name) => isCcpmEpicFolder(join(root, name))) ? join(root, 'epics') : root;
  const dirs: { dir: string; phaseId: string }[] = [];
  const issues: Issue[] = [];
  const consider = (path: string, name: string, where: string) => {
    if (!staysInside(path, root)) {
      issues.push(linkOutsideIssue(path));
      return;
    }
    if (!isCcpmEpicFolder(path)) {
      issues.push({
        file: displayPath(path),
        line: 1,
        column: 1,
        severity: 'warning',
        message: `The folder ${where}${name} holds no ccpm epic (epic.md with ccpm's frontmatter), so it is not read as a phase.`,
        hint: 'An epic folder is read when its epic.md opens with name, status and created (as /pm:prd-parse writes it).',
      });
      return;
    }
    const problem = phaseNameProblem(name);
    if (problem) {
      issues.push({
        file: displayPath(path),
        line: 1,
        column: 1,
        severity: 'error',
        message: `The epic folder cannot be published: ${problem}.`,
        hint: 'Rename the folder, e.g. "user-login".',
      });
      return;
    }
    const twin = dirs.find((dir) => dir.phaseId === name);
    if (twin) {
      issues.push({
        file: displayPath(path),
        line: 1,
        column: 1,
        severity: 'warning',
        message: `The archived epic ${name} has the name of the epic in ${displayPath(twin.dir)}, so it is not read (one phase per name).`,
        hint: 'Rename one of the two folders to read both.',
      });
      return;
    }
    dirs.push({ dir: path, phaseId: name });
  };
  for (const name of sortedFolders(base)) {
    if (archiveNames.includes(name) && !isCcpmEpicFolder(join(base, name))) continue;
    consider(join(base, name), name, '');
  }
  for (const archive of archiveNames) for (const name of sortedFolders(join(base, archive))) consider(join(base, archive, name), name, `${archive}/`);
  return { dirs, issues: dirs.length > 0 ? issues : [] };
}
