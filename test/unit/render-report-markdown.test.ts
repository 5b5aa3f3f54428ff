import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes } from 'mdast';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { renderCompletionReportMarkdown } from '../../src/core/report/render-markdown.ts';
import { buildCompletionReport } from '../../src/core/report/report.ts';
import { visit } from '../../src/core/markdown/visit.ts';
import { AS_OF } from './fixtures.ts';
import { items, reportMetric, reportPhase, reportTask } from './report-phase.ts';

/** Every node of the Markdown as GitHub reads it (GFM). */
function nodesOf(markdown: string): Nodes[] {
  const nodes: Nodes[] = [];
  visit(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), (node) => nodes.push(node));
  return nodes;
}

const render = (phase: Parameters<typeof buildCompletionReport>[0]) => renderCompletionReportMarkdown(buildCompletionReport(phase));

describe('the example package', () => {
  const [phase] = loadContent(fileURLToPath(new URL('../../content', import.meta.url)), AS_OF).phases;

  // The stored report is the review copy: regenerate it only on purpose (`npx vitest run -u`), then read the diff.
  test('renders as the stored report', async () => {
    await expect(render(phase!)).toMatchFileSnapshot('../fixtures/reports/phase-7.md');
  });

  test('renders the same bytes twice and leaves the model alone', () => {
    const before = structuredClone(phase!);
    expect(render(phase!)).toBe(render(phase!));
    expect(phase).toEqual(before);
  });
});

describe('the draft mark', () => {
  const finished = reportTask({
    id: '1.1',
    status: 'complete',
    startedAt: '2025-10-20T08:00:00.000Z',
    completedAt: '2025-10-21T08:00:00.000Z',
    elapsedDays: 1,
  });
  test.each([
    ['open tasks: a draft', [finished, reportTask({ id: '1.2' })], '# Phase 1: Test — completion report (draft)', true],
    ['every task complete: final', [finished], '# Phase 1: Test — completion report\n', false],
  ])('%s', (_, tasks, heading, draft) => {
    const markdown = render(reportPhase({ tasks }));
    expect(markdown.startsWith(heading)).toBe(true);
    expect(markdown.includes('**Draft:**')).toBe(draft);
  });
});

describe('escaping', () => {
  /** A metric's label as the metrics table writes it in its cell. */
  const cellOf = (label: string): string | undefined => {
    const [before, after] = ['| — | ', ' | 3 | <2 | pending | Pending | No achieved value yet. |'];
    const markdown = render(reportPhase({ metrics: [reportMetric({ label, baseline: 3, target: '<2', achieved: 'pending' })] }));
    const row = markdown.split('\n').find((line) => line.startsWith(before) && line.endsWith(after));
    return row?.slice(before.length, -after.length);
  };

  test.each([
    ['a | b', 'a \\| b'],
    ['line one\nline two\r\nthree', 'line one line two three'],
    ['<20 and ≤ 20', '<20 and ≤ 20'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['from_env() and _private_', 'from_env() and \\_private\\_'],
    ['**bold** `code` [link](x)', '\\*\\*bold\\*\\* \\`code\\` \\[link\\](x)'],
    ['~500 LOC', '~500 LOC'],
    ['~old~ text', '\\~old\\~ text'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['-25 to -40%', '-25 to -40%'],
    ['1. first', '1\\. first'],
    ['> quote', '\\> quote'],
    ['&amp; &', '\\&amp; &'],
    ['back\\slash', 'back\\\\slash'],
  ])('cell %j → %j', (text, expected) => {
    expect(cellOf(text)).toBe(expected);
  });

  test('a pipe outside a table stays as it is', () => {
    expect(render(reportPhase({ title: 'a | b' })).split('\n')[0]).toBe('# a | b — completion report (draft)');
  });

  test('pipes and newlines in package text cannot break the tables', () => {
    const markdown = render(
      reportPhase({
        tasks: [reportTask({ id: '1.1', title: 'Split | merge' })],
        metrics: [reportMetric({ label: 'Errors | warnings', baseline: 3, target: '<2', achieved: 'pending' })],
        successCriteria: items('[ ] Docs\nwritten | reviewed'),
      }),
    );
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows).toContain('| — | Errors \\| warnings | 3 | <2 | pending | Pending | No achieved value yet. |');
    expect(rows).toContain('| Docs written \\| reviewed | Pending | Not checked yet; the phase is still open. |');
    expect(rows).toContainEqual(expect.stringMatching(/^\| 1\.1 Split \\\| merge \| Pending \|/));
  });

  test('hostile package text reads back as the same text: no HTML, no markup, tables intact', () => {
    const hostile = ['<img src=x onerror=alert(1)>', '**not bold** | _not em_ [not](a link)', '# not a heading', '~~not struck~~ `not code`'];
    const markdown = render(
      reportPhase({
        tasks: [reportTask({ id: '1.1', title: hostile[0]!, objectives: hostile, deliverables: items(...hostile.map((text) => `[x] ${text}`)) })],
        successCriteria: items(...hostile),
      }),
    );
    const nodes = nodesOf(markdown);
    expect(
      nodes.filter((node) => ['html', 'emphasis', 'strong', 'delete', 'inlineCode', 'link'].includes(node.type) && !toString(node).startsWith('Draft')),
    ).toEqual([]);
    for (const table of nodes.filter((node) => node.type === 'table')) {
      const widths = table.children.map((row) => row.children.length);
      expect(new Set(widths).size).toBe(1);
    }
    const criteria = nodes.filter((node) => node.type === 'table').at(-1)!;
    expect(criteria.type === 'table' && criteria.children.slice(1).map((row) => toString(row.children[0]!))).toEqual(hostile);
    const objectives = nodes.filter((node) => node.type === 'listItem').map((node) => toString(node));
    for (const text of hostile) expect(objectives).toContain(text);
  });
});

test('a phase with achieved values renders the impact table with signed changes', () => {
  const markdown = render(
    reportPhase({
      tasks: [reportTask({ id: '1.1', status: 'complete', startedAt: '2025-10-20T08:00:00.000Z', completedAt: '2025-10-21T08:00:00.000Z', elapsedDays: 1 })],
      metrics: [
        reportMetric({ label: 'Clippy Warnings', baseline: 12, target: '<20', achieved: 34, taskIds: ['1.1'] }),
        reportMetric({ label: 'Coverage', baseline: '45%', target: 'at least 50%', achieved: '52.5%' }),
        reportMetric({ label: 'Version', baseline: '1.x', target: '2.0.0', achieved: '2.0.0' }),
      ],
    }),
  );
  expect(markdown.slice(markdown.indexOf('## Impact'), markdown.indexOf('## Plan vs actual'))).toMatchInlineSnapshot(`
    "## Impact

    | Metric | Before | After | Change | Change % |
    | --- | --- | --- | --- | --- |
    | Clippy Warnings | 12 | 34 | +22 | +183.33% |
    | Coverage | 45% | 52.5% | +7.5 points | +16.67% |
    | Version | 1.x | 2.0.0 | — | — |

    "
  `);
  expect(markdown).toContain('### High\n\n- Clippy Warnings for task 1.1 missed its target: achieved 34 against <20. 34 is not below 20.');
});
