import { describe, expect, test } from 'vitest';
import { parseStatus } from '../../../src/core/tasks/parse-status.ts';

describe('parseStatus', () => {
  test.each([
    ['Ready to execute', 'pending'],
    ['pending', 'pending'],
    ['Not started', 'pending'],
    ['⏸️ Pending (starts after Task 7.3)', 'pending'],
    // The first status word decides: "complete" later in the text does not.
    ['Pending (after 7.3 is complete)', 'pending'],
    ['⏸️ Waiting for Task 7.3', 'pending'],
    ['On hold until the vendor answers', 'blocked'],
    ['Blocked', 'blocked'],
    ['On hold', 'blocked'],
    ['blocked until 7.3 is done', 'blocked'],
    ['In progress', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['🔄 In Progress', 'in_progress'],
    ['✅ COMPLETE', 'complete'],
    ['complete', 'complete'],
    ['Completed', 'complete'],
    ['Done', 'complete'],
    ['✅', 'complete'],
  ])('%j → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  test.each([['Redy'], [''], ['soon'], ['🟡']])('%j → null', (text) => {
    expect(parseStatus(text)).toBeNull();
  });
});
