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
  /** Each log, with what its format is in words (hooks/formats.ts). */
  sources: (DataQuality['sources'][number] & { formatLabel: string; reasons: [string, number][]; redacted: [string, number][] })[];
  /** Which reader read the tasks, and why: "Spec Kit tasks.md read specs/001/tasks.md: it lists 24 tasks as …". */
  readers: string[];
  /** What the repository's history gave: "Dates from git: 6 commits that touched the folder, 2 Mar 2026 … 20 Mar 2026." */
  history: string | null;
  /** Said when the history is cut short by a shallow clone, with the fix. */
  shallow: string | null;
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
    })),
    readers: quality.readers.map((reader) => `${reader.label}${reader.files.length > 0 ? ` from ${reader.files.join(', ')}` : ''}: ${reader.reason}.`),
    history: quality.history
      ? `Dates from git: ${quality.history.commits === 1 ? 'one commit' : `${quality.history.commits} commits`} touched this folder, from ${formatTimestamp(quality.history.first.time)} (${commitLabel(quality.history.first)}) to ${formatTimestamp(quality.history.last.time)} (${commitLabel(quality.history.last)}).`
      : null,
    shallow: quality.history?.shallow ? SHALLOW_CLONE : null,
  };
}
