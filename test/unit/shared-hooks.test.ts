import { describe, expect, test } from 'vitest';
import { distributeSharedEvents } from '../../src/core/model/shared-hooks.ts';
import type { HookEvent, SourceReport } from '../../src/core/schema/model.ts';
import type { ImportResult } from '../../src/core/schema/package-files.ts';
import { hookEvent } from './hook-event.ts';
import { reportTask } from './report-phase.ts';

const task = (phaseId: string, id: string, slug: string) => ({ ...reportTask({ id, slug }), phaseId });
const phases = [
  { id: 'phase7', tasks: [task('phase7', '7.1', 'task-7.1-build-infra'), task('phase7', '7.3', 'task-7.3-code-quality')] },
  { id: 'phase8', tasks: [task('phase8', '8.1', 'task-8.1-api'), task('phase8', '1.1', 'task-1.1-shared-name')] },
  { id: 'phase9', tasks: [task('phase9', '1.1', 'task-1.1-shared-name')] },
];
const store = (events: HookEvent[]): ImportResult => ({
  events,
  report: {
    path: '.swarm/memory.db',
    format: 'claude-flow-sqlite',
    records: events.length + 2,
    imported: events.length,
    skipped: 2,
    skippedReasons: { 'not a hook row': 2 },
    newest: null,
    warnings: ['.swarm/memory.db: the store kept changing while it was copied'],
    redactions: {},
    readWith: ['memory.db-wal'],
    shared: false,
  },
});

describe('distributeSharedEvents', () => {
  const events = [
    hookEvent({ kind: 'task.start', time: '2025-10-23T08:30:00.000Z', taskRef: 'task-7.1-build-infra' }),
    hookEvent({ kind: 'task.end', time: '2025-10-24T15:00:00.000Z', taskRef: 'task-7.3-code-quality' }),
    hookEvent({ kind: 'memory.set', time: '2025-10-24T16:00:00.000Z', memoryKey: 'phase8/api/status', status: 'complete' }),
    hookEvent({ kind: 'task.start', time: '2025-10-24T17:00:00.000Z', description: 'Task 1.1: Work 1.1' }),
    hookEvent({ kind: 'notify', time: '2025-10-24T18:00:00.000Z', message: 'lunch break, token ghp_abcdefghijklmnopqrstuvwxyz0123456789' }),
    hookEvent({ kind: 'session.end', time: '2025-10-24T19:00:00.000Z', session: 'swarm-1' }),
  ];
  const { byPhase, shared } = distributeSharedEvents(phases, [store(events)]);

  test("each task event goes to the one phase whose task it names, with the whole log's counts and its own share", () => {
    expect([...byPhase.keys()]).toEqual(['phase7', 'phase8']);
    expect(
      byPhase
        .get('phase7')!
        .map(({ report, events: own }) => [
          report.path,
          report.records,
          report.imported,
          report.skipped,
          report.newest,
          report.shared,
          report.phaseEvents,
          own.length,
        ]),
    ).toEqual([['.swarm/memory.db', 8, 6, 2, '2025-10-24T15:00:00.000Z', true, 2, 2]]);
    expect(byPhase.get('phase8')![0]!.events.map((event) => event.memoryKey)).toEqual(['phase8/api/status']);
  });

  test("one count for one file: every phase's report of the log says the records, imported and skipped (and why) the site's page says", () => {
    const [whole] = shared.sources;
    const counts = ({ records, imported, skipped, skippedReasons }: SourceReport) => ({ records, imported, skipped, skippedReasons });
    for (const [phaseId, [slice]] of byPhase) {
      expect(counts(slice!.report)).toEqual(counts(whole!));
      expect(slice!.report.phaseEvents).toBe(whole!.phases[phaseId]);
      // The log's warnings are said once, on the site's page, not again on every phase.
      expect(slice!.report.warnings).toEqual([]);
    }
  });

  test('the site keeps the whole file, where its events went, and the task events no phase got, with why (redacted)', () => {
    expect(shared.sources).toEqual([
      expect.objectContaining({
        path: '.swarm/memory.db',
        records: 8,
        imported: 6,
        skipped: 2,
        phases: { phase7: 2, phase8: 1 },
        unmatched: 1,
        ambiguous: 1,
        siteWide: 1,
        shared: true,
      }),
    ]);
    expect(shared.unplaced.map((event) => [event.message, event.reason])).toEqual([
      ['lunch break, token [redacted: github-token]', 'matches no task of any phase'],
      [null, 'matches tasks in 2 phases (phase8, phase9), so none is given it'],
    ]);
    expect(shared.warnings).toEqual(['.swarm/memory.db: the store kept changing while it was copied']);
  });

  test('a log whose name holds a secret is shown by its redacted name, in its warnings too; the phases still get its events', () => {
    const token = 'ghp' + '_' + 'Zq7'.repeat(12);
    const named = store(events.slice(0, 1));
    const path = `logs/export-${token}.ndjson`;
    const result = distributeSharedEvents(phases, [
      { ...named, report: { ...named.report, path, warnings: [`${path}: line 3 is not JSON`], skippedReasons: { [`unknown kind in ${path}`]: 2 } } },
    ]);
    expect(JSON.stringify(result.shared)).not.toContain(token);
    expect(result.shared.sources.map((source) => [source.path, source.redactions])).toEqual([
      ['logs/export-[redacted: github-token].ndjson', { 'github-token': 3 }],
    ]);
    expect(result.shared.warnings).toEqual(['logs/export-[redacted: github-token].ndjson: line 3 is not JSON']);
    expect(result.byPhase.get('phase7')![0]!.events).toHaveLength(1);
  });

  test('no logs, nothing shared', () => {
    expect(distributeSharedEvents(phases, [])).toEqual({ byPhase: new Map(), shared: { sources: [], unplaced: [], warnings: [] } });
  });
});
