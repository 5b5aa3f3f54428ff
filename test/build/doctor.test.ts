/** `cairn doctor` as a team runs it on a tool's folder: every file named with its reader, or why it was not read. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanEnv } from '../sites.ts';

const bin = resolve('bin/cairn.mjs');

function cairn(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cairn doctor', () => {
  test('a Kiro .kiro/specs folder: every file with its reader, the specs in _archived/ read as phases, the README.md files not read', () => {
    const specs = 'test/fixtures/formats/kiro-garden-plots/.kiro/specs';
    const run = cairn(['doctor', specs]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const readers = Object.fromEntries([...run.stdout.matchAll(/^(\S+)\n {2}reader {4}([^:\n]+)/gm)].map(([, path, reader]) => [path!.slice(specs.length + 1), reader]));
    expect(readers).toEqual({
      '1-plot-design-tokens/README.md': 'not read',
      '1-plot-design-tokens/design.md': 'not read',
      '1-plot-design-tokens/requirements.md': 'not read',
      '1-plot-design-tokens/tasks.md': 'kiro',
      'README.md': 'not read',
      'WORKING-WITH-SPECS.md': 'not read',
      '_archived/README.md': 'not read',
      '_archived/plot-editor-ui/design.md': 'not read',
      '_archived/plot-editor-ui/requirements.md': 'not read',
      '_archived/plot-editor-ui/tasks.md': 'kiro',
      'config-consolidation/design.md': 'not read',
      'config-consolidation/requirements.md': 'not read',
      'config-consolidation/tasks.md': 'kiro',
    });
    expect(run.stdout).toContain(`${specs}/_archived/README.md\n  reader    not read: not in a phase folder`);
    expect(run.stdout).toContain(`phase plot-editor-ui (${specs}/_archived/plot-editor-ui): kiro, 14 tasks`);
    expect(run.stdout).toContain(`${specs}/1-plot-design-tokens/README.md\n  reader    not read: a document of the Kiro tasks.md folder (its tasks are in tasks.md)`);
    expect(run.stdout).toMatch(/^ {2}159 +6\.1 +complete \("\[x\]"\) +Load the styles in the plot planner$/m);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('13 files, 61 tasks, 0 errors, 1 warning');
  });

  test('a copy of ~/.claude/tasks/: each task file with its reader, the owner as agent, .lock and .highwatermark not read; a claude-flow store with its agents', () => {
    const root = 'test/fixtures/formats/claude-code-tasks-reef-survey';
    const list = `${root}/0197a3c4-5e2b-7d41-9c86-2f0b4e7a1d53`;
    const run = cairn(['doctor', root]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const readers = Object.fromEntries([...run.stdout.matchAll(/^(\S+)\n {2}reader {4}([^:\n]+)/gm)].filter(([, path]) => path!.startsWith(`${list}/`)).map(([, path, reader]) => [path!.slice(list.length + 1), reader]));
    expect(readers).toEqual({ '.highwatermark': 'not read', '.lock': 'not read', '1.json': 'claude-code-tasks', '2.json': 'claude-code-tasks', '3.json': 'claude-code-tasks', '4.json': 'claude-code-tasks', '5.json': 'claude-code-tasks', '7.json': 'claude-code-tasks', '8.json': 'claude-code-tasks' });
    expect(run.stdout).toContain(`${list}/3.json\n  reader    claude-code-tasks: task 3, one file of the list of 7 task files (the phase line says why)\n  tasks     each from its JSON entry (keys "id", "subject", "status", "blockedBy"); agent from key "owner"; estimate: not in the format`);
    expect(run.stdout).toMatch(/^ {2}2 +3 +in progress \("in_progress"\) +main +blockedBy 1 +Normalise site names$/m);
    expect(run.stdout).toContain(`${list}/7.json:8:1 warning Task 4 says it blocks 7, but 7's "blockedBy" does not name 4; 7 is read as depending on 4.`);
    // The session folder with no task, and the fixture's own files, are named too.
    expect(run.stdout).toContain(`${root}/0197a3f1-08d2-7b63-a5e9-4c1d7f20b8e6/.lock\n  reader    not read: The folder 0197a3f1-08d2-7b63-a5e9-4c1d7f20b8e6 holds no Claude Code task file`);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('13 files, 7 tasks, 0 errors, 2 warnings');

    const store = cairn(['doctor', 'test/fixtures/formats/claude-flow-store-skill-pipeline']);
    expect([store.status, store.stderr]).toEqual([0, '']);
    expect(store.stdout).toContain('agent from key "assignedTo"; estimate: not in the format');
    expect(store.stdout).toMatch(/^ {2}4 +task-1782915024611-8sjw2c +complete \("completed"\) +unassigned +Explore: /m);
  });

  test('--json gives the same report for machines; a path that is not there, or two, is bad usage (exit 2)', () => {
    const json = cairn(['doctor', 'test/fixtures/packages/minimal/phases/phase-1/task-1.2-tests.md', '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { files: { path: string; reader: string; tasks: { fields: { field: string; line: number | null; from: string }[] }[] }[] };
    expect(report.files.map((file) => [file.path, file.reader])).toEqual([['test/fixtures/packages/minimal/phases/phase-1/task-1.2-tests.md', 'task-files']]);
    expect(report.files[0]!.tasks[0]!.fields.find((row) => row.field === 'estimate')).toEqual({ field: 'estimate', value: '3 days (3 d)', line: 4, from: 'bold line "Duration"' });
    expect(cairn(['doctor', 'no/such/folder']).status).toBe(2);
    expect(cairn(['doctor', 'a', 'b']).status).toBe(2);
    expect(cairn(['validate', '--json']).status).toBe(2);
  });
});
