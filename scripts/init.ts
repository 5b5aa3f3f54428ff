/**
 * `cairn init [dir]`: a starter package (overview, two task files in the bold-line style, baseline metrics), a
 * cairn.config.json, a GitHub Pages workflow, copied from templates/init, and a .gitignore for the built site when the
 * folder has none. Nothing is overwritten: when any of the
 * files exists, none is written and the command says which. Nothing is written outside the folder either (a folder on
 * the way that is a link out of it is refused), and a folder that cannot be written is one line, not a stack trace.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
const ignored = ignoreBuilds(target);
if (ignored.wrote) written.push('.gitignore');
console.log(
  [
    `Wrote ${written.length} files to ${displayPath(target)}:`,
    ...written.map((file) => `  ${file}`),
    ...(ignored.missing.length > 0
      ? [`${displayPath(join(target, '.gitignore'))} is yours, so it was left as it is; add to it: ${ignored.missing.join(' ')}`]
      : []),
    'Next: `cairn build` there, then `cairn preview` to see the site; edit the files under coordination/ as the work goes.',
  ].join('\n'),
);

/**
 * The built site and the installed packages (Cairn's caches live under node_modules/.cache) are not committed: a
 * .gitignore saying so is written when there is none; one that exists is the team's, and only what it lacks is named.
 */
function ignoreBuilds(dir: string): { wrote: boolean; missing: string[] } {
  const wanted = ['dist/', 'node_modules/'];
  const path = join(dir, '.gitignore');
  if (!existsSync(path)) {
    writeFileAtomic(path, `# The site cairn build writes, and the installed packages with Cairn's caches.\n${wanted.join('\n')}\n`);
    return { wrote: true, missing: [] };
  }
  const lines = new Set(
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/^\//, '')),
  );
  return { wrote: false, missing: wanted.filter((entry) => !lines.has(entry) && !lines.has(entry.slice(0, -1))) };
}
