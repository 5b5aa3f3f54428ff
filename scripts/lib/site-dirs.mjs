// Where a site's build state lives: one folder per site (content folder and output folder), so builds of different
// sites, or of the same content into different folders, never reuse each other's pages. Plain JavaScript: the Astro
// config (astro.config.mjs) and the build (scripts/build.ts) both read it.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * Astro's cache folder for the site: its content store, its record of the pages it built, the phases' event lists,
 * and the pages of the last build (`pages/`, see scripts/build.ts). In a team's repository (CAIRN_STATE_DIR) it is
 * there, else in this checkout's node_modules.
 * @param {Record<string, string | undefined>} env
 * @returns {string} an absolute path
 */
export function siteCacheDir(env = process.env) {
  const site = `${resolve(env.CAIRN_CONTENT || 'content')}\0${resolve(env.CAIRN_OUT_DIR || 'dist')}`;
  const hash = createHash('sha256').update(site).digest('hex').slice(0, 16);
  return env.CAIRN_STATE_DIR ? join(env.CAIRN_STATE_DIR, 'astro', hash) : resolve('node_modules', '.astro', 'sites', hash);
}
