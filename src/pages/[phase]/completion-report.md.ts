import type { APIContext } from 'astro';
import { pathsOf, viewFrom } from '../../lib/site.ts';

export const getStaticPaths = () => pathsOf('report-markdown');

/** /<phase>/completion-report.md: the report as Markdown, for a team to commit into its docs. */
export function GET(context: APIContext) {
  return new Response(viewFrom<'report-markdown'>(context.props).text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
