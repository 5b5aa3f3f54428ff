/**
 * Which requests `cairn dev` answers with a file (scripts/lib/dev-files.mjs): Cairn's own files and its state, files
 * Vite resolved for a page, and nothing else of the machine, however the path is written. The whole server is started
 * in test/build/install.test.ts; this is the guard's middleware alone, given a stand-in for Vite's server.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { devFileGuard } from '../../scripts/lib/dev-files.mjs';

const repo = mkdtempSync(join(tmpdir(), 'cairn-dev-files-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const cairn = join(repo, 'node_modules/cairn-reports');
const state = join(repo, 'node_modules/.cache/cairn');
for (const dir of [join(cairn, 'src/styles'), join(cairn, 'public'), state, join(repo, 'notes'), join(repo, 'home')]) mkdirSync(dir, { recursive: true });
writeFileSync(join(cairn, 'src/styles/global.css'), 'body {}\n');
writeFileSync(join(cairn, 'public/favicon.svg'), '<svg/>\n');
writeFileSync(join(repo, 'notes/secret.md'), '# Secret\n');
writeFileSync(join(repo, 'node_modules/dep.js'), 'export {};\n');
symlinkSync(join(repo, 'notes'), join(cairn, 'src/notes'));
const config = {
  root: state,
  publicDir: join(cairn, 'public'),
  server: { fs: { allow: [cairn, state] } },
  safeModulePaths: new Set([join(repo, 'node_modules/dep.js')]),
};

type Middleware = (req: { url: string }, res: { statusCode: number; setHeader: () => void; end: () => void }, next: () => void) => void;
let middleware: Middleware | undefined;
const server = { config: { ...config, logger: { warn: () => {} } }, middlewares: { use: (handler: Middleware) => (middleware = handler) } };
(devFileGuard().configureServer as (server: unknown) => void)(server);

/** What the guard does with a request: passes it on (no file named, or one it may serve) or refuses it with a 403. */
function outcome(url: string): string {
  let passed = false;
  const res = { statusCode: 200, setHeader: () => {}, end: () => {} };
  middleware!({ url }, res, () => (passed = true));
  return passed ? 'pass' : res.statusCode === 403 ? 'refuse' : 'neither';
}

test.each([
  ['/phase-7/', 'pass'],
  ['/favicon.svg', 'pass'],
  ['/@id/astro:toolbar', 'pass'],
  [`/@fs${cairn}/src/styles/global.css`, 'pass'],
  [`/@fs${cairn}/src/styles/global.css?direct`, 'pass'],
  [`/@fs${repo}/node_modules/dep.js?v=1`, 'pass'], // resolved by Vite for a page
  [`${repo}/home/`, 'pass'], // a folder: a page's address can be one
  [`/@fs${repo}/notes/secret.md`, 'refuse'],
  [`/@fs${repo}/notes/secret.md?import`, 'refuse'],
  [`${repo}/notes/secret.md?import`, 'refuse'],
  [`/${repo}/notes/secret.md?import`, 'refuse'],
  [`/@fs${cairn}/../../notes/secret.md?import`, 'refuse'],
  [`/@fs${cairn}/%2e%2e/%2e%2e/notes/secret.md`, 'refuse'],
  [`/@fs${cairn}/src/notes/secret.md?import`, 'refuse'], // a link in Cairn's folder that leads out of it
  ['/@fs/etc/passwd', 'refuse'],
  ['/etc/passwd?import', 'refuse'],
  ['/%00', 'pass'],
])('%s: %s', (url, expected) => {
  expect(outcome(url)).toBe(expected);
});
