/**
 * `npm run validate [-- --strict] [--stale]`: checks the content without building. Prints every problem as
 * path:line:col; exit 1 on errors, and with --strict on warnings too (the hook logs' included), for CI that enforces a
 * clean package. --stale counts a phase whose hook logs went quiet as a warning; --gates checks the quality gates of
 * cairn.config.json (CAIRN_GATES) and exits 1 when one fails (`cairn check`).
 */
import { environmentProblems } from '../src/core/pipeline/environment.ts';
import { DEFAULT_GATES, evaluateGates } from '../src/core/model/gates.ts';
import { resolveBuildAsOf } from '../src/core/pipeline/load-content.ts';
import type { Gates } from '../src/core/config/parse-config.ts';
import { cairnFailed, checkContent } from './lib/check-content.ts';

const problems = environmentProblems(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(`error ${problem}`);
  process.exit(1);
}
// Exit codes are set, not exited with: the problems printed before must reach a pipe whole, however many they are.
try {
  const { content, exitCode } = await checkContent({ strict: process.argv.includes('--strict'), stale: process.argv.includes('--stale') });
  process.exitCode = exitCode;
  if (exitCode === 0 && process.argv.includes('--gates')) {
    // `cairn check`: the config's quality gates (or the defaults), each with what it found.
    // Staleness is measured to the real time (or the time given), not to the commit or the newest input.
    const now = resolveBuildAsOf() ?? new Date().toISOString();
    const results = evaluateGates(content.phases, process.env.CAIRN_GATES ? (JSON.parse(process.env.CAIRN_GATES) as Gates) : DEFAULT_GATES, now);
    for (const gate of results) console.log(`${gate.passed ? 'pass' : 'FAIL'} ${gate.phaseId} ${gate.gate}: ${gate.text}`);
    const failed = results.filter((gate) => !gate.passed).length;
    if (failed > 0) {
      console.error(`\n${failed} of ${results.length} gate(s) failed.`);
      process.exitCode = 1;
    } else {
      console.log(`all ${results.length} gate(s) passed`);
    }
  }
} catch (error) {
  // Bad input never lands here (parsers return issues); this is a bug in Cairn, so say so plainly.
  console.error(cairnFailed(error));
  process.exitCode = 2;
}
