/** The view builders of the site's own pages: home, versions, releases, the feed, the changelog and the badge. */
import { describe, expect, test } from 'vitest';
import { renderStatusBadge } from '../../../src/core/views/badge.ts';
import { buildChangelogText } from '../../../src/core/views/changelog.ts';
import { buildHomeView } from '../../../src/core/views/home.ts';
import { buildSiteDataQualityView } from '../../../src/core/views/site-data-quality.ts';
import { buildReleasePageView, buildReleasesView, buildSiteFeedItems } from '../../../src/core/views/releases.ts';
import { buildVersionPageView, buildVersionsIndexView } from '../../../src/core/views/versions.ts';
import { freezeSnapshot } from '../../../src/core/versions/snapshot.ts';
import type { FeedItem, Phase } from '../../../src/core/schema/model.ts';
import { FEED_ITEMS } from '../../../src/core/model/feed.ts';
import { example, site } from './sites.ts';

/** The example as it stood before 7.3 was done: the version a change list is measured from. */
function earlier(): Phase {
  const phase = example();
  return {
    ...phase,
    progress: 0,
    tasks: phase.tasks.map((task) => ({ ...task, status: 'pending' as const })),
    metrics: phase.metrics.map((metric) => ({ ...metric, achieved: null, verdict: 'pending' as const })),
  };
}

describe('buildHomeView', () => {
  test('each phase with its line and progress; no changes without a frozen version', () => {
    expect(buildHomeView([example()], null, [])).toMatchInlineSnapshot(`
      {
        "asOf": "2025-10-25T15:58:33.694Z",
        "changes": null,
        "phases": [
          {
            "health": {
              "label": "At risk",
              "reason": "At risk: 7.4 is late: what it waits for finished 1.1 days ago and it has not started; 2 more tasks are at risk. The forecast is early only if the open work starts now.",
              "state": "at-risk",
            },
            "id": "phase-7",
            "line": "17% of the estimated work complete · 4 tasks · critical path 2.4 days",
            "progressPercent": 17,
            "status": "in_progress",
            "title": "Phase 7: Quality & Infrastructure",
          },
        ],
        "sharedHooks": false,
      }
    `);
  });

  test('changes since the newest frozen version, in words', () => {
    const view = buildHomeView([example()], freezeSnapshot({ version: '1.0.0', phases: [earlier()], releases: [] }), ['2.0.0']);
    expect(view.changes).toMatchInlineSnapshot(`
      {
        "criteria": [],
        "deliverables": [],
        "metrics": [
          {
            "baseline": null,
            "delta": null,
            "from": "—",
            "label": "Clippy Warnings",
            "phaseId": "phase-7",
            "to": "0",
            "verdict": "Pending → Met",
          },
          {
            "baseline": null,
            "delta": null,
            "from": "—",
            "label": "compiler_warnings",
            "phaseId": "phase-7",
            "to": "9",
            "verdict": "Pending → Unknown",
          },
        ],
        "phasesAdded": [],
        "phasesRemoved": [],
        "releases": [
          "2.0.0",
        ],
        "since": "since 1.0.0",
        "tasks": [
          {
            "from": "Pending",
            "phaseId": "phase-7",
            "taskId": "7.1",
            "title": "Build Infrastructure",
            "to": "In progress",
          },
          {
            "from": "Pending",
            "phaseId": "phase-7",
            "taskId": "7.2",
            "title": "Configuration System",
            "to": "In progress",
          },
          {
            "from": "Pending",
            "phaseId": "phase-7",
            "taskId": "7.3",
            "title": "Code Quality",
            "to": "Complete",
          },
        ],
        "total": 6,
      }
    `);
  });
});

describe('versions', () => {
  test('the index: newest first, changes since the previous', () => {
    const versions = [
      { version: '1.0.0', frozenAt: '2025-10-23T08:00:00.000Z', phases: [{ id: 'phase-7' }] },
      { version: '1.1.0', frozenAt: '2025-10-25T15:58:00.000Z', phases: [{ id: 'phase-7' }, { id: 'phase-8' }] },
    ];
    expect(buildVersionsIndexView(versions, [null, 5])).toMatchInlineSnapshot(`
      {
        "asOf": "2025-10-25T15:58:00.000Z",
        "rows": [
          {
            "changes": "5",
            "frozenAt": "2025-10-25 15:58 UTC",
            "phases": "phase-7, phase-8",
            "source": "snapshots/1.1.0.json",
            "version": "1.1.0",
          },
          {
            "changes": "—",
            "frozenAt": "2025-10-23 08:00 UTC",
            "phases": "phase-7",
            "source": "snapshots/1.0.0.json",
            "version": "1.0.0",
          },
        ],
      }
    `);
    expect(buildVersionsIndexView([], [])).toEqual({ asOf: null, rows: [] });
  });

  test('a version page: its phases, its neighbours and what changed since the one before', () => {
    const first = freezeSnapshot({ version: '1.0.0', phases: [earlier()], releases: [] });
    const second = freezeSnapshot({ version: '1.1.0', phases: [example()], releases: ['2.0.0'] });
    const view = buildVersionPageView(second, first, null);
    expect({ ...view, changes: view.changes && { since: view.changes.since, total: view.changes.total } }).toMatchInlineSnapshot(`
      {
        "changes": {
          "since": "since 1.0.0",
          "total": 6,
        },
        "frozenAt": "2025-10-25T15:58:33.694Z",
        "next": null,
        "phases": [
          {
            "health": {
              "label": "At risk",
              "reason": "At risk: 7.4 is late: what it waits for finished 1 day ago and it has not started; 2 more tasks are at risk. The forecast is early only if the open work starts now.",
              "state": "at-risk",
            },
            "id": "phase-7",
            "line": "17% of the estimated work complete · 4 tasks · critical path 2.4 days",
            "progressPercent": 17,
            "status": "in_progress",
            "title": "Phase 7: Quality & Infrastructure",
          },
        ],
        "previous": "1.0.0",
        "releases": [
          "2.0.0",
        ],
        "version": "1.1.0",
      }
    `);
    expect(buildVersionPageView(first, null, '1.1.0').changes).toBeNull();
  });
});

describe('releases', () => {
  const { releases, changelog, phases } = site('content');

  test("the list, newest first, with each release's id and counts", () => {
    expect(buildReleasesView(releases, phases).releases.map(({ id, name, date, counts }) => ({ id, name, date, counts }))).toMatchInlineSnapshot(`
      [
        {
          "counts": "5 added · 2 changed · 1 removed · 2 fixed",
          "date": null,
          "id": "unreleased",
          "name": "Unreleased",
        },
        {
          "counts": "",
          "date": "2025-10-27",
          "id": "2.0.0",
          "name": "2.0.0",
        },
        {
          "counts": "2 added · 1 changed · 1 deprecated · 1 fixed",
          "date": "2025-10-06",
          "id": "1.2.0",
          "name": "1.2.0",
        },
        {
          "counts": "2 fixed · 1 security",
          "date": "2025-09-02",
          "id": "1.1.1",
          "name": "1.1.1",
        },
        {
          "counts": "2 added · 1 changed",
          "date": "2025-08-28",
          "id": "1.1.0",
          "name": "1.1.0",
        },
        {
          "counts": "2 added · 2 changed · 1 removed",
          "date": "2025-07-15",
          "id": "1.0.0",
          "name": "1.0.0",
        },
      ]
    `);
  });

  test('a release page names the phases and tasks that delivered it, with their targets', () => {
    const release = releases.find((candidate) => candidate.version === '2.0.0')!;
    const view = buildReleasePageView(release, phases);
    expect({ name: view.name, heading: view.heading, asOf: view.asOf, delivered: view.delivered }).toMatchInlineSnapshot(`
      {
        "asOf": "2025-10-25T15:58:33.694Z",
        "delivered": [
          {
            "metrics": [
              {
                "achieved": "—",
                "label": "Build Time (clean)",
                "target": "-25 to -40%",
                "verdict": "unknown",
              },
              {
                "achieved": "—",
                "label": "Build Time (incremental)",
                "target": "-40 to -60%",
                "verdict": "unknown",
              },
              {
                "achieved": "—",
                "label": "Env Variables",
                "target": "93",
                "verdict": "pending",
              },
              {
                "achieved": "0",
                "label": "Clippy Warnings",
                "target": "<20",
                "verdict": "met",
              },
              {
                "achieved": "—",
                "label": "Dead Code (LOC)",
                "target": "-500",
                "verdict": "unknown",
              },
              {
                "achieved": "—",
                "label": "Version",
                "target": "2.0.0",
                "verdict": "pending",
              },
            ],
            "phase": {
              "id": "phase-7",
              "status": "in_progress",
              "title": "Phase 7: Quality & Infrastructure",
            },
            "tasks": [
              {
                "id": "7.1",
                "slug": "task-7.1-build-infra",
                "status": "in_progress",
                "title": "Build Infrastructure",
              },
              {
                "id": "7.2",
                "slug": "task-7.2-config-system",
                "status": "in_progress",
                "title": "Configuration System",
              },
              {
                "id": "7.3",
                "slug": "task-7.3-code-quality",
                "status": "complete",
                "title": "Code Quality",
              },
              {
                "id": "7.4",
                "slug": "task-7.4-release-prep",
                "status": "pending",
                "title": "Release Preparation",
              },
            ],
          },
        ],
        "heading": "Release 2.0.0 (planned)",
        "name": "2.0.0",
      }
    `);
  });

  test('the site feed: dated releases and status changes, newest first', () => {
    const items = buildSiteFeedItems(
      releases,
      phases.map((phase) => phase.activity.feed),
      phases[0]!.buildAsOf,
    );
    expect(items.slice(0, 4).map(({ title, pubDate, path }) => `${pubDate.toISOString()} ${title} → ${path}`)).toMatchInlineSnapshot(`
      [
        "2025-10-27T00:00:00.000Z Release 2.0.0 (planned) → releases/2.0.0/",
        "2025-10-24T15:00:21.961Z Task 7.3 Code Quality: Complete → phase-7/tasks/task-7.3-code-quality/",
        "2025-10-23T08:32:41.349Z Task 7.3 Code Quality: In progress → phase-7/tasks/task-7.3-code-quality/",
        "2025-10-23T08:31:22.025Z Task 7.2 Configuration System: In progress → phase-7/tasks/task-7.2-config-system/",
      ]
    `);
  });

  test("a feed holds the newest FEED_ITEMS items: a big site's whole history is on its pages, not in the feed", () => {
    // Two phases of 150 changes each, a minute apart, all after every release.
    const feed = (phase: string): FeedItem[] =>
      Array.from({ length: 150 }, (_, at) => ({
        id: `${phase}/${at}`,
        title: `${phase} change ${at}`,
        time: new Date(Date.UTC(2030, 0, 1) + at * 60_000).toISOString(),
        description: '',
        path: `${phase}/`,
      }));
    const items = buildSiteFeedItems(releases, [feed('phase-1'), feed('phase-2')], phases[0]!.buildAsOf);
    expect(FEED_ITEMS).toBe(100);
    const newest = [149, 148].flatMap((at) => [`phase-1 change ${at}`, `phase-2 change ${at}`]);
    expect(items.slice(0, 4).map((item) => item.title)).toEqual(newest);
    expect(items.map((item) => item.title).toSorted()).toEqual(
      Array.from({ length: 50 }, (_, at) => [`phase-1 change ${100 + at}`, `phase-2 change ${100 + at}`])
        .flat()
        .toSorted(),
    );
  });

  test("a release dated after the build's time is planned: in the list, on its page and in the feed", () => {
    const release = releases.find((candidate) => candidate.version === '2.0.0')!;
    expect([release.date, phases[0]!.buildAsOf]).toEqual(['2025-10-27', '2025-10-25T18:00:00.000Z']);
    expect(
      buildReleasesView(releases, phases)
        .releases.filter((item) => item.planned)
        .map((item) => item.id),
    ).toEqual(['2.0.0']);
    expect(buildReleasePageView(release, phases)).toMatchObject({ heading: 'Release 2.0.0 (planned)', planned: true });
    expect(buildSiteFeedItems(releases, [], phases[0]!.buildAsOf).map((item) => item.title)).toContain('Release 2.0.0 (planned)');
    expect(buildSiteFeedItems(releases, [], '2025-10-28T00:00:00.000Z').map((item) => item.title)).toContain('Release 2.0.0');
  });

  test('the changelog: the input written back, or one made from the notes files', () => {
    expect(buildChangelogText(changelog, releases).split('\n').slice(0, 6)).toMatchInlineSnapshot(`
      [
        "# Changelog",
        "",
        "All notable changes to the riptide workspace (\`riptide-api\`, \`riptide-persistence\`, \`riptide-pool\` and",
        "\`riptide-cli\`) are recorded here, newest first.",
        "",
        "The format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and every crate in the workspace",
      ]
    `);
    expect(buildChangelogText(null, releases).split('\n').slice(0, 6)).toMatchInlineSnapshot(`
      [
        "# Changelog",
        "",
        "## [Unreleased]",
        "",
        "Work from Phase 7 (Quality & Infrastructure) that will ship as 2.0.0.",
        "",
      ]
    `);
  });
});

describe('buildSiteDataQualityView', () => {
  test('each repository log with the phases its events went to, by title, and what stayed', () => {
    const source = {
      path: '.swarm/memory.db',
      format: 'claude-flow-sqlite' as const,
      records: 1200,
      imported: 1100,
      skipped: 100,
      skippedReasons: { 'not a hook row': 100 },
      newest: null,
      warnings: [],
      redactions: {},
      readWith: ['memory.db-wal'],
      shared: true,
      phases: { 'phase-7': 1000 },
      unmatched: 60,
      ambiguous: 0,
      siteWide: 40,
    };
    const unplaced = [
      {
        kind: 'notify' as const,
        time: '2025-10-24T18:00:00.000Z',
        session: null,
        taskRef: null,
        description: null,
        agent: null,
        file: null,
        memoryKey: null,
        message: 'lunch break',
        level: null,
        status: null,
        durationMs: null,
        data: {},
        source: { path: '.swarm/memory.db', namespace: 'hooks:notify', key: 'notify-1' },
        taskId: null,
        matchedBy: null,
        reason: 'matches no task of any phase',
      },
    ];
    expect(buildSiteDataQualityView({ sources: [source], unplaced, warnings: [] }, [example()])).toMatchInlineSnapshot(`
      {
        "asOf": "2025-10-25T15:58:33.694Z",
        "sources": [
          {
            "ambiguous": "0",
            "format": "claude-flow-sqlite",
            "formatLabel": "claude-flow v2 .swarm/memory.db (memory_entries with "value"), with its -wal",
            "imported": "1,100",
            "path": ".swarm/memory.db",
            "phases": [
              {
                "events": "1,000",
                "id": "phase-7",
                "title": "Phase 7: Quality & Infrastructure",
              },
            ],
            "readWith": [
              "memory.db-wal",
            ],
            "reasons": [
              [
                "not a hook row",
                100,
              ],
            ],
            "records": "1,200",
            "siteWide": "40",
            "skipped": "100",
            "unmatched": "60",
          },
        ],
        "unplaced": [
          {
            "file": ".swarm/memory.db",
            "kind": "Notification",
            "reason": "matches no task of any phase",
            "time": "2025-10-24 18:00 UTC",
            "what": "lunch break",
          },
        ],
        "warnings": [],
      }
    `);
  });
});

describe('renderStatusBadge', () => {
  test('label, status and progress in an SVG with its text as a title', () => {
    const svg = renderStatusBadge('phase-7', 'in_progress', 0.17);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg.match(/<title>[^<]*<\/title>/)?.[0]).toMatchInlineSnapshot(`"<title>phase-7: in progress 17%</title>"`);
    // Judged, the badge says the phase's health, in its colour.
    const judged = renderStatusBadge('phase-7', 'in_progress', 0.17, 'at-risk');
    expect([judged.match(/<title>[^<]*<\/title>/)?.[0], judged.includes('fill="#8a5a00"')]).toEqual(['<title>phase-7: at risk 17%</title>', true]);
  });
});
