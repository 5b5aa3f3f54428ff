/**
 * The repository's own hook logs, named in cairn.config.json's `hooks` (paths or globs, already absolute): the files
 * they match, each database with its -wal and -shm, in path order. A pattern that matches nothing is a warning: a
 * misspelt path would otherwise leave every phase without its statuses, silently.
 */
import { existsSync, globSync, statSync } from 'node:fs';
import type { Issue } from '../schema/model.ts';
import { displayPath } from './display-path.ts';

export function expandHookPatterns(patterns: readonly string[], configFile: string | null): { files: string[]; issues: Issue[] } {
  const files = new Set<string>();
  const issues: Issue[] = [];
  for (const pattern of patterns) {
    const matched = globSync(pattern).filter((file) => existsSync(file) && !statSync(file).isDirectory());
    if (matched.length === 0) {
      issues.push({ file: configFile ? displayPath(configFile) : displayPath(pattern), line: 1, column: 1, severity: 'warning', message: `The hook log ${displayPath(pattern)} matches no file, so nothing is read from it.`, hint: 'Paths in "hooks" are relative to the config file, e.g. ".swarm/memory.db" or ".claude-flow/metrics/*.json".' });
    }
    for (const file of matched) {
      files.add(file);
      for (const companion of ['-wal', '-shm']) if (existsSync(`${file}${companion}`)) files.add(`${file}${companion}`);
    }
  }
  return { files: [...files].toSorted(), issues };
}
