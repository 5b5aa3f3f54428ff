/** The whole site as read once (pipeline/load-site.ts), for the route table (views/routes.ts). */
import type { Changelog, Release } from '../releases/schema.ts';
import type { Issue, Phase, SharedHooks, TaskStatus } from '../schema/model.ts';
import type { Clock } from '../schema/package-files.ts';
import type { Snapshot } from './snapshot.ts';

/** A frozen version as the site lists it, without its phases' tasks: the snapshot is read when a page shows it. */
export interface VersionInfo {
  version: string;
  frozenAt: string;
  /** Hash of the snapshot file (or the tag's commit): what a page of this version shows changes only with it. */
  digest: string;
  /** The tag the version was made from, when no snapshot file freezes it; null for a snapshot file. */
  tag: { name: string; commit: { hash: string; time: string; author: string } } | null;
  phases: {
    id: string;
    title: string;
    status: TaskStatus;
    progress: number;
    tasks: number;
    scope: { tasks: number; days: number | null };
    metrics: Record<string, number | string | null>;
    /** The Monte Carlo forecast the version made for the phase (its P50, P85 and P95 ends), or null. */
    simulation: { p50: string; p85: string; p95: string } | null;
  }[];
}

export interface Site {
  /** The site's name in page titles and the header. */
  name: string;
  /** Every phase, in the content's order, with its event lists; paths in them are from the content root. */
  phases: Phase[];
  /** Markdown of each task as its page shows it, keyed by `${phaseId}/${taskId}`. */
  bodies: Map<string, string>;
  releases: Release[];
  changelog: Changelog | null;
  /** The repository-wide hook logs and where their events went; null without any. */
  shared: SharedHooks | null;
  /** Frozen versions, oldest first. */
  versions: VersionInfo[];
  /** How many changes each version brings over the one before it (null for the first), oldest first. */
  changeCounts: (number | null)[];
  /** The whole snapshot of a version of the index. */
  snapshot(version: string): Snapshot;
  /** The time the live site is judged at, and where it came from. */
  clock: Clock;
  /** Every problem found, errors and warnings, as the core reports them. */
  issues: Issue[];
}
