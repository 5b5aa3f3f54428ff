/**
 * Astro's command-line entry, wherever npm put the package: in this repository's node_modules, or hoisted into the
 * node_modules of a project that installed Cairn. Run with the same Node as the caller.
 */
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export function astroCommand(args: readonly string[]): [string, string[]] {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  return [process.execPath, [astro, ...args]];
}

/**
 * With CAIRN_STATE_DIR (the `cairn` command in a team's repository), Astro's project root is that folder and its
 * config is Cairn's: astro.config.mjs then reads src/ and public/ from Cairn's folder (see there).
 */
export function astroRootArgs(cairnRoot: string, env: Record<string, string | undefined> = process.env): string[] {
  const state = env.CAIRN_STATE_DIR;
  // Astro takes --config relative to --root.
  return state ? ['--root', state, '--config', relative(state, join(cairnRoot, 'astro.config.mjs'))] : [];
}

/** The same, for Astro's programmatic API (the build, which runs in the `cairn` process). */
export function astroInlineRoot(cairnRoot: string, env: Record<string, string | undefined> = process.env): { root: string; configFile: string } {
  const root = env.CAIRN_STATE_DIR ?? cairnRoot;
  return { root, configFile: relative(root, join(cairnRoot, 'astro.config.mjs')) };
}
