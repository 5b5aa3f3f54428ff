/** The data-quality panel: every hook-log source with what was read, and how fresh the data is. */
import { formatTimestamp } from '../format/format.ts';
import { staleWarning } from '../model/freshness.ts';
import type { DataQuality, Phase } from '../schema/model.ts';
import { hookFormatLabel } from '../hooks/formats.ts';
import { commitLabel, SHALLOW_CLONE } from '../model/history.ts';

export interface DataQualityView {
  phaseId: string;
  quality: DataQuality;
  /** The stale sentence, or null while the logs are fresh. */
  stale: string | null;
  newestEvent: string;
  /** "12 records read from 2 file(s): 10 imported, 2 skipped." */
  totals: string;
  /**
   * Each log, with what its format is in words (hooks/formats.ts); a repository-wide log's counts are the whole log's,
   * with `share` saying how many of its events are this phase's.
   */
  sources: (DataQuality['sources'][number] & { formatLabel: string; reasons: [string, number][]; redacted: [string, number][]; share: string | null })[];
  /** Which reader read the tasks, and why: "Spec Kit tasks.md read specs/001/tasks.md: it lists 24 tasks as …". */
  readers: string[];
  /** What the repository's history gave: "Dates from git: 6 commits that touched the folder, 2 Mar 2026 … 20 Mar 2026." */
  history: string | null;
  /** Said when the history is cut short by a shallow clone, with the fix. */
  shallow: string | null;
}

/**
 * What a repository-wide log's row on a phase's panel counts: "repository log, counted whole: 35 of its events went to
 * this phase's tasks". A version frozen before the whole log was counted holds the phase's share in its counts.
 */
export function sharedLogShare(events: number | undefined): string {
  if (events === undefined) return "repository log: the records of this phase's tasks";
  return `repository log, counted whole: ${events} of its events went to this phase's tasks`;
}

export function buildDataQualityView(phase: Pick<Phase, 'id' | 'dataQuality' | 'buildAsOf'>): DataQualityView {
  const quality = phase.dataQuality;
  const sum = (pick: (source: DataQuality['sources'][number]) => number) => quality.sources.reduce((total, source) => total + pick(source), 0);
  return {
    phaseId: phase.id,
    quality,
    stale: quality.stale ? staleWarning(phase) : null,
    newestEvent: formatTimestamp(quality.newestEvent),
    totals: `${sum((source) => source.records)} records read from ${quality.sources.length} file(s): ${sum((source) => source.imported)} imported, ${sum((source) => source.skipped)} skipped.`,
    sources: quality.sources.map((source) => ({
      ...source,
      formatLabel: hookFormatLabel(source.format),
      reasons: Object.entries(source.skippedReasons),
      redacted: Object.entries(source.redactions),
      share: source.shared ? sharedLogShare(source.phaseEvents) : null,
    })),
    readers: quality.readers.map((reader) => `${reader.label}${reader.files.length > 0 ? ` from ${reader.files.join(', ')}` : ''}: ${reader.reason}.`),
    history: quality.history
      ? `Dates from git: ${quality.history.commits === 1 ? 'one commit' : `${quality.history.commits} commits`} touched this folder, from ${formatTimestamp(quality.history.first.time)} (${commitLabel(quality.history.first)}) to ${formatTimestamp(quality.history.last.time)} (${commitLabel(quality.history.last)}).`
      : null,
    shallow: quality.history?.shallow ? SHALLOW_CLONE : null,
  };
}
