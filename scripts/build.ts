/**
 * The site build after validation: `astro build`, then a pagefind search index over the pages it wrote, so search
 * works offline from the static files. `npm run build -- --outDir <dir>` builds elsewhere (the tests use it).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const args = process.argv.slice(2);
const outAt = args.indexOf('--outDir');
const outDir = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : 'dist');

const astro = spawnSync(join('node_modules', '.bin', 'astro'), ['build', ...args], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
if (astro.status !== 0) process.exit(astro.status ?? 1);

const { index, errors } = await pagefind.createIndex({});
if (!index) {
  console.error(`The search index could not be created: ${errors.join('; ')}`);
  process.exit(1);
}
const added = await index.addDirectory({ path: outDir });
if (added.errors.length > 0) console.error(`Search index: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length > 0) {
  console.error(`The search index could not be written: ${written.errors.join('; ')}`);
  process.exit(1);
}
await pagefind.close();
console.log(`search index: ${added.page_count} pages in ${join(outDir, 'pagefind')}`);
