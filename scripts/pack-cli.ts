/**
 * `npm pack` runs this first (prepack): the command's scripts compiled to plain JavaScript in cli/, because Node does
 * not strip TypeScript from files under node_modules, where an installed Cairn lives. The core is bundled in; packages
 * (astro, zod, pagefind, …) stay imports, resolved from Cairn's dependencies. The site itself (astro.config.mjs, src/)
 * is compiled by Astro, as in a checkout.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'cli');
rmSync(out, { recursive: true, force: true });
await build({
  // Flat in cli/, as the scripts sit in scripts/: each finds Cairn's folder one level up, and the phase worker beside it.
  entryPoints: [
    ...['cli', 'validate', 'snapshot', 'init', 'doctor', 'preview'].map((name) => ({ in: join(root, 'scripts', `${name}.ts`), out: name })),
    { in: join(root, 'src/core/pipeline/phase-worker.ts'), out: 'phase-worker' },
  ],
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log(`compiled the cairn command into ${out}`);
