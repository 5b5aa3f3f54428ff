/**
 * Versions from the repository's tags: every tag that matches the pattern ("v*" by default, cairn.config.json's
 * `tags`) and that the commit built contains is a version, named without its "v" (v1.2.0 → 1.2.0). Its state is the
 * content as it was at the tag, read with its history up to the tag and judged at the tag's commit time, frozen as
 * `cairn snapshot` freezes it. Nothing is committed and nothing is written into the repository, so CI keeps every
 * version. A frozen file in snapshots/ for the same version wins (it can hold hook logs the repository never had).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { copyAt, forgetCopy, repoOf, tagsAt, type CommitRef, type GitRepo } from '../io/git.ts';
import { readReleases } from '../io/read-releases.ts';
import { relativeToRoot } from '../io/root-relative.ts';
import { freezeSnapshot, newVersionProblem, type Snapshot } from '../versions/snapshot.ts';
import { loadContent } from './load-content.ts';
import { cachedByText, type PhaseCache } from './phase-cache.ts';
import { isCairnsOwn } from './own-content.ts';

export interface TagVersion {
  version: string;
  tag: string;
  commit: CommitRef;
}

/** The tag pattern: cairn.config.json's `tags` (CAIRN_TAGS), else "v*". */
export function tagPattern(env: Record<string, string | undefined> = process.env): string {
  return env.CAIRN_TAGS?.trim() || 'v*';
}

/** The version a tag names: without its "v" when what follows is a version ("v1.2.0" → "1.2.0"); else the tag itself, when it is one. */
function versionOfTag(tag: string): string | null {
  const bare = /^v\d/i.test(tag) ? tag.slice(1) : tag;
  return newVersionProblem(bare) === null ? bare : null;
}

/** The repository of content under `root`, when its tags are versions: none for content that ships with Cairn. */
function tagRepo(root: string): GitRepo | null {
  return isCairnsOwn(root) ? null : repoOf(root);
}

/** The tagged versions of the content under `root`, oldest first (one per version: the newest tag that names it). */
export function tagVersions(root: string, pattern = tagPattern()): TagVersion[] {
  const repo = tagRepo(root);
  if (!repo) return [];
  const byVersion = new Map<string, TagVersion>();
  for (const { tag, commit } of tagsAt(repo, pattern)) {
    const version = versionOfTag(tag);
    if (version !== null) byVersion.set(version, { version, tag, commit });
  }
  return [...byVersion.values()];
}

/** The frozen state of a tagged version, made once per commit and content folder and kept in the cache. */
export function tagSnapshot(root: string, tagged: TagVersion, cache: PhaseCache | null): Snapshot {
  const repo = tagRepo(root)!;
  const path = relative(repo.paths, root).split(sep).join('/');
  return cachedByText(cache, 'tag-version', `${tagged.commit.hash}\0${path}\0${tagged.version}`, () => freezeAt(repo, path, tagged));
}

function freezeAt(repo: GitRepo, path: string, { version, commit }: TagVersion): Snapshot {
  const copy = mkdtempSync(join(tmpdir(), 'cairn-tag-'));
  try {
    const root = copyAt(repo, commit.hash, path, copy);
    // Judged at the tag's own time, with the history up to it; the repository-wide logs are today's, not the tag's.
    const loaded = loadContent(root, commit.time, { cache: null, hooks: [] });
    const releases = readReleases(root)
      .releases.filter((release) => !release.unreleased)
      .map((release) => release.version);
    return freezeSnapshot({ version, phases: relativeToRoot(loaded.phases, root), releases });
  } finally {
    forgetCopy(copy);
    rmSync(copy, { recursive: true, force: true });
  }
}
