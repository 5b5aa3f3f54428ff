import { describe, expect, test } from 'vitest';
import { REDACTED, redactEvent, redactText } from '../../../src/core/hooks/redact.ts';
import type { HookEvent } from '../../../src/core/schema.ts';

const ghp = 'ghp_FAKEfakeFAKEfake0123456789abcdefABCD'; // the token run 1 step 016 leaked into a notify
const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('redactText: secrets go', () => {
  test.each([
    ['GitHub token in an assignment (run 1 notify)', `build_infra: CI cache wired; WARNING leaked token in CI log: GITHUB_TOKEN=${ghp} (rotate it)`, `build_infra: CI cache wired; WARNING leaked token in CI log: GITHUB_TOKEN=${REDACTED} (rotate it)`],
    ['bare GitHub token', `pushed with ${ghp}.`, `pushed with ${REDACTED}.`],
    ['other GitHub token kinds', 'gho_0123456789abcdefghijABCDEFGHIJ0123 ghs_0123456789abcdefghijABCDEFGHIJ0123', `${REDACTED} ${REDACTED}`],
    ['fine-grained GitHub token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01 in env', `${REDACTED} in env`],
    ['Anthropic key', 'ANTHROPIC_API_KEY is sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AA now', `ANTHROPIC_API_KEY is ${REDACTED} now`],
    ['OpenAI key', 'key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx', `key ${REDACTED}`],
    ['AWS access key id', 'aws id AKIAIOSFODNN7EXAMPLE set', `aws id ${REDACTED} set`],
    ['AWS secret access key in an assignment', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', `aws_secret_access_key = ${REDACTED}`],
    ['JWT', `Authorization: Bearer ${jwt}`, `Authorization: Bearer ${REDACTED}`],
    ['URL credentials: user and host stay', 'DATABASE_URL postgres://admin:s3cr3t-P4ss@db.example.com:5432/app', `DATABASE_URL postgres://admin:${REDACTED}@db.example.com:5432/app`],
    ['password=…', 'login with password=hunter2, then retry', `login with password=${REDACTED}, then retry`],
    ['quoted value with a space', 'DB_PASSWORD: "p@ss word" ok', `DB_PASSWORD: ${REDACTED} ok`],
    ['api key assignment', 'STRIPE_API_KEY=whsec_abc123XYZ', `STRIPE_API_KEY=${REDACTED}`],
    ['private key block', 'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\ndone', `key:\n${REDACTED}\ndone`],
  ])('%s', (_name, text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });
});

describe('redactText: ordinary text stays', () => {
  test.each([
    ['max_tokens: 1000'],
    ['tokens=5'],
    ['token=5'],
    ['token_count: 12, secretary: Bob'],
    ['task-1795523619627-vquslt32a and task-7.1-build-infra'],
    ['edit:edit-1795523629074-izulw3nmf:post session-1795523653783-ikq3l6b2h'],
    ['code_quality: COMPLETE - clippy warnings 34 -> 0. Task 7.4 (release_prep) unblocked ✅'],
    ['see https://github.com/7ravis8ailey/saverly-modern and http://localhost:4321/phase-7/'],
    ['<script>alert(1)</script> & "quotes"'],
  ])('%j', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

const sampleEvent: HookEvent = {
  id: 'e0', kind: 'notify', time: null, timeSource: 'none', order: 0, session: null, taskRef: null, description: null, agent: null, file: null, memoryKey: null, message: null, level: null, status: null, durationMs: null, data: {},
  source: { format: 'claude-flow-sqlite', path: 'x', namespace: null, key: null, row: null },
};

describe('redactEvent', () => {
  const event: HookEvent = {
    id: 'e1',
    kind: 'notify',
    time: '2026-11-24T12:33:58.611Z',
    timeSource: 'value',
    order: 25,
    session: null,
    taskRef: 'task-7.1-build-infra',
    description: `Task 7.1 with ${ghp}`,
    agent: 'cicd-engineer',
    file: 'https://ci:hunter2@ci.example.com/log.txt',
    memoryKey: `phase7/build_infra/${ghp}`,
    message: `GITHUB_TOKEN=${ghp}`,
    level: 'error',
    status: 'password=hunter2',
    durationMs: 12,
    data: { note: `AKIAIOSFODNN7EXAMPLE`, count: 3, ok: true, none: null, tokens: 'tokens=5' },
    source: { format: 'claude-flow-sqlite', path: 'hooks/memory.db', namespace: 'hooks:notify', key: 'notification:notify-1', row: 25 },
  };

  test('redacts description, message, status, file, memoryKey and string data; leaves the rest and the input as they were', () => {
    const before = structuredClone(event);
    expect(redactEvent(event)).toEqual({
      ...event,
      description: `Task 7.1 with ${REDACTED}`,
      file: `https://ci:${REDACTED}@ci.example.com/log.txt`,
      memoryKey: `phase7/build_infra/${REDACTED}`,
      message: `GITHUB_TOKEN=${REDACTED}`,
      status: `password=${REDACTED}`,
      data: { note: REDACTED, count: 3, ok: true, none: null, tokens: 'tokens=5' },
    });
    expect(event).toEqual(before);
  });

  test('null fields stay null', () => {
    const empty = { ...event, description: null, file: null, memoryKey: null, message: null, status: null, data: {} };
    expect(redactEvent(empty)).toEqual(empty);
  });
});

test('bearer tokens of any shape, and secrets in keys, agents and sessions, are redacted', () => {
  expect(redactText('curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123"')).toBe('curl -H "Authorization: Bearer [redacted]"');
  const redacted = redactEvent({ ...sampleEvent, agent: 'agent-ghp_FAKEfakeFAKEfake0123456789abcdefABCD', source: { format: 'claude-flow-sqlite', path: 'x', namespace: 'default', key: 'token=s3cr3t-value', row: 1 } });
  expect([redacted.agent, redacted.source.key]).toEqual(['agent-[redacted]', 'token=[redacted]']);
});
