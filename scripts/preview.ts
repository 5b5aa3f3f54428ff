/**
 * `cairn preview [--port <n>]`: serves the built site (the output folder of the settings) at its base path on this
 * machine, and prints its address, until stopped. A page opened from disk has no styles and no working links (its
 * addresses start at the site's root), so this is how to look at a build before it is published.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../src/core/io/display-path.ts';
import { serveSite } from './lib/serve-site.ts';

const out = process.env.CAIRN_OUT_DIR ?? 'dist';
const base = process.env.BASE || '/';
const portArg = process.argv[process.argv.indexOf('--port') + 1];
const port = process.argv.includes('--port') ? Number(portArg) : 4321;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${portArg ?? ''}: a port is a whole number from 0 to 65535, such as 4321.`);
  process.exit(2);
}
if (!existsSync(join(out, 'index.html'))) {
  console.error(`There is no built site in ${displayPath(out)}.\n  hint: run \`cairn build\` first (or give the folder with --out).`);
  process.exit(1);
}
try {
  const served = await serveSite(out, { port, base });
  console.log(`Serving ${displayPath(out)} at ${served.url} (this machine only; Ctrl+C stops it).`);
  const stop = () => void served.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const { code } = error as NodeJS.ErrnoException;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use.\n  hint: give another with --port, such as \`cairn preview --port 4322\`.`
      : `The site could not be served: ${(error as Error).message}`,
  );
  process.exit(1);
}
