/**
 * Cairn installed the way a team installs it: `npm pack`, then the tarball installed into a repository laid out like a
 * real project (a package under docs/, claude-flow's .swarm/memory.db + -wal at the root, a cairn.config.json), and
 * `cairn build` run there, with the installed package read-only and the hook files untouched.
 *
 * Tests make no request outside this machine, so the install is `npm ci --offline` of a lockfile made from Cairn's
 * own: the same packages at the same versions, from npm's cache (filled when Cairn's dependencies were installed).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { StatusJsonSchema } from '../../src/core/schema/status-json.ts';
import { cleanEnv } from '../sites.ts';

const project = resolve(import.meta.dirname, '../..');
const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()) => spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 240_000 });
const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), createHash('sha256').update(readFileSync(join(entry.parentPath, entry.name))).digest('hex')]),
  );

/** The team's lockfile: the tarball, and every package Cairn's lockfile installs for a user (its dev tools left out). */
function teamLockfile(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const { name: _name, ...cairn } = lock.packages['']!;
  const installed = Object.fromEntries(Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev));
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  return {
    name: 'team-project',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'team-project', dependencies: { cairn: `file:${tarball}` } },
      'node_modules/cairn': { ...cairn, devDependencies: undefined, resolved: `file:${tarball}`, integrity },
      ...installed,
    },
  };
}

/** Makes `dir` read-only for the command, as a package folder owned by another user or on a read-only disk is. */
function readOnly(dir: string): (() => void) | null {
  const bind = spawnSync('mount', ['--bind', dir, dir]);
  if (bind.status !== 0) return null;
  if (spawnSync('mount', ['-o', 'remount,ro,bind', dir]).status !== 0) {
    spawnSync('umount', [dir]);
    return null;
  }
  return () => void spawnSync('umount', [dir]);
}

test('npm pack, install into a team repository, cairn build: statuses from the repository store, package read-only, hook files untouched', () => {
  const work = mkdtempSync(join(tmpdir(), 'cairn-install-'));
  const packed = run('npm', ['pack', '--pack-destination', work], project);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);

  const repo = join(work, 'team');
  mkdirSync(join(repo, 'docs/project-history/phases'), { recursive: true });
  cpSync(join(project, 'content/phases/phase-7'), join(repo, 'docs/project-history/phases/phase7'), { recursive: true });
  mkdirSync(join(repo, '.swarm'));
  for (const name of ['memory.db', 'memory.db-wal']) renameSync(join(repo, 'docs/project-history/phases/phase7/hooks', name), join(repo, '.swarm', name));
  rmSync(join(repo, 'docs/project-history/phases/phase7/hooks'), { recursive: true });
  writeFileSync(join(repo, 'cairn.config.json'), `${JSON.stringify({ content: 'docs/project-history', hooks: ['.swarm/memory.db'], asOf: '2025-10-25T18:00:00Z' }, null, 2)}\n`);
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'team-project', private: true, dependencies: { cairn: `file:${tarball}` } }, null, 2)}\n`);
  writeFileSync(join(repo, 'package-lock.json'), `${JSON.stringify(teamLockfile(tarball), null, 2)}\n`);

  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], repo);
  expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
  const store = hashes(join(repo, '.swarm'));
  const release = readOnly(join(repo, 'node_modules/cairn'));
  let build: ReturnType<typeof run>;
  try {
    // `npx cairn build` as the team runs it; this Node is 24, as the team's must be (or Cairn says so).
    build = run(process.execPath, [join(repo, 'node_modules/.bin/cairn'), 'build'], join(repo, 'docs'));
  } finally {
    release?.();
  }
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  const status = StatusJsonSchema.parse(JSON.parse(readFileSync(join(repo, 'docs/dist/status.json'), 'utf8')));
  expect(status.phases.map((phase) => [phase.id, phase.tasks.map((task) => [task.id, task.status])])).toEqual([['phase7', [['7.1', 'in_progress'], ['7.2', 'in_progress'], ['7.3', 'complete'], ['7.4', 'pending']]]]);
  expect(status.phases[0]!.dataQuality.sources.map((source) => source.path)).toEqual(['.swarm/memory.db']);
  expect(hashes(join(repo, '.swarm'))).toEqual(store);
  // Where read-only could not be set up (no mount here), the caches must still have gone to the team's repository.
  expect(readdirSync(join(repo, 'node_modules/.cache/cairn')).toSorted()).toEqual(expect.arrayContaining(['.astro', 'phases']));
  expect(readdirSync(join(repo, 'node_modules/cairn'))).not.toContain('.astro');
}, 300_000);
