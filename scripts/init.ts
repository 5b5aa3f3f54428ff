/**
 * `cairn init [dir]`: a starter package (overview, two task files in the bold-line style, baseline metrics), a
 * cairn.config.json and a GitHub Pages workflow, copied from templates/init. Nothing is overwritten: when any of the
 * files exists, none is written and the command says which. Nothing is written outside the folder either (a folder on
 * the way that is a link out of it is refused), and a folder that cannot be written is one line, not a stack trace.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { displayPath } from '../src/core/io/display-path.ts';
import { writeFileAtomic } from '../src/core/io/write-atomic.ts';
import { describeFsError, initProblem } from './lib/init-target.ts';

const templates = resolve(import.meta.dirname, '..', 'templates', 'init');
const target = resolve(process.env.CAIRN_CWD || process.cwd(), process.argv[2] ?? '.');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const files = listFiles(templates)
  .map((file) => relative(templates, file).split('\\').join('/'))
  .toSorted();
const problem = initProblem(target, files);
if (problem?.kind === 'exists') {
  console.error(
    `Nothing was written: ${problem.files.length === 1 ? 'this file exists' : 'these files exist'} in ${displayPath(target)}:\n${problem.files.map((file) => `  ${file}`).join('\n')}\n  hint: run \`cairn init <empty folder>\`, or move the files away first.`,
  );
  process.exit(1);
}
if (problem?.kind === 'link') {
  console.error(
    `Nothing was written: ${displayPath(problem.link)} is a link to ${problem.leadsTo}, outside the folder cairn init writes to (${displayPath(target)}).\n  hint: remove the link, or run \`cairn init\` in the folder it leads to.`,
  );
  process.exit(1);
}
if (problem?.kind === 'unwritable') {
  console.error(`Nothing was written: ${problem.message}.`);
  process.exit(1);
}
const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const written: string[] = [];
for (const file of files) {
  const path = join(target, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, readFileSync(join(templates, file), 'utf8').replaceAll('{{created}}', created));
  } catch (error) {
    console.error(
      `Cairn could not write ${displayPath(path)} (${describeFsError(error)}); ${written.length === 0 ? 'nothing was written' : `${written.length} of ${files.length} files were written (${written.join(', ')})`}.`,
    );
    process.exit(1);
  }
  written.push(file);
}
console.log(
  `Wrote ${files.length} files to ${displayPath(target)}:\n${files.map((file) => `  ${file}`).join('\n')}\nNext: \`cairn build\` there, then open dist/index.html; edit the files under coordination/ as the work goes.`,
);
