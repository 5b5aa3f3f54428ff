// Which files `cairn dev` hands to a browser. Plain JavaScript: the Astro config (astro.config.mjs) reads it.
//
// Vite serves a file by its absolute path (`/@fs/<path>`, or `/<path>` when the root has no such file) when it lies
// in `server.fs.allow`; but a plugin that reads files itself answers before that check (Astro's Markdown plugin
// renders any `.md` on the disk for `?import`). This guard refuses, before any plugin runs, every request that names
// a file outside the allowed folders, unless Vite itself resolved that file for a page (its safe module paths).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative } from 'node:path';

/**
 * The file a request names by its absolute path, or null when it names none (a page, a virtual module, a file under
 * the root or the public folder).
 * @param {string | undefined} url
 * @param {{ root: string, publicDir: string | false }} config
 * @returns {string | null}
 */
export function requestedFile(url, config) {
  let path;
  try {
    // Not `new URL`: it would read "//tmp/notes.md" as the host "tmp".
    path = posix.normalize(decodeURIComponent((url ?? '/').split(/[?#]/, 1)[0] ?? '/'));
  } catch {
    return null; // Vite answers a malformed address itself
  }
  if (path.startsWith('/@fs/')) return posix.normalize(path.slice('/@fs'.length));
  if (path.startsWith('/@') || path === '/') return null;
  // A page's address can be a folder of this machine ("/home/" for a phase named "home"): only a file is a file request.
  let isFile = false;
  try {
    isFile = statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return null; // a NUL or a name too long: no file Vite could read either
  }
  if (!isFile || existsSync(join(config.root, path)) || (config.publicDir && existsSync(join(config.publicDir, path)))) return null;
  return path;
}

/** @param {string} path */
function real(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Whether `file` (absolute) may be served: Vite resolved it for a page, or it lies, links followed, in an allowed folder.
 * @param {string} file
 * @param {{ server: { fs: { allow: string[] } }, safeModulePaths?: Set<string> }} config
 */
export function mayServe(file, config) {
  if (config.safeModulePaths?.has(file)) return true;
  const target = real(file);
  return config.server.fs.allow.some((dir) => {
    const from = relative(real(dir), target);
    return from === '' || (!from.startsWith('..') && !isAbsolute(from));
  });
}

/**
 * A Vite plugin for the dev server: a request for a file outside the allowed folders gets 403, whichever plugin
 * would have answered it.
 * @returns {import('vite').Plugin}
 */
export function devFileGuard() {
  return {
    name: 'cairn:dev-files',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = requestedFile(req.url, server.config);
        if (file === null || mayServe(file, /** @type {any} */ (server.config))) return next();
        server.config.logger.warn(`cairn dev refused ${file}: only Cairn's own files and the site are served.`, { timestamp: true });
        res.statusCode = 403;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end("403: cairn dev serves only Cairn's own files and the site's pages.\n");
      });
    },
  };
}
