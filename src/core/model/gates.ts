/**
 * Quality gates: limits a team sets in cairn.config.json for CI (`cairn check`), each checked on every phase, each
 * printed with the value it found. Without gates in the config, stale hook logs fail and nothing else does.
 */
import type { Gates } from '../config/parse-config.ts';
import { formatDays, formatNumber, percentOf } from '../format/format.ts';
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

/** Every gate on every phase, in the order the config lists them. */
export function evaluateGates(phases: readonly Phase[], gates: Gates = DEFAULT_GATES): GateResult[] {
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
        case 'stale':
          return result(
            limit === true || !phase.dataQuality.stale,
            phase.dataQuality.stale
              ? `the hook logs have been quiet since ${phase.dataQuality.newestEvent}${limit ? ', allowed' : ''}`
              : 'the hook logs are fresh',
          );
      }
    }),
  );
}
