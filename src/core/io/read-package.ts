/** The file-reading corner of the core: finds the packages under a content root and reads their files as text. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from './display-path.ts';
import { staysInside } from './inside-root.ts';
import type { PackageFiles, SourceFile } from '../build-phase.ts';
import type { Issue } from '../schema.ts';
import { readHookSources } from './read-hooks.ts';

/** The content root: CAIRN_CONTENT, or ./content. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CAIRN_CONTENT || 'content');
}


const taskFile = /^task[-_ ].*\.md$|^task\d.*\.md$/i;

/** Reads every package under `root`/phases, in folder-name order. */
export function readPackages(root: string): { packages: PackageFiles[]; issues: Issue[] } {
  const { dirs, issues } = listPackageDirs(root);
  return { packages: dirs.map(({ dir, phaseId }) => readPackage(dir, phaseId, root)), issues };
}

/** The package folders under `root`/phases, in folder-name order, without reading them. */
export function listPackageDirs(root: string): { dirs: { dir: string; phaseId: string }[]; issues: Issue[] } {
  const phasesDir = join(root, 'phases');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return { dirs: [], issues: [{ file: displayPath(root), line: 1, column: 1, severity: 'error', message: `The content folder ${displayPath(root)} does not exist.`, hint: 'Set CAIRN_CONTENT to the folder that holds phases/, or run from the project root.' }] };
  }
  if (!existsSync(phasesDir)) {
    return { dirs: [], issues: [{ file: displayPath(phasesDir), line: 1, column: 1, severity: 'error', message: `The content folder has no phases/ folder.`, hint: 'Put each coordination package in phases/<phase-id>/ (README.md, task-*.md, baseline-metrics.json).' }] };
  }
  const issues: Issue[] = [];
  const names = readdirSync(phasesDir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
    .filter((entry) => {
      const path = join(phasesDir, entry.name);
      if (staysInside(path, root)) return !entry.isSymbolicLink() || statSync(path).isDirectory();
      issues.push(linkOutside(path));
      return false;
    })
    .map((entry) => entry.name)
    .toSorted();
  return { dirs: names.map((name) => ({ dir: join(phasesDir, name), phaseId: name })), issues };
}

/** The error for a symbolic link that leads out of the content root. */
function linkOutside(path: string): Issue {
  return { file: displayPath(path), line: 1, column: 1, severity: 'error', message: `${displayPath(path)} is a symbolic link to a place outside the content root; Cairn does not read it.`, hint: 'Copy the file into the content folder, or point the link at a file inside it.' };
}

/** Reads one package folder. Missing optional files are null; the caller decides what is an error. */
export function readPackage(dir: string, phaseId: string, root: string = dir): PackageFiles {
  const problems: Issue[] = [];
  const names = readdirSync(dir)
    .filter((name) => {
      if (staysInside(join(dir, name), root)) return true;
      problems.push(linkOutside(join(dir, name)));
      return false;
    })
    .toSorted();
  const read = (name: string | undefined): SourceFile | null => {
    if (!name) return null;
    const path = join(dir, name);
    return { path: displayPath(path), text: readFileSync(path, 'utf8') };
  };
  const find = (pattern: RegExp) => names.find((name) => pattern.test(name));
  return {
    phaseId,
    dir: displayPath(dir),
    overview: read(find(/^readme\.md$/i)),
    tasks: names
      .filter((name) => taskFile.test(name))
      .map((name) => ({ ...read(name)!, slug: name.replace(/\.md$/i, '') })),
    baseline: read(find(/^baseline[-_]metrics\.json$/i)),
    final: read(find(/^final[-_]metrics\.json$/i)),
    hooks: readHookSources(join(dir, 'hooks'), root),
    problems,
  };
}
