/** The file-reading corner of the core: finds the packages under a content root and reads their files as text. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, matchesGlob, resolve } from 'node:path';
import { displayPath } from './display-path.ts';
import { missingContentIssue } from './content-origin.ts';
import { linkOutsideIssue, linkProblem, staysInside } from './inside-root.ts';
import type { PackageFiles, SourceFile } from '../schema/package-files.ts';
import type { Issue } from '../schema/model.ts';
import { readHookSources } from './read-hooks.ts';
import { decodeText } from './decode-text.ts';
import { redactText } from '../redact/redact.ts';
import { phaseNameProblem, routeNameProblem } from './names.ts';
import { nameKey, printable } from '../text/look-alike.ts';
import { detectTaskList, taskListFormats } from '../formats/task-lists.ts';
import { readingFromEnv } from '../config/reading.ts';
import { taskmasterFolders, taskmasterListOf, taskmasterOtherReason } from './taskmaster-layout.ts';
import { backlogBoardFolders, backlogBoardOf } from './backlog-layout.ts';
import { backlogFileRole, backlogMd, backlogPageName, backlogReason } from '../formats/backlog-md.ts';
import { bmadFolderOf, bmadFolders } from './bmad-layout.ts';
import { bmad, bmadReason, isStoryFileName, opensStory } from '../formats/bmad.ts';
import { ccpmEpicFolders, isCcpmEpicFolder } from './ccpm-layout.ts';
import { ccpm, ccpmCompanionReason, ccpmFileRole, ccpmReason, isSlugNamedCcpmTask } from '../formats/ccpm.ts';
import { statusBoardFolders, statusBoardOf } from './status-folders-layout.ts';
import { opensWithTaskFrontmatter, statusFolderDocumentReason, statusFolderRole, statusFolders, statusFoldersReason } from '../formats/status-folders.ts';
import {
  claudeCodeListOf,
  claudeCodeOtherReason,
  claudeCodeTaskFolders,
  claudeFlowOtherReason,
  claudeFlowStateFiles,
  claudeFlowStoreFolders,
  claudeFlowStoreOf,
  copiedStoreRel,
} from './claude-task-layouts.ts';

/** The content root: CAIRN_CONTENT, or ./content. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CAIRN_CONTENT || 'content');
}

/** The package folders under `root`/phases, in folder-name order, without reading them. */
export function listPackageDirs(root: string): { dirs: PackageDir[]; issues: Issue[] } {
  const phasesDir = join(root, 'phases');
  // Reported where the folder was named: the config's "content" at its line and column, --content, CAIRN_CONTENT.
  if (!existsSync(root) || !statSync(root).isDirectory()) return { dirs: [], issues: [missingContentIssue(root)] };
  if (!existsSync(phasesDir)) {
    // A content root laid out as a tool lays out its tasks: the first layout that finds phases in it is the one.
    for (const find of toolLayouts) {
      const found = find(root);
      if (found.dirs.length > 0 || found.issues.some((issue) => issue.severity === 'error')) return found;
    }
    return {
      dirs: [],
      issues: [
        {
          file: displayPath(phasesDir),
          line: 1,
          column: 1,
          severity: 'error',
          message: `The content folder has no phases/ folder, and is not a folder of task lists Cairn reads (Spec Kit's specs/, Kiro's .kiro/specs/, Taskmaster's .taskmaster/, a Backlog.md board, BMAD's stories, ccpm's .claude/epics/, a board of status folders, claude-flow's .claude-flow/tasks/store.json, Claude Code's task lists).`,
          hint: "Put each coordination package in phases/<phase-id>/ (README.md, task-*.md, baseline-metrics.json), or point the content at your tool's folder (specs/, .kiro/specs/, .taskmaster/, backlog/, docs/stories/, .claude/epics/, a folder of backlog/, in_progress/ and completed/, the repository holding .claude-flow/, a copy of ~/.claude/tasks/).",
        },
      ],
    };
  }
  // phases/ itself may be a link: followed out of the root, it would publish another folder's packages.
  if (!staysInside(phasesDir, root)) return { dirs: [], issues: [linkOutsideIssue(phasesDir)] };
  const issues: Issue[] = [];
  const names = readdirSync(phasesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .filter((entry) => {
      if (!entry.name.startsWith('.')) return true;
      if (entry.name !== '.git')
        issues.push({
          file: displayPath(join(phasesDir, entry.name)),
          line: 1,
          column: 1,
          severity: 'warning',
          message: `The folder ${entry.name} under phases/ is hidden (its name starts with a dot), so it is not read as a phase.`,
          hint: 'Rename it without the leading dot if it is a phase.',
        });
      return false;
    })
    .filter((entry) => {
      const problem = phaseNameProblem(entry.name);
      if (problem)
        issues.push({
          file: printable(redactText(displayPath(join(phasesDir, entry.name)))),
          line: 1,
          column: 1,
          severity: 'error',
          message: `The phase folder cannot be published: ${problem}.`,
          hint: 'Rename the folder, e.g. "phase-8".',
        });
      return problem === null;
    })
    .filter((entry) => {
      const path = join(phasesDir, entry.name);
      if (staysInside(path, root)) return !entry.isSymbolicLink() || statSync(path).isDirectory();
      issues.push(linkOutsideIssue(path));
      return false;
    })
    .map((entry) => entry.name)
    .toSorted();
  // Two folders that differ only in case are one folder on macOS and Windows, and their pages one page: the second is
  // an error, and left out.
  const seen = new Map<string, string>();
  const kept = names.filter((name) => {
    const twin = seen.get(nameKey(name));
    if (twin === undefined) {
      seen.set(nameKey(name), name);
      return true;
    }
    issues.push({
      file: redactText(displayPath(join(phasesDir, name))),
      line: 1,
      column: 1,
      severity: 'error',
      message: `The phase folders ${twin} and ${name} differ only in upper and lower case (or in how an accent is written); on a case-insensitive file system (macOS, Windows) they are one folder, and one phase's pages would overwrite the other's.`,
      hint: 'Rename one of the two folders, or merge them.',
    });
    return false;
  });
  return { dirs: kept.map((name) => ({ dir: join(phasesDir, name), phaseId: name })), issues };
}

/** Whether `dir` holds a tasks.md of a known task-list format. */
function holdsTaskList(dir: string): boolean {
  return ['tasks.md', 'task.md'].some((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isFile() && detectTaskList(name, readFileSync(path, 'utf8')) !== null;
    } catch {
      return false;
    }
  });
}

/**
 * A content root laid out as a tool lays out its specs (Spec Kit's specs/, Kiro's .kiro/specs/): each folder in it
 * with a task list is a phase, and so is the root itself when it is one spec folder. A folder without one is named
 * in a warning, never passed over.
 */
function taskListFolders(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  if (holdsTaskList(root)) {
    const phaseId = basename(resolve(root)).replace(/^\.+/, '') || 'tasks';
    return { dirs: [{ dir: root, phaseId }], issues: [] };
  }
  const issues: Issue[] = [];
  const dirs: { dir: string; phaseId: string }[] = [];
  const nestedDirs: { dir: string; folder: string }[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(root, entry.name);
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (!staysInside(path, root)) {
      issues.push(linkOutsideIssue(path));
      continue;
    }
    if (!holdsTaskList(path)) {
      // A folder of specs one level deeper (Kiro's _archived/, a team's done/): each spec in it is a phase too.
      const nested = nestedSpecFolders(path, root);
      if (nested.length > 0) {
        nestedDirs.push(...nested.map((dir) => ({ dir, folder: entry.name })));
        continue;
      }
      // A tasks.md none of whose lines is a task is named as such: the folder does hold a list, in a shape not read.
      const list = readdirSync(path).find((name) => /^tasks?\.md$/i.test(name));
      issues.push(
        list
          ? {
              file: displayPath(join(path, list)),
              line: 1,
              column: 1,
              severity: 'warning',
              message: `No line of ${list} is a task line Cairn reads, so the folder ${entry.name} is not read as a phase.`,
              hint: 'A spec folder is read when its tasks.md lists tasks as "- [ ] T001 …" (Spec Kit) or "- [ ] 1.1 …" (Kiro).',
            }
          : {
              file: displayPath(path),
              line: 1,
              column: 1,
              severity: 'warning',
              message: `The folder ${entry.name} holds no task list (tasks.md of Spec Kit or Kiro), so it is not read as a phase.`,
              hint: 'A spec folder is read when its tasks.md lists tasks as "- [ ] T001 …" or "- [ ] 1.1 …".',
            },
      );
      continue;
    }
    const problem = phaseNameProblem(entry.name);
    if (problem) {
      issues.push({
        file: printable(redactText(displayPath(path))),
        line: 1,
        column: 1,
        severity: 'error',
        message: `The spec folder cannot be published: ${problem}.`,
        hint: 'Rename the folder, e.g. "001-feature".',
      });
      continue;
    }
    dirs.push({ dir: path, phaseId: entry.name });
  }
  // A nested spec keeps its own name as its phase id unless a spec above has it; then the folder holding it prefixes it.
  for (const { dir, folder } of nestedDirs) {
    const name = basename(dir);
    const phaseId = dirs.some((other) => other.phaseId === name) ? `${folder.replace(/^[_.-]+/, '')}-${name}` : name;
    const problem = phaseNameProblem(phaseId);
    if (problem)
      issues.push({
        file: printable(redactText(displayPath(dir))),
        line: 1,
        column: 1,
        severity: 'error',
        message: `The spec folder cannot be published: ${problem}.`,
        hint: 'Rename the folder, e.g. "001-feature".',
      });
    else dirs.push({ dir, phaseId });
  }
  return { dirs, issues: dirs.length > 0 ? issues : [] };
}

/**
 * A repository root holding Kiro's .kiro/specs/ (and no layout read before it): its specs are read as when the content
 * is .kiro/specs/ itself, so a team that points Cairn at its repository finds its specs.
 */
function kiroRootFolders(root: string): { dirs: PackageDir[]; issues: Issue[] } {
  const specs = join(root, '.kiro', 'specs');
  if (!existsSync(specs) || !statSync(specs).isDirectory() || !staysInside(specs, root)) return { dirs: [], issues: [] };
  return taskListFolders(specs);
}

/** The spec folders directly inside `dir` that hold a task list, in name order. */
function nestedSpecFolders(dir: string, root: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(dir, entry.name))
    .filter((path) => staysInside(path, root) && holdsTaskList(path))
    .toSorted();
}

/** A phase's folder, and the part of its task list that is the phase when the list holds several (a Taskmaster tag). */
export interface PackageDir {
  dir: string;
  phaseId: string;
  part?: string;
}

/** The layouts of a content root without phases/, each a function that finds its phases (none when it is not its layout). */
const toolLayouts: readonly ((root: string) => { dirs: PackageDir[]; issues: Issue[] })[] = [
  taskListFolders,
  taskmasterFolders,
  backlogBoardFolders,
  bmadFolders,
  ccpmEpicFolders,
  statusBoardFolders,
  claudeFlowStoreFolders,
  claudeCodeTaskFolders,
  kiroRootFolders,
];

/** Largest authored file (task, overview, task list, metrics JSON) read from a phase folder, in bytes; each kind has a smaller limit of its own once read. */
const maxAuthoredBytes = 8_000_000;

/** Folders of a phase that hold hook logs: hooks/, and claude-flow's own folders when they were copied in whole. */
export const hookFolders: readonly string[] = ['hooks', '.swarm', '.claude-flow', '.hive-mind'];

/** Root files of a phase that can be its overview when there is no README.md, most likely first. */
const overviewNames = [
  /^readme\.md$/i,
  /^(?:overview|index|epic)\.md$/i,
  /[-_](?:overview|index)\.md$/i,
  /^(?:execution[-_ ]?plan|plan|phase[-_ ]?plan)\.md$/i,
];

const markdown = /\.(?:md|markdown)$/i;

/** What a folder reader is given: the phase folder, its files, and how to read one and list one as not read. */
interface FolderContext {
  dir: string;
  phaseId: string;
  root: string;
  part: string | undefined;
  /** Every file of the folder, relative to it, hook folders left out. */
  files: string[];
  /** The files directly in the folder. */
  atRoot: string[];
  /** Reads a file of the folder as text (decoded, size-checked); null for no file. */
  read(rel: string | undefined): SourceFile | null;
  problems: Issue[];
  otherFiles: { path: string; reason: string }[];
  /** The hook logs of the phase's hook folders, `skip` left to another reader. */
  hooks(skip?: readonly string[]): PackageFiles['hooks'];
  /** The fields every reader's result shares. */
  base(): Pick<PackageFiles, 'phaseId' | 'dir' | 'problems' | 'otherFiles'>;
}

/**
 * A reader of a phase folder: the files of its format (a tool's task list, board or epic, or free-form task files)
 * as the package the model builds, or null when the folder is not of its format. `formats` are the ids of the task
 * formats it reads, for a team's pin ("formats" in cairn.config.json).
 */
interface FolderReader {
  formats: readonly string[];
  read(context: FolderContext, pinned: string | null): PackageFiles | null;
}

/** A folder whose tasks.md is a task list of a known format (a Spec Kit feature, a Kiro spec): its other Markdown files are its documents. */
const taskListFolder: FolderReader = {
  formats: taskListFormats.map((format) => format.id),
  read({ atRoot, files, dir, read, otherFiles, hooks, base }, pinned) {
    const only = taskListFormats.filter((format) => pinned === null || format.id === pinned);
    const listed = atRoot
      .filter((rel) => /^tasks?\.md$/i.test(rel))
      .map((rel) => ({ rel, file: read(rel)! }))
      .map(({ rel, file }) => ({ rel, file, found: detectTaskList(rel, file.text, only) }))
      .find(({ found }) => found !== null);
    if (!listed?.found) return null;
    for (const rel of files)
      if (rel !== listed.rel)
        otherFiles.push({
          path: displayPath(join(dir, rel)),
          reason: markdown.test(rel) ? `not read: a document of the ${listed.found.format.label} folder (its tasks are in ${listed.rel})` : notReadReason(rel),
        });
    return {
      ...base(),
      overview: null,
      tasks: [],
      taskList: { format: listed.found.format.id, reason: listed.found.reason, file: listed.file },
      baseline: null,
      final: null,
      current: [],
      hooks: hooks(),
    };
  },
};

/** A Taskmaster folder, read from its tasks.json (the tag `part` of it); every other file of the folder is listed. */
const taskmasterFolder: FolderReader = {
  formats: ['taskmaster'],
  read({ dir, files, part, read, otherFiles, hooks, base }) {
    const list = taskmasterListOf(dir);
    if (!list || !files.includes(list.rel)) return null;
    for (const rel of files) if (rel !== list.rel) otherFiles.push({ path: displayPath(join(dir, rel)), reason: taskmasterOtherReason(rel, list.rel) });
    return {
      ...base(),
      overview: null,
      tasks: [],
      taskList: { format: 'taskmaster', reason: list.reason, file: read(list.rel)!, ...(part === undefined ? {} : { part }) },
      baseline: null,
      final: null,
      current: [],
      hooks: hooks(),
    };
  },
};

/** claude-flow's task store in its own folder (.claude-flow/tasks/store.json), or a Claude Code task list (1.json, 2.json, …). */
const claudeTasksFolder: FolderReader = {
  formats: ['claude-flow-tasks', 'claude-code-tasks'],
  read({ dir, root, files, read, otherFiles, hooks, base }, pinned) {
    const store = pinned === 'claude-code-tasks' ? null : claudeFlowStoreOf(dir);
    const codeList = store || pinned === 'claude-flow-tasks' ? null : claudeCodeListOf(dir);
    const own =
      store && files.includes(store.rel)
        ? { format: 'claude-flow-tasks', rels: [store.rel], reason: store.reason, other: claudeFlowOtherReason }
        : codeList
          ? { format: 'claude-code-tasks', rels: codeList.rels.filter((rel) => files.includes(rel)), reason: codeList.reason, other: claudeCodeOtherReason }
          : null;
    if (!own || own.rels.length === 0) return null;
    // A repository's .claude-flow/ read for its tasks/store.json: its other files are claude-flow's logs, for the hook
    // reader (which names each one it cannot read).
    const logs = own.format === 'claude-flow-tasks' && own.rels[0] !== 'store.json';
    for (const rel of logs ? [] : files) if (!own.rels.includes(rel)) otherFiles.push({ path: displayPath(join(dir, rel)), reason: own.other(rel) });
    const listFiles = own.rels.map((rel) => read(rel)!);
    const state = logs ? claudeFlowStateFiles(readHookSources(dir, root, [join(dir, own.rels[0]!)])) : null;
    if (state) otherFiles.push(...state.notRead);
    return {
      ...base(),
      overview: null,
      tasks: [],
      taskList: { format: own.format, reason: own.reason, file: listFiles[0]!, ...(listFiles.length > 1 ? { files: listFiles } : {}) },
      baseline: null,
      final: null,
      current: [],
      hooks: state ? state.logs : hooks(),
    };
  },
};

/** A Backlog.md board: its tasks are the Markdown files of tasks/ and completed/; every other file is listed. */
const backlogFolder: FolderReader = {
  formats: [backlogMd.id],
  read({ dir, files, read, problems, otherFiles, hooks, base }) {
    const board = backlogBoardOf(dir);
    if (!board) return null;
    const taskRels = files.filter((rel) => {
      const role = backlogFileRole(rel);
      if (typeof role === 'object') otherFiles.push({ path: displayPath(join(dir, rel)), reason: role.reason });
      return role === 'task';
    });
    const tasks = taskFiles(dir, taskRels, problems, (name) => backlogPageName(name)).map(({ rel, slug }) => ({ ...read(rel)!, slug }));
    const layout = {
      format: backlogMd.id,
      label: backlogMd.label,
      reason: backlogReason(board, taskRels.length),
      title: board.projectName,
      file: displayPath(join(dir, 'config.yml')),
      idPrefix: board.taskPrefix,
    };
    return { ...base(), overview: null, tasks, layout, baseline: null, final: null, current: [], hooks: hooks() };
  },
};

/** BMAD stories: the story files are the tasks, and v6's sprint-status.yaml gives their statuses; every other file is listed. */
const bmadFolder: FolderReader = {
  formats: [bmad.id],
  read({ dir, files, read, problems, otherFiles, hooks, base }) {
    const stories = bmadFolderOf(dir);
    if (!stories) return null;
    const storyRels = files.filter((rel) => {
      if (rel === stories.sprintRel) return false;
      const named = markdown.test(rel) && isStoryFileName(basename(rel));
      // A report named like a story ("2-5-validation-report.md") is a document: a story file opens "# Story N.M: …".
      const story = named && opensStory(read(rel)?.text ?? '');
      if (!story)
        otherFiles.push({
          path: displayPath(join(dir, rel)),
          reason: named
            ? 'not read: named like a story file, but it does not open "# Story N.M: …"'
            : markdown.test(rel)
              ? 'not read: a document, not a BMAD story (a story file is named "1.3.story.md" or "1-3-title.md")'
              : notReadReason(rel),
        });
      return story;
    });
    const tasks = taskFiles(dir, storyRels, problems).map(({ rel, slug }) => ({ ...read(rel)!, slug }));
    const sprintStatus = read(stories.sprintRel ?? undefined);
    const stems = new Set(storyRels.map((rel) => basename(rel).replace(markdown, '')));
    const sprint = stories.sprintRel
      ? { entries: stories.sprintStories.length, withoutFile: stories.sprintStories.filter((key) => !stems.has(key)).length }
      : null;
    const layout = {
      format: bmad.id,
      label: bmad.label,
      reason: bmadReason(storyRels.length, sprint),
      title: stories.project,
      file: displayPath(stories.sprintRel ? join(dir, stories.sprintRel) : dir),
      idPrefix: '',
      ...(sprintStatus ? { sprintStatus } : {}),
    };
    return { ...base(), overview: null, tasks, layout, baseline: null, final: null, current: [], hooks: hooks() };
  },
};

/** A ccpm epic: epic.md is the overview, NNN.md the tasks; analyses and updates are read with their task. */
const ccpmFolder: FolderReader = {
  formats: [ccpm.id],
  read({ dir, files, read, problems, otherFiles, hooks, base }) {
    if (!isCcpmEpicFolder(dir)) return null;
    const numbered = new Set(files.filter((rel) => ccpmFileRole(rel) === 'task').map((rel) => rel.replace(markdown, '')));
    const taskRels = files.filter((rel) => ccpmFileRole(rel) === 'task' || isSlugNamedCcpmTask(rel, read(rel)?.text ?? '', numbered));
    const stems = new Set(taskRels.map((rel) => rel.replace(markdown, '')));
    const companionRels: string[] = [];
    for (const rel of files) {
      if (taskRels.includes(rel)) continue;
      const role = ccpmFileRole(rel);
      if (typeof role !== 'object') continue;
      if ('reason' in role) otherFiles.push({ path: displayPath(join(dir, rel)), reason: role.reason });
      else {
        otherFiles.push({ path: displayPath(join(dir, rel)), reason: ccpmCompanionReason(role.kind, role.companion, stems.has(role.companion)) });
        if (stems.has(role.companion)) companionRels.push(rel);
      }
    }
    const tasks = taskFiles(dir, taskRels, problems).map(({ rel, slug }) => ({ ...read(rel)!, slug }));
    const layout = {
      format: ccpm.id,
      label: ccpm.label,
      reason: ccpmReason(taskRels.length, companionRels.length),
      title: null,
      file: displayPath(join(dir, 'epic.md')),
      idPrefix: '',
      companions: companionRels.map((rel) => read(rel)!),
    };
    return { ...base(), overview: read('epic.md'), tasks, layout, baseline: null, final: null, current: [], hooks: hooks() };
  },
};

/** A board of status folders: the files of its status folders that open with frontmatter are its tasks. */
const statusBoardFolder: FolderReader = {
  formats: [statusFolders.id],
  read({ dir, files, read, problems, otherFiles, hooks, base }) {
    if (!statusBoardOf(dir)) return null;
    const counts = new Map<string, number>();
    const taskRels = files.filter((rel) => {
      const role = statusFolderRole(rel);
      if (typeof role === 'object') {
        otherFiles.push({ path: displayPath(join(dir, rel)), reason: role.reason });
        return false;
      }
      const file = read(rel)!;
      if (!opensWithTaskFrontmatter(file.text)) {
        otherFiles.push({ path: file.path, reason: statusFolderDocumentReason(rel) });
        return false;
      }
      const folder = rel.split('/')[0]!;
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
      return true;
    });
    const tasks = taskFiles(dir, taskRels, problems).map(({ rel, slug }) => ({ ...read(rel)!, slug }));
    const layout = {
      format: statusFolders.id,
      label: statusFolders.label,
      reason: statusFoldersReason(counts),
      title: null,
      file: displayPath(dir),
      idPrefix: '',
    };
    return { ...base(), overview: null, tasks, layout, baseline: null, final: null, current: [], hooks: hooks() };
  },
};

/** A free-form package: an overview, one Markdown file per task, metrics files; every other file is listed. */
const taskFilesFolder: FolderReader = {
  formats: ['task-files'],
  read({ dir, files, atRoot, read, problems, otherFiles, hooks, base }) {
    const overview = overviewNames.map((pattern) => atRoot.find((rel) => pattern.test(rel))).find((rel) => rel !== undefined);
    const baseline = atRoot.find((rel) => /^baseline[-_]metrics\.json$/i.test(rel));
    const final = atRoot.find((rel) => /^final[-_]metrics\.json$/i.test(rel));
    // Metrics the phase updates while it runs: the achieved values until final-metrics.json has them.
    const current = files.filter((rel) => /^current[-_]metrics\.json$/i.test(rel) || /^metrics\/[^/]+\.json$/i.test(rel));
    const candidates = taskFiles(
      dir,
      files.filter((rel) => markdown.test(rel) && rel !== overview),
      problems,
    );
    // A copied .claude-flow/ holding claude-flow's task store: the store is the phase's task list, left out of the hook logs.
    const copiedStore = claudeFlowStoreOf(dir, true);
    for (const rel of files) {
      if (rel !== overview && rel !== baseline && rel !== final && !current.includes(rel) && !markdown.test(rel))
        otherFiles.push({ path: displayPath(join(dir, rel)), reason: notReadReason(rel) });
    }
    return {
      ...base(),
      overview: read(overview),
      tasks: candidates.map(({ rel, slug }) => ({ ...read(rel)!, slug })),
      baseline: read(baseline),
      final: read(final),
      current: current.map((rel) => read(rel)!),
      ...(copiedStore ? { taskList: { format: 'claude-flow-tasks', reason: copiedStore.reason, file: read(copiedStoreRel)! } } : {}),
      hooks: hooks(copiedStore ? [join(dir, copiedStoreRel)] : []),
    };
  },
};

/** Every reader of a phase folder, in the order they are tried; the free-form reader last, as it reads any folder. */
const folderReaders: readonly FolderReader[] = [
  taskListFolder,
  taskmasterFolder,
  claudeTasksFolder,
  backlogFolder,
  bmadFolder,
  ccpmFolder,
  statusBoardFolder,
  taskFilesFolder,
];

/**
 * Reads one package folder: the first reader whose format the folder is reads it (only the pinned one when the team's
 * "formats" pins one for the folder); every file in it is the overview, a task, a metrics file, a hook log, or listed as
 * not read.
 */
export function readPackage(
  dir: string,
  phaseId: string,
  root: string = dir,
  part?: string,
  pins: Readonly<Record<string, string>> = readingFromEnv().formats,
  { hooks: withHooks = true }: { hooks?: boolean } = {},
): PackageFiles {
  const problems: Issue[] = [];
  const otherFiles: { path: string; reason: string }[] = [];
  const files = listPhaseFiles(dir, root, problems, otherFiles);
  const read = (rel: string | undefined): SourceFile | null => {
    if (rel === undefined) return null;
    const path = join(dir, rel);
    // A file far past any authored file's limit is not read at all: a string cannot hold some of them whole.
    const size = statSync(path).size;
    if (size > maxAuthoredBytes) {
      problems.push({
        file: displayPath(path),
        line: 1,
        column: 1,
        severity: 'error',
        message: `The file is ${(size / 1e6).toFixed(1)} MB; Cairn reads task, overview and metrics files of at most ${maxAuthoredBytes / 1e6} MB, so it was not read.`,
        hint: 'Check that this is the right file: logs and data belong in hooks/ or in a file of their own.',
      });
      return { path: displayPath(path), text: '' };
    }
    const decoded = decodeText(readFileSync(path), displayPath(path));
    if (decoded.issue) problems.push(decoded.issue);
    return { path: displayPath(path), text: decoded.text };
  };
  const context: FolderContext = {
    dir,
    phaseId,
    root,
    part,
    files,
    atRoot: files.filter((rel) => !rel.includes('/')),
    read,
    problems,
    otherFiles,
    hooks: (skip = []) => (withHooks ? hookFolders.flatMap((name) => readHookSources(join(dir, name), root, skip)) : []),
    base: () => ({ phaseId, dir: displayPath(dir), problems, otherFiles }),
  };
  const pin = pinFor(dir, pins);
  for (const reader of folderReaders) {
    if (pin !== null && !reader.formats.includes(pin.format)) continue;
    const found = reader.read(context, pin?.format ?? null);
    if (found) return found;
  }
  // Pinned to a format the folder is not in: said at the pin, and nothing is guessed instead.
  problems.push({
    file: displayPath(dir),
    line: 1,
    column: 1,
    severity: 'error',
    message: `"formats" in cairn.config.json reads this folder as ${pin!.format} ("${pin!.glob}"), but it is not a folder of that format, so no task was read.`,
    hint: 'Run `cairn doctor` on the folder to see what Cairn finds without the pin, and fix the pin or the folder.',
  });
  for (const rel of files)
    otherFiles.push({ path: displayPath(join(dir, rel)), reason: `not read: the folder is pinned to ${pin!.format}, which does not read it` });
  return { ...context.base(), overview: null, tasks: [], baseline: null, final: null, current: [], hooks: context.hooks() };
}

/** The team's pin for a phase folder: the first glob of "formats" (absolute, from the config's folder) the folder matches. */
function pinFor(dir: string, pins: Readonly<Record<string, string>>): { glob: string; format: string } | null {
  const path = resolve(dir);
  for (const [glob, format] of Object.entries(pins)) if (matchesGlob(path, glob) || matchesGlob(path, glob.replace(/\/\*\*$/, ''))) return { glob, format };
  return null;
}

/**
 * The task files among `rels` with their page slugs: the file name (as `pageName` makes it), or the path in the
 * folder when two files share a name. A name that cannot be an address, and two files with one page, are errors.
 */
function taskFiles(
  dir: string,
  rels: readonly string[],
  problems: Issue[],
  pageName: (name: string) => string = (name) => name,
): { rel: string; slug: string }[] {
  const nameOf = (rel: string) => pageName(basename(rel).replace(markdown, ''));
  const candidates = rels.filter((rel) => {
    const problem = routeNameProblem(nameOf(rel));
    if (problem)
      problems.push({
        file: printable(redactText(displayPath(join(dir, rel)))),
        line: 1,
        column: 1,
        severity: 'error',
        message: `The file cannot be published: ${problem}.`,
        hint: 'Rename the file, e.g. "task-7.5-release.md".',
      });
    return problem === null;
  });
  const names = candidates.map(nameOf);
  const slugs = candidates.map((rel, index) =>
    names.indexOf(names[index]!) === names.lastIndexOf(names[index]!) ? names[index]! : pageName(rel.replace(markdown, '').replaceAll('/', '-')),
  );
  // Pages are files: "task-7.5.md" and "task-7.5.MD" would be one page, and one of them lost.
  const seen = new Map<string, string>();
  return candidates.flatMap((rel, index) => {
    const key = nameKey(slugs[index]!);
    const twin = seen.get(key);
    if (twin === undefined) {
      seen.set(key, rel);
      return [{ rel, slug: slugs[index]! }];
    }
    problems.push({
      file: displayPath(join(dir, rel)),
      line: 1,
      column: 1,
      severity: 'error',
      message: `This file and ${twin} would have the same page (${slugs[index]}), so one of them would be lost.`,
      hint: 'Rename one of the two files; names that differ only in upper and lower case share a page.',
    });
    return [];
  });
}

/** Why a file in a phase folder is not read, in the words the data-quality panel shows. */
function notReadReason(rel: string): string {
  if (/\.json$/i.test(rel))
    return 'not read: JSON outside hooks/ other than baseline-metrics.json, final-metrics.json, current-metrics.json and metrics/*.json';
  if (/(?:^|\/)\.(?:gitkeep|keep|DS_Store)$/.test(rel)) return 'not read: a placeholder or system file';
  return 'not read: not Markdown, and not in hooks/';
}

/**
 * Every file under a phase folder, relative to it and in path order, hidden ones included; hook folders are left to
 * the hook reader. Links out of the content root are problems; links to folders and anything that is not a regular
 * file (a pipe, a device) are listed as not read and never opened.
 */
function listPhaseFiles(dir: string, root: string, problems: Issue[], otherFiles: { path: string; reason: string }[], prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const path = join(dir, rel);
    if (prefix === '' && hookFolders.includes(entry.name) && entry.isDirectory()) continue;
    const link = linkProblem(path, root);
    if (link?.reason === 'link out of the content root') {
      problems.push(linkOutsideIssue(path));
      continue;
    }
    if (link) {
      otherFiles.push({ path: displayPath(path), reason: `not read: a ${link.reason.replace(/^link/, 'symbolic link')}` });
      continue;
    }
    if (entry.isDirectory()) {
      found.push(...listPhaseFiles(dir, root, problems, otherFiles, rel));
      continue;
    }
    let kind: 'file' | 'folder' | 'special';
    try {
      const stat = statSync(path);
      kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'special';
    } catch {
      kind = 'special';
    }
    if (kind === 'file') found.push(rel);
    else otherFiles.push({ path: displayPath(path), reason: kind === 'folder' ? 'not read: a link to a folder' : 'not read: not a regular file' });
  }
  return found;
}
