/**
 * Serves a built site on this machine only (127.0.0.1), at its base path, as GitHub Pages would: a folder's
 * index.html, the site's 404.html for what is not there, and never a file outside the site's folder. `cairn preview`
 * runs it; the end-to-end tests open the sites they build through it.
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { isWithin } from '../../src/core/io/is-within.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface ServedSite {
  /** The site's address: http://127.0.0.1:<port><base>. */
  url: string;
  close: () => Promise<void>;
}

/** The file a request path names under `root`, or null when there is none (or it would lie outside). */
function fileFor(root: string, base: string, pathname: string): string | null {
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return null;
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(base.length - 1) || '/');
  } catch {
    return null;
  }
  let file = resolve(root, `.${path}`);
  if (!isWithin(file, root) || !existsSync(file)) return null;
  if (statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  // A link inside the site that leads out of it is not served.
  return isWithin(realpathSync(file), realpathSync(root)) ? file : null;
}

/** Serves the site in `root` at `base` ("/" or "/repo/") on 127.0.0.1, on `port` (0: a free one). */
export async function serveSite(root: string, { port = 0, base = '/' }: { port?: number; base?: string } = {}): Promise<ServedSite> {
  const site = resolve(root);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The base without its slash goes to the base, as Pages redirects it.
    if (prefix !== '/' && `${pathname}/` === prefix) {
      response.writeHead(301, { Location: prefix });
      response.end();
      return;
    }
    const file = fileFor(site, prefix, pathname);
    if (file === null) {
      const notFound = join(site, '404.html');
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}${prefix}`, close: () => new Promise((done) => server.close(() => done())) };
}
