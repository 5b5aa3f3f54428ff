/** Runs one case of the bad-input corpus and prints its outcome the way the tests pin it. */
import { badInputCases, type CaseName, type Outcome } from '../../fixtures/bad-input/cases.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';

/** The case's outcome as text: each issue as `formatIssue` prints it, each hook-log source with its counts, each warning. */
export function renderOutcome(outcome: Outcome): string {
  const sources = outcome.sources.map((source) => {
    const reasons = Object.entries(source.skippedReasons).map(([reason, count]) => `${count} × ${reason}`);
    return `${source.path}: ${source.format}, ${source.records} records, ${source.imported} imported, ${source.skipped} skipped${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`;
  });
  return [...outcome.issues.map(formatIssue), ...sources, ...outcome.warnings.map((warning) => `warning ${warning}`)].join('\n');
}

/** The outcome of the named case. */
export function runCase(name: CaseName): Outcome {
  const found = badInputCases.find((one) => one.name === name);
  if (!found) throw new Error(`no bad-input case "${name}"`);
  return found.run();
}

/** The named case's outcome, rendered. */
export const pin = (name: CaseName): string => renderOutcome(runCase(name));
