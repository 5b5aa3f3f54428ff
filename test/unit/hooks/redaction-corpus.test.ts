import { expect, test } from 'vitest';
import { auditConfigValues, auditLogNames, auditRedaction, seededCases, stillHolds } from '../../fixtures/secrets/corpus.ts';

const audit = auditRedaction();

test('every seeded secret, in every encoding, is gone from the redacted text', () => {
  expect(audit.seeded).toBeGreaterThanOrEqual(650);
  expect(audit.missed.map((one) => `${one.kind} / ${one.encoding}`)).toEqual([]);
});

test('the check for a secret that is still there can fail: an unredacted text holds each one', () => {
  expect(
    seededCases()
      .filter((one) => !stillHolds(one.text, one.secret))
      .map((one) => `${one.kind} / ${one.encoding}`),
  ).toEqual([]);
});

test('task and spec files full of code, placeholders and prose about credentials lose nothing', () => {
  expect(audit.cleanFiles).toBeGreaterThanOrEqual(50);
  expect(audit.falsePositives).toEqual([]);
});

test('every seeded secret as a config value (title, site, base, SITE, BASE) is refused without being quoted', () => {
  const values = auditConfigValues();
  expect(values.seeded).toBeGreaterThanOrEqual(300);
  expect(values.survived).toEqual([]);
});

test("every seeded secret in a hook log's name is gone from the site's data-quality page and the phase's panel", () => {
  const names = auditLogNames();
  expect(names.seeded).toBeGreaterThanOrEqual(100);
  expect(names.survived).toEqual([]);
});

test('the check for a part of a secret left can fail: half a token, or one word of a passphrase', () => {
  expect(stillHolds('TOKEN=[redacted: secret]\n    b1Nc8Vd3Hs5Jp0Ga2Ke', 'ghp_Fk7Qz2Lm9Xw4Rt6Yb1Nc8Vd3Hs5Jp0Ga2Ke')).toBe(true);
  expect(stillHolds('db_password: [redacted: password] staple', 'PRBhook staple battery horse')).toBe(true);
});
