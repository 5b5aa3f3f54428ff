/**
 * micromark's two steps made linear (src/core/markdown/micromark-linear.ts): the same events as micromark's own, on
 * every Markdown file of the fixtures and on random Markdown-like text, and files made of those steps parse at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.ts';
import { useLinearSteps } from '../../../src/core/markdown/micromark-linear.ts';

/** The tree both ways: micromark's own steps, then the linear ones (left on). */
function bothWays(text: string): [unknown, unknown] {
  try {
    useLinearSteps(false);
    const copying = parseMarkdown(text).root;
    useLinearSteps(true);
    return [copying, parseMarkdown(text).root];
  } finally {
    useLinearSteps(true);
  }
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('micromark made linear', () => {
  test('gives the same tree as micromark on every Markdown file of the fixtures', () => {
    const files = markdownFiles('test/fixtures');
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const [copying, linear] = bothWays(readFileSync(file, 'utf8'));
      expect(linear, file).toEqual(copying);
    }
    // Several hundred files parsed twice: seconds on a loaded machine, and no measure of speed.
  }, 60_000);

  test('gives the same tree as micromark on random Markdown-like text', () => {
    const pieces = [
      '> ',
      '>',
      '- ',
      '* ',
      '1. ',
      '  ',
      '\n',
      '\n\n',
      'a',
      'b ',
      '=',
      '---',
      '***',
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '!',
      '&',
      '&amp;',
      '\\',
      '\\*',
      '<b>',
      '</b>',
      '<!--',
      '-->',
      '|',
      '| - |',
      '~',
      '#',
      '# ',
      'http://a.b',
      '"',
      "'",
      '```',
      '[^1]',
      '[^1]: x',
      '[a]: /b',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const [copying, linear] = bothWays(parts.join(''));
        expect(linear).toEqual(copying);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  test.each([
    ['block quotes closed by blank lines', '> a\n\n', 8000, 'blockquote'],
    ['setext headings', 'a\n===\n\n', 6000, 'heading'],
  ])(
    '%s parse in linear time',
    (_name, unit, count, type) => {
      // micromark's own steps took 12 s and 25 s over these 40 KB (minutes at 200 KB): the test's time limit fails them.
      // `npm run audit:sizes` times every such case at full size.
      const root = parseMarkdown(unit.repeat(count)).root;
      expect(root.children.filter((node) => node.type === type)).toHaveLength(count);
    },
    5_000,
  );
});
