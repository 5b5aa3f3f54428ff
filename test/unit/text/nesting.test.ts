import { describe, expect, test } from 'vitest';
import { tooDeep } from '../../../src/core/text/nesting.ts';

describe('tooDeep', () => {
  test.each([
    ['HTML elements past the limit, at the tag that goes past it', `text\n${'<div>'.repeat(4)}x`, { line: 2, column: 16, what: '4 HTML elements inside each other' }],
    ['block quotes', '> > > > deep', { line: 1, column: 1, what: '4 block quotes inside each other' }],
    ['lists', ['- a', '  - b', '    - c', '      - d'].join('\n'), { line: 4, column: 1, what: '4 lists inside each other' }],
  ])('%s', (_name, text, expected) => {
    expect(tooDeep(text, 3)).toEqual(expected);
  });

  test.each([
    ['closed elements do not add up', '<b>1</b><i>2</i><span>3</span><em>4</em>'],
    ['void and self-closing elements open nothing', '<br><img src="a.png"><hr/><x-icon/><br>'],
    ['tags in a fenced code block are text', ['```html', '<div><div><div><div><div>', '```'].join('\n')],
    ['a ">" in an attribute does not end the tag', '<a title="1 > 0"><b>x</b></a>'],
    ['three levels are within a limit of three', '> > > ok'],
  ])('%s', (_name, text) => {
    expect(tooDeep(text, 3)).toBeNull();
  });
});
