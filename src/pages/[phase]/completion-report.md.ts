import type { APIContext } from 'astro';
import type { Phase } from '../../core/schema/model.ts';
import { buildReportMarkdown } from '../../core/views/report-page.ts';
import { withEventLists } from '../../lib/phase-events.ts';

export { phasePaths as getStaticPaths } from '../../lib/phase-paths.ts';

/** /<phase>/completion-report.md: the report as Markdown, for a team to commit into its docs. */
export function GET(context: APIContext) {
  const phase = withEventLists((context.props as { phase: Phase }).phase);
  return new Response(buildReportMarkdown(phase), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
