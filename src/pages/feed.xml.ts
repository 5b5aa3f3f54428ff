import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { getPhases } from '../lib/phase-models.ts';
import { buildSiteFeedItems } from '../core/views/releases.ts';
import { getPhaseEvents } from '../lib/phase-events.ts';
import { feedResponse } from '../lib/feed.ts';
import { href } from '../lib/paths.ts';

/** /feed.xml: releases and task status changes of every phase, newest first. */
export async function GET(context: APIContext) {
  const phases = await getPhases();
  const releases = (await getCollection('releases')).map((entry) => entry.data);
  const items = buildSiteFeedItems(releases, phases.map((phase) => getPhaseEvents(phase.id).feed), phases[0]?.buildAsOf ?? null).map(({ path, ...item }) => ({ ...item, link: href(path) }));
  return feedResponse({ title: 'Releases and status changes', description: 'Releases and task status changes, from the coordination packages and the agents’ hook logs.', site: context.site, items });
}
