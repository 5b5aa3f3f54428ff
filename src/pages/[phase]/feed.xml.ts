import type { APIContext } from 'astro';
import type { Phase } from '../../core/schema/model.ts';
import { feedResponse } from '../../lib/feed.ts';
import { href } from '../../lib/paths.ts';
import { getPhaseEvents } from '../../lib/phase-events.ts';

export { phasePaths as getStaticPaths } from '../../lib/phase-paths.ts';

/** /<phase>/feed.xml: status changes of the phase's tasks, newest first. */
export async function GET(context: APIContext) {
  const { phase } = context.props as { phase: Phase };
  return feedResponse({
    title: `${phase.title}: status changes`,
    description: `Task status changes of ${phase.title}, from the agents' hook logs.${phase.health ? ` Now: ${phase.health.reason}` : ''}`,
    site: context.site,
    items: getPhaseEvents(phase.id).feed.map((item) => ({
      title: item.title,
      pubDate: new Date(item.time),
      description: item.description,
      link: href(item.path),
      guid: item.id,
    })),
  });
}
