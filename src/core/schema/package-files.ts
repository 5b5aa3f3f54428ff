/** What the pipeline hands the model for one phase: the package's files as text, and its hook logs already imported. */
import type { HookEvent, Issue, SourceReport, TaskStatus } from './model.ts';

/** What one hook-log file gave: its events and the report of every record read. */
export interface ImportResult {
  report: SourceReport;
  events: HookEvent[];
}

/** A line of a hook log as it is read: its text (without the line ending), or, past the length limit, only how long it was. */
export type Line = { number: number; text: string } | { number: number; bytes: number };

export interface SourceFile {
  /** Path shown in messages, relative to the working directory. */
  path: string;
  text: string;
}

export interface PackageFiles {
  phaseId: string;
  /** The phase folder, for messages about files that are missing. */
  dir: string;
  overview: SourceFile | null;
  /** Task files; `slug` is the file name without extension. */
  tasks: (SourceFile & { slug: string })[];
  /**
   * A whole task list in one file (Spec Kit's or Kiro's tasks.md), with its format's id and why it was taken as one;
   * `files` when the list is kept one file per task (Claude Code's `<id>.json`), every one of them, `file` the first.
   */
  taskList?: { format: string; reason: string; file: SourceFile; part?: string; files?: SourceFile[] } | null;
  /**
   * A tool's folder whose tasks are one Markdown file each (a Backlog.md board): its format's id and name, why it was
   * taken as one, the phase title it gives, the file that says so, and the prefix of its task ids ("task"); BMAD's
   * sprint-status.yaml, whose statuses the stories are shown with; ccpm's analysis and update files, read with their
   * tasks.
   */
  layout?: {
    format: string;
    label: string;
    reason: string;
    title: string | null;
    file: string;
    idPrefix: string;
    sprintStatus?: SourceFile;
    companions?: SourceFile[];
  } | null;
  baseline: SourceFile | null;
  final: SourceFile | null;
  /** Metrics files the phase updates while it runs: current-metrics.json and metrics/*.json. */
  current?: SourceFile[];
  /** Hook logs of the phase, already imported (reading SQLite is I/O, so it happens before this pure step). */
  hooks: ImportResult[];
  /** Problems found while reading the folder (links out of the content root). */
  problems?: Issue[];
  /** Files in the folder that are not part of the package, with why (an image, a second overview). */
  otherFiles?: { path: string; reason: string }[];
  /** What the repository's history says of the folder's tasks, when the content is in a git repository. */
  history?: PhaseHistory | null;
}

/** A commit as evidence: its hash, its committer time (ISO 8601) and its author's name. */
export interface CommitEvidence {
  hash: string;
  time: string;
  author: string;
}

/** One task through the commits that touched its phase: the commit it first appeared in, and each status it had since. */
export interface TaskHistory {
  firstSeen: CommitEvidence;
  /** The task's status after each commit that changed it (the first is its status when it appeared), oldest first. */
  steps: { status: TaskStatus; commit: CommitEvidence; path: string }[];
}

/** A phase folder's history: the commits that touched it, read with the same readers as the folder is now. */
export interface PhaseHistory {
  /** Commits that touched the folder, up to the one being built. */
  commits: number;
  first: CommitEvidence;
  last: CommitEvidence;
  /** A shallow clone: the history starts at its oldest commit, not at the phase's first. */
  shallow: boolean;
  /** By task id. */
  tasks: Record<string, TaskHistory>;
}

/**
 * The site's "now" and where it came from: a time the build was given (CAIRN_AS_OF, SOURCE_DATE_EPOCH), the time of the
 * commit being built, the newest evidence read when it is newer than that commit (work not committed yet), the newest
 * evidence of a recording that ships with Cairn, or, outside a repository, the build's own clock.
 */
export interface Clock {
  time: string;
  source: 'given' | 'commit' | 'evidence' | 'recorded' | 'clock';
  /** The commit being built, when the content is in a git repository. */
  commit: CommitEvidence | null;
}
