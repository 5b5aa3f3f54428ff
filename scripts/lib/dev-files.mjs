// Which files `cairn dev` hands to a browser. Plain JavaScript: the Astro config (astro.config.mjs) reads it.
//
// Vite serves a file by its absolute path (`/@fs/<path>`, or `/<path>` when the root has no such file) when it lies
// in `server.fs.allow`; but a plugin that reads files itself answers before that check (Astro's Markdown plugin
// renders any `.md` on the disk for `?import`). This guard refuses, before any plugin runs, every request that names
// a file outside the allowed folders, unless Vite itself resolved that file for a page (its safe module paths).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/**
 * The file a request names by its absolute path, or null when it names none (a page, a virtual module, a file under
 * the root or the public folder).
 * @param {string | undefined} url
 * @param {{ root: string, publicDir: string | false }} config
 * @returns {string | null}
 */
function requestedFile(url, config) {
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
function mayServe(file, config) {
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

/**
 * A Vite plugin for the dev server: when a file under the content (CAIRN_CONTENT) or a folder of the repository's hook
 * logs (CAIRN_HOOKS) changes, the pages' route lists are cleared and open pages reload, so the next request reads the
 * site again (src/lib/site.ts reads it when an input changed). Changes close together are taken as one.
 * @returns {import('vite').Plugin}
 */
export function devContentReload() {
  return {
    name: 'cairn:dev-content',
    apply: 'serve',
    configureServer(server) {
      const root = resolve(process.env.CAIRN_CONTENT || 'content');
      /** @type {string[]} */
      const hooks = process.env.CAIRN_HOOKS ? JSON.parse(process.env.CAIRN_HOOKS) : [];
      const watched = [root, ...hooks.map((pattern) => dirname(pattern.replace(/[*?[{].*$/, 'x')))];
      server.watcher.add(watched);
      /** @type {NodeJS.Timeout | null} */
      let timer = null;
      const changed = (/** @type {string} */ path) => {
        if (!watched.some((dir) => path === dir || path.startsWith(`${dir}${sep}`))) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          for (const environment of Object.values(server.environments)) if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
        }, 100);
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, changed);
    },
  };
}
