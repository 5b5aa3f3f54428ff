/**
 * `cairn doctor [path] [--json]`: what Cairn reads in the content (or in `path`: a content folder, a phase folder or
 * one file), file by file: the reader, each task's fields with the line and form they came from, what was ignored,
 * then the problems as `cairn validate` prints them. Exit 0 when the content could be read, 1 on errors, 2 on a path
 * that is not there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { environmentProblems } from '../src/core/pipeline/environment.ts';
import { contentRoot, hookFolders, listPackageDirs, readPackage, type PackageDir } from '../src/core/io/read-package.ts';
import { displayPath } from '../src/core/io/display-path.ts';
import { buildPhase } from '../src/core/model/build-phase.ts';
import { readingFromEnv } from '../src/core/config/reading.ts';
import { linkPhases } from '../src/core/model/link-phases.ts';
import { doctorReport, renderDoctor, type DoctorPhase } from '../src/core/views/doctor.ts';
import type { Issue } from '../src/core/schema/model.ts';
import { cairnFailed } from './lib/check-content.ts';

/** Files listed at most outside the phase folders; a content folder is not a whole disk. */
const looseLimit = 5000;

const problems = environmentProblems(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(`error ${problem}`);
  process.exit(1);
}
const json = process.argv.includes('--json');
const given = process.argv.slice(2).find((arg) => arg !== '--json');
const target = given === undefined ? null : resolve(process.env.CAIRN_CWD || process.cwd(), given);
if (target !== null && !existsSync(target)) {
  console.error(`cairn doctor: ${displayPath(target)} does not exist.`);
  process.exit(2);
}

try {
  const { dirs, issues, root, only } = scope(target);
  const phases: DoctorPhase[] = dirs.map(({ dir, phaseId, part }) => {
    const files = readPackage(dir, phaseId, root, part);
    return { files, result: buildPhase(files, { buildAsOf: null, reading: readingFromEnv() }) };
  });
  const linked = linkPhases(phases.flatMap(({ result }) => (result.phase ? [result.phase] : [])));
  const loose = only === null && root !== null ? looseFiles(root, dirs, issues, new Set(phases.flatMap(({ files, result }) => covered(files, result)))) : [];
  const report = doctorReport({ phases, loose, issues: [...issues, ...linked.issues], only });
  // The exit code is set, not exited with: a report larger than a pipe's buffer must be written whole first.
  console.log(json ? JSON.stringify(report, null, 2) : renderDoctor(report));
  process.exitCode = report.exitCode;
} catch (error) {
  console.error(cairnFailed(error));
  process.exitCode = 2;
}

/**
 * What to read: the content root, a folder that is one (a specs/ folder), a phase folder, or the phase of one file
 * (and only that file's block).
 */
function scope(path: string | null): { dirs: PackageDir[]; issues: Issue[]; root: string; only: string | null } {
  const root = contentRoot();
  if (path === null) return { ...listPackageDirs(root), root, only: null };
  if (statSync(path).isDirectory()) {
    const found = listPackageDirs(path);
    if (found.dirs.length > 0) return { ...found, root: path, only: null };
    const known = listPackageDirs(root).dirs.filter((entry) => resolve(entry.dir) === path);
    return { dirs: known.length > 0 ? known : [{ dir: path, phaseId: basename(path).replace(/^\.+/, '') || 'phase' }], issues: [], root: path, only: null };
  }
  // A file: the phase that holds it (the deepest folder of the content's phases around it), else its own folder.
  const holders = listPackageDirs(root).dirs.filter((entry) => path.startsWith(resolve(entry.dir) + sep));
  const deepest = Math.max(0, ...holders.map((entry) => resolve(entry.dir).length));
  const dirs = holders.filter((entry) => resolve(entry.dir).length === deepest);
  const folder = resolve(path, '..');
  return {
    dirs: dirs.length > 0 ? dirs : [{ dir: folder, phaseId: basename(folder) }],
    issues: [],
    root: dirs.length > 0 ? root : folder,
    only: displayPath(path),
  };
}

/** The paths a phase named: its files, hook logs and the files it listed as not read. */
function covered(files: ReturnType<typeof readPackage>, result: ReturnType<typeof buildPhase>): string[] {
  return [
    ...[files.overview, files.baseline, files.final, files.taskList?.file, ...(files.current ?? []), ...files.tasks].flatMap((file) =>
      file ? [file.path] : [],
    ),
    ...(files.layout ? [files.layout.file] : []),
    ...(files.otherFiles ?? []).map((other) => other.path),
    ...(result.phase?.dataQuality.sources ?? []).flatMap((source) => [
      source.path,
      ...source.readWith.map((name) => `${source.path.slice(0, source.path.lastIndexOf('/') + 1)}${name}`),
    ]),
  ];
}

/**
 * Files under the content (its phases/ folder, or a tool's folder) that no phase read, each with why: the warning
 * about the folder it is in (a folder without a task list), or that it sits in no phase folder.
 */
function looseFiles(root: string, dirs: readonly PackageDir[], issues: readonly Issue[], seen: ReadonlySet<string>): { path: string; reason: string }[] {
  const base = existsSync(join(root, 'phases')) ? join(root, 'phases') : root;
  // A content folder that is not there is an error of its own, already among the problems.
  if (!existsSync(base) || !statSync(base).isDirectory()) return [];
  const phaseDirs = dirs.map((entry) => resolve(entry.dir));
  const loose: { path: string; reason: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : 1))) {
      if (loose.length >= looseLimit) return;
      const path = join(dir, entry.name);
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (seen.has(displayPath(path))) continue;
      loose.push({ path: displayPath(path), reason: looseReason(path, phaseDirs, issues) });
    }
  };
  walk(base);
  return loose;
}

function looseReason(path: string, phaseDirs: readonly string[], issues: readonly Issue[]): string {
  const phase = phaseDirs.find((dir) => path.startsWith(dir + sep));
  if (phase) {
    const folder = path.slice(phase.length + 1).split(sep)[0]!;
    return hookFolders.includes(folder) ? `not read: in ${folder}/, but no hook log Cairn reads` : 'not read: no reader of its phase took it';
  }
  // The deepest folder a warning names (a folder with no task list, a hidden folder) says why.
  const named = issues
    .filter((issue) => path.startsWith(resolve(process.env.CAIRN_CWD || process.cwd(), issue.file) + sep))
    .toSorted((a, b) => b.file.length - a.file.length)[0];
  if (named) return `not read: ${named.message}`;
  return 'not read: not in a phase folder';
}
