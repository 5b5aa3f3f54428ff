import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tooDeep } from '../../../src/core/text/nesting.ts';

describe('tooDeep', () => {
  test.each([
    [
      'HTML elements past the limit, at the tag that goes past it',
      `text\n${'<div>'.repeat(4)}x`,
      { line: 2, column: 16, what: '4 HTML elements inside each other' },
    ],
    ['block quotes', '> > > > deep', { line: 1, column: 1, what: '4 block quotes inside each other' }],
    ['lists', ['- a', '  - b', '    - c', '      - d'].join('\n'), { line: 4, column: 1, what: '4 lists inside each other' }],
    ['list markers on one line', 'ok\n- 1. * + deep', { line: 2, column: 1, what: '4 lists inside each other' }],
    ['quotes and lists on one line', '> - > - deep', { line: 1, column: 1, what: '4 block quotes and lists inside each other' }],
  ])('%s', (_name, text, expected) => {
    expect(tooDeep(text, 3)).toEqual(expected);
  });

  test.each([
    ['closed elements do not add up', '<b>1</b><i>2</i><span>3</span><em>4</em>'],
    ['void and self-closing elements open nothing', '<br><img src="a.png"><hr/><x-icon/><br>'],
    ['tags in a fenced code block are text', ['```html', '<div><div><div><div><div>', '```'].join('\n')],
    ['a ">" in an attribute does not end the tag', '<a title="1 > 0"><b>x</b></a>'],
    ['three levels are within a limit of three', '> > > ok'],
    ['a rule of spaced dashes or stars is not lists', '- - - - - -\n* * * * * *'],
  ])('%s', (_name, text) => {
    expect(tooDeep(text, 3)).toBeNull();
  });

  test('200 KB of "<a" without a ">" is read at once (each "<" searched the rest of the line: 60 s)', () => {
    expect(tooDeep('<a'.repeat(100_000))).toBeNull();
    expect(tooDeep('<a "'.repeat(50_000))).toBeNull();
  });
});

describe('the HTML tags of a line', () => {
  // The pattern tooDeep used before, which searched the rest of the line from every "<" that opened no tag.
  const tagPattern = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

  /** Where the line's elements first nest past `limit` by that pattern's tags (no name the pieces make is a void element). */
  function byPattern(line: string, limit: number): { line: number; column: number; what: string } | null {
    let html = 0;
    for (const match of line.matchAll(tagPattern)) {
      if (match[3] === '/') continue;
      html = Math.max(0, html + (match[1] === '/' ? -1 : 1));
      if (html > limit) return { line: 1, column: match.index + 1, what: `${html} HTML elements inside each other` };
    }
    return null;
  }

  test('are the tags that pattern found', () => {
    const pieces = ['<', '>', '/', '"', "'", 'a', 'b1', '-', ' ', '=', '<a', '</b', '<br/>', '<span title="', 'x>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (parts, limit) => {
        // Text first, so the line opens no block quote or list.
        const line = `x ${parts.join('')}`;
        expect(tooDeep(line, limit)).toEqual(byPattern(line, limit));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
