import { expect, test } from 'vitest';
import { auditRedaction, seededCases, stillHolds } from '../../fixtures/secrets/corpus.ts';

const audit = auditRedaction();

test('every seeded secret, in every encoding, is gone from the redacted text', () => {
  expect(audit.seeded).toBeGreaterThanOrEqual(150);
  expect(audit.missed.map((one) => `${one.kind} / ${one.encoding}`)).toEqual([]);
});

test('the check for a secret that is still there can fail: an unredacted text holds each one', () => {
  expect(seededCases().filter((one) => !stillHolds(one.text, one.secret)).map((one) => `${one.kind} / ${one.encoding}`)).toEqual([]);
});

test('task and spec files full of code, placeholders and prose about credentials lose nothing', () => {
  expect(audit.cleanFiles).toBeGreaterThanOrEqual(50);
  expect(audit.falsePositives).toEqual([]);
});
