import { describe, expect, test } from 'vitest';
import { locateJsonError } from '../../../src/core/text/json-position.ts';

const errorOf = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be invalid JSON`);
};

describe('locateJsonError', () => {
  test.each([
    ['{"a": 1,}', 1, 9],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['{\n  "total_loc": "pend', 2, 21],
  ])('finds %j at %i:%i', (text, line, column) => {
    expect(locateJsonError(text, errorOf(text))).toEqual({ line, column });
  });

  test.each([
    ['Unexpected token at position 13', 'abc\ndefghijk\nlmn', 3, 1],
    ['(line 4 column 7)', '', 4, 7],
    ['no position at all', 'ab\ncd', 2, 3],
  ])('reads the message %j', (message, text, line, column) => {
    expect(locateJsonError(text, new SyntaxError(message))).toEqual({ line, column });
  });
});
