// Runs after `npm ci` / `npm install` in a checkout of Cairn (prepare; npm runs no prepare for a package installed from
// the registry). npm checks every package's engines against the Node that runs npm itself: on Node 20 it prints an
// EBADENGINE warning for Astro, Vitest and a few others, which need Node 22 or 24. npm has no setting that drops
// those warnings without dropping every other warning, so they stay, and this says in one line what they mean here:
// the commands run on the Node 24 pinned as a dev dependency (npm puts node_modules/.bin first on the PATH, so this
// script runs on it too), or, when that Node is missing, what to do. Plain JavaScript, so that any Node can run it.
import { pathToFileURL } from 'node:url';

/**
 * The line to print, or null. `userAgent` is npm's (npm_config_user_agent: "npm/11.6.2 node/v20.19.0 linux x64 …"),
 * `command` the npm command (npm_command), `runtime` the version of the Node running this script.
 * @param {{ userAgent: string | undefined; command: string | undefined; runtime: string }} run
 * @returns {string | null}
 */
export function npmNodeNotice({ userAgent, command, runtime }) {
  if (command !== 'ci' && command !== 'install') return null;
  const npmNode = /\bnode\/v?(\d+)\.(\d+)\.(\d+)/.exec(userAgent ?? '');
  if (!npmNode || Number(npmNode[1]) >= 24) return null;
  const npmNodeVersion = npmNode.slice(1).join('.');
  if (Number(runtime.split('.')[0]) >= 24) {
    return `Cairn: npm runs on Node ${npmNodeVersion}, so its EBADENGINE warnings above are true of that Node; Cairn's commands (npm run …, npx cairn) run on Node ${runtime}, installed in node_modules as a dev dependency. Nothing to do.`;
  }
  return `Cairn: npm runs on Node ${npmNodeVersion}, and the Node 24 that Cairn's commands run on was not installed (its install script did not run): run \`npm rebuild node\`, or install Node 24 and run \`npm ci\` with it.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const line = npmNodeNotice({ userAgent: process.env.npm_config_user_agent, command: process.env.npm_command, runtime: process.versions.node });
  if (line) console.log(line);
}
