import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { parseOverview } from '../../../src/core/overview/parse-overview.ts';
import { readFixture } from '../fixtures.ts';

describe('parseOverview: the seed README (mojibake, bold lines, emoji headings)', () => {
  const { overview, issues } = parseOverview(readFixture('packages/real-world/phases/phase-7/README.md'), 'README.md', 'phase-7');

  test('title without the "Coordination Package" suffix, and the bold metadata repaired', () => {
    expect(overview).toMatchObject({
      title: 'Phase 7: Quality & Infrastructure',
      statusText: '🟢 Ready for Agent Execution',
      created: '2025-10-23T08:00:00Z',
      coordinator: 'System Architecture Designer',
      session: 'swarm-phase7',
      statedDays: 3.4,
    });
  });

  test('success metrics rows with their file lines', () => {
    expect(overview.metricRows.map((row) => [row.label, row.baseline, row.target, row.impact, row.line])).toEqual([
      ['Build Time (clean)', 'TBD', '-25 to -40%', 'Task 7.1', 105],
      ['Build Time (incremental)', 'TBD', '-40 to -60%', 'Task 7.1', 106],
      ['Env Variables', '0', '93', 'Task 7.2', 107],
      ['Clippy Warnings', '12', '<20', 'Task 7.3', 108],
      ['Dead Code (LOC)', 'Unknown', '-500', 'Task 7.3', 109],
      ['Version', '1.x', '2.0.0', 'Task 7.4', 110],
    ]);
  });

  test('objectives and deliverables grouped per task', () => {
    expect(overview.objectives.map((group) => [group.title, group.taskId, group.items.length])).toEqual([
      ['Task 7.1: Build Infrastructure', '7.1', 4],
      ['Task 7.2: Configuration System', '7.2', 4],
      ['Task 7.3: Code Quality', '7.3', 4],
      ['Task 7.4: Release Preparation', '7.4', 4],
    ]);
    expect(overview.deliverables.map((group) => [group.title, group.taskId, group.items.length])).toEqual([
      ['Task 7.1 Deliverables', '7.1', 4],
      ['Task 7.2 Deliverables', '7.2', 5],
      ['Task 7.3 Deliverables', '7.3', 4],
      ['Task 7.4 Deliverables', '7.4', 4],
      ['Coordinator Deliverables', null, 3],
    ]);
    // "Phase 7 is COMPLETE when:" then "✅ …" bullets: conditions, drawn with a mark, not met ones.
    expect(overview.successCriteria[0]).toEqual({ text: 'All 4 tasks delivered', checked: null });
    expect(overview.successCriteria).toHaveLength(8);
  });

  test('one warning for the mojibake, at its first line', () => {
    expect(issues.map(formatIssue)).toEqual([
      'README.md:3:1 warning Repaired 96 garbled character sequences (UTF-8 read as Mac Roman).\n  hint: Save the file as UTF-8 to keep emoji and symbols intact.',
    ]);
  });
});

describe('parseOverview: other shapes', () => {
  test('frontmatter metadata, a "Goal" column without a metrics heading, lines shifted past the frontmatter', () => {
    const text = [
      '---',
      'title: "Phase 9: Docs"',
      'status: Done',
      'created: 2025-11-01',
      '---',
      '',
      'Intro.',
      '',
      '| Metric | Current | Goal | Owner |',
      '|---|---|---|---|',
      '| Broken Links | 14 | 0 | Task 9.1 |',
      '| | 1 | 2 | x |',
      '',
      'Total estimate: 5 days',
    ].join('\n');
    const { overview, issues } = parseOverview(text, 'O.md', 'phase-9');
    expect(overview).toMatchObject({ title: 'Phase 9: Docs', statusText: 'Done', created: '2025-11-01', statedDays: 5 });
    expect(overview.metricRows).toEqual([{ label: 'Broken Links', baseline: '14', target: '0', impact: 'Task 9.1', line: 11 }]);
    expect(issues.map(formatIssue)).toEqual([
      'O.md:12:1 warning A success metrics row has no metric name and is left out.\n  hint: Name the metric in the first column.',
    ]);
  });

  test('no heading: the folder name is the title, with a warning', () => {
    const { overview, issues } = parseOverview('Notes only.\n\n**Status:** In progress\n', 'N.md', 'phase-3');
    expect(overview).toMatchObject({ title: 'phase-3', statusText: 'In progress', metricRows: [], statedDays: null });
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "N.md:1:1 warning The overview has no "# Title" heading, so the folder name is used as the phase title.
        hint: Start the file with a heading such as "# Phase 7: Quality & Infrastructure"."
    `);
  });

  test.each([
    ['- Total duration: ~3.4 days', 3.4],
    ['Total estimate = 12 days', 12],
    ['**Estimated Completion:** 2025-10-26 (3.4 days)', 3.4],
    ['Estimated completion: end of October', null],
  ])('stated total %j → %s', (line, days) => {
    expect(parseOverview(`# Phase 1\n\n${line}\n`, 'S.md', 'p').overview.statedDays).toBe(days);
  });

  test('a table without a target column is not the metrics table', () => {
    const text = '# Phase 1\n\n## Metrics\n\n| Metric | Value |\n|---|---|\n| LOC | 12 |\n';
    expect(parseOverview(text, 'T.md', 'p').overview.metricRows).toEqual([]);
  });
});
