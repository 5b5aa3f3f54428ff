/** /data-quality/: the repository-wide hook logs, read once for the site, and where each one's events went. */
import { formatCount, formatTimestamp } from '../format/format.ts';
import { kindLabels } from '../format/labels.ts';
import { siteAsOf } from '../model/freshness.ts';
import type { Phase, SharedHooks } from '../schema/model.ts';
import { hookFormatLabel } from '../hooks/formats.ts';
import { describeEvent } from './activity.ts';

export interface SiteDataQualityView {
  asOf: string | null;
  sources: {
    path: string;
    format: string;
    /** What the format is, in words (hooks/formats.ts). */
    formatLabel: string;
    readWith: string[];
    records: string;
    imported: string;
    skipped: string;
    reasons: [string, number][];
    /** Phases that got events, with their titles. */
    phases: { id: string; title: string; events: string }[];
    unmatched: string;
    ambiguous: string;
    siteWide: string;
  }[];
  unplaced: { time: string; kind: string; what: string; reason: string; file: string }[];
  warnings: string[];
}

export function buildSiteDataQualityView(shared: SharedHooks, phases: readonly Phase[]): SiteDataQualityView {
  const titles = new Map(phases.map((phase) => [phase.id, phase.title]));
  return {
    // A site whose phases date nothing is as of its repository logs' newest record.
    asOf:
      siteAsOf(phases) ??
      shared.sources
        .map((source) => source.newest)
        .filter((time): time is string => time !== null)
        .toSorted()
        .at(-1) ??
      null,
    sources: shared.sources.map((source) => ({
      path: source.path,
      format: source.format,
      formatLabel: hookFormatLabel(source.format),
      readWith: source.readWith,
      records: formatCount(source.records),
      imported: formatCount(source.imported),
      skipped: formatCount(source.skipped),
      reasons: Object.entries(source.skippedReasons),
      phases: Object.entries(source.phases).map(([id, events]) => ({ id, title: titles.get(id) ?? id, events: formatCount(events) })),
      unmatched: formatCount(source.unmatched),
      ambiguous: formatCount(source.ambiguous),
      siteWide: formatCount(source.siteWide),
    })),
    unplaced: shared.unplaced.map((event) => ({
      time: event.time ? formatTimestamp(event.time) : '—',
      kind: kindLabels[event.kind],
      what: describeEvent(event),
      reason: event.reason,
      file: event.source.path,
    })),
    warnings: shared.warnings,
  };
}
