/**
 * A content root (or phase folder) that is a board with one folder per status: two status folders at least
 * (backlog/, in_progress/, completed/ …), or a done folder alone, holding Markdown files that open with frontmatter
 * naming an id or a status.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { folderStatus, opensWithTaskFrontmatter } from '../formats/status-folders.ts';
import { phaseNameProblem } from './names.ts';
import type { Issue } from '../schema/model.ts';

/** Markdown files under `dir`, nested folders included, up to `limit` of them. */
function markdownUnder(dir: string, limit: number, depth = 0): string[] {
  const found: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (found.length >= limit) break;
    if (entry.isDirectory() && depth < 3 && !entry.name.startsWith('.')) found.push(...markdownUnder(join(dir, entry.name), limit - found.length, depth + 1));
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) found.push(join(dir, entry.name));
  }
  return found;
}

/**
 * The status folders of `dir` when it is a board of them (two at least, or only a done folder and no other task
 * file; one holding a task file), else null.
 */
export function statusBoardOf(dir: string): string[] | null {
  let folders: string[];
  try {
    folders = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .filter((name) => {
        const status = folderStatus(name);
        return status !== null && status !== 'off';
      });
  } catch {
    return null;
  }
  // A board whose work is all done has only its done folder: git keeps no empty folder, so a clone of it (or the
  // board at a past commit) has no backlog/ left. One done folder is a board when the folder holds nothing else but an overview.
  if (folders.length === 0 || (folders.length === 1 && !(folderStatus(folders[0]!) === 'complete' && onlyTheBoard(dir)))) return null;
  const task = folders.some((folder) =>
    markdownUnder(join(dir, folder), 50).some((path) => {
      try {
        return statSync(path).size < 8_000_000 && opensWithTaskFrontmatter(readFileSync(path, 'utf8'));
      } catch {
        return false;
      }
    }),
  );
  return task ? folders.toSorted() : null;
}

/** Whether `dir` holds nothing but its status folders, off-board folders (archive/) and an overview (README, index, overview). */
function onlyTheBoard(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).every((entry) => {
    if (entry.name.startsWith('.')) return true;
    if (entry.isDirectory()) return folderStatus(entry.name) !== null;
    return !/\.(?:md|markdown)$/i.test(entry.name) || /^(?:readme|index|overview)\.(?:md|markdown)$/i.test(entry.name);
  });
}

/** The phase of a content root that is a board of status folders: the root itself, named by its folder. */
export function statusBoardFolders(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  // A repository whose tasks/ is the board is read as that board.
  const dir = [root, join(root, 'tasks')].find((candidate) => statusBoardOf(candidate) !== null);
  if (dir === undefined) return { dirs: [], issues: [] };
  const phaseId = [basename(resolve(dir)).replace(/^[._]+/, '')].find((name) => name !== '' && phaseNameProblem(name) === null) ?? 'board';
  return { dirs: [{ dir, phaseId }], issues: [] };
}
