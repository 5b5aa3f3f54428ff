#!/usr/bin/env node
// The `cairn` command. Plain JavaScript, so that an older Node can run it far enough to say what it needs: Astro 7 and
// node:sqlite need Node 24. With Node 24 it runs scripts/cli.ts, or in an installed Cairn (where Node does not
// strip TypeScript under node_modules) to its compiled copy, cli/cli.mjs (scripts/pack-cli.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
let node = process.execPath;
if (major < 24) {
  // A Node 24 installed beside Cairn is used when there is one: this repository pins one as a dev dependency, and a
  // team's repository may (`npm install --save-dev node@24`), in the node_modules that holds Cairn or one above it.
  const candidates = [];
  for (let dir = root; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'node_modules', '.bin', 'node'), join(dir, 'node_modules', 'node', 'bin', 'node'));
    if (dirname(dir) === dir) break;
  }
  const versionOf = (path) => spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const found = candidates.filter((path) => existsSync(path)).map((path) => ({ path, version: versionOf(path) }));
  const pinned = found.find(({ version }) => Number(version.split('.')[0]) >= 24);
  if (!pinned) {
    const older = found.find(({ version }) => version !== '');
    console.error(
      older
        ? `Cairn needs Node 24 or newer, and this is Node ${process.versions.node}; ${older.path} is Node ${older.version}: the node package's install script has not run (\`npm rebuild node\`, with "allowScripts": {"node": true} in package.json), or install Node 24 and run the command again.`
        : `Cairn needs Node 24 or newer, and this is Node ${process.versions.node}: install Node 24 (or run \`npm install --save-dev node@24\` in this project) and run the command again.`,
    );
    process.exit(1);
  }
  node = pinned.path;
}
// Node runs the TypeScript itself in a checkout; under node_modules it will not, so the compiled copy runs there.
const installed = root.split(/[\\/]/).includes('node_modules');
const entry = installed ? join(root, 'cli', 'cli.mjs') : join(root, 'scripts', 'cli.ts');
// Node keeps the compiled code of Cairn's and Astro's modules between runs (in the system's temp folder, or
// NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a build starts about half a second sooner. The
// variable carries it to the worker threads and to a Node 24 started below.
const compileCache = module.enableCompileCache?.();
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;
if (node === process.execPath) {
  // Already Node 24: the command runs in this process (one Node start fewer).
  await import(pathToFileURL(entry).href);
} else {
  const run = spawnSync(node, [entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache'), ...process.env },
  });
  process.exit(run.status ?? 1);
}
