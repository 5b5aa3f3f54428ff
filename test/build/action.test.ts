/**
 * The GitHub Action (action.yml), run as the runner runs a composite action: each `run` step in bash with
 * `-eo pipefail`, its `${{ }}` expressions filled in, and the variables GitHub sets; in a temporary repository laid
 * out like a team's. The `uses` steps (setup-node, upload-pages-artifact) are GitHub's own; the test checks that they
 * are there and that the folder handed to the upload holds the built site.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { expect, test } from 'vitest';
import { StatusJsonSchema } from '../../src/core/schema/status-json.ts';
import { cleanEnv } from '../sites.ts';

const project = resolve(import.meta.dirname, '../..');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = yaml.load(readFileSync(join(project, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}`, `${{ github.* }}` and `${{ steps.id.outputs.x }}`, as the runner fills them in. */
function expand(text: string, context: { inputs: Record<string, string>; github: Record<string, string>; outputs: Record<string, string> }): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_match, path: string) => {
    const [scope, ...rest] = path.split('.');
    if (scope === 'inputs') return context.inputs[rest[0]!] ?? '';
    if (scope === 'github') return context.github[rest[0]!] ?? '';
    if (scope === 'steps') return context.outputs[`${rest[0]}.${rest[2]}`] ?? '';
    throw new Error(`expression the test does not know: ${path}`);
  });
}

/** GitHub's runner environment for one step, with the step's own variables filled in. */
function stepEnv(step: Step, context: Parameters<typeof expand>[1], workspace: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    // setup-node puts Node 24 first on the PATH.
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
    GITHUB_ACTION_PATH: project,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'owner/team-repo',
    GITHUB_REPOSITORY_OWNER: 'owner',
    ...extra,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, context)])),
  };
}

/** Runs the action's own steps in `workspace` as a runner does, with `given` inputs; the folder it hands to the Pages upload. */
function runAction(workspace: string, given: Record<string, string>): string {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-runner-temp-'));
  const outputFile = join(temp, 'github-output');
  writeFileSync(outputFile, '');
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...given };
  const github = { action_path: project, workspace };
  const outputs: Record<string, string> = {};
  for (const step of action.runs.steps.filter((candidate) => candidate.run)) {
    expect(step.shell).toBe('bash');
    if (step.if) {
      expect(step.if).toBe("inputs.snapshot != ''");
      if (inputs.snapshot === '') continue;
    }
    const context = { inputs, github, outputs };
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, context)], {
      cwd: expand(step['working-directory'] ?? workspace, context),
      env: stepEnv(step, context, workspace, { GITHUB_OUTPUT: outputFile, RUNNER_TEMP: temp }),
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(ran.status, `step ${step.id}:\n${ran.stdout}\n${ran.stderr}`).toBe(0);
    for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
      const [name, ...value] = line.split('=');
      outputs[`${step.id}.${name}`] = value.join('=');
    }
  }
  const site = outputs['build.site-path']!;
  expect(site).toBe(join(temp, 'cairn-site'));
  expect(expand(action.outputs['site-path']!.value, { inputs, github, outputs })).toBe(site);
  return site;
}

/** A team's repository: the example package under docs/, a config, one commit at `time`. */
function teamRepo(dir: string): (time: string, ...args: string[]) => void {
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(project, 'content'), join(dir, 'docs/project-history'), { recursive: true });
  writeFileSync(join(dir, 'cairn.config.json'), '{\n  "content": "docs/project-history"\n}\n');
  const git = (time: string, ...args: string[]) =>
    void execFileSync('git', args, {
      cwd: dir,
      env: {
        ...cleanEnv(),
        GIT_AUTHOR_DATE: time,
        GIT_COMMITTER_DATE: time,
        GIT_AUTHOR_NAME: 'coordinator',
        GIT_AUTHOR_EMAIL: 'c@example.com',
        GIT_COMMITTER_NAME: 'coordinator',
        GIT_COMMITTER_EMAIL: 'c@example.com',
      },
    });
  git('2025-10-25T18:00:00Z', 'init', '-q', '--initial-branch=main');
  git('2025-10-25T18:00:00Z', 'add', '.');
  git('2025-10-25T18:00:00Z', 'commit', '-qm', 'Phase 7 package');
  return git;
}

test("action.yml: its inputs, GitHub's steps around it, and its own steps building and freezing a team's site", () => {
  expect(action.runs.using).toBe('composite');
  expect(Object.keys(action.inputs).toSorted()).toEqual(['base', 'config', 'content', 'site', 'snapshot', 'strict']);
  const uses = action.runs.steps.filter((step) => step.uses).map((step) => [step.uses, step.with]);
  expect(uses).toEqual([
    ['actions/setup-node@v4', { 'node-version': 24 }],
    ['actions/upload-pages-artifact@v3', { path: '${{ steps.build.outputs.site-path }}' }],
  ]);

  const workspace = join(mkdtempSync(join(tmpdir(), 'cairn-action-')), 'team-repo');
  const git = teamRepo(workspace);
  const site = runAction(workspace, { snapshot: 'v1.0.0' });
  // A project site: addresses under /team-repo/; the version frozen from the input; the commit's time as "now".
  expect(readFileSync(join(site, 'phase-7/index.html'), 'utf8')).toContain('href="/team-repo/phase-7/tasks/task-7.1-build-infra/"');
  expect(existsSync(join(workspace, 'docs/project-history/snapshots/1.0.0.json'))).toBe(true);
  const status = StatusJsonSchema.parse(JSON.parse(readFileSync(join(site, 'status.json'), 'utf8')));
  expect([status.version, status.phases[0]!.dataQuality.stale]).toEqual(['1.0.0', false]);
  expect(existsSync(join(site, 'v/1.0.0/phase-7/index.html'))).toBe(true);

  // The frozen file committed, the same tag's run again: the version is kept, not an error.
  git('2025-10-25T19:00:00Z', 'add', '.');
  git('2025-10-25T19:00:00Z', 'commit', '-qm', 'Freeze 1.0.0');
  const again = runAction(workspace, { snapshot: 'v1.0.0' });
  expect(existsSync(join(again, 'v/1.0.0/phase-7/index.html'))).toBe(true);
}, 300_000);

test("action.yml: a tag run and a later push, each on a fresh runner with a shallow checkout, both publish the tag's version", () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-action-tags-'));
  const origin = join(root, 'origin');
  const git = teamRepo(origin);
  git('2025-10-25T18:00:00Z', 'tag', '-a', 'v1.0.0', '-m', 'Version 1.0.0');
  // actions/checkout's default: one commit, no tags.
  const checkout = (name: string) => {
    const workspace = join(root, name);
    execFileSync('git', ['clone', '--quiet', '--depth', '1', '--no-tags', `file://${origin}`, workspace], { stdio: 'ignore' });
    return workspace;
  };
  const tagRun = runAction(checkout('tag-run'), {});
  expect(existsSync(join(tagRun, 'v/1.0.0/phase-7/index.html'))).toBe(true);

  writeFileSync(join(origin, 'docs/project-history/notes.md'), '# Notes\n');
  git('2025-10-27T09:00:00Z', 'add', '.');
  git('2025-10-27T09:00:00Z', 'commit', '-qm', 'A later push');
  const pushRun = runAction(checkout('push-run'), {});
  expect(existsSync(join(pushRun, 'v/1.0.0/phase-7/index.html'))).toBe(true);
  const status = StatusJsonSchema.parse(JSON.parse(readFileSync(join(pushRun, 'status.json'), 'utf8')));
  expect(status.version).toBe('1.0.0');
  // Nothing was committed or frozen into the repository.
  expect(existsSync(join(root, 'push-run', 'docs/project-history/snapshots'))).toBe(false);
}, 300_000);

test.each([
  ['v--help', 'v--help'],
  ['v1.1', 'v1.1'],
  ['latest', 'latest'],
  ['v1.0.0 --force', 'v1.0.0 --force'],
])('action.yml: the snapshot input %j is not a semantic version, so the freeze step fails and freezes nothing', (snapshot, shown) => {
  const step = action.runs.steps.find((candidate) => candidate.id === 'snapshot')!;
  const workspace = mkdtempSync(join(tmpdir(), 'cairn-action-freeze-'));
  cpSync(join(project, 'content'), join(workspace, 'content'), { recursive: true });
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), snapshot };
  const context = { inputs, github: { action_path: project, workspace }, outputs: {} };
  const env = {
    ...cleanEnv(),
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
    GITHUB_ACTION_PATH: project,
    GITHUB_WORKSPACE: workspace,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, context)])),
  };
  const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, context)], {
    cwd: workspace,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect([ran.status, ran.stdout.trim()]).toEqual([
    1,
    `::error title=Cairn::The snapshot input "${shown}" is not a semantic version (such as 1.2.0 or v1.2.0, with an optional -prerelease or +build); nothing was frozen.`,
  ]);
  expect(existsSync(join(workspace, 'content/snapshots'))).toBe(false);
});
