import type { APIContext } from 'astro';
import { pathsOf, viewFrom } from '../../lib/site.ts';

export const getStaticPaths = () => pathsOf('badge');

/** /badges/<phase>.svg: the phase's health (or status) and progress, for READMEs and wikis. */
export function GET(context: APIContext) {
  return new Response(viewFrom<'badge'>(context.props).svg, { headers: { 'Content-Type': 'image/svg+xml' } });
}
