/** The home page: every phase with its status and progress, and what changed since the newest frozen version. */
import { siteAsOf } from '../model/freshness.ts';
import type { Phase, TaskStatus } from '../schema/model.ts';
import { diffLive } from '../versions/diff.ts';
import type { Snapshot } from '../versions/snapshot.ts';
import { buildChangesView, type ChangesView } from './changes.ts';
import { healthLabels } from './glance.ts';
import { buildPhaseSummary, phaseLine } from './summary.ts';

export interface PhaseListItem {
  id: string;
  title: string;
  status: TaskStatus;
  progressPercent: number;
  line: string;
  health: { state: string; label: string; reason: string } | null;
}

export interface HomeView {
  asOf: string | null;
  phases: PhaseListItem[];
  /** Changes since the newest frozen version, or null when none is frozen. */
  changes: ChangesView | null;
  /** Whether the site reads repository-wide hook logs (and so has a data-quality page of its own). */
  sharedHooks: boolean;
}

/** `newest`: the newest frozen version; `liveReleases`: versions of the releases out now; `sharedHooks`: see HomeView. */
export function buildHomeView(phases: readonly Phase[], newest: Snapshot | null, liveReleases: readonly string[], sharedHooks = false): HomeView {
  return {
    asOf: siteAsOf(phases),
    phases: phases.map(phaseListItem),
    changes: newest ? buildChangesView(diffLive(newest, phases, liveReleases)) : null,
    sharedHooks,
  };
}

/** A phase in a list of phases (home, a version's page): status, health with why, progress. */
export function phaseListItem(phase: Phase): PhaseListItem {
  return {
    id: phase.id,
    title: phase.title,
    status: phase.status,
    progressPercent: buildPhaseSummary(phase).progressPercent,
    line: phaseLine(phase),
    health: phase.health && { ...phase.health, label: healthLabels[phase.health.state] },
  };
}
