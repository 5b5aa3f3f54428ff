/** The view builders of a phase's pages, on the example's Phase 7: what each page shows, already worked out. */
import { describe, expect, test } from 'vitest';
import { parseOverview } from '../../../src/core/overview/parse-overview.ts';
import { buildActivityPageView } from '../../../src/core/views/activity.ts';
import { buildDashboardView } from '../../../src/core/views/dashboard.ts';
import { buildReportMarkdown, buildReportPageView } from '../../../src/core/views/report-page.ts';
import { buildTaskPageView } from '../../../src/core/views/task-page.ts';
import { buildTimelineLayout } from '../../../src/core/views/timeline.ts';
import { verdictLabels } from '../../../src/core/format/labels.ts';
import { example, site } from './sites.ts';
import { standingOf } from '../report-phase.ts';

describe('buildDashboardView', () => {
  test('the cards, the task rows and the tables of the live dashboard', () => {
    const view = buildDashboardView(example(), { history: [{ version: '1.0.0', frozenAt: '2025-10-23T12:00:00.000Z', progress: 0 }] });
    expect({ created: view.created, asOf: view.asOf, stale: view.stale, summary: view.summary, criticalPath: view.criticalPath }).toMatchInlineSnapshot(`
      {
        "asOf": "2025-10-25 15:58 UTC",
        "created": "2025-10-23 08:00 UTC",
        "criticalPath": {
          "chain": "7.1",
          "days": "2.4 days",
          "stated": "3.4 days",
        },
        "stale": false,
        "summary": {
          "criticalPathText": "7.1: 2.4 days (equally long: 7.2)",
          "deliverablesDone": 3,
          "deliverablesTotal": 20,
          "progressLabel": "of the estimated work complete",
          "progressPercent": 17,
          "statedDaysNote": "The package states 3.4 days; the estimates and dependencies give 2.4 days.",
          "targetCount": 6,
          "taskCounts": {
            "blocked": 0,
            "complete": 1,
            "in_progress": 2,
            "pending": 1,
          },
          "verdictCounts": {
            "met": 1,
            "missed": 0,
            "pending": 2,
            "unknown": 3,
          },
        },
      }
    `);
    expect(
      view.tasks.map((row) => ({
        id: row.task.id,
        critical: row.critical,
        agent: row.agentText,
        estimate: row.estimateText,
        elapsed: row.elapsedText,
        dependencies: row.dependencies.map((item) => item.text),
      })),
    ).toMatchInlineSnapshot(`
      [
        {
          "agent": "cicd-engineer",
          "critical": true,
          "dependencies": [],
          "elapsed": "2.31 days so far of 2.4 days estimated",
          "estimate": "2.4 days",
          "id": "7.1",
        },
        {
          "agent": "backend-dev",
          "critical": true,
          "dependencies": [],
          "elapsed": "2.31 days so far of 2.4 days estimated",
          "estimate": "2.4 days",
          "id": "7.2",
        },
        {
          "agent": "reviewer",
          "critical": false,
          "dependencies": [],
          "elapsed": "1.27 days taken of 1.2 days estimated",
          "estimate": "1.2 days",
          "id": "7.3",
        },
        {
          "agent": "planner",
          "critical": false,
          "dependencies": [
            "7.3",
          ],
          "elapsed": null,
          "estimate": "1 day",
          "id": "7.4",
        },
      ]
    `);
    expect({
      activity: view.activity && { ...view.activity, notifications: view.activity.notifications.map((event) => event.what) },
      files: view.files,
      sessions: view.sessions,
    }).toMatchInlineSnapshot(`
      {
        "activity": {
          "events": "47",
          "listed": null,
          "notifications": [
            "config_system: docs/CONFIGURATION.md started (api table done), riptide-pool vars next",
            "config_system: riptide-persistence 13/36 vars; 3 defaults conflict with the deploy manifests (REDIS_POOL_SIZE, CACHE_TTL_SECS, TENANT_QUOTA), need a decision",
            "build_infra: clean build 6m42s -> 4m31s (-33%), incremental 58s -> 24s (-59%), sccache hit rate 87% on CI re-run",
            "config_system: riptide-pool config.rs drafted, .env.example regenerated (45/93 vars live)",
            "code_quality: COMPLETE - clippy 12 -> 0, 518 LOC dead code removed, report in docs/CODE-QUALITY-REPORT.md. Task 7.4 (release_prep) unblocked ✅",
            "code_quality: compiler warnings 114 -> 9, clippy 12 -> 0, tests 626/630",
            "code_quality: dead code removed, 518 LOC (riptide-core legacy/, spider legacy queue, deprecated API handlers)",
            "build_infra: CI cache wired (sccache keyed on Cargo.lock + toolchain); WARNING: GITHUB_TOKEN=[redacted: github-token] was echoed in the CI log, rotate it",
          ],
        },
        "files": {
          "of": 17,
          "rows": [
            {
              "edits": 2,
              "file": "crates/riptide-persistence/src/config.rs",
              "lastEdit": "2025-10-25 10:18 UTC",
              "tasks": "7.2",
            },
            {
              "edits": 1,
              "file": ".cargo/config.toml",
              "lastEdit": "2025-10-23 09:12 UTC",
              "tasks": "7.1",
            },
            {
              "edits": 1,
              "file": ".env.example",
              "lastEdit": "2025-10-24 15:36 UTC",
              "tasks": "7.2",
            },
            {
              "edits": 1,
              "file": ".github/workflows/ci.yml",
              "lastEdit": "2025-10-24 09:03 UTC",
              "tasks": "7.1",
            },
            {
              "edits": 1,
              "file": ".github/workflows/maintenance.yml",
              "lastEdit": "2025-10-25 13:25 UTC",
              "tasks": "7.1",
            },
            {
              "edits": 1,
              "file": "Cargo.toml",
              "lastEdit": "2025-10-23 10:38 UTC",
              "tasks": "7.1",
            },
            {
              "edits": 1,
              "file": "crates/riptide-api/src/config.rs",
              "lastEdit": "2025-10-23 09:26 UTC",
              "tasks": "7.2",
            },
            {
              "edits": 1,
              "file": "crates/riptide-api/src/handlers/deprecated.rs",
              "lastEdit": "2025-10-24 10:44 UTC",
              "tasks": "7.3",
            },
            {
              "edits": 1,
              "file": "crates/riptide-cli/src/metrics.rs",
              "lastEdit": "2025-10-23 11:58 UTC",
              "tasks": "7.3",
            },
            {
              "edits": 1,
              "file": "crates/riptide-core/src/legacy/mod.rs",
              "lastEdit": "2025-10-23 15:27 UTC",
              "tasks": "7.3",
            },
          ],
        },
        "sessions": [
          {
            "duration": "2.3 days",
            "ended": "2025-10-25 15:58 UTC",
            "metrics": "dbTotalTasks: 3 · dbTotalEdits: 18 · dbTotalCommands: 0 · sessionDuration: 199709082 · sessionDurationHuman: 3328 minutes · totalTasks: 3 · totalEdits: 18 · totalCommands: 0 · uniqueAgents: 0 · commandSuccessRate: 100 · avgTasksPerMinute: 0 · avgEditsPerMinute: 0.01 · timestamp: 2025-10-25T15:58:33.693Z",
            "session": "session-1761407913694-0v5t7x0wi",
            "work": "3 tasks · 18 edits · 0 commands · 0 agents",
          },
          {
            "duration": "1.4 days",
            "ended": "2025-10-24 17:44 UTC",
            "metrics": "dbTotalTasks: 3 · dbTotalEdits: 14 · dbTotalCommands: 0 · sessionDuration: 119644302 · sessionDurationHuman: 1994 minutes · totalTasks: 3 · totalEdits: 14 · totalCommands: 0 · uniqueAgents: 0 · commandSuccessRate: 100 · avgTasksPerMinute: 0 · avgEditsPerMinute: 0.01 · timestamp: 2025-10-24T17:44:08.913Z",
            "session": "session-1761327848914-k2shh15wv",
            "work": "3 tasks · 14 edits · 0 commands · 0 agents",
          },
          {
            "duration": "9 h",
            "ended": "2025-10-23 17:30 UTC",
            "metrics": "dbTotalTasks: 3 · dbTotalEdits: 7 · dbTotalCommands: 0 · sessionDuration: 32421183 · sessionDurationHuman: 540 minutes · totalTasks: 3 · totalEdits: 7 · totalCommands: 0 · uniqueAgents: 0 · commandSuccessRate: 100 · avgTasksPerMinute: 0.01 · avgEditsPerMinute: 0.01 · timestamp: 2025-10-23T17:30:25.794Z",
            "session": "session-1761240625795-892gsrctg",
            "work": "3 tasks · 7 edits · 0 commands · 0 agents",
          },
        ],
      }
    `);
    // The frozen version's progress is a point of the burn-up.
    expect(view.charts!.burnUp).not.toEqual(buildDashboardView(example()).charts!.burnUp);
    expect({ stale: view.dataQuality.stale, newest: view.dataQuality.newestEvent, totals: view.dataQuality.totals }).toMatchInlineSnapshot(`
      {
        "newest": "2025-10-25 15:58 UTC",
        "stale": null,
        "totals": "85 records read from 2 file(s): 47 imported, 38 skipped.",
      }
    `);
  });

  test('a frozen dashboard keeps the state and links to its status.json for the rest: no charts, no graph, no activity', () => {
    const live = buildDashboardView(example());
    const frozen = buildDashboardView(example(), { version: '1.0.0' });
    expect({ charts: frozen.charts, graph: frozen.graph, activity: frozen.activity, frozen: frozen.frozen }).toEqual({
      charts: null,
      graph: null,
      activity: null,
      frozen: { statusJson: 'v/1.0.0/status.json' },
    });
    expect([live.charts === null, live.graph === null, live.frozen]).toEqual([false, false, null]);
    // The state itself is the same: tasks, metrics, criteria, deliverables.
    expect(frozen.tasks).toEqual(live.tasks);
    expect([frozen.metrics, frozen.criteria, frozen.deliverables]).toEqual([live.metrics, live.criteria, live.deliverables]);
  });

  test('the first screen: health with why, progress, the forecast against the stated day, the risks that matter first', () => {
    expect(buildDashboardView(example()).glance).toMatchInlineSnapshot(`
      {
        "forecast": {
          "detail": "1 day of work left on the longest chain",
          "late": false,
          "range": "2025-10-26",
          "slip": "0.2 days early",
          "stated": "2025-10-26",
        },
        "health": {
          "label": "At risk",
          "reason": "At risk: 7.4 is late: what it waits for finished 1.1 days ago and it has not started; 2 more tasks are at risk. The forecast is early only if the open work starts now.",
          "state": "at-risk",
        },
        "nextAction": "Spawn the agents and start the parallel tasks",
        "notes": 1,
        "progressPercent": 17,
        "riskCounts": "0 high, 7 medium, 1 low",
        "riskTotal": 8,
        "risks": [
          {
            "label": "Medium",
            "severity": "medium",
            "text": "Task 7.1 (Build Infrastructure): An agent reported a warning at 2025-10-24 09:21 UTC: build_infra: CI cache wired (sccache keyed on Cargo.lock + toolchain); WARNING: GITHUB_TOKEN=[redacted: github-token] was echoed in the CI log, rotate it. Near its estimate: 2.31 days of its 2.4 days used, still open.",
          },
          {
            "label": "Medium",
            "severity": "medium",
            "text": "Task 7.2 (Configuration System): An agent reported a warning at 2025-10-25 11:02 UTC: config_system: riptide-persistence 13/36 vars; 3 defaults conflict with the deploy manifests (REDIS_POOL_SIZE, CACHE_TTL_SECS, TENANT_QUOTA), need a decision. Near its estimate: 2.31 days of its 2.4 days used, still open.",
          },
          {
            "label": "Medium",
            "severity": "medium",
            "text": "Task 7.4 (Release Preparation): Not started, though the plan had it start 2025-10-24 12:48 UTC; everything it depends on is complete.",
          },
          {
            "label": "Medium",
            "severity": "medium",
            "text": "Task 7.3 (Code Quality) is complete, but 3 of 5 deliverables are not checked: ~500 LOC of dead code removed; Compiler warnings cleaned up; docs/CODE-QUALITY-REPORT.md.",
          },
        ],
        "simulation": {
          "basis": "1,000 runs at 1 finished task's pace",
          "chance": "100% chance of meeting 2025-10-26",
          "ends": "2025-10-26 (P50–P95)",
        },
      }
    `);
  });

  test("trends: the phase in each frozen version and now, progress, scope and each target's value", () => {
    const history = [{ version: '1.0.0', frozenAt: '2025-10-23T12:00:00.000Z', progress: 0, tasks: 3, metrics: { clippy_warnings: 12 } }];
    expect(buildDashboardView(example(), { history }).trends).toMatchInlineSnapshot(`
      {
        "chart": null,
        "columns": [
          "Progress",
          "Tasks",
          "Build Time (clean)",
          "Build Time (incremental)",
          "Env Variables",
          "Clippy Warnings",
          "Dead Code (LOC)",
          "Version",
        ],
        "rows": [
          {
            "cells": [
              "0%",
              "3",
              "—",
              "—",
              "—",
              "12",
              "—",
              "—",
            ],
            "version": "1.0.0",
          },
          {
            "cells": [
              "17%",
              "4",
              "—",
              "—",
              "—",
              "0",
              "—",
              "—",
            ],
            "version": "now",
          },
        ],
      }
    `);
    expect(buildDashboardView(example()).trends).toBeNull();
  });

  test('a frozen dashboard names its version and has no activity section', () => {
    const view = buildDashboardView(example(), { version: '1.1.0' });
    expect([view.version, view.activity]).toEqual(['1.1.0', null]);
  });
});

describe('buildTaskPageView', () => {
  test('task 7.3: actual dates, estimate, dependencies, files and the newest events', () => {
    const phase = example();
    const task = phase.tasks.find((candidate) => candidate.id === '7.3')!;
    const view = buildTaskPageView(phase, task, { events: phase.activity.taskEvents['7.3']!, files: task.files });
    expect({
      actual: view.actual,
      agent: view.agentText,
      estimate: view.estimate,
      dependencies: view.dependencies,
      parent: view.parent,
      files: view.files,
      style: view.metadataStyle,
      shown: view.shown,
      events: view.events.map((event) => `${event.kind}: ${event.what}`),
    }).toMatchInlineSnapshot(`
      {
        "actual": "started 2025-10-23 08:32 UTC, done 2025-10-24 15:01 UTC · 1.27 days taken",
        "agent": "reviewer",
        "dependencies": [],
        "estimate": "1.2 days",
        "events": [
          "memory.set: phase7/code_quality/status = complete",
          "task.end: task-7.3-code-quality",
          "notify: code_quality: COMPLETE - clippy 12 -> 0, 518 LOC dead code removed, report in docs/CODE-QUALITY-REPORT.md. Task 7.4 (release_prep) unblocked ✅",
          "edit: docs/CODE-QUALITY-REPORT.md (phase7/code_quality/status)",
          "notify: code_quality: compiler warnings 114 -> 9, clippy 12 -> 0, tests 626/630",
          "edit: crates/riptide-core/src/lib.rs (phase7/code_quality/warnings)",
          "notify: code_quality: dead code removed, 518 LOC (riptide-core legacy/, spider legacy queue, deprecated API handlers)",
          "edit: crates/riptide-api/src/handlers/deprecated.rs (phase7/code_quality/dead_code)",
          "edit: crates/riptide-core/src/spider/legacy_queue.rs (phase7/code_quality/dead_code)",
          "edit: crates/riptide-core/src/legacy/mod.rs (phase7/code_quality/dead_code)",
        ],
        "files": [
          "crates/riptide-api/src/handlers/deprecated.rs",
          "crates/riptide-cli/src/metrics.rs",
          "crates/riptide-core/src/legacy/mod.rs",
          "crates/riptide-core/src/lib.rs",
          "crates/riptide-core/src/spider/legacy_queue.rs",
          "docs/CODE-QUALITY-REPORT.md",
          "src/lib.rs",
        ],
        "parent": null,
        "shown": "The newest 10 of its 15 events. The hook logs hold them all.",
        "style": "bold-line metadata",
      }
    `);
  });
});

describe('buildActivityPageView', () => {
  test('filters with counts, and rows newest first with the agent of the matched task', () => {
    const phase = example();
    const view = buildActivityPageView(phase, phase.events);
    expect({ listed: view.listed, of: view.of, selects: view.selects }).toMatchInlineSnapshot(`
      {
        "listed": 47,
        "of": null,
        "selects": [
          {
            "label": "Task",
            "name": "task",
            "options": [
              {
                "count": 10,
                "label": "7.1 Build Infrastructure",
                "value": "7.1",
              },
              {
                "count": 13,
                "label": "7.2 Configuration System",
                "value": "7.2",
              },
              {
                "count": 15,
                "label": "7.3 Code Quality",
                "value": "7.3",
              },
              {
                "count": 1,
                "label": "7.4 Release Preparation",
                "value": "7.4",
              },
              {
                "count": 8,
                "label": "No task (unmatched or phase-wide)",
                "value": "",
              },
            ],
          },
          {
            "label": "Agent",
            "name": "agent",
            "options": [
              {
                "count": 13,
                "label": "backend-dev",
                "value": "backend-dev",
              },
              {
                "count": 10,
                "label": "cicd-engineer",
                "value": "cicd-engineer",
              },
              {
                "count": 1,
                "label": "planner",
                "value": "planner",
              },
              {
                "count": 15,
                "label": "reviewer",
                "value": "reviewer",
              },
              {
                "count": 8,
                "label": "Unknown agent",
                "value": "",
              },
            ],
          },
          {
            "label": "Kind",
            "name": "kind",
            "options": [
              {
                "count": 18,
                "label": "Edit",
                "value": "edit",
              },
              {
                "count": 4,
                "label": "Memory write",
                "value": "memory.set",
              },
              {
                "count": 3,
                "label": "Metrics",
                "value": "metrics",
              },
              {
                "count": 13,
                "label": "Notification",
                "value": "notify",
              },
              {
                "count": 3,
                "label": "Session ended",
                "value": "session.end",
              },
              {
                "count": 2,
                "label": "Session restored",
                "value": "session.restore",
              },
              {
                "count": 1,
                "label": "Task finished",
                "value": "task.end",
              },
              {
                "count": 3,
                "label": "Task started",
                "value": "task.start",
              },
            ],
          },
        ],
      }
    `);
    expect(view.rows.slice(0, 3)).toMatchInlineSnapshot(`
      [
        {
          "agent": null,
          "file": "memory.db",
          "key": "sessions session:session-1761407913694-0v5t7x0wi",
          "kind": "session.end",
          "kindLabel": "Session ended",
          "level": null,
          "matchedBy": null,
          "path": "content/phases/phase-7/hooks/memory.db",
          "taskId": null,
          "time": "2025-10-25 15:58 UTC",
          "what": "session-1761407913694-0v5t7x0wi",
        },
        {
          "agent": null,
          "file": "memory.db",
          "key": "session-metrics session-metrics:session-1761407913694-0v5t7x0wi",
          "kind": "metrics",
          "kindLabel": "Metrics",
          "level": null,
          "matchedBy": null,
          "path": "content/phases/phase-7/hooks/memory.db",
          "taskId": null,
          "time": "2025-10-25 15:58 UTC",
          "what": "sessionDuration: 199709082 · sessionDurationHuman: 3328 minutes · totalTasks: 3 · totalEdits: 18 · totalCommands: 0 · uniqueAgents: 0",
        },
        {
          "agent": "backend-dev",
          "file": "memory-store.json",
          "key": "coordination phase7/config_system/status",
          "kind": "memory.set",
          "kindLabel": "Memory write",
          "level": null,
          "matchedBy": "memory-key",
          "path": "content/phases/phase-7/hooks/memory-store.json",
          "taskId": "7.2",
          "time": "2025-10-25 15:40 UTC",
          "what": "phase7/config_system/status = in_progress: 58/93 vars",
        },
      ]
    `);
  });
});

describe('buildTimelineLayout', () => {
  test('day 0 and each lane as the table lists it', () => {
    const layout = buildTimelineLayout(example());
    expect({
      origin: layout.originText,
      lanes: layout.lanes.map(({ label, statusLabel, planned, actualText, estimate, elapsed, critical }) => ({
        label,
        statusLabel,
        planned,
        actualText,
        estimate,
        elapsed,
        critical,
      })),
    }).toMatchInlineSnapshot(`
      {
        "lanes": [
          {
            "actualText": "2025-10-23 08:30 UTC → in progress",
            "critical": true,
            "elapsed": "2.31 days",
            "estimate": "2.4 days",
            "label": "7.1 Build Infrastructure",
            "planned": "2025-10-23 08:00 UTC → 2025-10-25 17:36 UTC",
            "statusLabel": "In progress",
          },
          {
            "actualText": "2025-10-23 08:31 UTC → in progress",
            "critical": true,
            "elapsed": "2.31 days",
            "estimate": "2.4 days",
            "label": "7.2 Configuration System",
            "planned": "2025-10-23 08:00 UTC → 2025-10-25 17:36 UTC",
            "statusLabel": "In progress",
          },
          {
            "actualText": "2025-10-23 08:32 UTC → 2025-10-24 15:01 UTC",
            "critical": false,
            "elapsed": "1.27 days",
            "estimate": "1.2 days",
            "label": "7.3 Code Quality",
            "planned": "2025-10-23 08:00 UTC → 2025-10-24 12:48 UTC",
            "statusLabel": "Complete",
          },
          {
            "actualText": "not started",
            "critical": false,
            "elapsed": "—",
            "estimate": "1 day",
            "label": "7.4 Release Preparation",
            "planned": "2025-10-24 12:48 UTC → 2025-10-25 12:48 UTC",
            "statusLabel": "Pending",
          },
        ],
        "origin": "2025-10-23 08:00 UTC",
      }
    `);
  });
});

describe('buildReportPageView', () => {
  test("the draft's count, each task's line, the changes and the deviations by severity", () => {
    const view = buildReportPageView(example());
    expect({
      asOf: view.asOf,
      open: view.open,
      legends: view.tasks.map((task) => task.legend),
      changes: view.changes,
      statusWords: view.statusWords,
    }).toMatchInlineSnapshot(`
      {
        "asOf": "2025-10-25 15:58 UTC",
        "changes": [
          "-12 (-100%)",
          "-105 (-92.11%)",
        ],
        "legends": [
          "cicd-engineer · estimate 2.4 days · 2.31 days so far · phase7/build_infra/status = "in_progress: sccache + shared target-dir done, cargo-sweep next" at 2025-10-23 13:34 UTC (content/phases/phase-7/hooks/memory-store.json, coordination phase7/build_infra/status)",
          "backend-dev · estimate 2.4 days · 2.31 days so far · phase7/config_system/status = "in_progress: 58/93 vars" at 2025-10-25 15:40 UTC (content/phases/phase-7/hooks/memory-store.json, coordination phase7/config_system/status)",
          "reviewer · estimate 1.2 days · 1.27 days taken · phase7/code_quality/status = "complete" at 2025-10-24 15:01 UTC (content/phases/phase-7/hooks/memory-store.json, coordination phase7/code_quality/status)",
          "planner · estimate 1 day · phase7/release_prep/status = "pending" at 2025-10-23 08:05 UTC (content/phases/phase-7/hooks/memory-store.json, coordination phase7/release_prep/status)",
        ],
        "open": 3,
        "statusWords": "Pending, In progress, Complete, Blocked",
      }
    `);
    expect(view.deviations.map((group) => [group.label, group.items.length])).toMatchInlineSnapshot(`
      [
        [
          "Medium",
          7,
        ],
        [
          "Low",
          2,
        ],
      ]
    `);
  });
});

describe('buildReportMarkdown', () => {
  test('the report as Markdown: a draft while tasks are open, with the same verdicts as the page', () => {
    const markdown = buildReportMarkdown(example());
    expect(markdown.split('\n')[0]).toMatchInlineSnapshot(`"# Phase 7: Quality & Infrastructure — completion report (draft)"`);
    const { sentences, counts, rows } = buildReportPageView(example()).report.summary;
    expect(markdown).toContain(`## Executive summary\n\n${sentences.join(' ')}\n`);
    expect(sentences).toContainEqual(
      expect.stringMatching(
        `^Targets: ${counts.met} of ${rows.length} met .*, ${counts.missed} missed, ${counts.pending} with no achieved value yet and ${counts.unknown} that cannot be judged`,
      ),
    );
    const lines = markdown.split('\n');
    for (const row of rows) expect(lines.find((line) => line.includes(`| ${row.label} |`))).toContain(`| ${verdictLabels[row.verdict]} |`);
  });
});

describe('buildBurnUpChart', () => {
  test.each(['content', 'test/fixtures/packages/real-world', 'test/fixtures/packages/minimal'])('%s: the line ends where the progress card stands', (dir) => {
    for (const phase of site(dir).phases) {
      const view = buildDashboardView(phase);
      const complete = view.charts!.burnUp.series.find((series) => series.label === 'Complete')!.data;
      expect(Math.round(complete.at(-1)!)).toBe(view.summary.progressPercent);
    }
  });

  test('with every estimate zero it counts tasks, as the progress card does', () => {
    const phase = structuredClone(example());
    for (const task of phase.tasks) task.estimateDays = 0;
    phase.progress = standingOf(phase.tasks).progress;
    const view = buildDashboardView(phase);
    const complete = view.charts!.burnUp.series.find((series) => series.label === 'Complete')!.data;
    expect(view.summary.progressPercent).toBeGreaterThan(0);
    expect(Math.round(complete.at(-1)!)).toBe(view.summary.progressPercent);
  });
});

describe("the burn-up's scope line", () => {
  test("it stands where each frozen version's scope stood against today's, and steps up to 100 % when work was added since", () => {
    // The example today: 4 tasks, 2.4 + 2.4 + 1.2 + 1 = 7 days. Version 1.0.0 had 7.1 and 7.2 only (4.8 days), half done.
    const history = [{ version: '1.0.0', frozenAt: '2025-10-23T12:00:00.000Z', progress: 0.5, scope: { tasks: 2, days: 4.8 } }];
    const chart = buildDashboardView(example(), { history }).charts!.burnUp;
    const series = (label: string) => chart.series.find((candidate) => candidate.label === label)!.data;
    expect(chart.labels).toEqual(['2025-10-23', '2025-10-24', '2025-10-25']);
    expect(series('Scope')).toEqual([68.57, 100, 100]);
    expect(series('Frozen versions')).toEqual([34.29, null, null]);
  });
});

describe('success criteria on the dashboard', () => {
  test('a ✅ in a list of what success will be claims nothing; in a list of what was achieved it is the claim shown beside the verdict', () => {
    const [phase] = site('test/fixtures/packages/real-world').phases;
    expect(
      buildDashboardView(phase!)
        .criteria.slice(0, 2)
        .map(({ text, claimed, verdict }) => [text, claimed, verdict]),
    ).toEqual([
      ['All 4 tasks delivered', false, 'pending'],
      ['Build time improved 25-40%', false, 'unknown'],
    ]);
    const results = parseOverview(
      '# Phase 1\n\n## Success Criteria\n\nResults achieved so far:\n\n- ✅ All tests passing\n- Docs written\n',
      'README.md',
      'phase-1',
    );
    expect(results.overview.successCriteria).toEqual([
      { text: '✅ All tests passing', checked: true },
      { text: 'Docs written', checked: null },
    ]);
  });
});
