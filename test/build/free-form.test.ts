/**
 * A free-form package whose finished tasks are recorded in completion reports beside the task files, and whose last
 * task exists only as a row of the overview's table: the site shows each status with where it came from.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { buildStatusJson } from '../../src/core/views/status-json.ts';
import { BUILD_AS_OF, buildSite } from './build-site.ts';

describe('completion reports and tasks named only in the overview', () => {
  const content = 'test/fixtures/packages/shape-completion-reports';
  const build = buildSite({ content });

  test('builds, and status.json holds what the core read: six tasks, none of them a report', () => {
    expect(build.status, build.output).toBe(0);
    const expected = buildStatusJson(loadContent(resolve(content), new Date(BUILD_AS_OF).toISOString()).phases);
    const built = build.statusJson();
    expect(built.phases.map((phase) => phase.tasks)).toEqual(expected.phases.map((phase) => phase.tasks));
    expect(built.phases[0]?.tasks.map((task) => [task.id, task.status])).toEqual([
      ['1', 'complete'],
      ['2', 'complete'],
      ['3', 'complete'],
      ['4', 'complete'],
      ['5', 'complete'],
      ['6', 'pending'],
    ]);
  });

  test('a task page says its status came from the completion report; the table task says it was read from the overview', () => {
    const four = build.page('phase-1/tasks/TASK-04-SWAP-REQUEST/index.html');
    expect(four).toContain('from the completion report (TASK-04-COMPLETION-REPORT.md:3)');
    expect(four).not.toContain('COMPLETE ✅</h1>');
    const six = build.page('phase-1/tasks/task-6/index.html');
    expect(six).toContain('Activity Log Visibility');
    expect(six).toContain('in the task table of README.md (line 20); the task has no file of its own');
  });

  test('the stale task files and the table are named in warnings', () => {
    expect(build.output).toContain('TASK-01-COMPLETION-REPORT.md:3:1 warning Task 1\'s file TASK-01-MEMBER-REGISTRATION.md says "📋 Planned"');
    expect(build.output).toContain('README.md:20:1 warning Task 6 has no task file and is read from the task table of README.md.');
  });
});
