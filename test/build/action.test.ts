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

test("action.yml: its inputs, GitHub's steps around it, and its own steps building and freezing a team's site", () => {
  expect(action.runs.using).toBe('composite');
  expect(Object.keys(action.inputs).toSorted()).toEqual(['base', 'config', 'content', 'site', 'snapshot', 'strict']);
  const uses = action.runs.steps.filter((step) => step.uses).map((step) => [step.uses, step.with]);
  expect(uses).toEqual([
    ['actions/setup-node@v4', { 'node-version': 24 }],
    ['actions/upload-pages-artifact@v3', { path: '${{ steps.build.outputs.site-path }}' }],
  ]);

  // A team's repository: the example package under docs/, a config, one commit.
  const root = mkdtempSync(join(tmpdir(), 'cairn-action-'));
  const workspace = join(root, 'team-repo');
  mkdirSync(join(workspace, 'docs'), { recursive: true });
  cpSync(join(project, 'content'), join(workspace, 'docs/project-history'), { recursive: true });
  writeFileSync(join(workspace, 'cairn.config.json'), '{\n  "content": "docs/project-history"\n}\n');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: workspace,
      env: {
        ...cleanEnv(),
        GIT_AUTHOR_DATE: '2025-10-25T18:00:00Z',
        GIT_COMMITTER_DATE: '2025-10-25T18:00:00Z',
        GIT_AUTHOR_NAME: 'coordinator',
        GIT_AUTHOR_EMAIL: 'c@example.com',
        GIT_COMMITTER_NAME: 'coordinator',
        GIT_COMMITTER_EMAIL: 'c@example.com',
      },
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'Phase 7 package');

  const temp = join(root, 'runner-temp');
  mkdirSync(temp);
  const outputFile = join(temp, 'github-output');
  writeFileSync(outputFile, '');
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), snapshot: 'v1.0.0' };
  const github = { action_path: project, workspace };
  const outputs: Record<string, string> = {};
  for (const step of action.runs.steps.filter((candidate) => candidate.run)) {
    expect(step.shell).toBe('bash');
    if (step.if) {
      expect(step.if).toBe("inputs.snapshot != ''");
      if (inputs.snapshot === '') continue;
    }
    const context = { inputs, github, outputs };
    const env = {
      ...cleanEnv(),
      // setup-node puts Node 24 first on the PATH.
      PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
      GITHUB_ACTION_PATH: project,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'owner/team-repo',
      GITHUB_REPOSITORY_OWNER: 'owner',
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, context)])),
    };
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, context)], {
      cwd: expand(step['working-directory'] ?? workspace, context),
      env,
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
  // A project site: addresses under /team-repo/; the version frozen from the input; the commit's time as "now".
  expect(readFileSync(join(site, 'phase-7/index.html'), 'utf8')).toContain('href="/team-repo/phase-7/tasks/task-7.1-build-infra/"');
  expect(existsSync(join(workspace, 'docs/project-history/snapshots/1.0.0.json'))).toBe(true);
  const status = StatusJsonSchema.parse(JSON.parse(readFileSync(join(site, 'status.json'), 'utf8')));
  expect([status.version, status.phases[0]!.dataQuality.stale]).toEqual(['1.0.0', false]);
  expect(existsSync(join(site, 'v/1.0.0/phase-7/index.html'))).toBe(true);
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
