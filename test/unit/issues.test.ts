import { describe, expect, test } from 'vitest';
import { createIssueSink, formatIssue, hasErrors, sortIssues } from '../../src/core/text/issues.ts';
import type { Issue } from '../../src/core/schema/model.ts';

const issue = (over: Partial<Issue>): Issue => ({ file: 'a.md', line: 1, column: 1, severity: 'error', message: 'Bad.', ...over });

describe('formatIssue', () => {
  test('puts path:line:col, severity and message on one line and the hint below', () => {
    expect(
      formatIssue(issue({ file: 'content/phases/phase-7/task-7.1.md', line: 4, column: 15, message: 'Cannot read the estimate.', hint: 'Write "2.4 days".' })),
    ).toMatchInlineSnapshot(`
        "content/phases/phase-7/task-7.1.md:4:15 error Cannot read the estimate.
          hint: Write "2.4 days"."
      `);
  });

  test('has no hint line when there is no hint', () => {
    expect(formatIssue(issue({ severity: 'warning', line: 3, column: 2, message: 'Odd.' }))).toBe('a.md:3:2 warning Odd.');
  });
});

describe('createIssueSink', () => {
  test('stamps the file and clamps positions to 1', () => {
    const sink = createIssueSink('x/README.md');
    sink.error(0, -3, 'Broken.', 'Fix it.');
    sink.warning(7, 9, 'Odd.');
    expect(sink.issues).toEqual([
      { file: 'x/README.md', line: 1, column: 1, severity: 'error', message: 'Broken.', hint: 'Fix it.' },
      { file: 'x/README.md', line: 7, column: 9, severity: 'warning', message: 'Odd.' },
    ]);
  });
});

describe('hasErrors', () => {
  test.each([
    [[], false],
    [[issue({ severity: 'warning' })], false],
    [[issue({ severity: 'warning' }), issue({ severity: 'error' })], true],
  ])('%j → %s', (issues, expected) => {
    expect(hasErrors(issues)).toBe(expected);
  });
});

describe('sortIssues', () => {
  test('orders by file, then line, then column, without touching the input', () => {
    const input = [
      issue({ file: 'b.md', line: 1 }),
      issue({ file: 'a.md', line: 9, column: 2 }),
      issue({ file: 'a.md', line: 9, column: 1 }),
      issue({ file: 'a.md', line: 2 }),
    ];
    const sorted = sortIssues(input);
    expect(sorted.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual(['a.md:2:1', 'a.md:9:1', 'a.md:9:2', 'b.md:1:1']);
    expect(input[0]?.file).toBe('b.md');
  });
});
