/**
 * `cairn validate` in a repository that runs claude-flow v3 and names no hook logs in cairn.config.json: the store
 * claude-flow.config.json's memory.persistPath names is read, and the command says where it came from.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { makeStore } from '../fixtures/hooks/claude-flow-v3-stores/make-stores.ts';
import { cleanEnv } from '../sites.ts';

const bin = resolve('bin/cairn.mjs');
const temp = mkdtempSync(join(tmpdir(), 'cairn-claude-flow-store-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function cairn(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('the store of claude-flow.config.json memory.persistPath is read when cairn.config.json names no hooks, and said so', () => {
  const repo = join(temp, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  cpSync('content/phases/phase-7', join(repo, 'docs/phases/phase-7'), { recursive: true });
  rmSync(join(repo, 'docs/phases/phase-7/hooks'), { recursive: true });
  writeFileSync(join(repo, 'cairn.config.json'), '{\n  "content": "docs",\n  "asOf": "2026-11-24T12:00:00Z"\n}\n');
  writeFileSync(join(repo, 'claude-flow.config.json'), '{\n  "memory": {\n    "backend": "hybrid",\n    "persistPath": ".swarm"\n  }\n}\n');
  makeStore('sqljs-with-agentdb', repo);

  const run = cairn(['validate'], repo);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain(
    'claude-flow.config.json:4:20 warning The hook store comes from claude-flow.config.json memory.persistPath (.swarm), since cairn.config.json names no "hooks".',
  );
  expect(run.stdout).toContain('.swarm/agentdb-memory.db: claude-flow-v3-sqlite');
  expect(run.stdout).toContain('.swarm/memory.db: claude-flow-v3-sqlite');

  // Hooks named in cairn.config.json win; claude-flow.config.json is then not read.
  writeFileSync(join(repo, 'cairn.config.json'), '{\n  "content": "docs",\n  "hooks": [".swarm/memory.db"],\n  "asOf": "2026-11-24T12:00:00Z"\n}\n');
  const named = cairn(['validate'], repo);
  expect(named.status, named.stderr).toBe(0);
  expect(named.stderr).not.toContain('claude-flow.config.json');
  expect(named.stdout).not.toContain('agentdb-memory.db');
});
