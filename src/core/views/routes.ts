/**
 * The route table: every page of the site, each with the view it renders and a key, the digest of that view. Pages
 * render their route's view and read nothing else, so a page is rendered again exactly when what it shows changed.
 * A frozen version's pages build their view when rendered (a big site's snapshots are too large to hold at once);
 * their key is the digest of what that view is built from (the snapshot file's hash, and its neighbours').
 */
import { createHash } from 'node:crypto';
import type { Site } from '../versions/site.ts';
import type { Phase, SharedHooks, Task } from '../schema/model.ts';
import { siteAsOf } from '../model/freshness.ts';
import { buildHomeView, type HomeView } from './home.ts';
import { buildDashboardView, type DashboardView } from './dashboard.ts';
import { buildActivityPageView, type ActivityPageView } from './activity.ts';
import { buildTimelineLayout, type TimelineLayout } from './timeline.ts';
import { buildReportMarkdown, buildReportPageView, type ReportPageView } from './report-page.ts';
import { buildTaskPageView, type TaskPageView } from './task-page.ts';
import { buildSiteDataQualityView, type SiteDataQualityView } from './site-data-quality.ts';
import { buildReleasePageView, buildReleasesView, buildSiteFeedItems, type ReleasePageView, type ReleasesView } from './releases.ts';
import { buildStatusJson } from './status-json.ts';
import { buildChangelogText } from './changelog.ts';
import { buildVersionPageView, buildVersionsIndexView, type VersionPageView, type VersionsIndexView } from './versions.ts';
import { renderStatusBadge } from './badge.ts';
import { releaseId } from '../releases/merge-releases.ts';
import type { ProgressPoint } from './charts.ts';

/** A link in the breadcrumbs: its path under the site's base ('' for the home page), none for the page itself. */
interface Crumb {
  label: string;
  path?: string;
}

/** What every page's layout shows around it: title, breadcrumbs, the time its data is as of, and the site's own. */
export interface Frame {
  title: string;
  crumbs: Crumb[];
  /** The "as of" time of what the page shows (from the inputs). */
  asOf: string | null;
  /**
   * What the footer says: the time of the newest input the page shows (a phase's own on its pages), the time the site
   * was judged at on the home page, or a frozen version's own time. A page that does not show "now" does not carry it.
   */
  stamp: string | null;
  /** Where the stamp's time came from, in words, where the page says the site's "now" (the home page); else null. */
  stampSource: string | null;
  /** Set on the pages of a frozen version. */
  version: string | null;
  /** The phase a page belongs to, for its search result ("phase: Phase 7: …"); null for the site's own pages and dashboards. */
  searchPhase: string | null;
  /** Feeds to announce in <head>, each by its path under the base. */
  feeds: { title: string; path: string }[];
  /** False for pages that only list events (activity, timeline): search finds the dashboards and tasks instead. */
  searchable: boolean;
  siteName: string;
  newestVersion: string | null;
  /** Content errors, shown on every page (only `cairn dev` renders a site that has any). */
  problems: string[];
}

/** A phase as the pages under it name it. */
interface PhaseRef {
  id: string;
  title: string;
  asOf: string | null;
}

/** A feed's entries, each with its link's path under the base. */
export interface FeedView {
  title: string;
  description: string;
  /** Each entry's time in milliseconds since the epoch, as Date.parse gives it. */
  items: { title: string; pubDate: number; description: string; path: string; guid?: string }[];
}

/** The view of each kind of page. */
export interface Views {
  home: { frame: Frame; home: HomeView };
  'not-found': { frame: Frame };
  search: { frame: Frame; bundles: string[] };
  phase: { frame: Frame; dashboard: DashboardView };
  activity: { frame: Frame; phase: PhaseRef; activity: ActivityPageView };
  timeline: { frame: Frame; phase: PhaseRef; layout: TimelineLayout };
  report: { frame: Frame; phase: PhaseRef; report: ReportPageView };
  'report-markdown': { text: string };
  'phase-feed': { feed: FeedView };
  badge: { svg: string };
  task: { frame: Frame; phase: PhaseRef; task: Task; page: TaskPageView; markdown: string };
  'data-quality': { frame: Frame; quality: SiteDataQualityView };
  'site-feed': { feed: FeedView };
  releases: { frame: Frame; releases: ReleasesView };
  release: { frame: Frame; release: ReleasePageView; markdown: string };
  'status-json': { text: string };
  changelog: { text: string };
  versions: { frame: Frame; versions: VersionsIndexView };
  version: { frame: Frame; version: VersionPageView };
  'version-phase': { frame: Frame; dashboard: DashboardView };
  'version-status-json': { text: string };
}
export type PageKind = keyof Views;

export interface Route<K extends PageKind = PageKind> {
  page: K;
  params: Record<string, string | undefined>;
  /** The page's view, or how to build it (a frozen version's pages). */
  view: Views[K] | (() => Views[K]);
  /** The digest of the view (or of what it is built from), with the renderer's version. */
  key: string;
}

/** Digest of JSON-writable values. */
function digestOf(...values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url');
}

/** A release's changes as Markdown, one "## Added" block per section (the page's h1 is the version). */
function releaseMarkdown(release: Site['releases'][number]): string {
  const sections = release.sections
    .map((section) =>
      [`## ${section.title ?? section.type}`, section.description ?? '', ...section.items.map((item) => `- ${item.text.replace(/\n/g, '\n  ')}`)]
        .filter((part) => part !== '')
        .join('\n\n'),
    )
    .join('\n\n');
  return [release.description ?? '', sections, release.body ? `## Notes\n\n${release.body}` : ''].filter((part) => part !== '').join('\n\n');
}

export interface RouteOptions {
  /** The version of the code that renders views: a new one renders every page again. */
  renderer: string;
  /** Content errors a page must show (`cairn dev` only). */
  problems?: string[];
  /**
   * The keys of a group of pages (a phase's), by the digest (`basis`) of everything their views are built from: a
   * build may return the keys `compute` gave the group for the same basis before (src/lib/site.ts keeps the last
   * ones in the cache), so no view of the group is built unless its page is rendered. By default every key is
   * computed.
   */
  keysOf?: (group: string, basis: string, compute: () => string[]) => string[];
}

type FrameOf = (
  title: string,
  asOf: string | null,
  crumbs?: Crumb[],
  more?: Partial<Pick<Frame, 'feeds' | 'searchable' | 'version' | 'stamp' | 'stampSource' | 'searchPhase'>>,
) => Frame;
type Add = <K extends PageKind>(page: K, params: Route['params'], view: Views[K]) => void;
type Lazy = <K extends PageKind>(page: K, params: Route['params'], inputs: unknown, view: () => Views[K]) => void;

/** Every page of `site`, each with its view (or how to build it) and its key. */
export function routes(site: Site, { renderer, problems = [], keysOf = (_group, _basis, compute) => compute() }: RouteOptions): Route[] {
  const table: Route[] = [];
  const add: Add = (page, params, view) => {
    table.push({ page, params, view, key: digestOf(renderer, page, params, view) });
  };
  const { phases, versions } = site;
  const newest = versions.at(-1)?.version ?? null;
  // A frozen page's key: what its view is built from (`inputs`, read from its snapshot) and all that frame() reads
  // of the site. The live site's time is not among them: a frozen page does not show it.
  const lazy: Lazy = (page, params, inputs, view) => {
    table.push({ page, params, view, key: digestOf(renderer, page, params, [site.name, newest, problems], inputs) });
  };
  // The time the live site was judged at: every live page says it in its footer.
  const judgedAt = phases.length > 0 ? site.clock.time : null;
  const frame: FrameOf = (title, asOf, crumbs = [], more = {}) => ({
    title,
    crumbs,
    asOf,
    stamp: asOf,
    stampSource: null,
    version: null,
    searchPhase: null,
    feeds: [],
    searchable: true,
    siteName: site.name,
    newestVersion: newest,
    problems,
    ...more,
  });
  const home: Crumb = { label: 'Phases', path: '' };
  const siteTime = siteAsOf(phases);

  const liveReleases = site.releases.filter((release) => !release.unreleased).map((release) => release.version);
  const homeView = buildHomeView(phases, newest === null ? null : site.snapshot(newest), liveReleases, site.shared !== null);
  // The site's time is said once, on the home page: the time every phase was judged at.
  add(
    'home',
    {},
    {
      frame: frame('Phases', homeView.asOf, [], { stamp: judgedAt ?? homeView.asOf, stampSource: judgedAt === null ? null : clockWords(site.clock) }),
      home: homeView,
    },
  );
  add('not-found', {}, { frame: frame('Page not found', siteTime) });
  add('search', {}, { frame: frame('Search', siteTime, [home, { label: 'Search' }]), bundles: phases.map((phase) => `pagefind/phases/${phase.id}/`) });

  for (const whole of phases) {
    // A phase's pages are built from the phase, its history, its task files and the frame's site inputs, and from
    // nothing else: when none of these changed since a build that kept its keys, the pages' keys are that build's, and
    // a view is built only if its page is rendered.
    const bodies = whole.tasks.map((task) => site.bodies.get(`${whole.id}/${task.id}`) ?? '');
    const history = phaseHistory(site, whole.id);
    const pages = phasePages(whole, history, bodies, frame);
    // A view is digested and let go: the page builds it again when it renders, so a big site's views are never held
    // all at once.
    const keys = keysOf(`phase ${whole.id}`, digestOf(renderer, 'phase-pages', [site.name, newest, problems], whole, history, bodies), () =>
      pages.map((made) => digestOf(renderer, made.page, made.params, made.view())),
    );
    for (const [index, made] of pages.entries()) table.push({ ...made, key: keys[index]! });
  }

  if (site.shared) add('data-quality', { page: undefined }, dataQuality(site.shared, phases, frame));
  releaseRoutes(site, judgedAt, frame, add);
  add('status-json', {}, { text: `${JSON.stringify(buildStatusJson(phases, newest), null, 2)}\n` });
  add('changelog', {}, { text: buildChangelogText(site.changelog, site.releases) });

  versionRoutes(site, frame, add, lazy);
  return table;
}

/** The site's feed, the releases page and a page per release. */
function releaseRoutes(site: Site, judgedAt: string | null, frame: FrameOf, add: Add): void {
  const { phases } = site;
  const home: Crumb = { label: 'Phases', path: '' };
  add(
    'site-feed',
    {},
    {
      feed: {
        title: 'Releases and status changes',
        description: 'Releases and task status changes, from the coordination packages and the agents’ hook logs.',
        items: buildSiteFeedItems(
          site.releases,
          phases.map((phase) => phase.activity.feed),
          judgedAt,
        ).map((item) => ({ ...item, pubDate: item.pubDate.getTime() })),
      },
    },
  );
  const releasesView = buildReleasesView(site.releases, phases);
  add('releases', {}, { frame: frame('Releases', releasesView.asOf, [home, { label: 'Releases' }]), releases: releasesView });
  for (const release of site.releases) {
    const view = buildReleasePageView(release, phases);
    add(
      'release',
      { version: releaseId(release) },
      {
        frame: frame(`Release ${view.release.version}`, view.asOf, [home, { label: 'Releases', path: 'releases/' }, { label: view.name }]),
        release: view,
        markdown: releaseMarkdown(release),
      },
    );
  }
}

/** The versions index, and each frozen version's page, phase dashboards and status.json, built when rendered. */
function versionRoutes(site: Site, frame: FrameOf, add: Add, lazy: Lazy): void {
  const { versions } = site;
  const home: Crumb = { label: 'Phases', path: '' };
  const versionsView = buildVersionsIndexView(versions, site.changeCounts);
  // With no version yet, the page is as of the live site.
  add('versions', {}, { frame: frame('Versions', versionsView.asOf ?? siteAsOf(site.phases), [home, { label: 'Versions' }]), versions: versionsView });
  for (const [index, info] of versions.entries()) {
    const [previous, next] = [versions[index - 1] ?? null, versions[index + 1] ?? null];
    const frozen = { version: info.version };
    lazy('version', frozen, [info.digest, previous?.digest ?? null, next?.version ?? null], () => {
      const view = buildVersionPageView(site.snapshot(info.version), previous === null ? null : site.snapshot(previous.version), next?.version ?? null);
      return {
        frame: frame(`Version ${view.version}`, view.frozenAt, [home, { label: 'Versions', path: 'v/' }, { label: view.version }], { version: view.version }),
        version: view,
      };
    });
    for (const summary of info.phases) {
      lazy('version-phase', { version: info.version, phase: summary.id }, [info.digest, summary.id], () => {
        const phase: Phase = site.snapshot(info.version).phases.find((candidate) => candidate.id === summary.id)!;
        return {
          frame: frame(
            `${phase.title} · version ${info.version}`,
            phase.asOf,
            [home, { label: 'Versions', path: 'v/' }, { label: info.version, path: `v/${info.version}/` }, { label: phase.title }],
            { version: info.version, searchable: false },
          ),
          dashboard: buildDashboardView(phase, { version: info.version }),
        };
      });
    }
    lazy('version-status-json', frozen, [info.digest], () => {
      const snapshot = site.snapshot(info.version);
      // Written once per version and kept with every later one: without indentation (the live status.json is indented).
      return { text: `${JSON.stringify(buildStatusJson(snapshot.phases, snapshot.version))}\n` };
    });
  }
}

/** A page of a phase, with how to build its view. */
interface PhasePage {
  page: PageKind;
  params: Route['params'];
  view: () => Views[PageKind];
}

/** The pages of one phase: its dashboard, activity, timeline, report, feed, badge and one page per task. */
function phasePages(whole: Phase, history: ProgressPoint[], bodies: readonly string[], frame: FrameOf): PhasePage[] {
  const pages: PhasePage[] = [];
  const page = <K extends PageKind>(kind: K, params: Route['params'], view: () => Views[K]): void => void pages.push({ page: kind, params, view });
  // Pages that show no event list get the phase without them, as its dashboard always has.
  const phase = withoutLists(whole);
  const home: Crumb = { label: 'Phases', path: '' };
  const ref: PhaseRef = { id: phase.id, title: phase.title, asOf: phase.asOf };
  const inPhase = (label: string): Crumb[] => [home, { label: phase.title, path: `${phase.id}/` }, { label }];
  const params = { phase: phase.id };
  page('phase', params, () => ({
    frame: frame(phase.title, phase.asOf, [home, { label: phase.title }], {
      feeds: [{ title: `${phase.title}: status changes`, path: `${phase.id}/feed.xml` }],
    }),
    dashboard: buildDashboardView(phase, { history }),
  }));
  page('activity', params, () => ({
    frame: frame(`Activity · ${phase.title}`, phase.asOf, inPhase('Activity'), { searchable: false }),
    phase: ref,
    activity: buildActivityPageView(phase, whole.events),
  }));
  page('timeline', params, () => ({
    frame: frame(`Timeline · ${phase.title}`, phase.asOf, inPhase('Timeline'), { searchable: false }),
    phase: ref,
    layout: buildTimelineLayout(whole),
  }));
  page('report', params, () => ({
    frame: frame(`Completion report · ${phase.title}`, phase.asOf, inPhase('Completion report'), { searchPhase: phase.title }),
    phase: ref,
    report: buildReportPageView(whole),
  }));
  page('report-markdown', params, () => ({ text: buildReportMarkdown(whole) }));
  page('phase-feed', params, () => ({
    feed: {
      title: `${phase.title}: status changes`,
      description: `Task status changes of ${phase.title}, from the agents' hook logs.${phase.health ? ` Now: ${phase.health.reason}` : ''}`,
      items: whole.activity.feed.map((item) => ({
        title: item.title,
        pubDate: Date.parse(item.time),
        description: item.description,
        path: item.path,
        guid: item.id,
      })),
    },
  }));
  page('badge', params, () => ({ svg: renderStatusBadge(phase.id, phase.status, phase.progress, phase.health?.state ?? null) }));
  const files = new Map(whole.tasks.map((task) => [task.id, task.files]));
  for (const [index, task] of phase.tasks.entries()) {
    page('task', { phase: phase.id, task: task.slug }, () => ({
      frame: frame(`Task ${task.id}: ${task.title}`, phase.asOf, [home, { label: phase.title, path: `${phase.id}/` }, { label: `Task ${task.id}` }], {
        searchPhase: phase.title,
      }),
      phase: ref,
      task,
      page: buildTaskPageView(phase, task, { events: whole.activity.taskEvents[task.id] ?? [], files: files.get(task.id) ?? [] }),
      markdown: bodies[index]!,
    }));
  }
  return pages;
}

function dataQuality(
  shared: SharedHooks,
  phases: readonly Phase[],
  frame: (title: string, asOf: string | null, crumbs: Crumb[]) => Frame,
): Views['data-quality'] {
  const quality = buildSiteDataQualityView(shared, phases);
  return { frame: frame('Data quality', quality.asOf, [{ label: 'Phases', path: '' }, { label: 'Data quality' }]), quality };
}

/** A phase in each frozen version that has it: progress, task count and metric values (burn-up and trends). */
function phaseHistory(site: Site, phaseId: string): ProgressPoint[] {
  return site.versions.flatMap((info) =>
    info.phases
      .filter((phase) => phase.id === phaseId)
      .map((phase) => ({
        version: info.version,
        frozenAt: info.frozenAt,
        progress: phase.progress,
        tasks: phase.tasks,
        scope: phase.scope,
        metrics: phase.metrics,
        simulation: phase.simulation,
      })),
  );
}

/** A phase without its long lists (events, feed, timeline marks, files per task), for the pages that show none. */
function withoutLists(phase: Phase): Phase {
  return {
    ...phase,
    tasks: phase.tasks.map((task) => ({ ...task, files: [] })),
    events: [],
    activity: { ...phase.activity, taskEvents: {}, feed: [], ticks: {} },
  };
}

/** The routes of one kind of page, each with its view built. */
export function viewOf<K extends PageKind>(route: Route<K>): Views[K] {
  return typeof route.view === 'function' ? (route.view as () => Views[K])() : route.view;
}

/** Where the site's "now" came from, as the home page's footer says it after the time. */
export function clockWords({ source, commit }: Site['clock']): string {
  const named = commit ? `commit ${commit.hash.slice(0, 7)}` : null;
  if (source === 'given') return 'the time this build was given';
  if (source === 'commit') return `the time of ${named}, the one built`;
  if (source === 'evidence') return named ? `the newest evidence read, later than ${named}` : "the newest evidence read, later than this build's clock";
  if (source === 'recorded') return 'the newest evidence read: a package that ships with Cairn is shown as it was recorded';
  return "this build's clock: the content is not in a git repository";
}
