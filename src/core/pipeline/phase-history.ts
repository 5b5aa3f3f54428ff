/**
 * A phase folder through its git history: the folder is rebuilt commit by commit in a temporary folder (only the files
 * each commit added, changed or deleted are written), and read at each step with the same readers, and the same
 * status rule, as it is read now. What each task's status was after every commit gives the dates a format without
 * dates lacks: when a task appeared, when its checkbox was ticked, when its file moved to `completed/`. Hook logs and
 * stores are left out (they are not tasks, and can be large).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { readingFromEnv } from '../config/reading.ts';
import { displayPath } from '../io/display-path.ts';
import { commitsUnder, copyAt, filesAt, forgetCopy, repoOf, type ContentCommit, type GitRepo } from '../io/git.ts';
import { readGroup, writeGroup, type PhaseCache } from './phase-cache.ts';
import { isCairnsOwn } from './own-content.ts';
import { readPackage } from '../io/read-package.ts';
import { buildPhase } from '../model/build-phase.ts';
import type { CommitEvidence, PackageFiles, PhaseHistory, TaskHistory } from '../schema/package-files.ts';
import type { TaskStatus } from '../schema/model.ts';
import { withTaskFilesParsedOnce } from '../tasks/parse-task.ts';

/** Files a commit may change in a phase folder that hold no task: hook logs and stores. */
const notTasks = /(^|\/)(hooks|\.swarm|\.hive-mind)\/|\.(db|db-wal|db-shm|sqlite|sqlite3)$/i;

/** The phase's files as they are now, with what its history says when the content is in a git repository. */
export function readPhaseFiles(dir: string, phaseId: string, root: string, part?: string, cache: PhaseCache | null = null): PackageFiles {
  return { ...readPackage(dir, phaseId, root, part), history: readPhaseHistory(dir, phaseId, root, part, cache) };
}

/** The repository whose history is read for content under `root`, or null: outside one, and for content that ships with Cairn. */
function historyRepo(root: string): GitRepo | null {
  return isCairnsOwn(root) ? null : repoOf(root);
}

/** The commits of the content that touched `dir`, each with only its changes there. */
function commitsOf(repo: GitRepo, root: string, dir: string): ContentCommit[] {
  const prefix = `${toPosix(relative(repo.paths, dir))}/`;
  const inside = (path: string) => prefix === '/' || path.startsWith(prefix);
  return commitsUnder(repo, root).flatMap((commit) => {
    const changes = commit.changes.filter((change) => inside(change.path));
    return changes.length > 0 ? [{ ...commit, changes }] : [];
  });
}

/** What identifies the history a phase is read with: the newest commit that touched its folder ('' without history). */
export function historySignature(dir: string, root: string): string {
  const repo = historyRepo(root);
  if (!repo) return '';
  const last = commitsOf(repo, root, dir).at(-1);
  return last ? `${last.hash}${repo.shallow ? ' shallow' : ''}` : '';
}

/**
 * The folder's tasks through the commits that touched it, or null outside a repository or before its first commit.
 * With a cache, the history read last time (one entry per phase folder) is taken up where it ended, when that commit
 * is still in the history: a rebuild after one commit reads one commit.
 */
export function readPhaseHistory(dir: string, phaseId: string, root: string, part?: string, cache: PhaseCache | null = null): PhaseHistory | null {
  const repo = historyRepo(root);
  if (!repo) return null;
  const commits = commitsOf(repo, root, dir);
  if (commits.length === 0) return null;
  const path = toPosix(relative(repo.paths, dir));
  const group = `${repo.top}\0${path}\0${part ?? ''}`;
  const last = readGroup<PhaseHistory>(cache, 'history', group);
  const from = last ? commits.findIndex((commit) => commit.hash === last.last.hash) : -1;
  const scratch = mkdtempSync(join(tmpdir(), 'cairn-history-'));
  try {
    const history = withTaskFilesParsedOnce(() => {
      const start = { dir, phaseId, root, part, scratch, path };
      if (from === -1 || !last) return replay(repo, commits, start, null);
      // The folder as it was at the commit read last, then the commits since.
      copyAt(repo, last.last.hash, path, scratch, (file) => !notTasks.test(file.slice(path.length + 1)));
      return replay(repo, commits.slice(from + 1), start, structuredClone(last));
    });
    const whole = { ...history, commits: commits.length, first: evidenceOf(commits[0]!), shallow: repo.shallow };
    writeGroup(cache, 'history', group, whole);
    return whole;
  } finally {
    forgetCopy(scratch);
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Replay {
  dir: string;
  phaseId: string;
  root: string;
  part: string | undefined;
  scratch: string;
  /** The phase folder, relative to the repository. */
  path: string;
}

/** Writes each commit's changes into the scratch folder and reads the phase there after each one, from `before` on. */
function replay(
  repo: GitRepo,
  commits: readonly ContentCommit[],
  { dir, phaseId, root, part, scratch, path }: Replay,
  before: PhaseHistory | null,
): PhaseHistory {
  const prefix = path === '' ? '' : `${path}/`;
  const under = (changed: string) => !notTasks.test(changed.slice(prefix.length));
  const copyRoot = join(scratch, relative(repo.paths, root));
  const copyDir = join(scratch, relative(repo.paths, dir));
  mkdirSync(copyDir, { recursive: true });
  const wanted = commits.flatMap((commit) =>
    commit.changes.filter((change) => change.kind !== 'D' && under(change.path)).map((change) => ({ commit: commit.hash, path: change.path })),
  );
  const bytes = filesAt(repo, wanted);
  let next = 0;
  const tasks: Record<string, TaskHistory> = before?.tasks ?? {};
  const reading = readingFromEnv();
  const shown = new Map<string, string>();
  const realPath = (file: string) => shown.get(file) ?? shown.set(file, nameAt(file, copyRoot, root)).get(file)!;
  for (const commit of commits) {
    let changed = false;
    for (const change of commit.changes) {
      if (!under(change.path)) continue;
      const target = join(scratch, change.path);
      changed = true;
      if (change.kind === 'D') {
        rmSync(target, { force: true });
        continue;
      }
      const content = bytes[next++];
      if (content === null || content === undefined) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    if (!changed) continue;
    const files = readPackage(copyDir, phaseId, copyRoot, part, reading.formats, { hooks: false });
    const read = buildPhase(files, { buildAsOf: null, reading, redact: false }).phase;
    const evidence = evidenceOf(commit);
    for (const task of read?.tasks ?? []) record(tasks, task.id, task.status, evidence, realPath(task.file));
  }
  const first = before?.first ?? evidenceOf(commits[0]!);
  const last = commits.length > 0 ? evidenceOf(commits.at(-1)!) : before!.last;
  return { commits: commits.length, first, last, shallow: repo.shallow, tasks };
}

function evidenceOf({ hash, time, author }: CommitEvidence): CommitEvidence {
  return { hash, time, author };
}

/** Adds a task's status after a commit: its first appearance, or a step when the status changed. */
function record(tasks: Record<string, TaskHistory>, id: string, status: TaskStatus, commit: CommitEvidence, path: string): void {
  const known = tasks[id];
  if (!known) {
    tasks[id] = { firstSeen: commit, steps: [{ status, commit, path }] };
    return;
  }
  if (known.steps.at(-1)!.status !== status) known.steps.push({ status, commit, path });
}

/** A task's file as messages name it: the same place under the real content root as under the scratch copy. */
function nameAt(shown: string, copyRoot: string, root: string): string {
  const inCopy = relative(displayPath(copyRoot), shown);
  return inCopy.startsWith('..') ? shown : displayPath(join(root, inCopy));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
