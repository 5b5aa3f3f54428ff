/**
 * Where claude-flow keeps its store, from the project's `claude-flow.config.json`: its `memory.persistPath` (v3's
 * config; `memory.path` in the older system config it converts from). Used only when cairn.config.json's `hooks`
 * (and --hooks) name nothing, so a team that runs claude-flow gets its store read without naming it twice.
 * The path is relative to the config file. A file is read as named; a folder gives its databases (`*.db`, each
 * with its -wal and -shm), such as memory.db and agentdb-memory.db.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Issue } from '../schema/model.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { displayPath } from './display-path.ts';

const CLAUDE_FLOW_CONFIG = 'claude-flow.config.json';

/** What claude-flow.config.json says of the store: the hook patterns it gives, and the issue that says so. */
interface ClaudeFlowStore {
  /** Absolute paths or globs, as cairn.config.json's `hooks` would give them. */
  hooks: string[];
  /** A warning at the key: where the store came from, or why nothing could be taken from it. */
  issue: Issue;
}

/** The store claude-flow.config.json in `dir` names, or null when there is no such file or it names no store. */
export function claudeFlowStore(dir: string): ClaudeFlowStore | null {
  const file = join(dir, CLAUDE_FLOW_CONFIG);
  if (!existsSync(file)) return null;
  let text: string;
  let memory: unknown;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    memory = (JSON.parse(text) as { memory?: unknown }).memory;
  } catch {
    // Not JSON: claude-flow's own file, not Cairn's to judge; no store is taken from it.
    return null;
  }
  if (memory === null || typeof memory !== 'object') return null;
  const key = ['persistPath', 'path'].find(
    (name) => typeof (memory as Record<string, unknown>)[name] === 'string' && ((memory as Record<string, string>)[name] ?? '').trim() !== '',
  );
  if (!key) return null;
  const named = (memory as Record<string, string>)[key]!.trim();
  const { line, column } = locateJsonPath(text, ['memory', key]);
  const at = { file: displayPath(file), line, column };
  const path = resolve(dir, named);
  if (/\p{Cc}/u.test(named) || !existsSync(path)) {
    return {
      hooks: [],
      issue: {
        ...at,
        severity: 'warning',
        message: `claude-flow.config.json's memory.${key} names ${JSON.stringify(named)}, which does not exist, so no hook store is read (cairn.config.json names no "hooks").`,
        hint: 'Name the store in cairn.config.json "hooks", e.g. [".swarm/memory.db"], or fix memory.' + key + '.',
      },
    };
  }
  const hooks = statSync(path).isDirectory() ? [join(path, '*.db')] : [path];
  return {
    hooks,
    issue: {
      ...at,
      severity: 'warning',
      message: `The hook store comes from claude-flow.config.json memory.${key} (${displayPath(path)}), since cairn.config.json names no "hooks".`,
      hint: 'Name the store in cairn.config.json "hooks" to choose it yourself; then claude-flow.config.json is not read.',
    },
  };
}
