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
  test('a Kiro .kiro/specs folder: every file with its reader, the _archived folder warning, the README.md files not read', () => {
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
      '_archived/plot-editor-ui/tasks.md': 'not read',
      'config-consolidation/design.md': 'not read',
      'config-consolidation/requirements.md': 'not read',
      'config-consolidation/tasks.md': 'kiro',
    });
    expect(run.stdout).toContain(`${specs}/_archived/README.md\n  reader    not read: The folder _archived holds no task list`);
    expect(run.stdout).toContain(`${specs}/1-plot-design-tokens/README.md\n  reader    not read: a document of the Kiro tasks.md folder (its tasks are in tasks.md)`);
    expect(run.stdout).toContain(`${specs}/_archived:1:1 warning The folder _archived holds no task list`);
    expect(run.stdout).toMatch(/^ {2}159 +6\.1 +complete \("\[x\]"\) +Load the styles in the plot planner$/m);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('13 files, 47 tasks, 0 errors, 2 warnings');
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
