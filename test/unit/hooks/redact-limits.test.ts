/**
 * Redaction never throws and stays linear, whatever the input: one hook message with an 8 MB base64 screenshot once
 * overflowed a regular expression's backtracking stack ("Maximum call stack size exceeded"). Times are not asserted
 * here; `npm run audit` prints them.
 */
import { describe, expect, test } from 'vitest';
import { redactEventCounting, redactText, redactTextCounting } from '../../../src/core/redact/redact.ts';
import type { HookEvent } from '../../../src/core/schema/model.ts';
import { mark } from './redacted.ts';

const megabytes = (n: number) => n * 1024 * 1024;
const base64 = (size: number) =>
  Buffer.from(Array.from({ length: Math.ceil((size * 3) / 4) }, (_, at) => (at * 7919 + 13) % 256))
    .toString('base64')
    .slice(0, size);
const ghp = 'ghp' + '_' + 'Fk7Qz2Lm9Xw4Rt6Yb1Nc8Vd3Hs5Jp0Ga2Ke';

describe('huge inputs: redaction returns', () => {
  test('10 MB of base64 (a screenshot in a hook message) is passed as it is', () => {
    const text = `screenshot: data:image/png;base64,${base64(megabytes(10))} (attached)`;
    expect(redactText(text)).toBe(text);
  });

  test('10 MB of one letter is passed as it is', () => {
    const text = 'a'.repeat(megabytes(10));
    expect(redactText(text)).toBe(text);
  });

  test('a 10 MB value under a secret name is redacted whole', () => {
    expect(redactTextCounting(`API_TOKEN=${'a'.repeat(megabytes(10))} done`)).toEqual({
      text: `API_TOKEN=${mark('secret')} done`,
      counts: { secret: 1 },
    });
  });

  test('a 10 MB token is redacted whole', () => {
    expect(redactText(`pushed ${ghp}${'A'.repeat(megabytes(10))} ok`)).toBe(`pushed ${mark('github-token')} ok`);
  });

  test('an event with an 8 MB message is redacted, its secret counted', () => {
    const event: HookEvent = {
      id: 'e0',
      kind: 'notify',
      time: null,
      timeSource: 'none',
      order: 0,
      session: null,
      taskRef: null,
      description: null,
      agent: null,
      file: null,
      memoryKey: null,
      level: null,
      status: null,
      durationMs: null,
      data: {},
      message: `GITHUB_TOKEN=${ghp} screenshot ${base64(megabytes(8))}`,
      source: { format: 'cairn-ndjson', path: 'hooks/run.ndjson', namespace: null, key: null, row: null },
    };
    const { event: redacted, counts } = redactEventCounting(event);
    expect(redacted.message?.startsWith(`GITHUB_TOKEN=${mark('github-token')} screenshot `)).toBe(true);
    expect(counts).toEqual({ 'github-token': 1 });
  });

  test.each([
    ['"a=" repeated', 'a='],
    ['"%FF" repeated (URL escapes that are not UTF-8)', '%FF'],
    ['"%3D" repeated', '%3D'],
    ['"\\n" escapes repeated', '\\n'],
    ['spaces', ' '],
    ['line breaks', '\n'],
    ['"token: a " repeated', 'token: a '],
    ['"ghp_" repeated', 'ghp_'],
    ['"-eyJ" repeated', '-eyJ'],
    ['"Cookie: " repeated', 'Cookie: '],
    ['"“" repeated after a name', 'token=“'],
  ])('3 MB of %s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(megabytes(3) / unit.length));
    expect(typeof redactText(text)).toBe('string');
  });
});

describe('long texts are searched in windows that overlap', () => {
  // Lines of ordinary log text, about 3 MB, with a secret in each of them at `at`.
  const lines = Array.from(
    { length: 40_000 },
    (_, index) => `2025-10-25T10:00:00Z agent-${index % 7} step ${index}: compiled 42 crates, 0 warnings, cache hit`,
  );
  const at = [0, 9_000, 12_600, 12_601, 25_200, 39_999];
  test('a secret in any line is found, at a window boundary too', () => {
    const text = lines.map((line, index) => (at.includes(index) ? `${line} GITHUB_TOKEN=${ghp}` : line)).join('\n');
    const { text: redacted, counts } = redactTextCounting(text);
    expect(counts).toEqual({ 'github-token': at.length });
    expect(redacted).not.toContain(ghp);
    expect(redacted.split('\n').length).toBe(lines.length);
  });

  test('a private key block across a window boundary is redacted whole', () => {
    const body = Array.from({ length: 40 }, () => 'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn' + 'ZKXpL2oqYt4Rk8sWQ7vJ2mN5bC9dE1fG').join('\n');
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    // The block starts about 1,000 characters before the first window ends.
    let count = 0;
    for (let length = 0; length < (1 << 20) - 1_000; count += 1) length += lines[count]!.length + 1;
    const before = lines.slice(0, count).join('\n');
    const text = `${before}\n${key}\n${lines.slice(0, 100).join('\n')}`;
    expect(text.indexOf(key)).toBeLessThan(1 << 20);
    expect(text.indexOf(key) + key.length).toBeGreaterThan(1 << 20);
    expect(redactText(text)).toBe(`${before}\n${mark('private-key')}\n${lines.slice(0, 100).join('\n')}`);
  });
});
