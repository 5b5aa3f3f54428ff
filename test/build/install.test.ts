/**
 * Cairn installed the way a team installs it: `npm pack`, then the tarball installed into a repository laid out like a
 * real project (a package under docs/, claude-flow's .swarm/memory.db + -wal at the root, a cairn.config.json), and
 * `cairn build` run there, with the installed package read-only and the hook files untouched.
 *
 * Tests make no request outside this machine, so the install is `npm ci --offline` of a lockfile made from Cairn's
 * own: the same packages at the same versions, from npm's cache (filled when Cairn's dependencies were installed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { StatusJsonSchema } from '../../src/core/schema/status-json.ts';
import { cleanEnv } from '../sites.ts';

const project = resolve(import.meta.dirname, '../..');
const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()) =>
  spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 240_000 });
const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        join(entry.parentPath, entry.name),
        createHash('sha256')
          .update(readFileSync(join(entry.parentPath, entry.name)))
          .digest('hex'),
      ]),
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

let installed: { repo: string } | null = null;

/**
 * Cairn packed and installed into a team's repository (once for this file's tests): the package under docs/, the
 * hook store at the root, a notes file that is nobody's business but the team's.
 */
function teamInstall(): { repo: string } {
  if (installed) return installed;
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
  writeFileSync(
    join(repo, 'cairn.config.json'),
    `${JSON.stringify({ content: 'docs/project-history', hooks: ['.swarm/memory.db'], asOf: '2025-10-25T18:00:00Z' }, null, 2)}\n`,
  );
  writeFileSync(
    join(repo, 'package.json'),
    `${JSON.stringify({ name: 'team-project', private: true, dependencies: { cairn: `file:${tarball}` } }, null, 2)}\n`,
  );
  writeFileSync(join(repo, 'package-lock.json'), `${JSON.stringify(teamLockfile(tarball), null, 2)}\n`);

  mkdirSync(join(repo, 'notes'));
  writeFileSync(join(repo, 'notes/secret.md'), '# Salaries\n\nSECRET-NOTES: not for the site.\n');

  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], repo);
  expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
  return (installed = { repo });
}

test('npm pack, install into a team repository, cairn build: statuses from the repository store, package read-only, hook files untouched', () => {
  const { repo } = teamInstall();
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
  expect(status.phases.map((phase) => [phase.id, phase.tasks.map((task) => [task.id, task.status])])).toEqual([
    [
      'phase7',
      [
        ['7.1', 'in_progress'],
        ['7.2', 'in_progress'],
        ['7.3', 'complete'],
        ['7.4', 'pending'],
      ],
    ],
  ]);
  expect(status.phases[0]!.dataQuality.sources.map((source) => source.path)).toEqual(['.swarm/memory.db']);
  expect(hashes(join(repo, '.swarm'))).toEqual(store);
  // Where read-only could not be set up (no mount here), the caches must still have gone to the team's repository.
  expect(readdirSync(join(repo, 'node_modules/.cache/cairn')).toSorted()).toEqual(expect.arrayContaining(['.astro', 'phases']));
  expect(readdirSync(join(repo, 'node_modules/cairn'))).not.toContain('.astro');
}, 300_000);

/** GET `path` exactly as written (fetch would resolve "..", as browsers do; a hand-made request need not). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: 'localhost', port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

test("cairn dev in the team repository serves the site and Cairn's own files, and no other file of the repository", async () => {
  const { repo } = teamInstall();
  const port = 4900 + Math.floor(Math.random() * 400);
  const server = spawn(process.execPath, [join(repo, 'node_modules/.bin/cairn'), 'dev', '--port', String(port)], {
    cwd: repo,
    env: { ...cleanEnv(), NO_COLOR: '1' },
    detached: true,
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  try {
    for (let tries = 0; ; tries++) {
      const ready = await get(port, '/phase7/').catch(() => null);
      if (ready?.status === 200) break;
      if (tries > 240 || server.exitCode !== null) throw new Error(`cairn dev did not start:\n${output}`);
      await new Promise((done) => setTimeout(done, 250));
    }
    const page = await get(port, '/phase7/');
    expect(page.body).toContain('Phase 7');
    // The page's own styles and scripts come from Cairn's folder, through /@fs/.
    const assets = [...page.body.matchAll(/(?:src|href)="(\/@fs\/[^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect([asset, (await get(port, asset)).status]).toEqual([asset, 200]);
    // Everything else in the repository is refused, however it is asked for: raw, as a module, by its plain path,
    // or by a path that climbs out of Cairn's folder.
    const refused = [
      `/@fs${repo}/notes/secret.md`,
      `/@fs${repo}/notes/secret.md?import`,
      `/@fs${repo}/notes/secret.md?raw`,
      `${repo}/notes/secret.md?import`,
      `//${repo.slice(1)}/notes/secret.md?import`,
      `/@fs${repo}/node_modules/cairn/../../notes/secret.md?import`,
      `/@fs${repo}/.swarm/memory.db`,
      `/@fs${repo}/cairn.config.json`,
      '/@fs/etc/passwd',
    ];
    for (const path of refused) {
      const { status, body } = await get(port, path);
      expect([path, status, /SECRET-NOTES|root:/.test(body)]).toEqual([path, 403, false]);
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}, 300_000);
