/**
 * Cairn installed the way a team installs it: `npm install --save-dev cairn-reports`, from the tarball `npm pack`
 * makes, into a repository laid out like a real project (a package under docs/, claude-flow's .swarm/memory.db + -wal
 * at the root, a cairn.config.json), and `cairn build` run there, with the installed package read-only and the hook
 * files untouched; the workflow `cairn init` writes, run as a fresh GitHub runner runs it; and every page type of a
 * site built by the installed package, opened in Chromium, with all its assets there.
 *
 * Tests make no request outside this machine, so the team's lockfile says what the registry would (Cairn at its
 * registry address, every package Cairn's own lockfile installs for a user) and `npm ci` runs offline: the tarball is
 * put into npm's cache, which is addressed by the tarball's integrity, and the rest is there from when Cairn's own
 * dependencies were installed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import yaml from 'js-yaml';
import { afterAll, expect, test } from 'vitest';
import { StatusJsonSchema } from '../../src/core/schema/status-json.ts';
import { pageTypes } from '../e2e/page-types.ts';
import { BUILD_AS_OF, cleanEnv } from '../sites.ts';

const project = resolve(import.meta.dirname, '../..');
const cairnPackage = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; version: string };
/** The package's name on the registry (`cairn` is somebody else's), and the folder it is installed into. */
const name = cairnPackage.name;
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

/** The folders this file's tests make (each holds a whole install): removed when they are done. */
const temporary: string[] = [];
const temporaryDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

let packed: { tarball: string; integrity: string } | null = null;

/** `npm pack` (once for this file's tests), the tarball added to npm's cache as the registry's copy would be. */
function pack(): { tarball: string; integrity: string } {
  if (packed) return packed;
  const work = temporaryDir('cairn-pack-');
  const made = run('npm', ['pack', '--pack-destination', work], project);
  expect(made.status, made.stderr).toBe(0);
  const tarball = join(work, readdirSync(work).find((file) => file.endsWith('.tgz'))!);
  expect(tarball.endsWith(`${name}-${cairnPackage.version}.tgz`)).toBe(true);
  const cached = run('npm', ['cache', 'add', tarball], project);
  expect(cached.status, cached.stderr).toBe(0);
  return (packed = { tarball, integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}` });
}

/**
 * A team's package.json and package-lock.json after `npm install --save-dev cairn-reports`: Cairn at its registry
 * address with the packed tarball's integrity, and every package Cairn's lockfile installs for a user (its dev tools
 * left out), all dev dependencies of the team's project.
 */
function teamPackage(integrity: string): { manifest: object; lockfile: object } {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const { name: _name, devDependencies: _devDependencies, ...cairn } = lock.packages['']!;
  const installed = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev);
  const devDependencies = { [name]: `^${cairnPackage.version}` };
  return {
    manifest: { name: 'team-project', private: true, devDependencies },
    lockfile: {
      name: 'team-project',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'team-project', devDependencies },
        [`node_modules/${name}`]: {
          ...cairn,
          resolved: `https://registry.npmjs.org/${name}/-/${name}-${cairnPackage.version}.tgz`,
          integrity,
          dev: true,
        },
        ...Object.fromEntries(installed.map(([path, entry]) => [path, { ...entry, dev: true }])),
      },
    },
  };
}

/** Writes the team's package.json and package-lock.json into `dir`. */
function writeTeamPackage(dir: string): void {
  const { manifest, lockfile } = teamPackage(pack().integrity);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
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
  const work = temporaryDir('cairn-install-');
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
  writeTeamPackage(repo);

  mkdirSync(join(repo, 'notes'));
  writeFileSync(join(repo, 'notes/secret.md'), '# Salaries\n\nSECRET-NOTES: not for the site.\n');

  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], repo);
  expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
  return (installed = { repo });
}

test('npm pack, install into a team repository, cairn build: statuses from the repository store, package read-only, hook files untouched', () => {
  const { repo } = teamInstall();
  const store = hashes(join(repo, '.swarm'));
  const release = readOnly(join(repo, 'node_modules', name));
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
  expect(readdirSync(join(repo, 'node_modules', name))).not.toContain('.astro');
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
      `/@fs${repo}/node_modules/${name}/../../notes/secret.md?import`,
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

interface WorkflowStep {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}
interface Workflow {
  jobs: Record<string, { env?: Record<string, string>; steps: WorkflowStep[] }>;
}

/** `${{ github.* }}` as the runner fills it in for a push to owner/team-repo. */
function expandGithub(text: string): string {
  const github: Record<string, string> = { repository_owner: 'owner', repository: 'owner/team-repo', 'event.repository.name': 'team-repo' };
  return text.replace(/\$\{\{\s*github\.([\w.]+)\s*\}\}/g, (_match, path: string) => {
    if (!(path in github)) throw new Error(`expression the test does not know: github.${path}`);
    return github[path]!;
  });
}

test('the workflow cairn init writes, on a fresh runner: npm ci of the committed lockfile, then cairn build --strict, in a clone with no node_modules or dist', () => {
  const { repo: installedIn } = teamInstall();
  const work = temporaryDir('cairn-runner-');
  const origin = join(work, 'team-repo');
  mkdirSync(origin);
  // The team's first hour: `npx cairn init`, `npm install --save-dev cairn-reports`, commit, push.
  const init = run(process.execPath, [join(installedIn, 'node_modules/.bin/cairn'), 'init'], origin);
  expect(init.status, `${init.stdout}\n${init.stderr}`).toBe(0);
  writeTeamPackage(origin);
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...cleanEnv(),
        GIT_AUTHOR_NAME: 'coordinator',
        GIT_AUTHOR_EMAIL: 'c@example.com',
        GIT_COMMITTER_NAME: 'coordinator',
        GIT_COMMITTER_EMAIL: 'c@example.com',
      },
      encoding: 'utf8',
    });
  git(origin, 'init', '-q', '--initial-branch=main');
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'Cairn');
  // actions/checkout with fetch-depth: 0: the whole history, and nothing that is not committed.
  const workspace = join(work, 'runner', 'team-repo');
  git(work, 'clone', '--quiet', `file://${origin}`, workspace);
  expect(readdirSync(workspace).toSorted()).toEqual([
    '.git',
    '.github',
    '.gitignore',
    'cairn.config.json',
    'coordination',
    'package-lock.json',
    'package.json',
  ]);

  const workflow = yaml.load(readFileSync(join(workspace, '.github/workflows/cairn.yml'), 'utf8')) as Workflow;
  const [job] = Object.values(workflow.jobs);
  const steps = job!.steps;
  expect(steps.filter((step) => step.uses).map((step) => [step.uses, step.with])).toEqual([
    ['actions/checkout@v4', { 'fetch-depth': 0 }],
    ['actions/setup-node@v4', { 'node-version': 24 }],
    ['actions/upload-pages-artifact@v3', { path: 'dist' }],
    ['actions/deploy-pages@v4', undefined],
  ]);
  // setup-node comes before the first command that needs Node, and the upload after the last.
  const runs = steps.flatMap((step, index) => (step.run ? [index] : []));
  expect(runs.length).toBeGreaterThan(0);
  expect(steps.findIndex((step) => step.uses?.startsWith('actions/setup-node@'))).toBeLessThan(runs[0]!);
  expect(steps.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))).toBeGreaterThan(runs.at(-1)!);

  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    // setup-node puts Node 24 first on the PATH; GitHub's runner says it is CI.
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'owner/team-repo',
    GITHUB_REPOSITORY_OWNER: 'owner',
    GITHUB_WORKSPACE: workspace,
    // No request leaves this machine: what the registry would send comes from npm's cache.
    npm_config_offline: 'true',
    ...Object.fromEntries(Object.entries(job!.env ?? {}).map(([key, value]) => [key, expandGithub(value)])),
  };
  expect([env.SITE, env.BASE]).toEqual(['https://owner.github.io', '/team-repo/']);
  for (const index of runs) {
    // A run step without a shell of its own runs as `bash -e {0}` on ubuntu-latest.
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', expandGithub(steps[index]!.run!)], {
      cwd: workspace,
      env,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(ran.status, `${steps[index]!.run}:\n${ran.stdout}\n${ran.stderr}`).toBe(0);
  }
  const dist = join(workspace, 'dist');
  expect(existsSync(join(dist, 'index.html'))).toBe(true);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('href="/team-repo/phase-1/"');
  const status = StatusJsonSchema.parse(JSON.parse(readFileSync(join(dist, 'status.json'), 'utf8')));
  expect(status.phases.map((phase) => [phase.id, phase.tasks.length])).toEqual([['phase-1', 2]]);
}, 300_000);

test('every page type of a site built by the installed Cairn loads in Chromium with all its assets: no failed request, no console error', async () => {
  const { repo } = teamInstall();
  // The example package (a phase with its hook logs, releases), as a project site, built by the installed command.
  const site = join(repo, 'example');
  cpSync(join(project, 'content'), join(site, 'content'), { recursive: true });
  writeFileSync(join(site, 'cairn.config.json'), `${JSON.stringify({ content: 'content', base: '/team-repo/', asOf: BUILD_AS_OF }, null, 2)}\n`);
  const cairn = join(repo, 'node_modules/.bin/cairn');
  const build = run(process.execPath, [cairn, 'build'], site);
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  for (const file of ['favicon.svg', 'robots.txt']) expect([file, existsSync(join(site, 'dist', file))]).toEqual([file, true]);

  const server = spawn(process.execPath, [cairn, 'preview', '--port', '0'], { cwd: site, env: { ...cleanEnv(), NO_COLOR: '1' }, detached: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const base = await new Promise<string>((done, fail) => {
      let output = '';
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const url = /at (http:\/\/127\.0\.0\.1:\d+\/\S*) /.exec(output)?.[1];
        if (url) done(url);
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.on('close', (code) => fail(new Error(`cairn preview stopped (${code}):\n${output}`)));
    });
    expect(base).toMatch(/\/team-repo\/$/);
    const page = await browser.newPage();
    const problems: string[] = [];
    let current = '';
    let notFound = '';
    page.on('requestfailed', (failed) => problems.push(`${current}: ${failed.url()} failed (${failed.failure()?.errorText})`));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url() !== notFound) problems.push(`${current}: ${response.url()} answered ${response.status()}`);
    });
    page.on('console', (message) => {
      // The 404 page's own document is answered 404 on purpose, and Chromium says so in the console.
      if (message.type() === 'error' && !(message.location().url === notFound && message.text().includes('404'))) {
        problems.push(`${current}: console error: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
    const loaded: [string, number | undefined][] = [];
    for (const [type, path] of pageTypes) {
      current = type;
      const url = new URL(path.slice(1), base).href;
      if (type === 'not-found') notFound = url;
      const response = await page.goto(url, { waitUntil: 'networkidle' });
      loaded.push([type, response?.status()]);
    }
    expect(loaded).toEqual(pageTypes.map(([type]) => [type, type === 'not-found' ? 404 : 200]));
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}, 300_000);
