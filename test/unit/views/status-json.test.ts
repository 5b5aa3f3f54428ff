import { describe, expect, test } from 'vitest';
import { StatusJsonSchema } from '../../../src/core/schema/status-json.ts';
import { buildStatusJson } from '../../../src/core/views/status-json.ts';
import { example, site } from './sites.ts';

describe('buildStatusJson', () => {
  test('the minimal package, whole: the contract of DESIGN.md', () => {
    const status = buildStatusJson(site('test/fixtures/packages/minimal').phases);
    expect(StatusJsonSchema.parse(status)).toEqual(status);
    expect(status).toMatchInlineSnapshot(`
      {
        "generatedAt": "2025-11-07T17:00:00.000Z",
        "phases": [
          {
            "criticalPath": {
              "days": 4,
              "taskIds": [
                "1.1",
                "1.2",
              ],
            },
            "dataQuality": {
              "newestEvent": null,
              "otherFiles": [],
              "readers": [
                {
                  "files": [],
                  "format": "task-files",
                  "label": "Markdown task files",
                  "reason": "2 Markdown files in the phase folder, each read as one task when it has an id and task metadata",
                },
              ],
              "sources": [],
              "stale": false,
              "unmatchedEvents": 0,
              "warnings": [
                "The phase was created 2025-11-03 09:00 UTC, after the time the site is judged at (2025-10-25 18:00 UTC); it is judged at its Created date.",
              ],
            },
            "forecast": {
              "earliest": "2025-11-06T09:00:00.000Z",
              "latest": "2025-11-06T09:00:00.000Z",
              "pace": null,
              "remainingDays": 3,
              "slipDays": null,
              "statedEnd": null,
            },
            "health": {
              "reason": "On track: 1 of 2 tasks complete, nothing late or blocked, expected to end by 2025-11-06.",
              "state": "on-track",
            },
            "id": "phase-1",
            "metrics": [
              {
                "achieved": "84%",
                "baseline": "40%",
                "key": "test_coverage",
                "label": "Test Coverage",
                "target": "at least 80%",
                "verdict": "met",
              },
            ],
            "progress": 0.25,
            "simulation": null,
            "statedDays": null,
            "status": "in_progress",
            "tasks": [
              {
                "agent": "coder",
                "cancelled": false,
                "completedAt": null,
                "dependsOn": [],
                "dependsOnOtherPhases": [],
                "estimateDays": 1,
                "events": 0,
                "health": {
                  "reason": "Complete.",
                  "state": "done",
                },
                "id": "1.1",
                "parentId": null,
                "startedAt": null,
                "status": "complete",
                "title": "Project Setup",
              },
              {
                "agent": "tester",
                "cancelled": false,
                "completedAt": null,
                "dependsOn": [
                  "1.1",
                ],
                "dependsOnOtherPhases": [],
                "estimateDays": 3,
                "events": 0,
                "health": {
                  "reason": "In progress.",
                  "state": "on-track",
                },
                "id": "1.2",
                "parentId": null,
                "startedAt": null,
                "status": "in_progress",
                "title": "Test Harness",
              },
            ],
            "title": "Phase 1: Minimal",
          },
        ],
        "schemaVersion": 1,
        "version": null,
      }
    `);
  });

  test('the example: source paths from the phase folder, statuses from the hook logs, the version given', () => {
    const [phase] = buildStatusJson([example()], '1.2.0').phases;
    expect(buildStatusJson([example()], '1.2.0').version).toBe('1.2.0');
    expect(
      phase!.dataQuality.sources.map(
        ({ path, format, records, imported, skipped, redacted }) => `${path} ${format} ${records}/${imported}/${skipped} redacted ${redacted}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "hooks/memory-store.json claude-flow-memory-store 4/4/0 redacted 0",
        "hooks/memory.db claude-flow-sqlite 81/43/38 redacted 1",
      ]
    `);
    expect(phase!.tasks.map((task) => [task.id, task.status, task.startedAt, task.completedAt, task.events])).toMatchInlineSnapshot(`
      [
        [
          "7.1",
          "in_progress",
          "2025-10-23T08:30:04.611Z",
          null,
          10,
        ],
        [
          "7.2",
          "in_progress",
          "2025-10-23T08:31:22.025Z",
          null,
          13,
        ],
        [
          "7.3",
          "complete",
          "2025-10-23T08:32:41.349Z",
          "2025-10-24T15:01:09.051Z",
          15,
        ],
        [
          "7.4",
          "pending",
          null,
          null,
          1,
        ],
      ]
    `);
  });

  test('a stale phase says so in its warnings', () => {
    const phase = example();
    const stale = { ...phase, dataQuality: { ...phase.dataQuality, stale: true } };
    expect(buildStatusJson([stale]).phases[0]!.dataQuality.warnings.at(-1)).toMatchInlineSnapshot(
      `"The newest hook event is from 2025-10-25 15:58 UTC, more than a day before this build (2025-10-25 18:00 UTC): the status shown may be out of date."`,
    );
  });

  test('no phases: no time, never the epoch or the clock', () => {
    expect(buildStatusJson([])).toEqual({ schemaVersion: 1, generatedAt: null, version: null, phases: [] });
  });
});
