/** The releases list, each release's page, and the site feed's items. */
import { FEED_ITEMS } from '../model/feed.ts';
import { siteAsOf } from '../model/freshness.ts';
import { releaseId, sortReleases } from '../releases/merge-releases.ts';
import type { Release } from '../releases/schema.ts';
import type { FeedItem, Phase, TaskStatus, Verdict } from '../schema/model.ts';

/** A release dated after the build's time has not shipped yet: it is planned, everywhere it is listed. */
function isPlanned(release: Pick<Release, 'date' | 'unreleased'>, buildAsOf: string | null): boolean {
  return !release.unreleased && release.date !== null && buildAsOf !== null && Date.parse(`${release.date}T00:00:00Z`) > Date.parse(buildAsOf);
}

/** The build's time, as every phase holds it. */
const buildTime = (phases: readonly Phase[]) => phases[0]?.buildAsOf ?? null;

/** "3 added · 1 fixed": how many changes of each kind. */
function sectionCounts(release: Release, separator: string): string {
  return release.sections.map((section) => `${section.items.length} ${(section.title ?? section.type).toLowerCase()}`).join(separator);
}

export interface ReleasesView {
  asOf: string | null;
  /** Newest first. */
  releases: (Release & { id: string; name: string; counts: string; planned: boolean })[];
}

export function buildReleasesView(releases: readonly Release[], phases: readonly Phase[]): ReleasesView {
  return {
    asOf: siteAsOf(phases),
    releases: sortReleases(releases).map((release) => ({
      ...release,
      id: releaseId(release),
      name: release.unreleased ? 'Unreleased' : release.version,
      counts: sectionCounts(release, ' · '),
      planned: isPlanned(release, buildTime(phases)),
    })),
  };
}

interface DeliveredBy {
  phase: { id: string; title: string; status: TaskStatus };
  tasks: { id: string; title: string; slug: string; status: TaskStatus }[];
  metrics: { label: string; target: string; achieved: string; verdict: Verdict }[];
}

export interface ReleasePageView {
  asOf: string | null;
  release: Release;
  /** "Unreleased" or the version, for the breadcrumb; `heading` for the page's h1. */
  name: string;
  heading: string;
  /** Dated after the build's time: not shipped yet. */
  planned: boolean;
  delivered: DeliveredBy[];
}

/** A release with the phases and tasks that delivered it, as its notes file names them. */
export function buildReleasePageView(release: Release, phases: readonly Phase[]): ReleasePageView {
  return {
    asOf: siteAsOf(phases),
    release,
    name: release.unreleased ? 'Unreleased' : release.version,
    heading: release.unreleased ? 'Unreleased' : `Release ${release.version}${isPlanned(release, buildTime(phases)) ? ' (planned)' : ''}`,
    planned: isPlanned(release, buildTime(phases)),
    delivered: phases
      .filter((phase) => release.phases.includes(phase.id))
      .map((phase) => ({
        phase: { id: phase.id, title: phase.title, status: phase.status },
        tasks: phase.tasks
          .filter((task) => release.tasks.length === 0 || release.tasks.includes(task.id))
          .map(({ id, title, slug, status }) => ({ id, title, slug, status })),
        metrics: phase.metrics
          .filter((metric) => metric.target !== null)
          .map((metric) => ({ label: metric.label, target: metric.target!.raw, achieved: String(metric.achieved?.raw ?? '—'), verdict: metric.verdict })),
      })),
  };
}

interface SiteFeedItem {
  title: string;
  pubDate: Date;
  description: string;
  /** Site-relative path of the page. */
  path: string;
  guid?: string;
}

/** The site feed: releases with a date (a planned one says so) and the status changes of every phase, the newest FEED_ITEMS. */
export function buildSiteFeedItems(
  releases: readonly Release[],
  phaseFeeds: readonly (readonly FeedItem[])[],
  buildAsOf: string | null = null,
): SiteFeedItem[] {
  return [
    ...releases
      .filter((release) => release.date !== null && !release.unreleased)
      .map((release) => ({
        title: `Release ${release.version}${release.yanked ? ' (yanked)' : ''}${isPlanned(release, buildAsOf) ? ' (planned)' : ''}`,
        pubDate: new Date(`${release.date}T00:00:00Z`),
        description: release.summary ?? sectionCounts(release, ', '),
        path: `releases/${releaseId(release)}/`,
      })),
    ...phaseFeeds.flat().map((item) => ({ title: item.title, pubDate: new Date(item.time), description: item.description, path: item.path, guid: item.id })),
  ]
    .toSorted((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || (a.title < b.title ? -1 : 1))
    .slice(0, FEED_ITEMS);
}
