import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { getPhaseEvents } from '../lib/phase-events.ts';
import { feedResponse } from '../lib/feed.ts';
import { feedSite, href } from '../lib/paths.ts';
import { releaseId } from '../loaders/releases.ts';

/** /feed.xml: releases and task status changes of every phase, newest first. */
export async function GET(context: APIContext) {
  const phases = (await getCollection('phases')).map((entry) => entry.data);
  const releases = (await getCollection('releases')).map((entry) => entry.data).filter((release) => release.date !== null && !release.unreleased);
  const items = [
    ...releases.map((release) => ({
      title: `Release ${release.version}${release.yanked ? ' (yanked)' : ''}`,
      pubDate: new Date(`${release.date}T00:00:00Z`),
      description: release.summary ?? release.sections.map((section) => `${section.items.length} ${(section.title ?? section.type).toLowerCase()}`).join(', '),
      link: href(`releases/${releaseId(release)}/`),
    })),
    ...phases.flatMap((phase) => getPhaseEvents(phase.id).feed).map((item) => ({ title: item.title, pubDate: new Date(item.time), description: item.description, link: href(item.path), guid: item.id })),
  ].toSorted((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || (a.title < b.title ? -1 : 1));
  return feedResponse({ title: 'Releases and status changes', description: 'Releases and task status changes, from the coordination packages and the agents’ hook logs.', site: feedSite(context.site), items });
}
