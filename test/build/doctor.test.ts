/** `cairn doctor` as a team runs it on a tool's folder: every file named with its reader, or why it was not read. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
    const readers = Object.fromEntries(
      [...run.stdout.matchAll(/^(\S+)\n {2}reader {4}([^:\n]+)/gm)].map(([, path, reader]) => [path!.slice(specs.length + 1), reader]),
    );
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
    expect(run.stdout).toContain(
      `${specs}/1-plot-design-tokens/README.md\n  reader    not read: a document of the Kiro tasks.md folder (its tasks are in tasks.md)`,
    );
    expect(run.stdout).toMatch(/^ {2}159 +6\.1 +complete \("\[x\]"\) +Load the styles in the plot planner$/m);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('13 files, 61 tasks, 0 errors, 1 warning');
  });

  test('a copy of ~/.claude/tasks/: each task file with its reader, the owner as agent, .lock and .highwatermark not read; a claude-flow store with its agents', () => {
    const root = 'test/fixtures/formats/claude-code-tasks-reef-survey';
    const list = `${root}/0197a3c4-5e2b-7d41-9c86-2f0b4e7a1d53`;
    const run = cairn(['doctor', root]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const readers = Object.fromEntries(
      [...run.stdout.matchAll(/^(\S+)\n {2}reader {4}([^:\n]+)/gm)]
        .filter(([, path]) => path!.startsWith(`${list}/`))
        .map(([, path, reader]) => [path!.slice(list.length + 1), reader]),
    );
    expect(readers).toEqual({
      '.highwatermark': 'not read',
      '.lock': 'not read',
      '1.json': 'claude-code-tasks',
      '2.json': 'claude-code-tasks',
      '3.json': 'claude-code-tasks',
      '4.json': 'claude-code-tasks',
      '5.json': 'claude-code-tasks',
      '7.json': 'claude-code-tasks',
      '8.json': 'claude-code-tasks',
    });
    expect(run.stdout).toContain(
      `${list}/3.json\n  reader    claude-code-tasks: task 3, one file of the list of 7 task files (the phase line says why)\n  tasks     each from its JSON entry (keys "id", "subject", "status", "blockedBy"); agent from key "owner"; estimate: not in the format`,
    );
    expect(run.stdout).toMatch(/^ {2}2 +3 +in progress \("in_progress"\) +main +blockedBy 1 +Normalise site names$/m);
    expect(run.stdout).toContain(`${list}/7.json:8:1 warning Task 4 says it blocks 7, but 7's "blockedBy" does not name 4; 7 is read as depending on 4.`);
    // The session folder with no task, and the fixture's own files, are named too.
    expect(run.stdout).toContain(
      `${root}/0197a3f1-08d2-7b63-a5e9-4c1d7f20b8e6/.lock\n  reader    not read: The folder 0197a3f1-08d2-7b63-a5e9-4c1d7f20b8e6 holds no Claude Code task file`,
    );
    expect(run.stdout.trim().split('\n').at(-1)).toBe('13 files, 7 tasks, 0 errors, 2 warnings');

    const store = cairn(['doctor', 'test/fixtures/formats/claude-flow-store-skill-pipeline']);
    expect([store.status, store.stderr]).toEqual([0, '']);
    expect(store.stdout).toContain('agent from key "assignedTo"; estimate: not in the format');
    // Completed straight from pending: no start, the end the store wrote.
    expect(store.stdout).toMatch(/^ {2}4 +task-1782915024611-8sjw2c +complete \("completed"\) +unassigned +\? +2026-07-01 14:10 +Explore: /m);
  });

  test('a ccpm epic: epic.md and every task file read by ccpm, the analysis and updates read with their task, the GitHub documents not read', () => {
    const epic = 'test/fixtures/packages/shape-ccpm-epic/phases/complete-refactor';
    const run = cairn(['doctor', 'test/fixtures/packages/shape-ccpm-epic']);
    expect([run.status, run.stderr]).toEqual([1, '']);
    const readers = Object.fromEntries(
      [...run.stdout.matchAll(/^(\S+)\n {2}reader {4}([^:\n]+)/gm)].map(([, path, reader]) => [path!.slice(epic.length + 1), reader]),
    );
    expect(readers).toEqual({
      '409.md': 'ccpm',
      '410.md': 'not read',
      '412-analysis.md': 'ccpm',
      '412.md': 'ccpm',
      '414.md': 'not read',
      '417.md': 'ccpm',
      '418.md': 'ccpm',
      'epic.md': 'ccpm',
      'github-mapping.md': 'not read',
      'sync-status.md': 'not read',
      'updates/412/stream-C.md': 'ccpm',
      'updates/415/progress.md': 'not read',
      'updates/418/stream-a.md': 'ccpm',
    });
    expect(run.stdout).toMatch(/^phase complete-refactor \(.*\): ccpm, 4 tasks; epic\.md opens with ccpm's frontmatter/m);
    expect(run.stdout).toContain(`${epic}/412-analysis.md\n  reader    ccpm: read with 412.md: the analysis of task 412, never a task`);
    expect(run.stdout).toContain(`${epic}/updates/415/progress.md\n  reader    not read: a progress update of task 415, which has no task file in the epic`);
    expect(run.stdout).toMatch(/^ {2}estimate +Large \(5-7 days\) \(7 d\) +line 31 +heading "Estimated Size"$/m);
    expect(run.stdout).toContain(
      `${epic}/updates/412/stream-C.md:6:1 warning This update says "status: in_progress" (in progress) while task 004 (412.md) is "closed"; the task file's status is shown.`,
    );
    expect(run.stdout.trim().split('\n').at(-1)).toBe('13 files, 4 tasks, 2 errors, 8 warnings');
  });

  test('a board of status folders: every file with its reader or why not, the folder that disagrees with a status named', () => {
    const board = 'test/fixtures/formats/status-folders-quay-tasks/tasks';
    const run = cairn(['doctor', board]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const readers = Object.fromEntries(
      [...run.stdout.matchAll(/^(\S+)\n {2}reader {4}([^:\n]+)/gm)].map(([, path, reader]) => [path!.slice(board.length + 1), reader]),
    );
    expect(
      Object.entries(readers)
        .filter(([, reader]) => reader === 'not read')
        .map(([path]) => path),
    ).toEqual([
      'agent-notes/IMPLEMENTATION-PLAN.md',
      'archived/TASK-MOCK-001.md',
      'archived/obsolete-copying/TASK-001A-repo-setup.md',
      'completed/2025-10/TASK-012-COMPLETION-REPORT.md',
      'completed/TASK-030B/completion-report.md',
      'export-server-plan.md',
      'in_progress/task-030c-summary.md',
      'obsolete/TASK-004-drop-plan-fields-from-create.md',
    ]);
    expect(Object.values(readers).filter((reader) => reader === 'status-folders')).toHaveLength(14);
    expect(run.stdout).toMatch(
      /^phase tasks \(.*\): status-folders, 14 tasks; status folders backlog\/ \(1\), completed\/ \(4\), in_progress\/ \(3\), in_review\/ \(4\), obsolete\/ \(3\)/m,
    );
    expect(run.stdout).toContain(`${board}/in_review/TASK-030B-1.8-tool-discovery.md\n  reader    status-folders: task TASK-030B-1.8`);
    expect(run.stdout).toContain(
      `${board}/obsolete/TASK-006-drop-plan-filters-from-status.md:5:1 warning Task TASK-006 is "backlog" here and sits in obsolete/ (cancelled); the file's own status is shown.`,
    );
    expect(run.stdout.trim().split('\n').at(-1)).toBe('22 files, 14 tasks, 0 errors, 8 warnings');
  });

  test('run where there is no content folder and no path given: the missing folder is the error (exit 1), never a crash', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cairn-doctor-'));
    try {
      const run = spawnSync(process.execPath, [bin, 'doctor'], {
        cwd: empty,
        env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect([run.status, run.stderr]).toEqual([1, '']);
      expect(run.stdout).toMatch(/error The content folder \S*content does not exist, and no cairn\.config\.json here or in a folder above names another\./);
      expect(run.stdout).not.toMatch(/bug in Cairn|ENOENT/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('--json gives the same report for machines; a path that is not there, or two, is bad usage (exit 2)', () => {
    const json = cairn(['doctor', 'test/fixtures/packages/minimal/phases/phase-1/task-1.2-tests.md', '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as {
      files: { path: string; reader: string; tasks: { fields: { field: string; line: number | null; from: string }[] }[] }[];
    };
    expect(report.files.map((file) => [file.path, file.reader])).toEqual([['test/fixtures/packages/minimal/phases/phase-1/task-1.2-tests.md', 'task-files']]);
    expect(report.files[0]!.tasks[0]!.fields.find((row) => row.field === 'estimate')).toEqual({
      field: 'estimate',
      value: '3 days (3 d)',
      line: 4,
      from: 'bold line "Duration"',
    });
    expect(cairn(['doctor', 'no/such/folder']).status).toBe(2);
    expect(cairn(['doctor', 'a', 'b']).status).toBe(2);
    expect(cairn(['validate', '--json']).status).toBe(2);
  });

  test.each([
    'test/fixtures/formats/kiro-garden-plots/.kiro/specs',
    'test/fixtures/formats/spec-kit-seed-lending/specs',
    'test/fixtures/formats/taskmaster-recipe-carousel',
    'test/fixtures/formats/backlog-md-formula-linter/backlog',
    'test/fixtures/formats/bmad-tide-logbook/docs/stories',
    'test/fixtures/formats/claude-flow-store-skill-pipeline',
    'test/fixtures/formats/ccpm-harbor-epics/.claude/epics',
    'test/fixtures/formats/status-folders-quay-tasks/tasks',
  ])('%s: --json names every file under the folder with its reader or why it is not read, whole through a pipe', (root) => {
    const run = cairn(['doctor', root, '--json']);
    expect(run.status, run.stderr).toBe(0);
    // A report larger than a pipe's buffer (64 KB) arrives whole: it parses.
    const report = JSON.parse(run.stdout) as { files: { path: string; reader: string; note: string }[] };
    const named = new Map(report.files.map((file) => [file.path, file]));
    const all = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? all(join(dir, entry.name)) : [join(dir, entry.name)]));
    for (const file of all(root)) {
      const entry = named.get(file);
      // Hook logs are named by their folder's reader as "hook log (<format>)" or not read with why.
      expect(entry, file).toBeDefined();
      expect(entry!.reader === 'not read' ? entry!.note : entry!.reader, file).not.toBe('');
    }
  });
});
