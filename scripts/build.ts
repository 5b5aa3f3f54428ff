/**
 * The site build after validation: `astro build` into a fresh folder beside the output, then a pagefind search index
 * over the pages it wrote, then the folder is swapped into place. A failed or interrupted build leaves the previous
 * site untouched. `npm run build -- --outDir <dir>` builds elsewhere (the tests use it); `npm run build -- --strict`
 * stops before building when the content has warnings.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { environmentProblems } from '../src/core/pipeline/environment.ts';
import { acquireBuildLock, swapInto } from './lib/publish.ts';
import { astroCommand, astroRootArgs } from './lib/astro-bin.ts';

const strict = process.argv.includes('--strict');
const args = process.argv.slice(2).filter((arg) => arg !== '--strict');
const outAt = args.indexOf('--outDir');
const outDir = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : 'dist');
const staging = `${outDir}.building-${process.pid}`;
const astroArgs = outAt >= 0 ? [...args.slice(0, outAt), ...args.slice(outAt + 2)] : args;

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`${message}\n  The previous site in ${outDir} was left as it was.`);
  process.exit(1);
}

const problems = environmentProblems(process.env);
if (problems.length > 0) fail(problems.map((problem) => `error ${problem}`).join('\n'));

if (strict) {
  // validate.ts here, validate.mjs beside the compiled command of an installed Cairn.
  const checked = spawnSync(process.execPath, [join(import.meta.dirname, `validate${extname(import.meta.filename)}`), '--strict'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (checked.status !== 0) fail('The content has warnings and --strict was given, so the site was not built.');
}

// One build at a time per checkout: Astro keeps generated types and its content store in the project's .astro/, so
// two builds at once (of one site or two) would overwrite each other's. A second build waits for the first.
// In a team's repository the `cairn` command names a folder there (CAIRN_STATE_DIR) for the lock and the caches.
const stateDir = process.env.CAIRN_STATE_DIR;
const releaseLock = await acquireBuildLock(join(stateDir ?? join('node_modules', '.cache', 'cairn'), 'build.lock'), (holder) => console.error(`Another build (process ${holder}) is running in this checkout; waiting for it to finish…`));
process.on('exit', releaseLock);

const [node, astroArgv] = astroCommand(['build', ...astroArgs, '--outDir', staging, ...astroRootArgs(resolve(import.meta.dirname, '..'))]);
const astro = spawnSync(node, astroArgv, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CAIRN_OUT_DIR: outDir } });
if (astro.status !== 0) fail('astro build failed.');

const { index, errors } = await pagefind.createIndex({});
if (!index) fail(`The search index could not be created: ${errors.join('; ')}`);
// Frozen versions are left out of search (they would repeat every live page once per version), so their folder is
// not even read: on a big site it is most of the HTML. Each other top-level folder is added on its own.
const searched = readdirSync(staging, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !['v', '_astro', 'pagefind'].includes(entry.name));
let pages = 0;
for (const glob of ['*.html', ...searched.map((entry) => `${entry.name}/**/*.html`)]) {
  const added = await index.addDirectory({ path: staging, glob });
  if (added.errors.length > 0) fail(`The search index could not read the pages: ${added.errors.join('; ')}`);
  pages += added.page_count;
}
const written = await index.writeFiles({ outputPath: join(staging, 'pagefind') });
if (written.errors.length > 0) fail(`The search index could not be written: ${written.errors.join('; ')}`);
await pagefind.close();

swapInto(staging, outDir);
console.log(`search index: ${pages} pages read; site written to ${outDir}`);
