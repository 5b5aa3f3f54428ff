/**
 * The first screen of a dashboard: in ten seconds, whether the phase is on track and why, how far it is, when it
 * should end against the date the package states, and what is at risk.
 */
import { formatCount, formatDays, formatTimestamp, percentOf } from '../format/format.ts';
import { buildCompletionReport, type Deviation, type Severity } from '../report/report.ts';
import type { Phase, PhaseHealth, TaskHealth } from '../schema/model.ts';

export const healthLabels: Record<PhaseHealth['state'] | TaskHealth['state'], string> = {
  done: 'Done',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  undated: 'Undated',
  unplanned: 'No plan',
  unknown: 'Unknown',
  late: 'Late',
  blocked: 'Blocked',
  waiting: 'Waiting',
  ready: 'Can start',
};

/** Risks shown on the first screen; the report lists them all. */
const RISKS_SHOWN = 4;

export interface GlanceView {
  health: { state: PhaseHealth['state']; label: string; reason: string } | null;
  progressPercent: number;
  /** "2025-10-26 – 2025-10-27", "about 1 day of work left at the pace so far". */
  forecast: { range: string; detail: string; stated: string | null; slip: string | null; late: boolean } | null;
  /**
   * The Monte Carlo forecast in words: "P50 2025-10-27, P85 2025-10-28, P95 2025-10-29", the chance of meeting the
   * stated date, and what the runs drew from ("1,000 runs at 8 finished tasks' paces").
   */
  simulation: { ends: string; chance: string | null; basis: string } | null;
  risks: { severity: Severity; label: string; text: string }[];
  /** "3 high, 5 medium, 9 low". */
  riskCounts: string;
  riskTotal: number;
  /** The data-quality notes the report lists beside the risks, left off the first screen. */
  notes: number;
  /** The overview's next action, as the coordinator wrote it. */
  nextAction: string | null;
}

const day = (iso: string) => formatTimestamp(iso).slice(0, 10);

/** Within a severity, what needs someone's attention now comes first: what agents report, then the work, then the targets. */
const kindOrder: Record<Deviation['kind'], number> = {
  'late-forecast': 0,
  'agent-report': 0,
  'blocked-task': 1,
  'conflicting-sources': 2,
  'late-task': 3,
  'not-started': 4,
  'at-risk-task': 5,
  'early-start': 6,
  'missed-target': 7,
  'open-deliverable': 8,
  'unmet-criterion': 9,
  'unverified-target': 10,
  'data-quality': 11,
};
const severityOrder: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const severityLabels: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function buildGlanceView(phase: Phase): GlanceView {
  const { forecast } = phase;
  // Data-quality notes are on the data-quality panel; the first screen keeps to the work.
  const all = buildCompletionReport(phase).deviations;
  const deviations: Deviation[] = all
    .filter((deviation) => deviation.kind !== 'data-quality' || deviation.text.startsWith('The newest hook event'))
    .toSorted((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || kindOrder[a.kind] - kindOrder[b.kind]);
  const count = (severity: Severity) => deviations.filter((deviation) => deviation.severity === severity).length;
  return {
    health: phase.health && { ...phase.health, label: healthLabels[phase.health.state] },
    progressPercent: percentOf(phase.progress),
    forecast: forecast && {
      range: forecast.earliest.slice(0, 10) === forecast.latest.slice(0, 10) ? day(forecast.latest) : `${day(forecast.earliest)} – ${day(forecast.latest)}`,
      // With a simulation, the pace is in its words ("at 8 finished tasks' paces").
      detail: `${formatDays(forecast.remainingDays)} of work left on the longest chain${forecast.pace === null || phase.simulation ? '' : `; finished tasks took ${forecast.pace}× their estimates`}`,
      stated: forecast.statedEnd && day(forecast.statedEnd),
      slip:
        forecast.slipDays === null
          ? null
          : forecast.slipDays > 0
            ? `${formatDays(forecast.slipDays)} late`
            : forecast.slipDays < 0
              ? `${formatDays(-forecast.slipDays)} early`
              : 'on the day',
      late: (forecast.slipDays ?? 0) > 0,
    },
    simulation: simulationWords(phase),
    risks: deviations.slice(0, RISKS_SHOWN).map(({ severity, text }) => ({ severity, label: severityLabels[severity], text })),
    riskCounts: (['high', 'medium', 'low'] as const).map((severity) => `${count(severity)} ${severity}`).join(', '),
    riskTotal: deviations.length,
    notes: all.length - deviations.length,
    nextAction: phase.nextAction,
  };
}

/** The Monte Carlo forecast as the first screen says it, in as few words as a phone's first screen allows. */
function simulationWords({ simulation, statedEnd }: Pick<Phase, 'simulation' | 'statedEnd'>): GlanceView['simulation'] {
  if (!simulation) return null;
  const { p50, p85, p95, chance, runs, basis, sample } = simulation;
  const [mid, likely, nearly] = [day(p50), day(p85), day(p95)];
  const from = basis === 'pace' ? (sample === 1 ? "at 1 finished task's pace" : `at ${formatCount(sample)} finished tasks' paces`) : 'at its daily throughput';
  return {
    ends: mid === nearly ? `${mid} (P50–P95)` : `P50 ${mid}, P85 ${likely}, P95 ${nearly}`,
    chance: chance === null || statedEnd === null ? null : `${Math.round(chance * 100)}% chance of meeting ${day(statedEnd)}`,
    basis: `${formatCount(runs)} runs ${from}`,
  };
}
