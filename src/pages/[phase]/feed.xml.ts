import type { APIContext } from 'astro';
import { feedOf } from '../../lib/feed.ts';
import { pathsOf, viewFrom } from '../../lib/site.ts';

export const getStaticPaths = () => pathsOf('phase-feed');

/** /<phase>/feed.xml: status changes of the phase's tasks, newest first. */
export function GET(context: APIContext) {
  return feedOf(viewFrom<'phase-feed'>(context.props).feed, context.site);
}
