/**
 * Quality gates: limits a team sets in cairn.config.json for CI (`cairn check`), each checked on every phase, each
 * printed with the value it found. Without gates in the config, an open phase whose newest evidence is more than a
 * day older than the real time fails, and nothing else does. Staleness is measured to the time `cairn check` runs
 * (or the time it is given), never to the newest input: logs that went quiet a year ago are a year old.
 */
import type { Gates } from '../config/parse-config.ts';
import { formatDays, formatNumber, formatTimestamp, percentOf } from '../format/format.ts';
import { DAY_MS } from './plan.ts';
import { allTasksComplete } from './completion.ts';
import type { Phase } from '../schema/model.ts';
import { progressLabel } from './build-phase.ts';

export const DEFAULT_GATES: Gates = { stale: false };

interface GateResult {
  phaseId: string;
  gate: keyof Gates;
  passed: boolean;
  /** "2 blocked tasks, at most 0 allowed". */
  text: string;
}

/** Every gate on every phase, in the order the config lists them; `now` is the real time (or the time given). */
export function evaluateGates(phases: readonly Phase[], gates: Gates = DEFAULT_GATES, now: string = new Date().toISOString()): GateResult[] {
  return phases.flatMap((phase) =>
    Object.entries(gates).flatMap(([name, limit]): GateResult[] => {
      const gate = name as keyof Gates;
      const result = (passed: boolean, text: string) => [{ phaseId: phase.id, gate, passed, text }];
      switch (gate) {
        case 'maxBlocked': {
          const blocked = phase.tasks.filter((task) => task.status === 'blocked').length;
          return result(blocked <= (limit as number), `${blocked} blocked ${blocked === 1 ? 'task' : 'tasks'}, at most ${limit} allowed`);
        }
        case 'maxLateDays': {
          const slip = phase.forecast?.slipDays ?? null;
          if (slip === null) return result(true, 'no stated completion date to be late against');
          return result(
            slip <= (limit as number),
            `the forecast ends ${slip > 0 ? `${formatDays(slip)} after` : `${formatDays(-slip)} before`} the stated date, at most ${formatDays(limit as number)} late allowed`,
          );
        }
        case 'minProgress': {
          const progress = percentOf(phase.progress);
          return result(progress >= (limit as number), `${progress}% ${progressLabel(phase.tasks)}, at least ${formatNumber(limit as number)}% required`);
        }
        case 'missedTargets': {
          const missed = phase.metrics.filter((metric) => metric.target !== null && metric.verdict === 'missed').length;
          return result(missed <= (limit as number), `${missed} missed ${missed === 1 ? 'target' : 'targets'}, at most ${limit} allowed`);
        }
        case 'stale': {
          const { passed, text } = freshness(phase, limit as boolean | number, now);
          return result(passed, text);
        }
      }
    }),
  );
}

/** The stale gate: how old an open phase's newest evidence is against `now`, and whether its limit allows that. */
function freshness(phase: Phase, limit: boolean | number, now: string): { passed: boolean; text: string } {
  if (allTasksComplete(phase.tasks)) return { passed: true, text: 'every task is complete: nothing to go stale' };
  if (limit === true) return { passed: true, text: 'any age allowed' };
  const allowedDays = limit === false ? 1 : limit;
  const allowed = `at most ${formatDays(allowedDays)} allowed`;
  if (phase.asOf === null)
    return {
      passed: false,
      text: `nothing in the phase is dated (no hook event, commit or date), so whether it is current is unknown; ${allowed}`,
    };
  const days = (Date.parse(now) - Date.parse(phase.asOf)) / DAY_MS;
  return {
    passed: days <= allowedDays,
    text: `the newest evidence is from ${formatTimestamp(phase.asOf)}, ${formatDays(Math.max(0, days))} before ${formatTimestamp(now)}; ${allowed}`,
  };
}
