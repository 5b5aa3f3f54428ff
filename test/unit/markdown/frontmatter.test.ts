import { describe, expect, test } from 'vitest';
import { keyLineIndex, readFrontmatterOrReport } from '../../../src/core/markdown/frontmatter.ts';
import { createIssueSink, formatIssue } from '../../../src/core/text/issues.ts';

/** Frontmatter whose last key holds `width` aliases of a list that is `levels` lists of `width` aliases deep. */
function aliasBomb(levels: number, width: number, key = 'dependencies'): string {
  const names = Array.from({ length: levels }, (_, level) => `l${level}`);
  const lines = [`l0: &l0 [${Array(width).fill('"x"').join(', ')}]`];
  for (let level = 1; level < levels; level++)
    lines.push(
      `${names[level]}: &${names[level]} [${Array(width)
        .fill(`*${names[level - 1]}`)
        .join(', ')}]`,
    );
  return `---\nid: "1.1"\n${lines.join('\n')}\n${key}: [${Array(width)
    .fill(`*${names.at(-1)}`)
    .join(', ')}]\n---\n# Task 1.1: Bomb\n`;
}

/** The frontmatter read as the task readers read it, for text that holds no error. */
function frontmatterOf(text: string): { data: unknown; content: string; matter: string } {
  const read = readFrontmatterOrReport(text, {
    error: (line, column, message) => {
      throw new Error(`${line}:${column} ${message}`);
    },
  });
  if (!read) throw new Error('no frontmatter read');
  return read;
}

function report(text: string): string {
  const sink = createIssueSink('task.md');
  readFrontmatterOrReport(text, sink);
  return sink.issues.map(formatIssue).join('\n');
}

describe('frontmatter: aliases', () => {
  test('an alias or two reads as the values it stands for', () => {
    const { data } = frontmatterOf('---\nbase: &base ["7.1", "7.2"]\ndependencies: *base\nalso: [*base, *base]\n---\n');
    expect(data).toEqual({
      base: ['7.1', '7.2'],
      dependencies: ['7.1', '7.2'],
      also: [
        ['7.1', '7.2'],
        ['7.1', '7.2'],
      ],
    });
  });

  test('aliases up to the limit are read', () => {
    // 3 levels of 10: the aliases repeat 10 × 11 + 10 × 111 + 10 × 1,111 = 12,330 values; 2 levels stay under.
    expect(report(aliasBomb(2, 10))).toBe('');
  });

  test('aliases that multiply past the limit are an error at the alias, however many values they stand for', () => {
    expect(report(aliasBomb(3, 10))).toMatchInlineSnapshot(`
      "task.md:6:51 error The frontmatter's aliases ("*name") repeat more than 10,000 values by this one, so it was not read.
        hint: Write the values out instead of repeating them through anchors and aliases ("&name", "*name"): aliases of lists of aliases multiply."
    `);
    // Nine levels stand for ten billion values: still stopped at once, on the fourth line of aliases.
    const started = performance.now();
    expect(report(aliasBomb(9, 10))).toMatch(/^task\.md:6:\d+ error The frontmatter's aliases/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('an alias chain deeper than a page nests is an error at the alias that goes past it', () => {
    const chain = `---\nl0: &l0 [x]\n${Array.from({ length: 101 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}]`).join('\n')}\n---\n`;
    expect(report(chain)).toMatch(/^task\.md:103:14 error This alias nests the frontmatter's values 101 levels deep, more than 100, so it was not read\./);
  });
});

describe('frontmatter: the block', () => {
  test('the YAML runs from the opening "---" line to the next line that starts with "---"', () => {
    expect(frontmatterOf('---\nagent: coder\n---\n# Task\n')).toEqual({ data: { agent: 'coder' }, matter: '\nagent: coder', content: '# Task\n' });
    expect(frontmatterOf('---\r\nagent: coder\r\n---\r\nbody')).toMatchObject({ data: { agent: 'coder' }, content: 'body' });
    expect(frontmatterOf('---\n# only a comment\n\n---\nbody')).toEqual({ data: {}, matter: '\n# only a comment\n', content: 'body' });
    expect(frontmatterOf('---\nagent: coder\n')).toEqual({ data: { agent: 'coder' }, matter: '\nagent: coder\n', content: '' });
    expect(frontmatterOf('----\nagent: coder\n---\n').data).toEqual({});
  });

  test('a "---js" block is read as YAML, never run', () => {
    const { data } = frontmatterOf('---js\n{ id: (globalThis.cairnFrontmatterRan = 1) }\n---\n');
    expect(data).toEqual({ id: '(globalThis.cairnFrontmatterRan = 1)' });
    expect('cairnFrontmatterRan' in globalThis).toBe(false);
  });

  test('200 KB of blank lines between the "---" lines is empty frontmatter, read at once', () => {
    // The comment-stripping pattern of the reader this replaced took 45 s over it.
    expect(frontmatterOf(`---\n${'\n'.repeat(200_000)}---\nbody`)).toMatchObject({ data: {}, content: 'body' });
    expect(frontmatterOf(`---\n${' \n'.repeat(100_000)}a: b\n---\nbody`).data).toEqual({ a: 'b' });
  });
});

describe('keyLineIndex', () => {
  test('finds each top-level key on the line that writes it, plain or quoted', () => {
    const lineOf = keyLineIndex('\nid: "7.1"\n"agent": coder\n\'estimate\': 2 days\nnotes:\n  id: nested\nurl: https://example.com/a:b\n');
    expect([lineOf('id'), lineOf('agent'), lineOf('estimate'), lineOf('notes'), lineOf('url'), lineOf('missing')]).toEqual([1, 2, 3, 4, 6, -1]);
  });

  test('thousands of keys are found in one pass', () => {
    const yaml = `\n${Array.from({ length: 20_000 }, (_, i) => `key${i}: value`).join('\n')}\n`;
    const lineOf = keyLineIndex(yaml);
    expect(lineOf('key0')).toBe(1);
    expect(lineOf('key19999')).toBe(20_000);
  });
});
