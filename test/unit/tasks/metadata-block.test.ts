/**
 * A task's metadata comes only from where the file keeps it: the frontmatter, the lines between the title and the
 * first body section, or a section titled Metadata, Assignment or Status. Lists, tables, block quotes and code
 * further down are the body's text. Values are shown without their Markdown, titles without their decorations.
 */
import { describe, expect, test } from 'vitest';
import { parseTaskFile } from '../../../src/core/tasks/parse-task.ts';
import { findTaskId, isReverseDependencyKey, parseDependencies, proseIds } from '../../../src/core/tasks/parse-dependencies.ts';
import { isUnassigned } from '../../../src/core/tasks/vocabulary.ts';

const parse = (text: string, slug = 'task') => parseTaskFile({ text, path: `phases/p/${slug}.md`, slug, phaseId: 'p' });

/** A task whose metadata block is followed by a long body, ending in a permissions list. */
const withPermissions = [
  '# Task 2.1: Build the Export Job',
  '',
  '**Status:** pending',
  '**Estimate:** 2h',
  '',
  '## Description',
  '',
  ...Array.from({ length: 40 }, (_, index) => `Line ${index + 1} of the description.`),
  '',
  '## Permissions',
  '',
  '- **Owner**: Full access (read, write, delete)',
  '- **Viewer**: Read only',
  '',
  '| Agent | Estimate | Status |',
  '| --- | --- | --- |',
  '| reviewer | 5d | done |',
  '',
  '> **Agent:** quoted-agent',
].join('\n');

describe('metadata comes only from the metadata block', () => {
  test('a permissions bullet far down ("- **Owner**: Full access") is not the agent, nor a table or a quote there', () => {
    const { task, issues } = parse(withPermissions);
    expect(withPermissions.split('\n').findIndex((line) => line.includes('**Owner**')) + 1).toBe(51);
    expect(task).toMatchObject({ agent: null, estimateText: '2h', status: 'pending' });
    expect(issues.map((issue) => issue.message)).toContain('The task names no agent, so it is shown as unassigned.');
  });

  test('a "### Completed:" heading over a list of finished work is not a date', () => {
    const { task, issues } = parse(
      ['# Task 4: Reports', '', '**Status:** in progress', '', '## Progress', '', '### Completed:', '', '- 3 endpoints on 2 servers', '- 12 tests'].join('\n'),
    );
    expect(task).toMatchObject({ status: 'in_progress', completedAt: null });
    expect(issues.filter((issue) => /date/i.test(issue.message))).toEqual([]);
  });

  test('a bold line inside a fenced block in a list item is code, not metadata', () => {
    const { task } = parse(
      [
        '# Task 5: Template',
        '',
        '**Status:** pending',
        '',
        '## Usage',
        '',
        '- Copy this:',
        '',
        '  ```markdown',
        '  **Agent:** template-agent',
        '  **Estimate:** 9 days',
        '  ```',
      ].join('\n'),
    );
    expect(task).toMatchObject({ agent: null, estimateText: null });
  });

  test('a "# Task 1.3 Specification" heading inside a fenced block is not the title', () => {
    const { task } = parse(
      [
        'Hand-off: write the spec from this outline.',
        '',
        '```markdown',
        '# Task 1.3 Specification',
        '```',
        '',
        '# Task 1.4: Import Profiles',
        '',
        '**Status:** pending',
      ].join('\n'),
      'notes',
    );
    expect(task).toMatchObject({ id: '1.4', title: 'Import Profiles' });
  });

  test('"## Status" then "## Assignment": both are the metadata block; "- **Started**: …" there is read, "Agent: None" is nobody', () => {
    const text = [
      '# Task 5.1: Gap Finder',
      '',
      '## Status',
      '',
      '🔵 IN_PROGRESS',
      '',
      '## Assignment',
      '',
      '- **Agent**: None',
      '- **Estimated Time**: 5 hours',
      '- **Dependencies**: Task 2.2',
      '- **Started**: 2025-08-12',
      '- **Completed**:',
      '',
      '## Description',
      '',
      'Built on Task 2.1 and ready for Task 5.2.',
      '',
      '## Notes',
      '',
      '- **Agent**: someone-else',
    ].join('\n');
    const { task, issues } = parse(text);
    expect(task).toMatchObject({
      id: '5.1',
      agent: null,
      estimateText: '5 hours',
      status: 'in_progress',
      startedAt: '2025-08-12T00:00:00.000Z',
      dependsOn: ['2.2'],
    });
    expect(issues.map((issue) => issue.message)).not.toContain('The task names no agent, so it is shown as unassigned.');
  });

  test('a section titled Metadata further down is read', () => {
    const { task } = parse(
      ['# Task 6: Late Metadata', '', '## Description', '', 'Text.', '', '## Metadata', '', '- **Agent**: coder', '- **Status**: done'].join('\n'),
    );
    expect(task).toMatchObject({ agent: 'coder', status: 'complete' });
  });

  test.each(['None', 'none', 'N/A', 'TBD', '-', 'Unassigned', '_None_', 'None (available)', 'TBD - pick up', 'Unassigned.'])(
    '"**Agent:** %s" names nobody',
    (value) => {
      expect(parse(`# Task 1: A\n\n**Agent:** ${value}\n**Status:** pending\n`).task?.agent).toBeNull();
      expect(isUnassigned(value)).toBe(true);
    },
  );

  test.each(['Nonexistent Team', 'Tbdesign', 'Nobody-Knows Inc'])('"%s" names someone', (value) => {
    expect(isUnassigned(value)).toBe(false);
  });
});

describe('values and titles without their Markdown and decorations', () => {
  test('"**Agent:** `coder`" is the agent coder; a bold status is its words', () => {
    const { task } = parse('# Task 3: Thing\n\n**Agent:** `coder`\n**Status:** ✅ **IMPLEMENTED & VERIFIED**\n');
    expect(task).toMatchObject({ agent: 'coder', statusText: '✅ IMPLEMENTED & VERIFIED', status: 'complete' });
  });

  test.each([
    ['`general-purpose`', 'general-purpose'],
    ['[Task 7.3](./task-7.3.md)', 'Task 7.3'],
    ['**Backend** team', 'Backend team'],
    ['snake_case_name', 'snake_case_name'],
  ])('"**Agent:** %s" is the agent %s', (text, plain) => {
    expect(parse(`# Task 3: Thing\n\n**Agent:** ${text}\n**Status:** pending\n`).task?.agent).toBe(plain);
  });

  test.each([
    ['# Story 0.1: Set up the Repo', 'Set up the Repo'],
    ['# Task 3: Wire the Queue', 'Wire the Queue'],
    ['# Task 3: ✅ COMPLETED TASK: Wire the Queue', 'Wire the Queue'],
    ['# ✅ COMPLETED TASK: Task 3 - Wire the Queue', 'Wire the Queue'],
    ['# Task 3: Wire the Queue - COMPLETE ✅', 'Wire the Queue'],
    ['# 📡 TODO: Order API Reference', 'Order API Reference'],
    ['# Service Modernization - Phase 3: Wiring', 'Wiring'],
  ])('%s → %s', (heading, title) => {
    expect(parse(`${heading}\n\n**Status:** pending\n**Agent:** coder\n`, 'task-3-phase-3').task?.title).toBe(title);
  });

  test('words that only look like decorations stay', () => {
    for (const title of ['Done button styling', 'Launch 🚀'])
      expect(parse(`# Task 3: ${title}\n\n**Status:** pending\n**Agent:** coder\n`, 'task-3').task?.title).toBe(title);
  });
});

describe('an id of a letter and a number, written both in the title and at the start of the file name', () => {
  test('"# M167 — Fix Canvas" in M167-fix-canvas.md is task M167, titled without its id', () => {
    const task = parse(
      '# M167 — Fix Canvas Size\n\n**Status:** `done`\n**Severity:** `high`\n**Created:** 2026-06-24\n\n## Description\n\nThe canvas is too large.\n',
      'M167-fix-canvas',
    )?.task;
    expect([task?.id, task?.title, task?.status]).toEqual(['M167', 'Fix Canvas Size', 'complete']);
    // Its plan numbers its own steps further down ("### T1 — Clip enum"): the title is still the task's.
    const deeper = parse(
      '# M170 — Flag Grid: Clip Shapes\n\n**Status:** `complete`\n\n## Plan\n\n### T1 — Clip enum\n\nAdd the enum.\n',
      'M170-flag-grid-clip-shapes',
    )?.task;
    expect([deeper?.id, deeper?.title, deeper?.status]).toEqual(['M170', 'Flag Grid: Clip Shapes', 'complete']);
  });

  test('not when only one of the two has it, nor from a heading of another kind', () => {
    expect(parse('# M167 — Fix Canvas\n\n**Status:** done\n', 'fix-canvas').task?.id).not.toBe('M167');
    expect(parse('# Program — Design Engine (Phase 1)\n\nNotes.\n', 'M197-design-engine-program').isTask).toBe(false);
  });
});

describe('dependencies point one way and name tasks', () => {
  test('a "### Blocking Other Tasks" list under "## Dependencies" are the tasks that wait for this one', () => {
    const text = [
      '# Task 8.0: Data Cleanup',
      '',
      '**Status:** pending',
      '',
      '## Dependencies',
      '',
      '### Required Before Starting',
      '- Task 7.9 complete',
      '',
      '### Blocking Other Tasks',
      '- **Task 8.1:** Age checks',
      '- **Task 8.2:** Invitations',
    ].join('\n');
    expect(parse(text).task?.dependsOn).toEqual(['7.9']);
  });

  test('a list under a "**Required by:**" line inside "### Dependencies" names the stories that wait for this one (BMAD story files)', () => {
    const text = [
      '# Story 4.2: Shelf Sync',
      '',
      'Status: done',
      '',
      '## Dev Notes',
      '',
      '### Dependencies',
      '',
      '**Depends on (COMPLETED):**',
      '- Story 4.1: Shelf Index - gives the index',
      '',
      '**Required by:**',
      '- Story 4.5: Sync Coordinator - merges the shelves',
      '- Story 4.6: Commands - uses the coordinator',
      '',
      'Blocks:',
      '- Story 4.7: Export',
    ].join('\n');
    expect(parse(text, '4-2-shelf-sync').task?.dependsOn).toEqual(['4.1']);
  });

  test('under "### Dependencies", a "**Subsequent Stories (Depend on This):**" list waits for this story, and an item marked "(future …)" is not needed yet', () => {
    const text = [
      '# Story 5.1: Roles',
      '',
      'Status: done',
      '',
      '## Dev Notes',
      '',
      '### Dependencies',
      '',
      '**Prerequisite Stories (All DONE):**',
      '- Story 1.3: Shared Types - DONE',
      '- **Story 4.7:** Sync of deletions (future - local-first for now)',
      '',
      '**Subsequent Stories (Depend on This):**',
      '- Story 5.2: Show the role (needs the role data)',
      '- Story 5.3: Permissions',
    ].join('\n');
    expect(parse(text, '5-1-roles').task?.dependsOn).toEqual(['1.3']);
  });

  test('"Blocks stories 1.4" is not a dependency on 1.4; what follows "blocks" in a field is the other way round', () => {
    expect(parseDependencies('Blocks stories 1.4').flatMap((dependency) => dependency.taskIds)).toEqual([]);
    expect(parseDependencies('Task 1.2; blocks 1.4, 1.5').flatMap((dependency) => dependency.taskIds)).toEqual(['1.2']);
    expect(parseDependencies(['Task 2.2', 'Blocks: Task 5.1', '✓ BLOCKS #3 and #5']).flatMap((dependency) => dependency.taskIds)).toEqual(['2.2']);
    expect(parse('# Task 1.3: A\n\n**Status:** pending\n**Dependencies:** Blocks stories 1.4\n').task?.dependsOn).toEqual([]);
  });

  test.each([
    ['Blocks', true],
    ['Blocking Other Tasks', true],
    ['🚧 Blocks', true],
    ['Blocked By', false],
    ['Dependencies', false],
    ['Non-blocking work', false],
  ])('isReverseDependencyKey(%s) = %s', (key, reverse) => {
    expect(isReverseDependencyKey(key)).toBe(reverse);
  });

  test.each([
    ['Gemini 2.5 Pro API', ['2.5']],
    ['Python 3.11 runtime', ['3.11']],
    ['see section 3.2 of the spec', ['3.2']],
    ['Task 7.3 COMPLETE ⚠️', []],
    ['Story 1.4', []],
    ['7.1', []],
    ['after 7.3 is complete', []],
    ['2.1 (done)', []],
  ])('proseIds(%s) = %j: a number among other words is not a reference on its own', (raw, prose) => {
    expect(proseIds(raw)).toEqual(prose);
  });

  test('"TASK 1, 3": a bare number after "Task N" continues the list; bare numbers alone name nothing', () => {
    expect(parseDependencies('TASK 1, 3').flatMap((dependency) => dependency.taskIds)).toEqual(['1', '3']);
    expect(parseDependencies('7, 8').flatMap((dependency) => dependency.taskIds)).toEqual([]);
  });

  test('"#12" is a reference to task 12', () => {
    expect(parseDependencies('#12, #14').flatMap((dependency) => dependency.taskIds)).toEqual(['12', '14']);
  });
});

describe('an id from a file name is never a date', () => {
  test.each(['task-20250119-1840-fix-login', 'task-20241210143052-add-user-auth', 'notes-20250119'])('%s names no id', (name) => {
    expect(findTaskId(name)).toBeNull();
  });

  test('two tasks of one day keep their own ids (the file name), or the id their title gives', () => {
    const first = parse('# Fix the login\n\n**Status:** done\n', 'task-20250119-1840-fix-login').task;
    const second = parse('# Tidy the logs\n\n**Status:** done\n', 'task-20250119-1912-tidy-logs').task;
    const titled = parse('# Task 7.2: Tidy the logs\n\n**Status:** done\n', 'task-20250119-2010-tidy').task;
    expect([first?.id, second?.id, titled?.id]).toEqual(['task-20250119-1840-fix-login', 'task-20250119-1912-tidy-logs', '7.2']);
  });

  test('a number that is not a date still names a task', () => {
    expect(findTaskId('task-12-export')).toBe('12');
    expect(findTaskId('TASK-20251399-x')).toBe('TASK-20251399');
  });
});

describe('a status mark followed by a word', () => {
  test.each([
    ['⏳ WAITING', 'pending'],
    ['⏸️ On hold', 'blocked'],
    ['🚧 Blocked', 'blocked'],
    ['⏳ Pending (after 7.3)', 'pending'],
    ['✅ 100% COMPLETE', 'complete'],
    ['✅', 'complete'],
  ])('"%s" means %s: the word decides', async (text, meaning) => {
    const { parseStatusMeaning } = await import('../../../src/core/tasks/parse-status.ts');
    expect(parseStatusMeaning(text)).toBe(meaning);
  });
});
