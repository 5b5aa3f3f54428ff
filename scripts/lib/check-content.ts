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
import type { SharedSource, SourceReport } from '../../src/core/schema/model.ts';

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
  // Hook logs never fail validation; each source is summarized once, with its warnings: a phase's own logs with the
  // phase, a repository-wide log after them, whole, with where its events went (as /data-quality/ shows it).
  for (const phase of phases) {
    for (const source of phase.dataQuality.sources) if (!source.shared) console.log(sourceLine(source));
    for (const warning of phase.dataQuality.warnings) console.error(`warning ${warning}`);
    if (stale && phase.dataQuality.stale) console.error(`warning ${phase.file}: ${staleWarning(phase, { withTime: true })}`);
  }
  for (const source of content.shared?.sources ?? []) console.log(sourceLine(source));
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

/**
 * "memory.db: claude-flow-sqlite, 81 records, 43 imported, 38 skipped": the counts of one hook log, the same the
 * phase's data-quality panel, /data-quality/ and status.json give it. A repository-wide log's line says where its
 * events went: "… (repository log, its events: 35 to phase-7, 8 about the whole run)".
 */
export function sourceLine(source: SourceReport | SharedSource): string {
  const counts = `${source.path}: ${source.format}, ${source.records} records, ${source.imported} imported, ${source.skipped} skipped`;
  if (!('phases' in source)) return counts;
  const went = [
    ...Object.entries(source.phases).map(([phaseId, events]) => `${events} to ${phaseId}`),
    ...(source.unmatched > 0 ? [`${source.unmatched} match no task`] : []),
    ...(source.ambiguous > 0 ? [`${source.ambiguous} match tasks of several phases`] : []),
    ...(source.siteWide > 0 ? [`${source.siteWide} about the whole run`] : []),
  ];
  return `${counts} (repository log, its events: ${went.length > 0 ? went.join(', ') : 'none'})`;
}

/** Reports a failure that is Cairn's, not the content's, plainly and without a stack trace. */
export function cairnFailed(error: unknown): string {
  return `Cairn failed while reading ${displayPath(contentRoot())}: ${(error as Error).message}\n  hint: this is a bug in Cairn; please report it with the file that caused it.`;
}
