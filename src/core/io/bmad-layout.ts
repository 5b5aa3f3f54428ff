/**
 * A content root holding BMAD-method stories: v4's `docs/stories/` (or `docs/` holding it), or v6's folder of
 * sprint-status.yaml (`docs/sprint-artifacts/`, `_bmad-output/implementation-artifacts/`, or the folder holding one
 * of those). The stories are one phase, titled by sprint-status.yaml's project when it names one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isStoryFileName, opensStory, readSprintStatus } from '../formats/bmad.ts';
import { phaseNameProblem } from './names.ts';
import type { Issue } from '../schema/model.ts';

/** What makes a folder BMAD's: its sprint-status.yaml (with the project and the stories it lists), or story files. */
interface BmadFolder {
  /** sprint-status.yaml's path in the folder, or null (v4). */
  sprintRel: string | null;
  project: string | null;
  /** Stories the sprint status lists. */
  sprintStories: string[];
}

const readText = (path: string): string | null => {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
};

/** Story files directly in `dir` whose text opens "# Story N.M: …". */
function storyFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => isStoryFileName(name) && opensStory(readText(join(dir, name)) ?? ''));
  } catch {
    return [];
  }
}

/** The BMAD stories folder `dir` is, or null: a sprint-status.yaml that lists stories, or story files of its own. */
export function bmadFolderOf(dir: string): BmadFolder | null {
  const sprint = readSprintStatus(readText(join(dir, 'sprint-status.yaml')) ?? '');
  const sprintStories = sprint?.entries.filter((entry) => entry.kind === 'story').map((entry) => entry.key) ?? [];
  if (sprint && sprintStories.length > 0) return { sprintRel: 'sprint-status.yaml', project: sprint.project, sprintStories };
  return storyFilesIn(dir).length > 0 ? { sprintRel: null, project: null, sprintStories: [] } : null;
}

/**
 * The phase of a content root holding BMAD stories: the root itself, or its stories/, sprint-artifacts/ or
 * implementation-artifacts/ folder, or, in a repository, docs/stories/, docs/sprint-artifacts/ or
 * _bmad-output/implementation-artifacts/.
 */
export function bmadFolders(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  const places = ['stories', 'sprint-artifacts', 'implementation-artifacts', 'docs/stories', 'docs/sprint-artifacts', '_bmad-output/implementation-artifacts'];
  for (const dir of [root, ...places.map((name) => join(root, name))]) {
    if (!bmadFolderOf(dir)) continue;
    const phaseId = [basename(resolve(dir)).replace(/^[._]+/, '')].find((name) => name !== '' && phaseNameProblem(name) === null) ?? 'stories';
    return { dirs: [{ dir, phaseId }], issues: [] };
  }
  return { dirs: [], issues: [] };
}
