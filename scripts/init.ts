/**
 * `cairn init [dir]`: a starter package (overview, two task files in the bold-line style, baseline metrics), a
 * cairn.config.json and a GitHub Pages workflow, copied from templates/init. Nothing is overwritten: when any of the
 * files exists, none is written and the command says which.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { displayPath } from '../src/core/io/display-path.ts';
import { writeFileAtomic } from '../src/core/io/write-atomic.ts';

const templates = resolve(import.meta.dirname, '..', 'templates', 'init');
const target = resolve(process.env.CAIRN_CWD || process.cwd(), process.argv[2] ?? '.');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const files = listFiles(templates).map((file) => relative(templates, file)).toSorted();
const existing = files.filter((file) => existsSync(join(target, file)));
if (existing.length > 0) {
  console.error(`Nothing was written: ${existing.length === 1 ? 'this file exists' : 'these files exist'} in ${displayPath(target)}:\n${existing.map((file) => `  ${file}`).join('\n')}\n  hint: run \`cairn init <empty folder>\`, or move the files away first.`);
  process.exit(1);
}
const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
for (const file of files) {
  const path = join(target, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, readFileSync(join(templates, file), 'utf8').replaceAll('{{created}}', created));
}
console.log(`Wrote ${files.length} files to ${displayPath(target)}:\n${files.map((file) => `  ${file}`).join('\n')}\nNext: \`cairn build\` there, then open dist/index.html; edit the files under coordination/ as the work goes.`);
