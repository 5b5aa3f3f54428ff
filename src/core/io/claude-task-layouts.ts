/**
 * Where claude-flow v3 and Claude Code keep their task lists, and the phases a content root of them gives:
 * claude-flow's store `.claude-flow/tasks/store.json` (a repository root holding it, its `.claude-flow/` or its
 * `tasks/` folder is one phase, named by the repository's folder), and Claude Code's lists, `~/.claude/tasks/<list-id>/`
 * with one `<id>.json` per task (a list folder is one phase, named by its list id; a folder of lists, such as a copied
 * `~/.claude/tasks/`, is one phase per list). What each file says decides, never the folder's name alone.
 */
import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from './display-path.ts';
import { linkOutsideIssue, staysInside } from './inside-root.ts';
import { phaseNameProblem } from './names.ts';
import { printable } from '../text/look-alike.ts';
import { redactText } from '../redact/redact.ts';
import { claudeFlowTasks } from '../formats/claude-flow-tasks.ts';
import { isClaudeCodeTask, isTaskFileName } from '../formats/claude-code-tasks.ts';
import type { Issue } from '../schema/model.ts';
import type { ImportResult } from '../schema/package-files.ts';
import type { PackageDir } from './read-package.ts';

/** Where a phase folder that holds a copied `.claude-flow/` keeps the store, relative to it. */
export const copiedStoreRel = '.claude-flow/tasks/store.json';

/** Largest task file looked at to tell its format; a larger one is read (and its size reported) by the phase's reader. */
const maxDetectBytes = 8_000_000;

function textOf(path: string): string | null {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= maxDetectBytes ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

/**
 * The claude-flow task store of a phase folder, relative to it: `tasks/store.json` when the folder is a repository's
 * `.claude-flow/` (its other files are claude-flow's logs), `store.json` when it is the store's own `tasks/` folder, or
 * `.claude-flow/tasks/store.json` (`copied`) in a folder that holds a copied `.claude-flow/`; null when it has none.
 */
export function claudeFlowStoreOf(dir: string, copied = false): { rel: string; reason: string } | null {
  const rel = copied ? copiedStoreRel : basename(resolve(dir)) === '.claude-flow' ? 'tasks/store.json' : 'store.json';
  const text = textOf(join(dir, rel));
  const reason = text === null ? null : claudeFlowTasks.detect('store.json', text);
  return reason ? { rel, reason: copied ? `${rel}: ${reason}` : reason } : null;
}

/** Claude Code's task files at the top of a phase folder ("1.json", "2.json", …), in id order; null when there are none. */
export function claudeCodeListOf(dir: string): { rels: string[]; reason: string } | null {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && isTaskFileName(entry.name))
      .map((entry) => entry.name);
  } catch {
    return null;
  }
  const rels = names
    .filter((name) => {
      const text = textOf(join(dir, name));
      return text !== null && isClaudeCodeTask(name, text);
    })
    .toSorted((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (rels.length === 0) return null;
  const named = rels.length <= 3 ? rels.join(', ') : `${rels[0]} … ${rels.at(-1)}`;
  return {
    rels,
    reason: `${rels.length} task file${rels.length === 1 ? '' : 's'} (${named}), each a task object with "subject", "status", "blocks" and "blockedBy", as Claude Code's task tools write one file per task`,
  };
}

/** Why a file of a Claude Code list folder other than its task files is not read, in the words the data-quality panel shows. */
export function claudeCodeOtherReason(rel: string): string {
  if (rel === '.lock') return "not read: Claude Code's lock file (empty; it keeps two sessions from writing at once)";
  if (rel === '.highwatermark') return "not read: Claude Code's highest task id ever given (a deleted task's id is not given again)";
  if (/\.json$/i.test(rel)) return 'not read: JSON that is not one of Claude Code\'s task objects ("subject", "status", "blocks", "blockedBy")';
  return 'not read: not a task file of the Claude Code list (its tasks are the <id>.json files)';
}

/** Why a file of the store's own folder other than store.json is not read. */
export function claudeFlowOtherReason(): string {
  return "not read: not part of claude-flow's task store (its tasks are in store.json)";
}

/** The skip reasons of a file that holds no log at all (as opposed to a log that is damaged), in the hook reader's words. */
const noLogReasons: Readonly<Record<string, string>> = {
  'not a hook log': 'not SQLite, JSON or NDJSON',
  'unknown JSON shape': 'JSON of a shape that holds no log Cairn reads',
};

/**
 * A repository's .claude-flow/ read for its task store: the hook reader reads every other file of it, and the files
 * claude-flow keeps for its own state and notes (config.yaml, daemon.pid, agents/store.json, hive-mind/state.json,
 * CAPABILITIES.md …) hold no log. Those the reader found no log in (and nothing damaged) are listed as not read, with
 * why, instead of a warning the team cannot act on; every file it read, or found damaged, stays with the hook logs.
 */
export function claudeFlowStateFiles(results: readonly ImportResult[]): { logs: ImportResult[]; notRead: { path: string; reason: string }[] } {
  const logs: ImportResult[] = [];
  const notRead: { path: string; reason: string }[] = [];
  for (const result of results) {
    const { report } = result;
    const reasons = Object.keys(report.skippedReasons);
    const noLog =
      report.format === 'unknown' &&
      report.imported === 0 &&
      reasons.length > 0 &&
      reasons.every((reason) => reason in noLogReasons) &&
      report.warnings.length <= 1;
    if (!noLog) {
      logs.push(result);
      continue;
    }
    notRead.push({
      path: report.path,
      reason: `not read: in claude-flow's folder beside its task store, it holds no log Cairn reads (${reasons.map((reason) => noLogReasons[reason]).join('; ')}); the tasks are in tasks/store.json`,
    });
  }
  return { logs, notRead };
}

/** A phase name from a folder name, or null when it cannot be one. */
function phaseName(name: string): string | null {
  return phaseNameProblem(name) === null ? name : null;
}

/**
 * The phase of a content root holding claude-flow's task store: the repository root (`.claude-flow/tasks/store.json`),
 * its `.claude-flow/`, or the `tasks/` folder itself. The phase folder is `.claude-flow/` (its other folders are the
 * phase's hook logs), or `tasks/` when the content is that folder; the phase is named by the repository's folder
 * (`claude-flow` when that name cannot be an address).
 */
export function claudeFlowStoreFolders(root: string): { dirs: PackageDir[]; issues: Issue[] } {
  const full = resolve(root);
  const candidates = [
    {
      dir: root,
      repository:
        basename(full) === 'tasks' && basename(dirname(full)) === '.claude-flow'
          ? dirname(dirname(full))
          : basename(full) === '.claude-flow'
            ? dirname(full)
            : full,
    },
    { dir: join(root, '.claude-flow'), repository: full },
  ];
  for (const { dir, repository } of candidates) {
    const rel = basename(resolve(dir)) === '.claude-flow' ? 'tasks/store.json' : 'store.json';
    const path = join(dir, rel);
    if (!existsSync(path)) continue;
    if (![dir, join(dir, 'tasks'), path].filter((each) => each === dir || each === path || rel !== 'store.json').every((each) => staysInside(each, root)))
      return { dirs: [], issues: [linkOutsideIssue(path)] };
    if (!claudeFlowStoreOf(dir)) continue;
    return { dirs: [{ dir, phaseId: phaseName(basename(repository).replace(/^\.+/, '')) ?? 'claude-flow' }], issues: [] };
  }
  return { dirs: [], issues: [] };
}

/**
 * The phases of a content root of Claude Code task lists: the root itself when it is one list folder, else each folder
 * in it (or in its `.claude/tasks/`) that is one. A folder with no task file (Claude Code leaves `.lock` and
 * `.highwatermark` behind in every session's folder) is named in a warning.
 */
export function claudeCodeTaskFolders(root: string): { dirs: PackageDir[]; issues: Issue[] } {
  if (claudeCodeListOf(root)) return { dirs: [{ dir: root, phaseId: phaseName(basename(resolve(root)).replace(/^\.+/, '')) ?? 'tasks' }], issues: [] };
  const base = existsSync(join(root, '.claude', 'tasks')) ? join(root, '.claude', 'tasks') : root;
  if (!staysInside(base, root)) return { dirs: [], issues: [linkOutsideIssue(base)] };
  const dirs: PackageDir[] = [];
  const issues: Issue[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(base, { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return { dirs: [], issues: [] };
  }
  for (const entry of entries) {
    const path = join(base, entry.name);
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (!staysInside(path, root)) {
      issues.push(linkOutsideIssue(path));
      continue;
    }
    if (!claudeCodeListOf(path)) {
      issues.push({
        file: displayPath(path),
        line: 1,
        column: 1,
        severity: 'warning',
        message: `The folder ${entry.name} holds no Claude Code task file, so it is not read as a phase.`,
        hint: 'Claude Code leaves a folder with only .lock and .highwatermark for a session that made no task; a list folder holds 1.json, 2.json, ….',
      });
      continue;
    }
    const problem = phaseNameProblem(entry.name);
    if (problem) {
      issues.push({
        file: printable(redactText(displayPath(path))),
        line: 1,
        column: 1,
        severity: 'error',
        message: `The task list folder cannot be published: ${problem}.`,
        hint: 'Rename the folder (the list id), e.g. "my-project".',
      });
      continue;
    }
    dirs.push({ dir: path, phaseId: entry.name });
  }
  return { dirs, issues: dirs.length > 0 ? issues : [] };
}
