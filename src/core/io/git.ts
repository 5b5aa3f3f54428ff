/**
 * The content's git repository, read with the `git` command (present on every CI runner): which repository holds a
 * folder, the commit being built, whether the clone is shallow, the commits that touched the content, and files as
 * they were at a commit. Read only: Cairn never writes into a repository. Every call is one process; a folder outside
 * a repository, or a machine without git, gives null and the build goes on without history.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isWithin } from './is-within.ts';

/** A commit as evidence: its hash, its committer time (ISO 8601) and its author's name. */
export interface CommitRef {
  hash: string;
  time: string;
  author: string;
}

/** A commit that touched the content, with the paths it added, changed or deleted (relative to the repository). */
export interface ContentCommit extends CommitRef {
  changes: { kind: 'A' | 'M' | 'D'; path: string }[];
}

export interface GitRepo {
  /** The repository's top folder, where git runs. */
  top: string;
  /**
   * The folder whose layout is the repository's: the top itself, or a copy of the content as it was at a commit
   * (`cairn build --at`, a tag's version), whose paths are read as the repository's.
   */
  paths: string;
  /** The commit being built. */
  head: CommitRef;
  /** A shallow clone holds only the newest commits: history then starts at its oldest. */
  shallow: boolean;
}

/** Output larger than a pipe's buffer is common here (a long log, many files at once). */
const maxBuffer = 1 << 30;

function git(cwd: string, args: readonly string[], input?: string): Buffer | null {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      input,
      maxBuffer,
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: 120_000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch {
    return null;
  }
}

const repos = new Map<string, GitRepo | null>();

/**
 * Forgets the repositories and commits read so far: each read of the content (a build, a reload of `cairn dev`) calls
 * it first, so a commit made since is seen.
 */
export function forgetRepos(): void {
  repos.clear();
}

/** Copies of the content at a commit (copyAt), with the repository and commit they are read as. */
const copies = new Map<string, { top: string; commit: string }>();

/**
 * The repository that holds `dir` and the commit checked out there; null outside one (or without git, or no commit yet).
 * A folder inside a copy made by copyAt is read as the repository at the copy's commit. `CAIRN_AT` names such a copy
 * for every process of a `cairn build --at` (JSON: the copy's folder, the repository's top, the commit).
 */
export function repoOf(dir: string): GitRepo | null {
  if (process.env.CAIRN_NO_GIT === '1') return null;
  if (repos.has(dir)) return repos.get(dir)!;
  const copy = copyHolding(dir);
  const at = copy ? copy.top : dir;
  const out = git(at, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])?.toString('utf8').trim().split('\n');
  const head =
    out && out.length === 2
      ? git(at, ['log', '-1', '--format=%H%x1f%ct%x1f%an', copy?.commit ?? 'HEAD'])
          ?.toString('utf8')
          .trim()
      : null;
  const repo = out && head ? { top: out[0]!, paths: copy?.folder ?? out[0]!, head: commitRef(head.split('\x1f')), shallow: out[1] === 'true' } : null;
  repos.set(dir, repo);
  return repo;
}

function copyHolding(dir: string): { folder: string; top: string; commit: string } | null {
  const named = process.env.CAIRN_AT ? (JSON.parse(process.env.CAIRN_AT) as { folder: string; top: string; commit: string }) : null;
  if (named && isWithin(dir, named.folder)) return named;
  for (const [folder, copy] of copies) if (isWithin(dir, folder)) return { folder, ...copy };
  return null;
}

/** The commit a revision names (a tag, a branch, a hash), or null when the repository has none by that name. */
export function commitOf(repo: GitRepo, rev: string): CommitRef | null {
  if (rev.startsWith('-')) return null;
  const out = git(repo.top, ['log', '-1', '--format=%H%x1f%ct%x1f%an', `${rev}^{commit}`, '--'])
    ?.toString('utf8')
    .trim();
  return out ? commitRef(out.split('\x1f')) : null;
}

/** The tags matching `pattern` (a glob, "v*") that the commit built contains, oldest commit first, with the commit each names. */
export function tagsAt(repo: GitRepo, pattern: string): { tag: string; commit: CommitRef }[] {
  const out = git(repo.top, [
    'for-each-ref',
    `--merged=${repo.head.hash}`,
    '--format=%(refname:strip=2)%1f%(objectname)%1f%(*objectname)',
    `refs/tags/${pattern}`,
  ]);
  if (!out) return [];
  return out
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .flatMap((line) => {
      const [tag = '', object = '', peeled = ''] = line.split('\x1f');
      const commit = commitOf(repo, peeled || object);
      return commit ? [{ tag, commit }] : [];
    })
    .toSorted((a, b) => (a.commit.time < b.commit.time ? -1 : a.commit.time > b.commit.time ? 1 : a.tag < b.tag ? -1 : 1));
}

/**
 * Writes the files under `path` (relative to the repository) as they were at `commit` into `into`, laid out as in the
 * repository, and has folders under `into` read as the repository at that commit. Links and submodules are left out,
 * as the content never follows a link out of itself, and so are the paths `keep` refuses. Returns the copy of `path`.
 */
export function copyAt(repo: GitRepo, commit: string, path: string, into: string, keep: (path: string) => boolean = () => true): string {
  const listed = git(repo.top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', path || '.']);
  const entries = (listed?.toString('utf8').split('\0') ?? [])
    .map((entry) => /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null && match[1] !== '120000' && keep(match[3]!));
  const bytes = filesAt(
    repo,
    entries.map((match) => ({ commit, path: match[3]! })),
  );
  entries.forEach((match, index) => {
    const content = bytes[index];
    if (!content) return;
    const target = join(into, match[3]!);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  });
  mkdirSync(join(into, path), { recursive: true });
  copies.set(into, { top: repo.top, commit });
  return join(into, path);
}

/** Forgets a copy made by copyAt (its folder is the caller's to remove). */
export function forgetCopy(into: string): void {
  copies.delete(into);
  for (const dir of [...repos.keys()]) if (isWithin(dir, into)) repos.delete(dir);
}

function commitRef([hash = '', seconds = '0', author = '']: readonly string[]): CommitRef {
  return { hash, time: new Date(Number(seconds) * 1000).toISOString(), author };
}

const logs = new Map<string, ContentCommit[]>();

/**
 * Every commit up to the one checked out that added, changed or deleted a file under `dir`, oldest first (renames are a
 * deletion and an addition). Kept per folder and commit for the life of the process.
 */
export function commitsUnder(repo: GitRepo, dir: string): ContentCommit[] {
  const path = relative(repo.paths, dir).split(sep).join('/') || '.';
  const key = `${repo.head.hash}\0${repo.top}\0${path}`;
  const known = logs.get(key);
  if (known) return known;
  const out = git(repo.top, ['log', '--reverse', '--no-renames', '--name-status', '-z', '--format=%x1e%H%x1f%ct%x1f%an', repo.head.hash, '--', path]);
  const commits = out ? parseLog(out.toString('utf8')) : [];
  logs.set(key, commits);
  return commits;
}

/** `git log -z --name-status` with the format above: a record per commit, its header, then kind and path pairs. */
function parseLog(text: string): ContentCommit[] {
  return text
    .split('\x1e')
    .filter((record) => record.length > 0)
    .map((record) => {
      const end = record.indexOf('\0');
      const header = record.slice(0, end === -1 ? record.length : end).split('\x1f');
      const fields =
        end === -1
          ? []
          : record
              .slice(end + 1)
              .replace(/^\n/, '')
              .split('\0');
      const changes: ContentCommit['changes'] = [];
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const kind = fields[i]!.charAt(0);
        if (kind === 'A' || kind === 'M' || kind === 'D') changes.push({ kind, path: fields[i + 1]! });
        else if (kind === 'T') changes.push({ kind: 'M', path: fields[i + 1]! });
      }
      return { ...commitRef(header), changes };
    });
}

/** The bytes of each `path` (relative to the repository) as it was at `commit`, in one `git cat-file`; null where it is not a file there. */
export function filesAt(repo: GitRepo, wanted: readonly { commit: string; path: string }[]): (Buffer | null)[] {
  if (wanted.length === 0) return [];
  const out = git(repo.top, ['cat-file', '--batch'], wanted.map(({ commit, path }) => `${commit}:${path}\n`).join(''));
  if (!out) return wanted.map(() => null);
  const files: (Buffer | null)[] = [];
  let at = 0;
  for (let i = 0; i < wanted.length; i++) {
    const lineEnd = out.indexOf(0x0a, at);
    // "<hash> <type> <size>" before the bytes, or "<what was asked> missing" (a folder there, or no such path).
    const header = out.subarray(at, lineEnd).toString('utf8');
    at = lineEnd + 1;
    const [, type, size] = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header) ?? [];
    if (type === undefined) {
      files.push(null);
      continue;
    }
    files.push(type === 'blob' ? out.subarray(at, at + Number(size)) : null);
    at += Number(size) + 1;
  }
  return files;
}
