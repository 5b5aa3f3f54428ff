/**
 * The overview's task table checked against the task files: a row that disagrees on status, agent, estimate or
 * dependencies is one warning at the row, naming the task file's line; a row that agrees, or says nothing readable,
 * is silent.
 */
import { describe, expect, test } from 'vitest';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import type { PackageFiles } from '../../../src/core/schema/package-files.ts';
import { readTaskTables } from '../../../src/core/overview/task-table.ts';
import { parseMarkdown, findTables } from '../../../src/core/markdown/parse-markdown.ts';
import { AS_OF } from '../fixtures.ts';

const taskFile = (id: string, lines: string[]) => ({
  path: `phases/p/task-${id}.md`,
  slug: `task-${id}`,
  text: [`# Task ${id}: Work ${id}`, '', ...lines].join('\n'),
});

const phase = (overview: string, tasks: PackageFiles['tasks']): PackageFiles => ({
  phaseId: 'p',
  dir: 'phases/p',
  overview: { path: 'phases/p/README.md', text: overview },
  tasks,
  hooks: [],
  baseline: null,
  final: null,
});

const tableWarnings = (files: PackageFiles) =>
  buildPhase(files, { buildAsOf: AS_OF })
    .issues.filter((issue) => issue.code === 'task-table')
    .map((issue) => `${issue.file}:${issue.line} ${issue.message}`);

const tasks = [
  taskFile('1.1', ['**Agent:** backend-dev', '**Estimate:** 2 days', '**Status:** Done', '**Dependencies:** None']),
  taskFile('1.2', ['**Agent:** tester', '**Estimate:** 6h', '**Status:** In progress', '**Dependencies:** 1.1']),
];

describe('the overview task table against the task files', () => {
  test('a table that agrees with every file says nothing, whatever its column names and units', () => {
    const overview = [
      '# Phase 1',
      '',
      '| Task ID | Owner | Est. (h) | Status | Depends On |',
      '|---|---|---|---|---|',
      '| 1.1 | Backend Dev | 16 | ✅ Complete | — |',
      '| 1.2 | tester | 6 | WIP | Task 1.1 |',
    ].join('\n');
    expect(tableWarnings(phase(overview, tasks))).toEqual([]);
  });

  test('each disagreeing row is one warning at its line, naming what differs and the task file line', () => {
    const overview = [
      '# Phase 1',
      '',
      '| # | Agent | Duration | Status | Dependencies |',
      '|---|---|---|---|---|',
      '| 1.1 | backend-dev | 3 days | Planning | none |',
      '| 1.2 | reviewer | 6h | In progress | 1.1, 1.3 |',
    ].join('\n');
    expect(tableWarnings(phase(overview, tasks))).toEqual([
      'phases/p/README.md:5 The task table and task 1.1\'s file disagree: status "Planning" here, "Done" in task-1.1.md:5; estimate "3 days" here, "2 days" in task-1.1.md:4. The task file is used.',
      'phases/p/README.md:6 The task table and task 1.2\'s file disagree: agent "reviewer" here, "tester" in task-1.2.md:3; depends on 1.1, 1.3 here, 1.1 in task-1.2.md:6. The task file is used.',
    ]);
  });

  test('a File column finds the task by its file name, as the seed package writes it', () => {
    const overview = [
      '# Phase 1',
      '',
      '| File | Agent Type | Duration | Can Start |',
      '|---|---|---|---|',
      '| `task-1.1.md` | backend-dev | 2 days | ✅ Now |',
      '| `task-1.2.md` | tester | 1 day | ⏸️ After 1.1 |',
    ].join('\n');
    expect(tableWarnings(phase(overview, tasks))).toEqual([
      'phases/p/README.md:6 The task table and task 1.2\'s file disagree: estimate "1 day" here, "6h" in task-1.2.md:4. The task file is used.',
    ]);
  });

  test('cells that say nothing comparable are not disagreements: empty, "TBD", "All", a task with no status of its own', () => {
    const quiet = [taskFile('1.1', ['**Agent:** backend-dev', '**Estimate:** 2 days']), ...tasks.slice(1)];
    const overview = [
      '# Phase 1',
      '',
      '| Task | Agent | Estimate | Status | Depends On |',
      '|---|---|---|---|---|',
      '| 1.1 | | TBD | Done | All |',
      '| 1.2 | — | | | |',
    ].join('\n');
    expect(tableWarnings(phase(overview, quiet))).toEqual([]);
  });

  test('tables without a task column or without a checked field are not task tables', () => {
    const doc = parseMarkdown(
      ['| Metric | Baseline | Target |', '|---|---|---|', '| Clippy | 12 | <20 |', '', '| File | Purpose |', '|---|---|', '| `task-1.1.md` | the build |'].join(
        '\n',
      ),
    );
    expect(
      readTaskTables(
        findTables(doc.root.children, () => true),
        0,
      ),
    ).toEqual([]);
  });
});
