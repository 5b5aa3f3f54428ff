import { describe, expect, test } from 'vitest';
import { toEventLine, type EventView } from '../../src/core/schema/model.ts';
import { RECENT_EVENTS, summarizeActivity } from '../../src/core/model/summarize-activity.ts';
import { hookEvent } from './hook-event.ts';
import { reportTask } from './report-phase.ts';

// A task page lists the task's 10 newest events; the dashboard the 8 newest notifications and the 10 most edited files.
const RECENT_TASK_EVENTS = 10;
const RECENT_NOTIFICATIONS = 8;
const TOP_FILES = 10;

const tasks = [reportTask({ id: '1.1' }), reportTask({ id: '1.2' })];
const phase = { id: 'phase-1', title: 'Phase 1: Test', tasks };
const at = (minute: number) => new Date(Date.UTC(2025, 9, 20, 8, 0) + minute * 60_000).toISOString();
const view = (fields: Parameters<typeof hookEvent>[0], taskId: string | null = null): EventView => ({
  ...hookEvent(fields),
  taskId,
  matchedBy: taskId ? 'task-ref' : null,
});

describe('summarizeActivity', () => {
  // 1.1 edits a new file every minute for 2,000 minutes; 1.2 sends a notification every minute.
  const edits = Array.from({ length: 2000 }, (_, i) => view({ kind: 'edit', time: at(i), file: `src/file-${i % 40}.rs` }, '1.1'));
  const notes = Array.from({ length: 30 }, (_, i) => view({ kind: 'notify', time: at(i * 60 + 30), message: `note ${i}` }, '1.2'));
  const events = [...edits, ...notes].toSorted((a, b) => (a.time! < b.time! ? -1 : 1));
  const { recent, activity, tasks: withFiles } = summarizeActivity(phase, events);

  test('counts every event but keeps only the newest', () => {
    expect(activity.eventCount).toBe(2030);
    expect(recent).toHaveLength(RECENT_EVENTS);
    expect(recent.at(-1)).toEqual(toEventLine(events.at(-1)!));
    expect(recent[0]).toEqual(toEventLine(events.at(-RECENT_EVENTS)!));
    expect(activity.oldestEvent).toBe(at(0));
  });

  test('each task keeps its newest events, newest first', () => {
    expect(activity.taskEvents['1.1']).toEqual(edits.toReversed().slice(0, RECENT_TASK_EVENTS).map(toEventLine));
    expect(activity.taskEvents['1.2']).toHaveLength(RECENT_TASK_EVENTS);
    expect(activity.notifications).toEqual(notes.toReversed().slice(0, RECENT_NOTIFICATIONS).map(toEventLine));
  });

  test('files: every one on the task that edited it, the most edited on the dashboard', () => {
    expect(withFiles[0]!.files).toEqual(Array.from({ length: 40 }, (_, i) => `src/file-${i}.rs`).toSorted());
    expect(withFiles[1]!.files).toEqual([]);
    expect(activity.fileCount).toBe(40);
    expect(activity.topFiles).toHaveLength(TOP_FILES);
    expect(activity.topFiles.every((file) => file.edits === 50 && file.taskIds.join() === '1.1')).toBe(true);
  });

  test('timeline marks: one per hour with events, per task', () => {
    expect(activity.ticks['1.1']).toHaveLength(Math.ceil(2000 / 60));
    expect(activity.ticks['1.1']![1]).toBe(at(60));
    expect(activity.ticks['1.2']).toEqual(notes.map((note) => at(Math.floor(Date.parse(note.time!) / 3_600_000) * 60 - Date.UTC(2025, 9, 20, 8, 0) / 60_000)));
  });

  test('no events: an empty summary', () => {
    const empty = summarizeActivity(phase, []);
    expect(empty.recent).toEqual([]);
    expect(empty.activity).toMatchObject({ eventCount: 0, oldestEvent: null, topFiles: [], fileCount: 0, taskEvents: {}, ticks: {} });
  });
});
