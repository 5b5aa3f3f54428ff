/**
 * No secret reaches dist/. Every kind of secret Cairn knows is seeded into every kind of input (task files, the
 * overview, the metrics file, hook logs, release notes, the changelog), the site is built, and every file written
 * (pagefind's compressed index included) is searched for each secret and for a 12-character slice of it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { secretKinds } from '../../src/core/redact/redact.ts';
import { buildSite, type BuildResult } from './build-site.ts';

interface Seed {
  /** What kind of secret, in the words of the marker ("github-token"), and which variant of it. */
  kind: string;
  variant: string;
  /** The secret in a context that makes it one ("GITHUB_TOKEN=ghp_…", "postgres://u:pw@host"), on one line. */
  text: string;
  /** The secret alone, as it would be stored under a name that announces it ("deploy_token": "…"). */
  secret: string;
  /** The secret's last 12 characters (from its random part): found even if the rest were escaped or cut. */
  slice: string;
}

/** Random-looking but reproducible hex for one input and variant, `length` characters. */
function hex(input: string, variant: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += createHash('sha256').update(`${input}/${variant}/${i}`).digest('hex');
  return out.slice(0, length);
}

/**
 * One of each kind and variant for `input`. The secrets are obviously fake ("FAKE" in each, where the shape's alphabet
 * allows it) and assembled here at run time, so that no secret scanner finds a token-shaped string in this file.
 */
function seedsFor(input: string): Seed[] {
  const seeds: Seed[] = [];
  const add = (kind: string, variant: string, build: (random: string) => { text: string; secret: string }, length = 32) => {
    const built = build(hex(input, variant, length));
    seeds.push({ kind, variant, ...built, slice: built.secret.slice(-12) });
  };
  const bare = (prefix: string) => (random: string) => {
    const secret = `${prefix}FAKE${random}`;
    return { text: `uses ${secret} here`, secret };
  };
  for (const p of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) add('github-token', p, bare(`${p}_`));
  add('github-token', 'github_pat', bare('github' + '_pat_' + '11'), 60);
  add('npm-token', 'npm', bare('npm' + '_'));
  add('aws-access-key', 'AKIA', (random) => ({ text: `key id AKIAFAKE${random.toUpperCase()} set`, secret: `AKIAFAKE${random.toUpperCase()}` }), 12);
  add('aws-access-key', 'ASIA', (random) => ({ text: `key id ASIAFAKE${random.toUpperCase()} set`, secret: `ASIAFAKE${random.toUpperCase()}` }), 12);
  add('aws-secret-key', 'aws_secret_access_key', (random) => ({ text: `aws_secret_access_key=FAKE${random}`, secret: `FAKE${random}` }), 36);
  for (const p of ['xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxs']) add('slack-token', p, bare(`${p}-` + '1234567890-'), 24);
  add(
    'slack-webhook',
    'webhook',
    (random) => {
      const secret = `TFAKE0000/BFAKE0000/${random}`;
      return { text: `alerts to https://hooks.slack.com/services/${secret}`, secret };
    },
    24,
  );
  add('openai-key', 'sk', bare('sk' + '-'), 44);
  add('openai-key', 'sk-proj', bare('sk' + '-proj-'), 40);
  add('anthropic-key', 'sk-ant', bare('sk' + '-ant-' + 'api03-'), 40);
  add('google-api-key', 'AIza', bare('AIza'), 31);
  add('stripe-key', 'sk_live', bare('sk' + '_live_'), 24);
  add('stripe-key', 'rk_live', bare('rk' + '_live_'), 24);
  add(
    'jwt',
    'jwt',
    (random) => {
      const secret = `eyJ${random.slice(0, 20)}.eyJ${random.slice(20, 40)}.FAKE${random.slice(40)}`;
      return { text: `session ${secret}`, secret };
    },
    72,
  );
  add(
    'private-key',
    'pem',
    (random) => ({ text: `key -----BEGIN RSA PRIVATE KEY----- FAKE${random} -----END RSA PRIVATE KEY-----`, secret: `FAKE${random}` }),
    64,
  );
  add('bearer-token', 'bearer', (random) => ({ text: `Authorization: Bearer FAKE${random}`, secret: `FAKE${random}` }));
  add('password', 'url', (random) => ({ text: `clone https://deploy:FAKEpw${random}@git.example.com/repo.git`, secret: `FAKEpw${random}` }), 20);
  add('password', 'password=', (random) => ({ text: `login with password=FAKEpw${random}`, secret: `FAKEpw${random}` }), 20);
  add('secret', 'KEY=value', (random) => ({ text: `DEPLOY_TOKEN=FAKEsecret${random}`, secret: `FAKEsecret${random}` }), 20);
  add('secret', 'KEY: value', (random) => ({ text: `client_secret: FAKEsecret${random}`, secret: `FAKEsecret${random}` }), 20);
  add('secret', '"KEY": "value"', (random) => ({ text: `{"MAPS_API_KEY": "FAKEsecret${random}"}`, secret: `FAKEsecret${random}` }), 20);
  add('secret', 'SECRET_KEY=', (random) => ({ text: `SECRET_KEY=FAKEsecret${random}`, secret: `FAKEsecret${random}` }), 20);
  add('password', 'DB_PASS=', (random) => ({ text: `DB_PASS=FAKEpw${random}`, secret: `FAKEpw${random}` }), 20);
  add(
    'password',
    'passphrase',
    (random) => {
      const secret = `Correct FAKE${random} battery staple`;
      return { text: `deploy failed; DB_PASSWORD: ${secret}`, secret };
    },
    8,
  );
  // The shapes of GitHub's secret scanning and gitleaks' rules; "FAKE" in each whose alphabet has those letters.
  add('gitlab-token', 'glpat', bare('gl' + 'pat-'));
  add('pypi-token', 'pypi', bare('pypi' + '-AgEIcHlwaS5vcmc'), 60);
  add('huggingface-token', 'hf', bare('hf' + '_'), 30);
  add(
    'azure-key',
    'AccountKey',
    (random) => ({ text: `DefaultEndpointsProtocol=https;AccountName=ci;AccountKey=FAKE${random}==;EndpointSuffix=core.windows.net`, secret: `FAKE${random}` }),
    80,
  );
  add('google-oauth', 'ya29', bare('ya' + '29.'), 60);
  add(
    'discord-token',
    'bot',
    (random) => {
      const secret = `MFAKE${random.slice(0, 19)}.${random.slice(19, 25)}.${random.slice(25)}`;
      return { text: `uses ${secret} here`, secret };
    },
    63,
  );
  add('telegram-bot-token', 'bot', (random) => ({ text: `bot 123456789:AAFAKE${random} here`, secret: `AAFAKE${random}` }), 29);
  add('square-token', 'EAAA', bare('EA' + 'AA'), 60);
  const hexToken =
    (prefix: string, suffix = '') =>
    (random: string) => ({ text: `uses ${prefix}${random}${suffix} here`, secret: `${prefix}${random}${suffix}` });
  add('shopify-token', 'shpat', hexToken('sh' + 'pat_'), 32);
  add(
    'sendgrid-key',
    'SG',
    (random) => ({ text: `uses SG.FAKE${random.slice(0, 18)}.${random.slice(18)} here`, secret: `SG.FAKE${random.slice(0, 18)}.${random.slice(18)}` }),
    61,
  );
  add('mailgun-key', 'key-', hexToken('ke' + 'y-'), 32);
  add('mailchimp-key', 'us', hexToken('', '-us21'), 32);
  add('twilio-key', 'SK', hexToken('S' + 'K'), 32);
  add('digitalocean-token', 'dop_v1', hexToken('do' + 'p_v1_'), 64);
  add('databricks-token', 'dapi', hexToken('da' + 'pi'), 32);
  add('doppler-token', 'dp.pt', bare('dp' + '.pt.'), 43);
  add('linear-key', 'lin_api', bare('lin' + '_api_'), 40);
  add(
    'postman-key',
    'PMAK',
    (random) => ({ text: `uses PMAK-${random.slice(0, 24)}-${random.slice(24)} here`, secret: `PMAK-${random.slice(0, 24)}-${random.slice(24)}` }),
    58,
  );
  add('atlassian-token', 'ATATT3', bare('ATA' + 'TT3'), 186);
  add('heroku-key', 'HRKU', bare('HR' + 'KU-AA'), 58);
  add('hashicorp-token', 'hvs', bare('hv' + 's.'), 95);
  add(
    'grafana-token',
    'glsa',
    (random) => ({ text: `uses glsa_FAKE${random.slice(0, 28)}_${random.slice(28)} here`, secret: `glsa_FAKE${random.slice(0, 28)}_${random.slice(28)}` }),
    36,
  );
  add('sentry-token', 'sntryu', hexToken('sntr' + 'yu_'), 64);
  add('pulumi-token', 'pul', hexToken('pu' + 'l-'), 40);
  add('rubygems-token', 'rubygems', hexToken('ruby' + 'gems_'), 48);
  add('planetscale-token', 'pscale', bare('pscale' + '_tkn_'), 43);
  add('session-cookie', 'Cookie', (random) => ({ text: `Cookie: session=FAKE${random}; theme=dark`, secret: `FAKE${random}` }), 24);
  return seeds;
}

/** A private key written as a block over several lines, as it is pasted into Markdown. */
function pemBlock(input: string): Seed {
  const random = hex(input, 'pem-block', 128);
  const body = `FAKE${random}`.match(/.{1,64}/g)!.join('\n');
  return {
    kind: 'private-key',
    variant: 'pem-block',
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`,
    secret: random.slice(0, 60),
    slice: random.slice(4, 16),
  };
}

const oneLine = (seeds: readonly Seed[]) => seeds.map((seed) => seed.text).join(' | ');
const bullets = (seeds: readonly Seed[]) => seeds.map((seed) => `- ${seed.text}`).join('\n');

/** Every input that was seeded, with its seeds. */
const planted = new Map<string, Seed[]>();
function plant(input: string, { block = false } = {}): Seed[] {
  const seeds = [...seedsFor(input), ...(block ? [pemBlock(input)] : [])];
  planted.set(input, seeds);
  return seeds;
}

function seedContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'cairn-secrets-'));
  cpSync('content', root, { recursive: true });
  const phase = join(root, 'phases/phase-7');
  // An edit that finds nothing to change would leave an input unseeded and the test proving nothing: it fails instead.
  const edit = (path: string, change: (text: string) => string) => {
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before || !after.includes('FAKE')) throw new Error(`Seeding ${path} changed nothing: has the example content changed?`);
    writeFileSync(path, after);
  };

  // A task file's body (frontmatter task), and a bold metadata value of a bold-lines task.
  const body = plant('task body', { block: true });
  edit(join(phase, 'task-7.1-build-infra.md'), (text) => `${text}\n## Notes\n\n${bullets(body.slice(0, -1))}\n\n\`\`\`\n${body.at(-1)!.text}\n\`\`\`\n`);
  // The same, with the first character of each secret written as an HTML entity: only the rendered text shows the
  // token ("&#103;hp_…" renders as "ghp_…"), so only the redaction of the rendered HTML can catch it.
  const encoded = plant('task body, HTML entities');
  const entity = (seed: Seed) => seed.text.replace(seed.secret, () => `&#${seed.secret.codePointAt(0)};${seed.secret.slice(1)}`);
  edit(join(phase, 'task-7.3-code-quality.md'), (text) => `${text}\n## Encoded\n\n${encoded.map((seed) => `- ${entity(seed)}`).join('\n')}\n`);
  const bold = plant('bold metadata value');
  edit(join(phase, 'task-7.2-config-system.md'), (text) => text.replace('**Priority:** High', () => `**Priority:** High | ${oneLine(bold)}`));

  // The overview: a metadata line the dashboard shows, an objective, and a paragraph with a key block.
  const overview = plant('overview', { block: true });
  const overviewLine = oneLine(overview.slice(0, -1));
  edit(join(phase, 'README.md'), (text) =>
    text
      .replace('**Coordinator:** System Architecture Designer', () => `**Coordinator:** System Architecture Designer | ${overviewLine}`)
      .replace('- Set up sccache with a 10 GB cache limit', () => `- Set up sccache with a 10 GB cache limit | ${overviewLine}`)
      .replace('## 📊 Phase 7 Overview', () => `${bullets(overview.slice(0, -1))}\n\n${overview.at(-1)!.text}\n\n## 📊 Phase 7 Overview`),
  );

  // baseline-metrics.json: secrets in a value, and values under names that announce a secret.
  const metricValue = plant('metrics value');
  const metricNamed = plant('metrics named value');
  edit(join(phase, 'baseline-metrics.json'), (text) => {
    const metrics = JSON.parse(text) as Record<string, unknown>;
    metrics.ci_status = oneLine(metricValue);
    metricNamed.forEach((seed, i) => (metrics[`seeded_${i}_${seed.kind === 'password' ? 'password' : 'token'}`] = seed.secret));
    return JSON.stringify(metrics, null, 2);
  });

  // A Cairn NDJSON hook log: notify messages, memory writes (a value with secrets, and values under secret names),
  // edited file paths and agent names holding secrets.
  const notify = plant('hook notify message');
  const memoryValue = plant('hook memory.set value');
  const memoryNamed = plant('hook memory.set named value');
  const filePath = plant('hook file path');
  const agent = plant('hook agent name');
  const at = (i: number) => new Date(Date.parse('2025-10-25T10:00:00Z') + i * 1000).toISOString();
  const lines = [
    ...notify.map((seed, i) => ({ kind: 'notify', time: at(i), task: '7.1', agent: 'cicd-engineer', message: `build_infra: ${seed.text}` })),
    ...memoryValue.map((seed, i) => ({ kind: 'memory.set', time: at(100 + i), memoryKey: 'phase7/build_infra/notes', message: seed.text })),
    ...memoryNamed.map((seed, i) => ({
      kind: 'memory.set',
      time: at(200 + i),
      memoryKey: `phase7/build_infra/deploy_${seed.kind === 'password' ? 'password' : 'token'}`,
      message: seed.secret,
    })),
    ...filePath.map((seed, i) => ({ kind: 'edit', time: at(300 + i), task: '7.1', file: `ci/${seed.text}/config.yml` })),
    ...agent.map((seed, i) => ({ kind: 'notify', time: at(400 + i), task: '7.2', agent: `agent ${seed.text}`, message: 'config_system: progress' })),
  ];
  writeFileSync(join(phase, 'hooks/seeded.ndjson'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);

  // The memory store: a value with secrets, and a value under a secret name.
  const storeValue = plant('memory-store value');
  const storeNamed = plant('memory-store named value');
  edit(join(phase, 'hooks/memory-store.json'), (text) => {
    const store = JSON.parse(text) as Record<string, unknown[]>;
    const entry = (key: string, value: string, i: number) => ({
      key,
      value,
      namespace: 'coordination',
      timestamp: Date.parse('2025-10-25T12:00:00Z') + i,
      redacted: false,
    });
    store.coordination = [
      ...(store.coordination ?? []),
      ...storeValue.map((seed, i) => entry('phase7/build_infra/notes', seed.text, i)),
      ...storeNamed.map((seed, i) => entry(`phase7/build_infra/${seed.kind === 'password' ? 'db_password' : 'api_token'}`, seed.secret, 100 + i)),
    ];
    return JSON.stringify(store, null, 2);
  });

  // Release notes: the body (with a key block) and the frontmatter summary; an item of the changelog.
  const notesBody = plant('release notes body', { block: true });
  const summary = plant('release notes summary');
  edit(join(root, 'releases/2.0.0.md'), (text) =>
    text
      .replace(/^summary: .*$/m, () => `summary: ${JSON.stringify(`Faster builds. ${oneLine(summary)}`)}`)
      .concat(`\n## Seeded\n\n${bullets(notesBody.slice(0, -1))}\n\n${notesBody.at(-1)!.text}\n`),
  );
  const changelog = plant('CHANGELOG item');
  edit(join(root, 'releases/CHANGELOG.md'), (text) =>
    text.replace('### Added\n\n', () => `### Added\n\n${changelog.map((seed) => `- Rotated ${seed.text}.`).join('\n')}\n`),
  );
  return root;
}

/** Every file written, and the text inside pagefind's gzip files too. */
function readOutputs(build: BuildResult): { path: string; bytes: Buffer }[] {
  return build.files().flatMap((path) => {
    const bytes = readFileSync(path);
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    return gzip
      ? [
          { path, bytes },
          { path: `${path} (gunzipped)`, bytes: gunzipSync(bytes) },
        ]
      : [{ path, bytes }];
  });
}

describe('secrets never reach dist/', () => {
  let build: BuildResult;
  let outputs: { path: string; bytes: Buffer }[];
  beforeAll(() => {
    build = buildSite({ content: seedContent() });
    expect(build.status, build.output).toBe(0);
    outputs = readOutputs(build);
  }, 300_000);

  test('every kind of secret, seeded into every input, is found in no file written, nor in the build output', () => {
    const seeds = [...planted.entries()].flatMap(([input, list]) => list.map((seed) => ({ input, ...seed })));
    // The seeds cover every kind the redaction knows, in every input.
    for (const [input, list] of planted) expect(new Set(list.map((seed) => seed.kind)), input).toEqual(new Set(secretKinds));
    const leaks = seeds.flatMap((seed) =>
      [seed.secret, seed.slice].flatMap((needle) => [
        ...outputs
          .filter((file) => file.bytes.includes(needle))
          .map((file) => `${seed.input}: ${seed.kind} (${seed.variant}) in ${file.path.slice(build.outDir.length + 1)}`),
        ...(build.output.includes(needle) ? [`${seed.input}: ${seed.kind} (${seed.variant}) in the build's output`] : []),
      ]),
    );
    expect(leaks).toEqual([]);
    // The pages were really built from the seeded inputs: the markers stand where the secrets were.
    expect(build.page('phase-7/tasks/task-7.1-build-infra/index.html')).toContain('[redacted: github-token]');
    expect(build.page('phase-7/tasks/task-7.3-code-quality/index.html')).toContain('<li>uses [redacted: github-token] here</li>');
    expect(build.page('phase-7/tasks/task-7.2-config-system/index.html')).toContain('High | uses [redacted: github-token] here');
    expect(build.page('releases/2.0.0/index.html')).toContain('[redacted: private-key]');
    expect(build.page('CHANGELOG.md')).toContain('- Rotated uses [redacted: npm-token] here.');
    console.info(
      `secrets: ${seeds.length} seeded in ${planted.size} inputs, ${seeds.length * 2} needles searched in ${outputs.length} files (${outputs.reduce((sum, file) => sum + file.bytes.length, 0)} bytes)`,
    );
  });

  test('data quality shows what was redacted from the seeded hook log, by kind, and status.json the total', () => {
    const dashboard = build.page('phase-7/index.html');
    const row = /<tr data-source="[^"]*seeded\.ndjson"[^>]*>([\s\S]*?)<\/tr>/.exec(dashboard)?.[1] ?? '';
    const cell = /<td data-testid="redacted"[^>]*>([\s\S]*?)<\/td>/.exec(row)?.[1] ?? '';
    const counts: Record<string, number> = Object.fromEntries(
      [...cell.matchAll(/<li[^>]*>(\d+) × ([a-z-]+)<\/li>/g)].map((match) => [match[2] ?? '', Number(match[1])]),
    );
    expect(Object.keys(counts)).toEqual(secretKinds);
    const source = build.statusJson().phases[0]?.dataQuality.sources.find((each) => each.path.endsWith('seeded.ndjson'));
    expect(source?.redacted).toBe(Object.values(counts).reduce((sum, n) => sum + n, 0));
    // The authored files that hold secrets are named in warnings, so the coordinator can take them out.
    expect(build.output).toMatch(/task-7\.1-build-infra\.md:\d+:\d+ warning This file holds \d+ secrets/);
  });
});
