import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { dependencyLine, parseTaskFile } from '../../../src/core/tasks/parse-task.ts';
import { readFixture } from '../fixtures.ts';

/** Parses test/fixtures/tasks/<name>.md as a task of phase "p". */
const parseFixture = (name: string) => parseTaskFile({ text: readFixture(`tasks/${name}.md`), path: `tasks/${name}.md`, slug: name, phaseId: 'p' });

describe('parseTaskFile: metadata styles', () => {
  test.each([
    // name, id, title, agent, estimateDays, estimateText, dependsOn, status, statusText, priority, style
    ['frontmatter', '3.2', 'Wire the metrics endpoint', 'backend-dev', 0.75, '6h', ['3.1'], 'in_progress', 'In progress', 'medium', 'frontmatter'],
    ['bold-keys', '2.1', 'Database Migration', 'backend-dev', 1.5, '1.5 days', ['1.1', '1.2'], 'in_progress', 'In progress', 'High', 'bold-lines'],
    ['bold-keys-in-list', '2.2', 'Load Testing', 'tester', 10, '2 weeks', ['2.1'], 'blocked', 'Blocked', 'Medium', 'bold-lines'],
    [
      'emoji-real-world',
      '4.3',
      'API Gateway Hardening',
      'security-manager',
      3,
      '~3 days',
      ['4.1'],
      'in_progress',
      '🔄 In Progress',
      '🔴 Critical',
      'bold-lines',
    ],
    ['missing-status', '1.4', 'Write the Runbook', 'api-docs', 0.5, '4 hours', [], 'pending', null, null, 'bold-lines'],
  ])('%s', (name, id, title, agent, estimateDays, estimateText, dependsOn, status, statusText, priority, metadataStyle) => {
    const { task, issues } = parseFixture(name);
    expect(issues).toEqual([]);
    expect(task).toMatchObject({
      id,
      slug: name,
      phaseId: 'p',
      title,
      agent,
      estimateDays,
      estimateText,
      dependsOn,
      status,
      statusText,
      priority,
      metadataStyle,
      file: `tasks/${name}.md`,
    });
  });

  test('frontmatter: sections come from the body, memory keys from both', () => {
    const { task } = parseFixture('frontmatter');
    expect(task?.objectives).toEqual(['Expose /metrics in Prometheus format', 'Count requests per route']);
    expect(task?.deliverables).toEqual([
      { text: 'src/metrics.rs', checked: true },
      { text: 'Grafana panel', checked: false },
    ]);
    expect(task?.successCriteria).toEqual([{ text: 'p95 latency stays under 50ms', checked: false }]);
    expect(task?.memoryKeys).toEqual(['phase3/metrics/status', 'phase3/metrics/endpoint']);
  });

  test('emoji-real-world: external and task dependencies, emoji sections, no keys from code fences', () => {
    const { task } = parseFixture('emoji-real-world');
    expect(task?.dependencies.map(({ raw, taskIds, external }) => ({ raw, taskIds, external }))).toEqual([
      { raw: 'Phase 3 complete ✅', taskIds: [], external: true },
      { raw: 'Task 4.1 ⚠️', taskIds: ['4.1'], external: false },
    ]);
    expect(task?.objectives).toHaveLength(3);
    expect(task?.deliverables).toEqual([
      { text: 'gateway/src/rate_limit.rs', checked: true },
      { text: 'docs/SECURITY.md', checked: false },
    ]);
    expect(task?.successCriteria.map((item) => item.text)).toEqual(['✅ No route without a rate limit', '✅ Keys rotate without downtime']);
    expect(task?.memoryKeys).toEqual(['phase4/gateway/status', 'phase4/gateway/rate_limits']);
  });
});

describe('parseTaskFile: problems point at the file position', () => {
  test('invalid-duration: a warning at the value, the estimate unknown', () => {
    const { task, issues } = parseFixture('invalid-duration');
    expect(task).toMatchObject({ id: '1.5', estimateDays: null, estimateText: 'a couple of days' });
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "tasks/invalid-duration.md:4:15 warning Cannot read the estimate "a couple of days": no number with a unit; it is shown as unknown.
        hint: Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks", "6-8 weeks"."
    `);
  });

  test('broken-frontmatter: one error, on the bad YAML line, and no task', () => {
    const { task, issues } = parseFixture('broken-frontmatter');
    expect(task).toBeNull();
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "tasks/broken-frontmatter.md:6:11 error The frontmatter is not valid YAML: bad indentation of a mapping entry.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });

  test('missing-agent: a warning, and the task unassigned', () => {
    const { task, issues } = parseFixture('missing-agent');
    expect(task).toMatchObject({ agent: null });
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "tasks/missing-agent.md:1:1 warning The task names no agent, so it is shown as unassigned.
        hint: Add "**Agent:** cicd-engineer" (or Owner, Assignee) under the title, or "agent: cicd-engineer" to the frontmatter."
    `);
  });

  test('mojibake: repaired to 🟢 and ✅, with a warning naming the file and line', () => {
    const { task, body, issues } = parseFixture('mojibake');
    expect(task).toMatchObject({ id: '6.1', agent: 'planner', estimateDays: 1, status: 'pending' });
    expect(body).toContain('## 🟢 Readiness');
    expect(body).toContain('- ✅ Changelog reviewed');
    expect(body).not.toContain('‚úÖ');
    expect(issues.map(formatIssue)).toEqual([
      'tasks/mojibake.md:7:1 warning Repaired 3 garbled character sequences (UTF-8 read as Mac Roman).\n  hint: Save the file as UTF-8 to keep emoji and symbols intact.',
    ]);
  });

  test.each([
    ['**Agent:** a\n**Duration:** 1 day\n**Status:** Redy', 3, 13, 'warning', 'Unknown status "Redy"; the task is shown as pending.'],
    [
      '# Build things\n\n**Agent:** a\n**Duration:** 1 day',
      1,
      1,
      'warning',
      'The task has no id in its metadata, its title or its file name, so its file name "notes" is used.',
    ],
    ['# Task 1.1: X\n\n**Agent:** a', 1, 1, 'warning', 'The task has no estimate; the critical path leaves it out and progress counts tasks.'],
    ['---\n- a\n- b\n---\n# Task 1.1: X', 2, 1, 'error', 'The frontmatter is not a set of "key: value" lines.'],
  ])('inline %j → %i:%i %s %s', (text, line, column, severity, message) => {
    const { issues } = parseTaskFile({ text, path: 't.md', slug: 'notes', phaseId: 'p' });
    expect(issues.map(({ line, column, severity, message }) => ({ line, column, severity, message }))).toContainEqual({ line, column, severity, message });
  });
});

describe('a title without its "Task 7.1:" prefix', () => {
  test.each([
    ['Task 7.1: Build Infrastructure', 'Build Infrastructure'],
    ['7.2 - Configuration System', 'Configuration System'],
    ['T3. Frontend shell', 'Frontend shell'],
    ['🚀 Task 4.3: API Gateway Hardening', 'API Gateway Hardening'],
    ['Release Preparation (v2.0.0)', 'Release Preparation (v2.0.0)'],
    ['🚀 Launch', '🚀 Launch'],
    ['Task 7.1', 'Task 7.1'],
  ])('%j → %j', (title, expected) => {
    const { task } = parseTaskFile({ text: `# ${title}\n\n**Status:** pending\n**Agent:** coder\n`, path: 'phases/p/notes.md', slug: 'notes', phaseId: 'p' });
    expect(task?.title).toBe(expected);
  });
});

describe('dependencyLine', () => {
  test.each([
    ['# T\n\n**Agent:** a\n**Dependencies:** Task 7.1, Task 7.9', '7.9', { line: 4, column: 34 }],
    ['# T\n- **Depends on:** 7.9', '7.9', { line: 2, column: 19 }],
    ['---\nid: "7.4"\ndependencies: ["7.9"]\n---', '7.9', { line: 3, column: 17 }],
    ['# T\n**Dependencies:** None', '7.9', { line: 2, column: 1 }],
    ['# T\nNo field here', '7.9', { line: 1, column: 1 }],
  ])('%j, %s → %j', (text, id, expected) => {
    expect(dependencyLine(text, id)).toEqual(expected);
  });
});

describe('frontmatter scalars stay as written', () => {
  test('an unquoted id 7.10 is not read as the number 7.1', () => {
    const text = ['---', 'id: 7.10', 'agent: coder', 'estimate: 2', 'dependencies: [7.9]', '---', '# Wide task', ''].join('\n');
    const { task, issues } = parseTaskFile({ text, path: 'task-7.10.md', slug: 'task-7.10', phaseId: 'phase-7' });
    expect(issues).toEqual([]);
    expect(task).toMatchObject({ id: '7.10', estimateDays: 2, dependsOn: ['7.9'] });
  });
});

describe('content shown on the task page', () => {
  test('leaves out the title and the metadata lines the page lists itself, keeps everything else', () => {
    const text = [
      '# Task 7.2: Configuration System',
      '',
      '**Agent Type:** backend-dev',
      '**Duration:** 2.4 days',
      '**Note:** kept, not metadata',
      '',
      '## Objectives',
      '',
      '- Add 93 env vars',
      '',
    ].join('\n');
    const parsed = parseTaskFile({ text, path: 'task-7.2.md', slug: 'task-7.2', phaseId: 'phase-7' });
    expect(parsed.content).toBe(['**Note:** kept, not metadata', '', '## Objectives', '', '- Add 93 env vars', ''].join('\n'));
    expect(parsed.body).toBe(text);
  });
});

test('content does not open with the rule that followed the metadata (it would read as frontmatter)', () => {
  const text = ['# Task 7.1: Build', '**Agent Type:** coder', '**Duration:** 1 day', '', '---', '', '## Objectives', ''].join('\n');
  expect(parseTaskFile({ text, path: 't.md', slug: 'task-7.1', phaseId: 'p' }).content).toBe('## Objectives\n');
});
