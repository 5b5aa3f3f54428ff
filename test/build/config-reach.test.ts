/**
 * The `cairn` command on configs that reach too far or hold what no path can: hook logs outside the repository, a
 * NUL in a path. Each stops the command with the config's line and column before anything is read, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cleanEnv } from '../sites.ts';

const bin = resolve('bin/cairn.mjs');
const temp = mkdtempSync(join(tmpdir(), 'cairn-config-reach-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function cairn(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A repository (with .git) holding the example's phase and `config`, and a private folder beside it with a hook log. */
function repository(name: string, config: string): string {
  const repo = join(temp, name, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(temp, name, 'private'));
  cpSync('content/phases/phase-7/hooks/memory-store.json', join(temp, name, 'private/memory-store.json'));
  cpSync('content/phases/phase-7', join(repo, 'docs/phases/phase-7'), { recursive: true });
  rmSync(join(repo, 'docs/phases/phase-7/hooks'), { recursive: true });
  writeFileSync(join(repo, 'cairn.config.json'), config);
  return repo;
}

test('hooks outside the repository: cairn validate stops at the entry, and reads them once "allowOutside" lists their folder', () => {
  const repo = repository('outside', '{\n  "content": "docs",\n  "hooks": ["../private/*.json"],\n  "asOf": "2025-10-25T18:00:00Z"\n}\n');
  const refused = cairn(['validate'], repo);
  expect([refused.status, refused.stdout, refused.stderr]).toEqual([
    1,
    '',
    'cairn.config.json:3:13 error The hook log ../private/*.json ("hooks[0]") is outside the repository (.); Cairn does not read it.\n  hint: Hook logs are read from the repository only. Copy the logs into it, or list their folder in the config\'s "allowOutside" (e.g. "allowOutside": ["../shared-logs"]) to read them where they are.\nThe config has errors; fix them and run again.\n',
  ]);
  writeFileSync(
    join(repo, 'cairn.config.json'),
    '{\n  "content": "docs",\n  "hooks": ["../private/*.json"],\n  "allowOutside": ["../private"],\n  "asOf": "2025-10-25T18:00:00Z"\n}\n',
  );
  const allowed = cairn(['validate'], repo);
  expect(allowed.status, allowed.stderr).toBe(0);
  expect(allowed.stdout).toContain('../private/memory-store.json: claude-flow-memory-store, 4 records, 4 imported, 0 skipped');
});

test('a NUL in the config\'s "content" is an error at its line and column, not a crash', () => {
  const repo = repository('nul', '{\n  "content": "docs\\u0000x"\n}\n');
  const run = cairn(['validate'], repo);
  expect([run.status, run.stdout, run.stderr]).toEqual([
    1,
    '',
    'cairn.config.json:2:14 error "content" is not valid: it holds a control character (U+0000), which a path must not.\n  hint: See Cairn\'s docs/configuration.md for every key.\nThe config has errors; fix them and run again.\n',
  ]);
});

test('a content folder the config names that is not there is an error at its line and column, with the folder meant; --content is named as the flag', () => {
  const repo = repository('missing', '{\n  "content": "dcos",\n  "asOf": "2025-10-25T18:00:00Z"\n}\n');
  const error =
    'cairn.config.json:2:14 error "content" names dcos, which does not exist, so there is no content to read. Did you mean docs?\n  hint: Paths in cairn.config.json are relative to it: set "content" to the folder that holds phases/ (or your tool\'s task folder, such as specs/ or .taskmaster/).\n';
  for (const command of ['validate', 'build']) {
    const run = cairn([command, ...(command === 'build' ? ['--out', join(temp, 'missing', 'site')] : [])], repo);
    // A build waits for another in this checkout (and says so) first.
    const stderr = run.stderr.replace(/^Another build .*\n/gm, '');
    expect([run.status, stderr]).toEqual([1, `${error}\ndcos: 0 phase(s), 0 task(s), 1 error(s), 0 warning(s). Fix the errors above and run again.\n`]);
  }
  const flag = cairn(['validate', '--content', 'dcos'], repo);
  expect([flag.status, flag.stderr.split('\n')[0]]).toEqual([1, '--content:1:1 error The content folder dcos (--content) does not exist. Did you mean docs?']);
});

test('a path flag with a control character names the flag (a NUL cannot be passed as an argument at all)', () => {
  const repo = repository('flag', '{"content": "docs"}\n');
  const run = cairn(['validate', '--content', 'do\u001bcs'], repo);
  expect([run.status, run.stderr]).toEqual([
    1,
    '--content:1:1 error The path given with --content holds a control character (U+001B), which a path Cairn reads or writes must not.\n  hint: Give the path as printable text.\nThe config has errors; fix them and run again.\n',
  ]);
  expect(() => spawnSync(process.execPath, [bin, 'validate', '--out', 'di\u0000st'], { cwd: repo })).toThrow(/must be a string without null bytes/);
});

test('reading rules reach every command: an empty phase fails validate until "allowEmpty"; a team\'s status word and key are read by doctor', () => {
  const repo = repository('reading', '{\n  "content": "docs"\n}\n');
  mkdirSync(join(repo, 'docs/phases/phase-8'));
  writeFileSync(join(repo, 'docs/phases/phase-8/README.md'), '# Phase 8: Later\n');
  const refused = cairn(['validate'], repo);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('docs/phases/phase-8/README.md:1:1 error No task was found in docs/phases/phase-8: Cairn saw one file (README.md)');
  writeFileSync(
    join(repo, 'cairn.config.json'),
    '{\n  "content": "docs",\n  "allowEmpty": true,\n  "statusWords": {"Parked": "blocked"},\n  "fields": {"Driver": "agent"}\n}\n',
  );
  const allowed = cairn(['validate'], repo);
  expect(allowed.status, allowed.stderr).toBe(0);
  expect(allowed.stdout + allowed.stderr).toContain('warning No task was found in docs/phases/phase-8');
  writeFileSync(
    join(repo, 'docs/phases/phase-8/task-8.1-plan.md'),
    '# Task 8.1: Plan the launch\n\n**Driver:** planner\n**Status:** Parked\n**Estimate:** 1 day\n',
  );
  const doctor = cairn(['doctor', 'docs/phases/phase-8/task-8.1-plan.md'], repo);
  expect(doctor.status, doctor.stderr).toBe(0);
  expect(doctor.stdout).toMatch(/^ {2}status +blocked \("Parked"\)/m);
  expect(doctor.stdout).toMatch(/^ {2}agent +planner /m);
});

test('"formats" reaches the build: a spec folder pinned to another format is an error at the folder; pinned to its own, it validates', () => {
  const repo = join(temp, 'pinned');
  mkdirSync(join(repo, '.git'), { recursive: true });
  cpSync('test/fixtures/formats/spec-kit-route-log/specs', join(repo, 'specs'), { recursive: true });
  writeFileSync(join(repo, 'cairn.config.json'), '{\n  "content": "specs",\n  "formats": {"specs/*": "kiro"}\n}\n');
  const refused = cairn(['validate'], repo);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('specs/001-phase1-route-console:1:1 error "formats" in cairn.config.json reads this folder as kiro');
  writeFileSync(join(repo, 'cairn.config.json'), '{\n  "content": "specs",\n  "formats": {"specs/*": "spec-kit"}\n}\n');
  const pinned = cairn(['validate'], repo);
  expect(pinned.status, pinned.stderr).toBe(0);
});
