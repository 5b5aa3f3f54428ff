/**
 * A content root that is a Backlog.md board (`backlog/`: config.yml with Backlog.md's keys beside a tasks/ folder):
 * one phase, titled by the project's name, whose tasks are the Markdown files of tasks/ and completed/.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { backlogConfig, backlogPhaseId, type BacklogConfig } from '../formats/backlog-md.ts';
import { phaseNameProblem } from './names.ts';
import type { Issue } from '../schema/model.ts';

/** The board's config when `dir` is a Backlog.md board (config.yml of Backlog.md and a tasks/ folder), else null. */
export function backlogBoardOf(dir: string): BacklogConfig | null {
  try {
    if (!statSync(join(dir, 'tasks')).isDirectory() || !statSync(join(dir, 'config.yml')).isFile()) return null;
    return backlogConfig(readFileSync(join(dir, 'config.yml'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The phase of a content root that is a Backlog.md board: its folder's name ("backlog") is the phase id, or, when
 * that cannot be an address (".backlog"), the project's name; none when the root is no board. A repository whose
 * backlog/ is the board is read as that board.
 */
export function backlogBoardFolders(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  for (const dir of [root, join(root, 'backlog')]) {
    const config = backlogBoardOf(dir);
    if (!config) continue;
    const phaseId = [basename(resolve(dir)), backlogPhaseId(config.projectName)].find((name) => name !== '' && phaseNameProblem(name) === null) ?? 'backlog';
    return { dirs: [{ dir, phaseId }], issues: [] };
  }
  return { dirs: [], issues: [] };
}
