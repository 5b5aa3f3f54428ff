/**
 * `cairn preview` serves the built site at its base path on 127.0.0.1 and says where: pages, their assets and the
 * search bundle are served; what is not there gets the site's 404 page; nothing outside the site's folder is reached,
 * however the path is spelled. A folder with no site in it is one line and exit 1.
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cleanEnv, sharedSite } from '../sites.ts';

const bin = resolve('bin/cairn.mjs');
const running: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGTERM');
});

/** Starts `cairn preview` with `args`; resolves with the address it prints, or its exit code and output when it stops. */
function preview(args: string[]): Promise<{ url: string | null; code: number | null; output: string }> {
  const child = spawn(process.execPath, [bin, 'preview', '--port', '0', ...args], { env: { ...cleanEnv(), NO_COLOR: '1' } });
  running.push(child);
  let output = '';
  return new Promise((done) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/\S*) /.exec(output)?.[1];
      if (url) done({ url, code: null, output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (code) => done({ url: null, code, output }));
  });
}

describe('cairn preview', () => {
  const { outDir } = sharedSite('example');

  test('serves the site at its base, with its assets, and the 404 page for what is not there', async () => {
    const { url, output } = await preview(['--out', outDir, '--base', '/team-repo/']);
    expect(output).toMatch(/^Serving .* at http:\/\/127\.0\.0\.1:\d+\/team-repo\/ \(this machine only; Ctrl\+C stops it\)\.$/m);
    const get = (path: string) => fetch(new URL(path, url!), { redirect: 'manual' });
    const home = await get('');
    expect([home.status, home.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const page = await (await get('phase-7/')).text();
    expect(page).toContain('Phase 7');
    const script = /src="\/[^"]*?(_astro\/[^"]+\.js)"/.exec(page)?.[1];
    if (script) expect((await get(script)).status).toBe(200);
    expect((await get('pagefind/pagefind-entry.json')).status).toBe(200);
    const missing = await get('no-such-page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    expect((await fetch(url!.replace(/\/$/, ''), { redirect: 'manual' })).status).toBe(301);
  });

  test('reaches nothing outside the site, however the path is written', async () => {
    // Served from a phase's folder: the site's status.json is one folder up, outside it. Paths sent as written (a
    // browser would resolve the dots before asking).
    const { url } = await preview(['--out', join(outDir, 'phase-7')]);
    const { port } = new URL(url!);
    const raw = (path: string) =>
      new Promise<number>((done, fail) => get({ host: '127.0.0.1', port, path }, (response) => done(response.resume().statusCode ?? 0)).on('error', fail));
    for (const path of ['/../status.json', '/%2e%2e/status.json', '/..%2fstatus.json', '/%2e%2e%2f%2e%2e%2fpackage.json', '/..\\status.json']) {
      expect([path, await raw(path)]).toEqual([path, 404]);
    }
    expect(await raw('/index.html')).toBe(200);
  });

  test('says there is no site to serve, and what to run', async () => {
    const { url, code, output } = await preview(['--out', mkdtempSync(join(tmpdir(), 'cairn-no-site-'))]);
    expect([url, code]).toEqual([null, 1]);
    expect(output).toMatch(/^There is no built site in .*\n {2}hint: run `cairn build` first \(or give the folder with --out\)\.\n$/);
  });
});
