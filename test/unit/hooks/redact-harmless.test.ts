import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tokenEvidence, valueEvidence, type Evidence } from '../../../src/core/redact/evidence.ts';
import { redactText, redactTextCounting, secretWarning } from '../../../src/core/redact/redact.ts';
import { changedLines, harmlessFiles, nearMisses, stillHolds } from '../../fixtures/secrets/corpus.ts';

const dir = join(import.meta.dirname, '../../fixtures/secrets/harmless');
const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as {
  redactions: number;
  files: Record<string, { lines: number; redactions: number }>;
  mustStayVerbatim: string[];
};
const files = harmlessFiles();

describe('the harmless corpus: lines about credentials that hold none', () => {
  test('facts.json names every file of the corpus, with its line count', () => {
    const names = readdirSync(dir)
      .filter((name) => name !== 'SOURCE.md' && name !== 'facts.json')
      .toSorted();
    expect(Object.keys(facts.files).toSorted()).toEqual(names);
    expect(files.map(({ name }) => name.replace(/^harmless\//, ''))).toEqual(names);
    for (const { name, text } of files) expect(text.split('\n').length - 1, name).toBe(facts.files[name.replace(/^harmless\//, '')]!.lines);
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  test.each(files.map((file) => [file.name, file] as const))('%s: nothing redacted in the whole file, and no warning', (_name, file) => {
    const { text, counts } = redactTextCounting(file.text);
    expect(counts).toEqual({});
    expect(text).toBe(file.text);
    expect(secretWarning(file.name, file.text)).toBeNull();
  });

  test.each(files.map((file) => [file.name, file] as const))('%s: no line changes when redacted alone', (_name, file) => {
    expect(changedLines(file)).toEqual([]);
  });

  test('every line that task specs must keep verbatim is in the corpus, and stays alone too', () => {
    const corpus = files.map(({ text }) => text).join('\n');
    expect(facts.mustStayVerbatim.length).toBeGreaterThanOrEqual(20);
    expect(facts.mustStayVerbatim.filter((line) => !corpus.includes(line))).toEqual([]);
    expect(facts.mustStayVerbatim.filter((line) => redactText(line) !== line)).toEqual([]);
  });

  test('the check can fail: a real secret added to a harmless file is reported at its line', () => {
    const file = files.find(({ name }) => name.endsWith('.env.example'))!;
    const lines = file.text.split('\n').length;
    expect(changedLines({ name: file.name, text: `${file.text}SECRET_KEY=${'Xk9' + '#mP2vL8qR'}\n` })).toEqual([
      `${file.name}:${lines}: SECRET_KEY=${'Xk9' + '#mP2vL8qR'}`,
    ]);
  });
});

describe('real secrets in the same shapes still go', () => {
  test.each(nearMisses.map((one) => [one.kind, one.encoding, one] as const))('%s / %s', (_kind, _encoding, one) => {
    expect(stillHolds(one.text, one.secret)).toBe(true);
    expect(stillHolds(redactText(one.text), one.secret)).toBe(false);
  });
});

describe('evidence that a value is an example', () => {
  test.each<[string, Evidence]>([
    ['<from Google Cloud Console>', 'angle-brackets'],
    ['<generate with: openssl rand -base64 32>', 'angle-brackets'],
    ['changeme-in-production', 'placeholder'],
    ['your-api-key-here', 'placeholder'],
    ['${API_KEY}', 'reference'],
    ['$TOKEN', 'reference'],
    ['process.env.DB_PASSWORD', 'reference'],
    ['%s', 'format-specifier'],
    ["node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"", 'command'],
    ['-----BEGIN', 'key-armor'],
    ['sk-...', 'masked'],
    ['sk_test_...', 'masked'],
    ['sk-...wxyz', 'masked'],
    ['ghp_xxxxxxxxxxxxxxxxxxxx', 'masked'],
    ['…', 'ellipsis'],
    ['...', 'ellipsis'],
    ['eyJhbGciOiJIUzI1NiIs...', 'jwt-header'],
    ['eyJhbGci…', 'jwt-header'],
    ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0...', 'jwt-header'],
    ['AKIAIOSFODNN7EXAMPLE', 'documentation-example'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'documentation-example'],
    ['000000', 'low-entropy'],
    ['abababab', 'low-entropy'],
    ['key', 'too-short'],
    ['JWT', 'too-short'],
    ['password123', 'placeholder-words'],
    ['Test@1234', 'placeholder-words'],
    ['sk-test-123', 'placeholder-words'],
    ['postgres', 'placeholder-words'],
    ['supersecret', 'placeholder-words'],
    ['HMAC-SHA256', 'placeholder-words'],
    ['short-lived', 'placeholder-words'],
  ])('%j: %s', (value, evidence) => {
    expect(valueEvidence(value)).toBe(evidence);
  });

  test.each([
    ['a password with a symbol', 'Xk9' + '#mP2vL8qR'],
    ['a passphrase-like password', 'Tr0ub4dor-8-horse'],
    ['a short password with a digit', 'hunter2x'],
    ['a JWT with its signature', 'eyJ' + 'hbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03In0.Xq9Lm2Kp7Nw4Rt1Vb8Yc3Zd6'],
    ['a JWT wrapped after its payload (no ellipsis)', 'eyJ' + 'hbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2'],
    ['an OpenAI key', 'sk' + '-proj-' + 'Lm4Nb7Vc2Xz9Qa5Ws8Ed3Rf6Tg1Yh0'],
    ['an AWS key id', 'AKIA' + 'Q7W2E9R4T6Y1U3I8'],
    ['a placeholder word run into other letters', 'passwordless-Kq8z'],
  ])('no evidence: %s', (_name, value) => {
    expect(valueEvidence(value)).toBeNull();
    expect(tokenEvidence(value)).toBeNull();
  });

  test.each<[string, Evidence]>([
    ['xoxb-your-bot-token', 'placeholder'],
    ['sk_test_your_stripe_secret_key', 'placeholder'],
    ['ghp_your_personal_access_token_here', 'placeholder'],
    ['AKIAXXXXXXXXXXXXXXXX', 'masked'],
    ['npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'masked'],
  ])('a token of a real prefix and a placeholder body, %j: %s', (token, evidence) => {
    expect(tokenEvidence(token)).toBe(evidence);
  });

  test.each([
    ['a Stripe test key (its "test_" is part of the prefix)', 'sk' + '_test_' + 'Tz5Yx8Wv2Us4Rq7Po9Nm1Lk3'],
    ['a Slack token whose words carry digits', 'xoxb' + '-204761938527-your-Hq8Jw2Ke5Lr7'],
  ])('a token is not a placeholder for a word in it: %s', (_name, token) => {
    expect(tokenEvidence(token)).toBeNull();
  });

  test('a key block is an example only when no run of 16 base64 characters is in it', () => {
    expect(tokenEvidence('-----BEGIN RSA PRIVATE KEY-----\n...paste the key here...\n-----END RSA PRIVATE KEY-----')).toBe('placeholder');
    expect(tokenEvidence('-----BEGIN PRIVATE KEY-----\n\n-----END PRIVATE KEY-----')).toBe('placeholder');
    expect(tokenEvidence(`-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkq'}\n-----END PRIVATE KEY-----`)).toBeNull();
  });
});
