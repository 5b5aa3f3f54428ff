/**
 * The bad-input corpus (test/fixtures/bad-input/cases.ts): every case with the class of outcome it must give.
 *
 * | class               | meaning                                                                                 |
 * | ------------------- | --------------------------------------------------------------------------------------- |
 * | error               | authored input: `path:line:col error …`, the build stops (exit 1)                        |
 * | warning             | printed and listed under data quality; the build goes on                                 |
 * | counted-and-skipped | a hook log's records are counted, and those not imported are skipped with a reason       |
 *
 * Nothing may throw. The exact messages are pinned per input kind in corpus-authored, corpus-hooks and
 * corpus-releases-snapshots.test.ts; `npm run audit` runs the same list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { badInputCases, caseTable, classify, outcomeFaults } from '../../fixtures/bad-input/cases.ts';

describe('the bad-input corpus', () => {
  test('has at least 60 cases, each named once', () => {
    const names = caseTable.map(([name]) => name);
    expect(names.length).toBeGreaterThanOrEqual(60);
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(caseTable)('%s (%s): %s', (name, _kind, expected) => {
    const found = badInputCases.find((one) => one.name === name)!;
    const outcome = found.run(); // a throw fails the test: a crash is never an outcome
    expect({ class: classify(outcome), faults: outcomeFaults(outcome) }).toEqual({ class: expected, faults: [] });
  });

  test('every case has its message pinned in one of the corpus-*.test.ts files', () => {
    const dir = new URL('./', import.meta.url);
    const pinned = readdirSync(dir)
      .filter((file) => /^corpus-.+\.test\.ts$/.test(file))
      .map((file) => readFileSync(new URL(file, dir), 'utf8'))
      .join('\n');
    expect(caseTable.map(([name]) => name).filter((name) => !pinned.includes(`pin('${name}')`))).toEqual([]);
  });
});
