/**
 * The `cairn` command as a team runs it in its own repository: a package under docs/, a cairn.config.json at the root,
 * the command run from a folder below it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { StatusJsonSchema } from '../../src/core/schema/status-json.ts';
import { cleanEnv } from '../sites.ts';

const bin = resolve('bin/cairn.mjs');

function cairn(args: string[], { cwd = process.cwd(), node = process.execPath } = {}) {
  const run = spawnSync(node, [bin, ...args], { cwd, env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir` with the hash of its bytes. */
function hashes(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files.map((entry) => [
      join(entry.parentPath, entry.name),
      createHash('sha256')
        .update(readFileSync(join(entry.parentPath, entry.name)))
        .digest('hex'),
    ]),
  );
}

/** A repository laid out like a real project: the example's phase under docs/project-history/phases/phase7. */
function teamRepository(config: object): string {
  const repo = mkdtempSync(join(tmpdir(), 'cairn-repo-'));
  mkdirSync(join(repo, 'docs/project-history/phases'), { recursive: true });
  cpSync('content/phases/phase-7', join(repo, 'docs/project-history/phases/phase7'), { recursive: true });
  writeFileSync(join(repo, 'cairn.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return repo;
}

describe('cairn', () => {
  test('--help lists the commands; <command> --help has examples; --version is the package version', () => {
    const help = cairn(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['build', 'validate', 'check', 'snapshot', 'dev']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const build = cairn(['build', '--help']);
    expect(build.stdout).toContain('Examples:\n  cairn build\n');
    expect(cairn(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  test('an unknown command or option says so, with the usage, and exits 2', () => {
    const unknown = cairn(['biuld']);
    expect([unknown.status, unknown.stderr.split('\n')[0]]).toEqual([2, 'Unknown command "biuld". Did you mean "build"?']);
    const option = cairn(['validate', '--force']);
    expect([option.status, option.stderr.split('\n')[0]]).toEqual([2, 'cairn validate has no --force.']);
  });

  test('a broken config is named at its line and column, from the folder the command ran in', () => {
    const repo = teamRepository({});
    writeFileSync(join(repo, 'cairn.config.json'), '{\n  "content": "docs/project-history",\n  "asOf": "yesterday"\n}\n');
    const run = cairn(['validate'], { cwd: join(repo, 'docs') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('../cairn.config.json:3:11 error "asOf" is not valid: it is not an ISO 8601 time');
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  test('a repository-wide store (.swarm/memory.db + -wal at the root) gives the phase the statuses its own copy gives; the config found above the working folder, the site where it says, the content untouched', () => {
    const withOwn = teamRepository({ content: 'docs/project-history', out: 'site', asOf: '2025-10-25T18:00:00Z', title: 'Riptide phases' });
    const phase = (repo: string) => join(repo, 'docs/project-history/phases/phase7');
    rmSync(join(phase(withOwn), 'hooks/memory-store.json'));
    const shared = teamRepository({
      content: 'docs/project-history',
      hooks: ['.swarm/memory.db', '.claude-flow/metrics/*.json'],
      asOf: '2025-10-25T18:00:00Z',
    });
    mkdirSync(join(shared, '.swarm'));
    for (const name of ['memory.db', 'memory.db-wal']) renameSync(join(phase(shared), 'hooks', name), join(shared, '.swarm', name));
    rmSync(join(phase(shared), 'hooks'), { recursive: true });
    const store = hashes(join(shared, '.swarm'));

    const before = hashes(join(withOwn, 'docs'));
    const own = cairn(['build'], { cwd: join(withOwn, 'docs') });
    const repo = cairn(['build'], { cwd: shared });
    expect(own.status, `${own.stdout}\n${own.stderr}`).toBe(0);
    expect(repo.status, `${repo.stdout}\n${repo.stderr}`).toBe(0);
    // The metrics glob matches nothing: said once, and the build goes on.
    expect(repo.stderr).toContain('warning The hook log .claude-flow/metrics/*.json matches no file');
    // Messages name the content from where the command ran; the site goes where the config says, titled by it.
    expect(own.stdout).toContain('project-history: 1 phase(s), 4 task(s), 0 error(s)');
    expect(readFileSync(join(withOwn, 'site/phase7/index.html'), 'utf8')).toContain('<title>Phase 7: Quality &amp; Infrastructure · Riptide phases</title>');
    expect(hashes(join(withOwn, 'docs'))).toEqual(before);
    const statusOf = (file: string) => StatusJsonSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).phases[0]!;
    const [a, b] = [statusOf(join(withOwn, 'site/status.json')), statusOf(join(shared, 'dist/status.json'))];
    expect(a.tasks.map((task) => task.status)).toEqual(['in_progress', 'in_progress', 'complete', 'pending']);
    // The same tasks, statuses, times and health; "so far" in a health sentence is measured to the phase's newest event,
    // and the repository-wide store's events that name no task are not the phase's, so only those days may differ.
    const sameBut = (tasks: typeof a.tasks) =>
      tasks.map((task) => ({
        ...task,
        health: task.health && { state: task.health.state, reason: task.health.reason.replace(/\d+(?:\.\d+)? days of its/, 'N days of its') },
      }));
    expect(sameBut(b.tasks)).toEqual(sameBut(a.tasks));
    // One count for the store wherever it is shown, the whole log's: the terminal's line, status.json, the phase's
    // panel and /data-quality/; the phase's share is its tasks' events, said beside them.
    const line = /^\.swarm\/memory\.db: claude-flow-sqlite, (\d+) records, (\d+) imported, (\d+) skipped \(repository log, its events: (\d+) to phase7, /m.exec(
      repo.stdout,
    );
    expect(line, repo.stdout).not.toBeNull();
    const [records, imported, skipped, share] = line!.slice(1).map(Number);
    expect(b.dataQuality.sources.map((source) => [source.path, source.records, source.imported, source.skipped])).toEqual([
      ['.swarm/memory.db', records, imported, skipped],
    ]);
    expect(share).toBe(b.tasks.reduce((sum, task) => sum + task.events, 0));
    const row = (html: string) =>
      [...(/<tr data-source="\.swarm\/memory\.db"[^>]*>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '').matchAll(/<td class="num"[^>]*>([\d,]+)<\/td>/g)].map((cell) =>
        Number(cell[1]!.replaceAll(',', '')),
      );
    const dashboard = readFileSync(join(shared, 'dist/phase7/index.html'), 'utf8');
    expect(row(dashboard)).toEqual([records, imported, skipped]);
    expect(dashboard).toContain(`repository log, counted whole: ${share} of its events went to this phase&#39;s tasks`);
    // The store is read, never written; the site has a page for what went to no phase.
    expect(hashes(join(shared, '.swarm'))).toEqual(store);
    const page = readFileSync(join(shared, 'dist/data-quality/index.html'), 'utf8');
    expect(page).toContain('<code>.swarm/memory.db</code>');
    expect(row(page)).toEqual([records, imported, skipped]);
    expect(page).toContain(`Phase 7: Quality &amp; Infrastructure</a>: ${share}`);
  });

  test('check: the quality gates of the config, each printed with its value; exit 1 when one fails', () => {
    const repo = teamRepository({ content: 'docs/project-history', asOf: '2025-10-25T18:00:00Z' });
    const defaults = cairn(['check'], { cwd: repo });
    expect(defaults.status, `${defaults.stdout}\n${defaults.stderr}`).toBe(0);
    expect(defaults.stdout).toContain(
      'pass phase7 stale: the newest evidence is from 2025-10-25 15:58 UTC, 0.08 days before 2025-10-25 18:00 UTC; at most 1 day allowed',
    );
    writeFileSync(
      join(repo, 'cairn.config.json'),
      JSON.stringify({ content: 'docs/project-history', asOf: '2025-10-25T18:00:00Z', gates: { maxBlocked: 0, minProgress: 50 } }),
    );
    const gated = cairn(['check'], { cwd: repo });
    expect(gated.status).toBe(1);
    expect(gated.stdout).toContain('pass phase7 maxBlocked: 0 blocked tasks, at most 0 allowed');
    expect(gated.stdout).toContain('FAIL phase7 minProgress: 17% of the estimated work complete, at least 50% required');
    expect(gated.stderr).toContain('1 of 2 gate(s) failed.');
  });

  test('init writes a starter that builds at once, and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-init-'));
    const init = cairn(['init', 'project'], { cwd: dir });
    expect(init.status, init.stderr).toBe(0);
    const project = join(dir, 'project');
    const written = hashes(project);
    expect(
      Object.keys(written)
        .map((file) => file.slice(project.length + 1))
        .toSorted(),
    ).toEqual([
      '.github/workflows/cairn.yml',
      '.gitignore',
      'cairn.config.json',
      'coordination/phases/phase-1/README.md',
      'coordination/phases/phase-1/baseline-metrics.json',
      'coordination/phases/phase-1/task-1.1-build-setup.md',
      'coordination/phases/phase-1/task-1.2-test-harness.md',
    ]);
    const build = cairn(['build', '--strict'], { cwd: project });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(build.stdout).toContain('coordination: 1 phase(s), 2 task(s), 0 error(s), 0 warning(s)');
    const status = StatusJsonSchema.parse(JSON.parse(readFileSync(join(project, 'dist/status.json'), 'utf8')));
    expect(status.phases.map((phase) => [phase.title, phase.tasks.map((task) => [task.id, task.agent, task.estimateDays, task.dependsOn])])).toEqual([
      [
        'Phase 1: Foundations',
        [
          ['1.1', 'cicd-engineer', 1, []],
          ['1.2', 'tester', 2, ['1.1']],
        ],
      ],
    ]);
    // The built site is not committed, and the last line says how to look at it.
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(init.stdout.trim().split('\n').at(-1)).toBe(
      'Next: `cairn build` there, then `cairn preview` to see the site; edit the files under coordination/ as the work goes.',
    );
    writeFileSync(join(project, 'coordination/phases/phase-1/README.md'), '# Mine\n');
    const again = cairn(['init'], { cwd: project });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Nothing was written: these files exist in .:');
    expect(readFileSync(join(project, 'coordination/phases/phase-1/README.md'), 'utf8')).toBe('# Mine\n');
  });

  test("init leaves a team's own .gitignore as it is, and names what it lacks", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-init-ignore-'));
    writeFileSync(join(dir, '.gitignore'), '/node_modules\n*.log\n');
    const init = cairn(['init'], { cwd: dir });
    expect(init.status, init.stderr).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('/node_modules\n*.log\n');
    expect(init.stdout).toContain('.gitignore is yours, so it was left as it is; add to it: dist/');
  });

  const olderNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
    (path) => existsSync(path) && Number(spawnSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 24,
  );
  test.skipIf(!olderNode)('run by an older Node, it uses the Node 24 installed beside it', () => {
    const run = cairn(['--version'], { node: olderNode! });
    expect([run.status, run.stdout.trim()]).toEqual([0, JSON.parse(readFileSync('package.json', 'utf8')).version]);
  });
});
