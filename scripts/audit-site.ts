/**
 * The second half of `npm run audit`: builds real sites and checks what reaches dist/.
 * - reproducible: the example built twice, the second time from a copy in another folder, gives the same bytes in
 *   every file;
 * - secrets leaked: no fake secret seeded in the example's hook logs appears in any file of dist/, nor any secret of
 *   the redaction corpus (every kind) written into a repository-wide hook log whose file names hold tokens; and a
 *   config whose title, site or base holds a secret builds nothing;
 * - XSS executed: a site built from test/fixtures/packages/hostile, opened in Chromium page by page, opens no dialog;
 * - concurrent builds: twelve rounds of two builds started at once from this checkout all finish with complete sites.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { seededLines } from '../test/fixtures/secrets/corpus.ts';

const asOf = '2025-10-25T18:00:00Z';

function build(content: string): string {
  const outDir = mkdtempSync(join(tmpdir(), 'cairn-audit-'));
  const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', outDir], {
    env: { ...process.env, CAIRN_CONTENT: content, CAIRN_AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`building ${content} failed:\n${run.stdout}${run.stderr}`);
  return outDir;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .toSorted();
/** File bytes, unzipped where pagefind stored them compressed. */
const contents = (file: string): Buffer => {
  const bytes = readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
};

// 1. Reproducible.
const relocated = mkdtempSync(join(tmpdir(), 'cairn-audit-relocated-'));
cpSync('content', join(relocated, 'content'), { recursive: true });
const first = build('content');
const second = build(join(relocated, 'content'));
const firstFiles = files(first).map((file) => relative(first, file));
const secondFiles = files(second).map((file) => relative(second, file));
const differing = firstFiles.filter((file) => !secondFiles.includes(file) || !readFileSync(join(first, file)).equals(readFileSync(join(second, file))));
const reproducible = differing.length === 0 && firstFiles.length === secondFiles.length;

// 2. Secrets: the fake token the example's hook logs carry, whole or as a 12-character slice.
const hookText = readdirSync('content/phases/phase-7/hooks')
  .map((name) => readFileSync(join('content/phases/phase-7/hooks', name)).toString('latin1'))
  .join('\n');
const secrets = [...new Set(hookText.match(/gh[pousr]_[A-Za-z0-9]{30,}/g) ?? [])];
const needles = secrets.flatMap((secret) => [secret, secret.slice(-12)]);
const leaks = files(first).flatMap((file) =>
  needles.filter((needle) => contents(file).includes(needle)).map((needle) => `${relative(first, file)}: ${needle.slice(0, 6)}…`),
);

// 2b. A team's repository: cairn.config.json reads its hook logs by a glob, two of which are named after tokens, and
// whose records hold every kind of secret the redaction knows. No secret, nor 12 characters of one, may reach dist/
// or the build's output. Then a config whose title, site and base hold secrets: nothing is built, nothing quoted.
function buildRepository(config: object, logs: Record<string, string>): { status: number | null; output: string; outDir: string } {
  const repo = mkdtempSync(join(tmpdir(), 'cairn-audit-repo-'));
  cpSync('test/fixtures/packages/minimal', join(repo, 'content'), { recursive: true });
  mkdirSync(join(repo, 'logs'));
  for (const [name, text] of Object.entries(logs)) writeFileSync(join(repo, 'logs', name), text);
  writeFileSync(join(repo, 'cairn.config.json'), JSON.stringify({ content: 'content', hooks: ['logs/*.ndjson'], asOf, ...config }, null, 2));
  const outDir = join(mkdtempSync(join(tmpdir(), 'cairn-audit-')), 'site');
  const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--config', join(repo, 'cairn.config.json'), '--out', outDir], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, outDir };
}
const lines = seededLines();
const tokenNamed = lines.filter((line) => /^(?:github|gitlab|slack|npm)-token$/.test(line.kind)).map((line) => line.secret);
const records = lines.map((line, index) =>
  JSON.stringify({
    kind: 'notify',
    time: new Date(Date.parse('2025-10-25T10:00:00Z') + index * 1000).toISOString(),
    task: '1.1',
    message: `step ${index}: ${line.text}`,
  }),
);
const repository = buildRepository({}, { [`export-${tokenNamed[0]}.ndjson`]: `${records.join('\n')}\n`, [`run-${tokenNamed[1]}.ndjson`]: 'not json\n' });
if (repository.status !== 0) throw new Error(`building the seeded repository failed:\n${repository.output}`);
const repositoryNeedles = [
  ...new Set(
    lines.flatMap(({ secret }) =>
      secret.includes(' ') ? secret.split(' ').filter((word) => word.length > 5) : secret.length > 12 ? [secret, secret.slice(-12)] : [secret],
    ),
  ),
];
const repositoryLeaks = [
  ...files(repository.outDir).flatMap((file) =>
    repositoryNeedles.filter((needle) => contents(file).includes(needle)).map((needle) => `${relative(repository.outDir, file)}: ${needle.slice(0, 6)}…`),
  ),
  ...repositoryNeedles.filter((needle) => repository.output.includes(needle)).map((needle) => `build output: ${needle.slice(0, 6)}…`),
];
const refused = buildRepository({ title: `Ops ${tokenNamed[0]}`, site: 'https://deploy:Hunter2pw@example.com', base: `/${tokenNamed[1]}/` }, {});
const refusedOk =
  refused.status === 1 &&
  !existsSync(refused.outDir) &&
  !['Hunter2pw', tokenNamed[0]!, tokenNamed[1]!].some((secret) => refused.output.includes(secret)) &&
  (refused.output.match(/is not valid: it holds/g) ?? []).length === 3;

// 3. XSS: every page of the hostile site, in Chromium, must open no dialog.
const hostile = build('test/fixtures/packages/hostile');
const server = createServer((request, response) => {
  let file = join(hostile, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void response.writeHead(404).end();
  response
    .writeHead(200, {
      'Content-Type': extname(file) === '.html' ? 'text/html; charset=utf-8' : extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream',
    })
    .end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-background-networking'],
});
const page = await browser.newPage();
let dialogs = 0;
page.on('dialog', async (dialog) => {
  dialogs += 1;
  await dialog.dismiss();
});
const pages = files(hostile)
  .filter((file) => file.endsWith('index.html'))
  .map((file) => `/${relative(hostile, file).replace(/index\.html$/, '')}`);
for (const path of pages) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
}
await browser.close();
server.close();

// 4. Concurrent builds: two sites built at once from this checkout, twelve times over.
function buildInBackground(content: string): Promise<{ ok: boolean; outDir: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'cairn-audit-concurrent-'));
  const child = spawn('npm', ['run', '--silent', 'build', '--', '--out', outDir], {
    env: { ...process.env, CAIRN_CONTENT: content, CAIRN_AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ ok: status === 0, outDir })));
}
const complete = (outDir: string) => ['index.html', 'status.json', 'feed.xml', 'pagefind/pagefind.js'].every((file) => existsSync(join(outDir, file)));
const rounds = 12;
let concurrentOk = 0;
for (let round = 0; round < rounds; round++) {
  const results = await Promise.all([buildInBackground('content'), buildInBackground('test/fixtures/packages/minimal')]);
  concurrentOk += results.filter((result) => result.ok && complete(result.outDir)).length;
}

const rows: [string, string | number][] = [
  ['files compared (example built twice, once from another folder)', firstFiles.length],
  ['reproducible', reproducible ? 'yes' : `no (${differing.length} files differ)`],
  ['secrets seeded in the example (whole and 12-char slices)', needles.length],
  ['secrets leaked into dist/', leaks.length],
  ["secrets of every kind in a repository's hook logs (whole, 12-char slices, words)", repositoryNeedles.length],
  ['of them leaked into dist/ or the build output', repositoryLeaks.length],
  ['config with secrets in title, site and base: refused, nothing built or quoted', refusedOk ? 'yes' : 'no'],
  ['hostile pages opened in Chromium', pages.length],
  ['XSS executed (dialogs opened)', dialogs],
  ['concurrent builds (12 rounds of 2) with complete sites', `${concurrentOk}/${rounds * 2}`],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log('\nSite audit: real builds, checked file by file and in Chromium\n');
for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${String(value).padStart(8)} |`);
if (leaks.length > 0) console.log(`\n${leaks.join('\n')}`);
if (repositoryLeaks.length > 0) console.log(`\n${repositoryLeaks.join('\n')}`);
if (!refusedOk) console.log(`\nthe config with secrets gave exit ${refused.status}:\n${refused.output}`);
if (!reproducible) console.log(`\ndiffering: ${differing.slice(0, 20).join(', ')}`);
if (!reproducible || leaks.length > 0 || repositoryLeaks.length > 0 || !refusedOk || dialogs > 0 || secrets.length === 0 || concurrentOk < rounds * 2)
  process.exitCode = 1;
