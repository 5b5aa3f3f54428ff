/**
 * Reading the content once and saying what is wrong with it, as `cairn validate` prints it: every problem as
 * path:line:col, each hook log summarized with its warnings, then one line of counts. `cairn build` runs the same
 * check before the site is built; the site's pages read the site through the phase cache (src/lib/site.ts), so the
 * hook logs are imported once.
 */
import { displayPath } from '../../src/core/io/display-path.ts';
import { contentRoot } from '../../src/core/io/read-package.ts';
import { loadContent, resolveBuildAsOf, type LoadedContent } from '../../src/core/pipeline/load-content.ts';
import { openPhaseCache } from '../../src/core/pipeline/phase-cache.ts';
import { warmPhaseCache } from '../../src/core/pipeline/warm-phase-cache.ts';
import { formatIssue, hasErrors } from '../../src/core/text/issues.ts';
import { staleWarning } from '../../src/core/model/freshness.ts';

interface CheckOptions {
  /** Warnings stop it too. */
  strict?: boolean;
  /** A phase whose hook logs went quiet counts as a warning. */
  stale?: boolean;
}

interface Checked {
  root: string;
  asOf: string | null;
  content: LoadedContent;
  /** 0 when the content may be built; 1 with errors, or with warnings under `strict`. */
  exitCode: 0 | 1;
}

/** Loads the content root (through the phase cache) and prints its problems; the caller decides what to do next. */
export async function checkContent({ strict = false, stale = false }: CheckOptions = {}): Promise<Checked> {
  const root = contentRoot();
  const asOf = resolveBuildAsOf();
  const cache = openPhaseCache();
  await warmPhaseCache(root, cache);
  const content = loadContent(root, asOf, { cache });
  const { phases, issues } = content;
  for (const issue of issues) console.error(formatIssue(issue));
  // Hook logs never fail validation; each source is summarized once, with its warnings.
  for (const phase of phases) {
    for (const source of phase.dataQuality.sources) {
      console.log(`${source.path}: ${source.format}, ${source.records} records, ${source.imported} imported, ${source.skipped} skipped`);
    }
    for (const warning of phase.dataQuality.warnings) console.error(`warning ${warning}`);
    if (stale && phase.dataQuality.stale) console.error(`warning ${phase.file}: ${staleWarning(phase, { withTime: true })}`);
  }
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const staleCount = stale ? phases.filter((phase) => phase.dataQuality.stale).length : 0;
  const warnings = issues.length - errors + staleCount + phases.reduce((sum, phase) => sum + phase.dataQuality.warnings.length, 0);
  const tasks = phases.reduce((sum, phase) => sum + phase.tasks.length, 0);
  const summary = `${displayPath(root)}: ${phases.length} phase(s), ${tasks} task(s), ${errors} error(s), ${warnings} warning(s)`;
  if (hasErrors(issues)) {
    console.error(`\n${summary}. Fix the errors above and run again.`);
    return { root, asOf, content, exitCode: 1 };
  }
  if (strict && warnings > 0) {
    console.error(`\n${summary}. --strict: fix the warnings above (or build without --strict) and run again.`);
    return { root, asOf, content, exitCode: 1 };
  }
  console.log(summary);
  return { root, asOf, content, exitCode: 0 };
}

/** Reports a failure that is Cairn's, not the content's, plainly and without a stack trace. */
export function cairnFailed(error: unknown): string {
  return `Cairn failed while reading ${displayPath(contentRoot())}: ${(error as Error).message}\n  hint: this is a bug in Cairn; please report it with the file that caused it.`;
}
