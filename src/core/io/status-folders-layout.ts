/**
 * A content root (or phase folder) that is a board with one folder per status: two status folders at least
 * (backlog/, in_progress/, completed/ …) holding Markdown files that open with frontmatter naming an id or a status.
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

/** The status folders of `dir` when it is a board of them (two at least, one holding a task file), else null. */
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
  if (folders.length < 2) return null;
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

/** The phase of a content root that is a board of status folders: the root itself, named by its folder. */
export function statusBoardFolders(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  // A repository whose tasks/ is the board is read as that board.
  const dir = [root, join(root, 'tasks')].find((candidate) => statusBoardOf(candidate) !== null);
  if (dir === undefined) return { dirs: [], issues: [] };
  const phaseId = [basename(resolve(dir)).replace(/^[._]+/, '')].find((name) => name !== '' && phaseNameProblem(name) === null) ?? 'board';
  return { dirs: [{ dir, phaseId }], issues: [] };
}
