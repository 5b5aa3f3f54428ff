import { describe, expect, test } from 'vitest';
import {
  addCounts,
  describeCounts,
  locateSecrets,
  redactEventCounting,
  redactNamedValueCounting,
  redactSourceReport,
  redactStrings,
  redactText,
  redactTextCounting,
  secretWarning,
} from '../../../src/core/redact/redact.ts';
import type { HookEvent, SourceReport } from '../../../src/core/schema/model.ts';
import { mark, nameKind, type SecretKind } from './redacted.ts';

const ghp = 'ghp_FAKEfakeFAKEfake0123456789abcdefABCD'; // the token run 1 step 016 leaked into a notify
const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('redactText: secrets go', () => {
  test.each([
    [
      'GitHub token in an assignment (run 1 notify)',
      `build_infra: CI cache wired; WARNING leaked token in CI log: GITHUB_TOKEN=${ghp} (rotate it)`,
      `build_infra: CI cache wired; WARNING leaked token in CI log: GITHUB_TOKEN=${mark('github-token')} (rotate it)`,
    ],
    ['bare GitHub token', `pushed with ${ghp}.`, `pushed with ${mark('github-token')}.`],
    [
      'other GitHub token kinds',
      'gho_0123456789abcdefghijABCDEFGHIJ0123 ghs_0123456789abcdefghijABCDEFGHIJ0123',
      `${mark('github-token')} ${mark('github-token')}`,
    ],
    [
      'fine-grained GitHub token',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01 in env',
      `${mark('github-token')} in env`,
    ],
    ['Anthropic key', 'ANTHROPIC_API_KEY is sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AA now', `ANTHROPIC_API_KEY is ${mark('anthropic-key')} now`],
    ['OpenAI key', 'key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx', `key ${mark('openai-key')}`],
    ['AWS access key id', `aws id ${'AKIA' + 'Q7W2E9R4T6Y1U3I8'} set`, `aws id ${mark('aws-access-key')} set`],
    [
      'AWS secret access key in an assignment',
      `aws_secret_access_key = ${'Wj7K2mP9qR4sT6vX1y' + 'Z3bN5cD8fG0hJ2/kL4mN6p'}`,
      `aws_secret_access_key = ${mark('aws-secret-key')}`,
    ],
    ['JWT', `Authorization: Bearer ${jwt}`, `Authorization: Bearer ${mark('jwt')}`],
    [
      'URL credentials: user and host stay',
      'DATABASE_URL postgres://admin:s3cr3t-P4ss@db.example.com:5432/app',
      `DATABASE_URL postgres://admin:${mark('password')}@db.example.com:5432/app`,
    ],
    ['password=…', 'login with password=hunter2, then retry', `login with password=${mark('password')}, then retry`],
    ['quoted value with a space', 'DB_PASSWORD: "p@ss word" ok', `DB_PASSWORD: ${mark('password')} ok`],
    ['api key assignment', 'STRIPE_API_KEY=whsec_abc123XYZ', `STRIPE_API_KEY=${mark('secret')}`],
    ['private key block', 'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\ndone', `key:\n${mark('private-key')}\ndone`],
  ])('%s', (_name, text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });
});

// Obviously fake secrets, assembled at run time so that secret scanners have nothing to flag in this file.
const fake = {
  ghp: 'ghp' + '_' + 'A'.repeat(36),
  gho: 'gho' + '_' + 'B'.repeat(36),
  ghu: 'ghu' + '_' + 'C'.repeat(36),
  ghs: 'ghs' + '_' + 'D'.repeat(36),
  ghr: 'ghr' + '_' + 'E'.repeat(36),
  pat: 'github' + '_pat_' + '11' + 'F'.repeat(80),
  npm: 'npm' + '_' + 'G'.repeat(36),
  akia: 'AKIA' + 'H'.repeat(16),
  asia: 'ASIA' + 'I'.repeat(16),
  awsSecret: 'J'.repeat(20) + '/' + 'j'.repeat(19),
  xoxb: 'xoxb' + '-' + '1'.repeat(12) + '-' + 'K'.repeat(24),
  xoxp: 'xoxp' + '-' + '2'.repeat(12) + '-' + 'L'.repeat(24),
  xoxa: 'xoxa' + '-' + '3'.repeat(12) + '-' + 'M'.repeat(24),
  xoxr: 'xoxr' + '-' + '4'.repeat(12) + '-' + 'N'.repeat(24),
  xoxs: 'xoxs' + '-' + '5'.repeat(12) + '-' + 'O'.repeat(24),
  slackHook: 'T' + '0'.repeat(8) + '/B' + '0'.repeat(8) + '/' + 'P'.repeat(24),
  openai: 'sk' + '-' + 'Q'.repeat(48),
  openaiProject: 'sk' + '-proj-' + 'R'.repeat(40),
  anthropic: 'sk' + '-ant-' + 'api03-' + 'S'.repeat(40),
  google: 'AIza' + 'T'.repeat(35),
  stripe: 'sk' + '_live_' + 'U'.repeat(24),
  stripeRestricted: 'rk' + '_live_' + 'V'.repeat(24),
  jwt: 'eyJ' + 'W'.repeat(20) + '.' + 'eyJ' + 'X'.repeat(20) + '.' + 'Y'.repeat(30),
  keyBody: 'Z'.repeat(64),
  bearer: 'a'.repeat(32),
  password: 'p4ss' + '-' + 'w0rd'.repeat(3),
  secret: 's3cr' + '3t'.repeat(8),
};
const pem = (label: string) => `-----BEGIN ${label}PRIVATE KEY-----\n${fake.keyBody}\n${fake.keyBody}\n-----END ${label}PRIVATE KEY-----`;

describe('redactText: every kind, with its marker', () => {
  test.each<[string, string, string, SecretKind]>([
    ['ghp_', `token ${fake.ghp} here`, 'token # here', 'github-token'],
    ['gho_', `oauth ${fake.gho}`, 'oauth #', 'github-token'],
    ['ghu_', `user ${fake.ghu}`, 'user #', 'github-token'],
    ['ghs_', `server ${fake.ghs}`, 'server #', 'github-token'],
    ['ghr_', `refresh ${fake.ghr}`, 'refresh #', 'github-token'],
    ['github_pat_', `pat ${fake.pat}`, 'pat #', 'github-token'],
    ['a GitHub token glued to a name by "_"', `agent_${fake.ghp}`, 'agent_#', 'github-token'],
    ['npm token', `//registry.npmjs.org/:_authToken=${fake.npm}`, '//registry.npmjs.org/:_authToken=#', 'npm-token'],
    ['AWS access key id (AKIA)', `id ${fake.akia}.`, 'id #.', 'aws-access-key'],
    ['AWS temporary key id (ASIA)', `id ${fake.asia}`, 'id #', 'aws-access-key'],
    ['aws_secret_access_key=', `aws_secret_access_key=${fake.awsSecret}`, 'aws_secret_access_key=#', 'aws-secret-key'],
    ['AWS_SECRET_ACCESS_KEY: (upper case)', `AWS_SECRET_ACCESS_KEY: ${fake.awsSecret}`, 'AWS_SECRET_ACCESS_KEY: #', 'aws-secret-key'],
    ['Slack bot token', `slack ${fake.xoxb}`, 'slack #', 'slack-token'],
    ['Slack user token', `slack ${fake.xoxp}`, 'slack #', 'slack-token'],
    ['Slack app token', `slack ${fake.xoxa}`, 'slack #', 'slack-token'],
    ['Slack refresh token', `slack ${fake.xoxr}`, 'slack #', 'slack-token'],
    ['Slack session token', `slack ${fake.xoxs}`, 'slack #', 'slack-token'],
    [
      'Slack webhook URL: host and path kind stay',
      `post to https://hooks.slack.com/services/${fake.slackHook} now`,
      'post to https://hooks.slack.com/services/# now',
      'slack-webhook',
    ],
    ['OpenAI key', `OPENAI=${fake.openai}`, 'OPENAI=#', 'openai-key'],
    ['OpenAI project key', `key ${fake.openaiProject}`, 'key #', 'openai-key'],
    ['Anthropic key (never taken for an OpenAI key)', `key ${fake.anthropic}`, 'key #', 'anthropic-key'],
    ['Google API key', `maps ${fake.google}`, 'maps #', 'google-api-key'],
    ['Stripe live secret key', `stripe ${fake.stripe}`, 'stripe #', 'stripe-key'],
    ['Stripe live restricted key', `stripe ${fake.stripeRestricted}`, 'stripe #', 'stripe-key'],
    ['JWT', `session ${fake.jwt}`, 'session #', 'jwt'],
    ['RSA private key block', `key:\n${pem('RSA ')}\ndone`, 'key:\n#\ndone', 'private-key'],
    ['OpenSSH private key block', pem('OPENSSH '), '#', 'private-key'],
    ['private key block cut off before its END line', `-----BEGIN PRIVATE KEY-----\n${fake.keyBody}`, '#', 'private-key'],
    ['bearer token', `Authorization: Bearer ${fake.bearer}`, 'Authorization: Bearer #', 'bearer-token'],
    [
      'password in a URL',
      `git clone https://deploy:${fake.password}@git.example.com/repo.git`,
      'git clone https://deploy:#@git.example.com/repo.git',
      'password',
    ],
    ['password in a URL without a user', `redis://:${fake.password}@cache:6379/0`, 'redis://:#@cache:6379/0', 'password'],
    ['basic authorization header', `Authorization: Basic ${btoa(`deploy:${fake.password}`)}`, 'Authorization: Basic #', 'password'],
    ['password=', `password=${fake.password}`, 'password=#', 'password'],
    ['DB_PASSWD:', `DB_PASSWD: ${fake.password}`, 'DB_PASSWD: #', 'password'],
    ['"SMTP_PASSWORD": "…" keeps its quotes', `{"SMTP_PASSWORD": "${fake.password}"}`, '{"SMTP_PASSWORD": "#"}', 'password'],
    ['KEY=value (_TOKEN)', `DEPLOY_TOKEN=${fake.secret}`, 'DEPLOY_TOKEN=#', 'secret'],
    ['KEY: value (_SECRET)', `client_secret: ${fake.secret}`, 'client_secret: #', 'secret'],
    ['"KEY": "value" (_API_KEY) keeps its quotes', `{"MAPS_API_KEY": "${fake.secret}", "n": 1}`, '{"MAPS_API_KEY": "#", "n": 1}', 'secret'],
    ['_ACCESS_KEY', `storage_access_key=${fake.secret}`, 'storage_access_key=#', 'secret'],
    ['_PRIVATE_KEY', `SIGNING_PRIVATE_KEY='${fake.secret}'`, 'SIGNING_PRIVATE_KEY=#', 'secret'],
    ['a bold Markdown key', `**Deploy Token:** ${fake.secret}`, '**Deploy Token:** #', 'secret'],
    ['in inline code, the backtick stays', `\`API_TOKEN=${fake.secret}\``, '`API_TOKEN=#`', 'secret'],
    ['typographic quotes, as smart punctuation renders them', `“MAPS_API_KEY”: “${fake.secret}”`, '“MAPS_API_KEY”: #', 'secret'],
  ])('%s', (_name, text, expected, kind) => {
    expect(redactTextCounting(text)).toEqual({ text: expected.replaceAll('#', mark(kind)), counts: { [kind]: 1 } });
  });

  test('counts add up by kind, and redacting again changes nothing', () => {
    const text = `GITHUB_TOKEN=${fake.ghp} and ${fake.gho}; db postgres://u:${fake.password}@h/db; API_TOKEN=${fake.secret}`;
    const once = redactTextCounting(text);
    expect(once.counts).toEqual({ 'github-token': 2, password: 1, secret: 1 });
    expect(redactTextCounting(once.text)).toEqual({ text: once.text, counts: {} });
  });

  test('a JSON text stays valid JSON', () => {
    const json = JSON.stringify({ API_TOKEN: fake.secret, note: `uses ${fake.ghp}`, max_tokens: 1000, token: 5, use_token: true });
    expect(JSON.parse(redactText(json))).toEqual({
      API_TOKEN: mark('secret'),
      note: `uses ${mark('github-token')}`,
      max_tokens: 1000,
      token: 5,
      use_token: true,
    });
  });
});

const sampleEvent: HookEvent = {
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
  message: null,
  level: null,
  status: null,
  durationMs: null,
  data: {},
  source: { format: 'claude-flow-sqlite', path: 'x', namespace: null, key: null, row: null },
};

describe('a value under a name that announces a secret', () => {
  test.each<[string, SecretKind | null]>([
    ['DB_PASSWORD', 'password'],
    ['smtp_passwd', 'password'],
    ['aws_secret_access_key', 'aws-secret-key'],
    ['deploy_token', 'secret'],
    ['apiKey', 'secret'],
    ['client-secret', 'secret'],
    ['phase7/deploy/api_token', 'secret'],
    ['seeded.private_key', 'secret'],
    ['max_tokens', null],
    ['token_count', null],
    ['phase7/build_infra/status', null],
    ['secretary', null],
  ])('%s → %s', (name, kind) => {
    expect(nameKind(name)).toBe(kind);
  });

  test.each([
    ['db_password', fake.password, { text: mark('password'), counts: { password: 1 } }],
    ['deploy_token', `  ${fake.secret} `, { text: mark('secret'), counts: { secret: 1 } }],
    ['github_token', fake.ghp, { text: mark('github-token'), counts: { 'github-token': 1 } }],
    ['max_tokens', '1000', { text: '1000', counts: {} }],
    ['deploy_token', '42', { text: '42', counts: {} }],
    ['deploy_token', '', { text: '', counts: {} }],
    ['notes', `plain text with ${fake.npm}`, { text: `plain text with ${mark('npm-token')}`, counts: { 'npm-token': 1 } }],
  ])('%s = %j', (name, value, expected) => {
    expect(redactNamedValueCounting(name, value)).toEqual(expected);
  });

  test('a memory write under such a key, and event data under such a name, are redacted whole', () => {
    const { event, counts } = redactEventCounting({
      ...sampleEvent,
      kind: 'memory.set',
      memoryKey: 'phase7/deploy/db_password',
      message: fake.password,
      status: fake.password,
      data: { apiKey: fake.secret, rows: 3 },
    });
    expect([event.message, event.status, event.data]).toEqual([mark('password'), mark('password'), { apiKey: mark('secret'), rows: 3 }]);
    expect(counts).toEqual({ password: 2, secret: 1 });
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
    ['API_TOKEN=[redacted: secret] and password: [redacted: password]'],
    ['Bearer authentication is used; the key is rotated with `npm run rotate`'],
    ['API_TOKEN=\nnext line stays'],
    ['phase7/build_infra/status = in_progress, memory key phase7/release_prep/blockers'],
  ])('%j', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactEventCounting', () => {
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
    data: { note: fake.akia, count: 3, ok: true, none: null, tokens: 'tokens=5' },
    source: { format: 'claude-flow-sqlite', path: `hooks/${ghp}/memory.db`, namespace: 'hooks:notify', key: 'notification:notify-1', row: 25 },
  };

  test('redacts description, message, status, file, memoryKey, source path and string data; leaves the rest and the input as they were', () => {
    const before = structuredClone(event);
    expect(redactEventCounting(event).event).toEqual({
      ...event,
      source: { ...event.source, path: `hooks/${mark('github-token')}/memory.db` },
      description: `Task 7.1 with ${mark('github-token')}`,
      file: `https://ci:${mark('password')}@ci.example.com/log.txt`,
      memoryKey: `phase7/build_infra/${mark('github-token')}`,
      message: `GITHUB_TOKEN=${mark('github-token')}`,
      status: `password=${mark('password')}`,
      data: { note: mark('aws-access-key'), count: 3, ok: true, none: null, tokens: 'tokens=5' },
    });
    expect(event).toEqual(before);
  });

  test('null fields stay null', () => {
    const empty = {
      ...event,
      description: null,
      file: null,
      memoryKey: null,
      message: null,
      status: null,
      data: {},
      source: { ...event.source, path: 'hooks/memory.db' },
    };
    expect(redactEventCounting(empty)).toEqual({ event: empty, counts: {} });
  });

  test('counts what the event held, by kind; a redacted event holds nothing more', () => {
    const { event: redacted, counts } = redactEventCounting(event);
    expect(counts).toEqual({ 'github-token': 4, 'aws-access-key': 1, password: 2 });
    expect(redactEventCounting(redacted).counts).toEqual({});
  });
});

test('bearer tokens of any shape, and secrets in keys, agents and sessions, are redacted', () => {
  expect(redactText('curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123"')).toBe(`curl -H "Authorization: Bearer ${mark('bearer-token')}"`);
  const { event: redacted } = redactEventCounting({
    ...sampleEvent,
    agent: 'agent-ghp_FAKEfakeFAKEfake0123456789abcdefABCD',
    session: `session-${fake.npm}`,
    source: { format: 'claude-flow-sqlite', path: 'x', namespace: 'default', key: 'token=s3cr3t-value', row: 1 },
  });
  expect([redacted.agent, redacted.session, redacted.source.key]).toEqual([
    `agent-${mark('github-token')}`,
    `session-${mark('npm-token')}`,
    `token=${mark('secret')}`,
  ]);
});

describe('redactSourceReport', () => {
  test('redacts its path, warnings and skip reasons, merging reasons that differ only in a secret, and counts them', () => {
    const report: SourceReport = {
      path: `hooks/${fake.npm}.ndjson`,
      format: 'cairn-ndjson',
      records: 3,
      imported: 0,
      skipped: 3,
      newest: null,
      redactions: {},
      readWith: [],
      shared: false,
      skippedReasons: { [`unknown kind ${fake.ghp}`]: 1, [`unknown kind ${fake.gho}`]: 1, 'not valid JSON': 1 },
      warnings: [`line 2: password=${fake.password}`],
    };
    expect(redactSourceReport(report)).toEqual({
      report: {
        ...report,
        path: `hooks/${mark('npm-token')}.ndjson`,
        skippedReasons: { [`unknown kind ${mark('github-token')}`]: 2, 'not valid JSON': 1 },
        warnings: [`line 2: password=${mark('password')}`],
      },
      counts: { 'npm-token': 1, 'github-token': 2, password: 1 },
    });
  });
});

describe('redactStrings', () => {
  test('every string at any depth, keys included; numbers, booleans, null and the input stay as they were', () => {
    const model = {
      title: `Task with ${fake.ghp}`,
      n: 3,
      ok: false,
      none: null,
      items: [{ text: `API_TOKEN=${fake.secret}`, checked: true }],
      map: new Map([[`k ${fake.npm}`, `v ${fake.google}`]]),
      [`key ${fake.akia}`]: 1,
    };
    const before = structuredClone(model);
    expect(redactStrings(model)).toEqual({
      title: `Task with ${mark('github-token')}`,
      n: 3,
      ok: false,
      none: null,
      items: [{ text: `API_TOKEN=${mark('secret')}`, checked: true }],
      map: new Map([[`k ${mark('npm-token')}`, `v ${mark('google-api-key')}`]]),
      [`key ${mark('aws-access-key')}`]: 1,
    });
    expect(model).toEqual(before);
  });
});

describe('counts', () => {
  test('addCounts sums by kind in the table order; describeCounts says it in words', () => {
    const sum = addCounts({ password: 1, 'github-token': 1 }, { 'github-token': 1 }, {});
    expect(Object.entries(sum)).toEqual([
      ['github-token', 2],
      ['password', 1],
    ]);
    expect(describeCounts(sum)).toBe('2 × github-token, 1 × password');
  });
});

describe('secretWarning: an authored file that holds secrets', () => {
  test('points at the first one and counts them all', () => {
    const text = `# Task 7.1: Build\n\n**Agent Type:** cicd-engineer\nUse GITHUB_TOKEN=${fake.ghp} and\npassword=${fake.password}\n`;
    expect(locateSecrets(text).first).toBe(text.indexOf(fake.ghp));
    expect(secretWarning('content/phases/phase-7/task-7.1.md', text)).toMatchInlineSnapshot(`
      {
        "column": 18,
        "file": "content/phases/phase-7/task-7.1.md",
        "hint": "Take the secret out of the file and rotate it: anyone who can read the content, or its history, can read it.",
        "line": 4,
        "message": "This file holds 2 secrets (1 × github-token, 1 × password); the site shows them redacted.",
        "severity": "warning",
      }
    `);
  });

  test('none for a file without secrets', () => {
    expect(secretWarning('README.md', 'max_tokens: 1000, see https://example.org')).toBeNull();
  });
});

describe('redactText: secrets hidden by an encoding, a wrap or a name', () => {
  const url = (text: string) => encodeURIComponent(text);
  test.each<[string, string, string, Partial<Record<SecretKind, number>>]>([
    [
      'a token after %3D in a URL-encoded redirect',
      `next=https%3A%2F%2Fci.example.com%2Fcb%3Ftoken%3D${fake.ghp}&x=1`,
      'next=https%3A%2F%2Fci.example.com%2Fcb%3Ftoken%3D#&x=1',
      { 'github-token': 1 },
    ],
    ['an AWS key after %2C', `ids=a%2C${fake.akia}%2Cb`, 'ids=a%2C#%2Cb', { 'aws-access-key': 1 }],
    ['a bearer token after %20', `auth=Bearer%20${fake.bearer}`, 'auth=Bearer%20#', { 'bearer-token': 1 }],
    ['a whole URL-encoded assignment', `q=${url(`GITHUB_TOKEN=${fake.gho}`)}`, `q=GITHUB_TOKEN%3D#`, { 'github-token': 1 }],
    ['a token after an escaped \\n in log text', `"step 3 done\\n${fake.ghp}\\nnext"`, '"step 3 done\\n#\\nnext"', { 'github-token': 1 }],
    ['a token written with \\u escapes', `key \\u0041KIA${'H'.repeat(16)} set`, 'key # set', { 'aws-access-key': 1 }],
    ['a token with a zero-width space inside', `pushed ${fake.ghp.slice(0, 10)}\u200b${fake.ghp.slice(10)} ok`, 'pushed # ok', { 'github-token': 1 }],
    ['a token with a soft hyphen inside', `pushed ${fake.npm.slice(0, 12)}\u00ad${fake.npm.slice(12)}`, 'pushed #', { 'npm-token': 1 }],
    ['a token hard-wrapped over two lines', `token:\n  ${fake.ghp.slice(0, 20)}\n  ${fake.ghp.slice(20)}\nend`, 'token:\n  #\nend', { 'github-token': 1 }],
    [
      'a token split by an escaped \\n in a hook message',
      `leaked ${fake.ghp.slice(0, 18)}\\n${fake.ghp.slice(18)} (rotate)`,
      'leaked # (rotate)',
      { 'github-token': 1 },
    ],
    [
      'a YAML block value under a secret name',
      `env:\n  DEPLOY_TOKEN: |\n    ${fake.secret}\n  REGION: eu-west-1`,
      `env:\n  DEPLOY_TOKEN: |\n    #\n  REGION: eu-west-1`,
      { secret: 1 },
    ],
    ['a folded YAML value over lines', `db_password: >-\n  ${fake.password}\n  more\nnext: 1`, 'db_password: >-\n  #\nnext: 1', { password: 1 }],
    ['a pretty-printed JSON value on the next line', `{\n  "api_key":\n    "${fake.secret}"\n}`, '{\n  "api_key":\n    "#"\n}', { secret: 1 }],
    ['a passphrase of several words, whole', 'ssh_passphrase: correct horse battery staple\nhost: a', 'ssh_passphrase: #\nhost: a', { password: 1 }],
    ['a digit-only password', 'redis_password: 8675309001', 'redis_password: #', { password: 1 }],
    [
      'a PuTTY private key',
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${fake.keyBody}\nPrivate-MAC: ${'ab'.repeat(32)}\ndone`,
      '#\ndone',
      { 'private-key': 1 },
    ],
    [
      'a JSON Web Key private member',
      `{"kty":"EC","crv":"P-256","x":"abc","d":"${'D'.repeat(43)}"}`,
      '{"kty":"EC","crv":"P-256","x":"abc","d":"#"}',
      { 'private-key': 1 },
    ],
    ['a base64-encoded .env', `ENV_B64=${btoa(`DB_PASSWORD=${fake.password}\nPORT=5432\n`)} done`, 'ENV_B64=# done', { password: 1 }],
  ])('%s', (_name, text, expected, counts) => {
    const kind = Object.keys(counts)[0] as SecretKind;
    expect(redactTextCounting(text)).toEqual({ text: expected.replaceAll('#', mark(kind)), counts });
  });
});

describe('redactText: code and templates under secret names stay', () => {
  test.each([
    ['a typed parameter', 'function hashApiKey(apiKey: string): string {'],
    ['a typed field, optional and nullable', 'interface Auth { token: string | null; password: string; refreshToken: string }'],
    ['a Python type', 'def login(password: str, api_key: Optional[str] = None):'],
    ['a schema call', 'const schema = z.object({ password: z.string().min(8), apiKey: z.string() })'],
    ['a Joi schema', 'password: Joi.string().required(),'],
    ['an identifier', 'const consentToken = buildConsentToken(user); token: consentToken,'],
    ['a member path', 'headers: { Authorization: `Bearer ${token}` }, secret: config.auth.secret'],
    ['environment references', 'API_KEY=process.env.API_KEY; token = os.environ["GH_TOKEN"]; SECRET=${APP_SECRET}; key: ${{ secrets.NPM_TOKEN }}'],
    [
      'placeholders',
      'JWT_SECRET=your-secret-key\nAPI_KEY=<your-api-key>\nDB_PASSWORD=changeme\nSTRIPE_SECRET=sk_test_placeholder_here\nTOKEN=xxxxxxxx\napi_key: "..."',
    ],
    ['a placeholder in a template', 'SLACK_TOKEN={{ slack_token }} and password: [REDACTED]'],
    ['a token-shaped placeholder', 'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['prose about a token', 'The token is refreshed by the gateway; rotate the secret monthly.'],
    ['a short number', 'retry_token: 3, max_tokens: 4096'],
    ['a hash that is not base64 text', `commit ${'a1b2c3d4'.repeat(5)} and sha256-${'Qk9PTQ'.repeat(8)}`],
    ['a wrapped line of words, not a token', 'The deployment pipeline consumes\nconfiguration from the repository settings'],
    ["AWS's documentation keys", 'aws id AKIAIOSFODNN7EXAMPLE set; aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['a Basic credential of a placeholder user and password', `Authorization: Basic ${btoa('user:pass')}`],
  ])('%s', (_name, text) => {
    expect(redactText(text)).toBe(text);
  });
});
