/**
 * `npm run validate [-- --strict] [--stale]`: checks the content without building. Prints every problem as
 * path:line:col; exit 1 on errors, and with --strict on warnings too (the hook logs' included), for CI that enforces a
 * clean package. --stale counts a phase whose hook logs went quiet as a warning; --gates checks the quality gates of
 * cairn.config.json (CAIRN_GATES) and exits 1 when one fails (`cairn check`).
 */
import { displayPath } from '../src/core/io/display-path.ts';
import { loadContent, resolveBuildAsOf } from '../src/core/pipeline/load-content.ts';
import { openPhaseCache } from '../src/core/pipeline/phase-cache.ts';
import { warmPhaseCache } from '../src/core/pipeline/warm-phase-cache.ts';
import { contentRoot } from '../src/core/io/read-package.ts';
import { formatIssue, hasErrors } from '../src/core/text/issues.ts';
import { environmentProblems } from '../src/core/pipeline/environment.ts';
import { staleWarning } from '../src/core/model/freshness.ts';
import { DEFAULT_GATES, evaluateGates } from '../src/core/model/gates.ts';
import type { Gates } from '../src/core/config/parse-config.ts';

const problems = environmentProblems(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(`error ${problem}`);
  process.exit(1);
}
const root = contentRoot();
const strict = process.argv.includes('--strict');
const staleIsWarning = process.argv.includes('--stale');
const checkGates = process.argv.includes('--gates');
try {
  const cache = openPhaseCache();
  await warmPhaseCache(root, cache);
  const { phases, issues } = loadContent(root, resolveBuildAsOf(), { cache });
  for (const issue of issues) console.error(formatIssue(issue));
  // Hook logs never fail validation; each source is summarized once, with its warnings.
  for (const phase of phases) {
    for (const source of phase.dataQuality.sources) {
      console.log(`${source.path}: ${source.format}, ${source.records} records, ${source.imported} imported, ${source.skipped} skipped`);
    }
    for (const warning of phase.dataQuality.warnings) console.error(`warning ${warning}`);
    if (staleIsWarning && phase.dataQuality.stale) console.error(`warning ${phase.file}: ${staleWarning(phase)}`);
  }
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const stale = staleIsWarning ? phases.filter((phase) => phase.dataQuality.stale).length : 0;
  const warnings = issues.length - errors + stale + phases.reduce((sum, phase) => sum + phase.dataQuality.warnings.length, 0);
  const tasks = phases.reduce((sum, phase) => sum + phase.tasks.length, 0);
  const summary = `${displayPath(root)}: ${phases.length} phase(s), ${tasks} task(s), ${errors} error(s), ${warnings} warning(s)`;
  if (hasErrors(issues)) {
    console.error(`\n${summary}. Fix the errors above and run again.`);
    process.exit(1);
  }
  if (strict && warnings > 0) {
    console.error(`\n${summary}. --strict: fix the warnings above (or build without --strict) and run again.`);
    process.exit(1);
  }
  console.log(summary);
  if (checkGates) {
    // `cairn check`: the config's quality gates (or the defaults), each with what it found.
    const results = evaluateGates(phases, process.env.CAIRN_GATES ? (JSON.parse(process.env.CAIRN_GATES) as Gates) : DEFAULT_GATES);
    for (const gate of results) console.log(`${gate.passed ? 'pass' : 'FAIL'} ${gate.phaseId} ${gate.gate}: ${gate.text}`);
    const failed = results.filter((gate) => !gate.passed).length;
    if (failed > 0) {
      console.error(`\n${failed} of ${results.length} gate(s) failed.`);
      process.exit(1);
    }
    console.log(`all ${results.length} gate(s) passed`);
  }
} catch (error) {
  // Bad input never lands here (parsers return issues); this is a bug in Cairn, so say so plainly.
  console.error(`Cairn failed while reading ${displayPath(root)}: ${(error as Error).message}\n  hint: this is a bug in Cairn; please report it with the file that caused it.`);
  process.exit(2);
}
