import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import type { PackageFiles } from '../../../src/core/schema/package-files.ts';
import { doctorReport, renderDoctor, type DoctorPhase } from '../../../src/core/views/doctor.ts';

/** Every phase of the content at `root`, read and built as `cairn doctor` does. */
function phasesOf(root: string): DoctorPhase[] {
  return listPackageDirs(root).dirs.map(({ dir, phaseId, part }) => {
    const files = readPackage(dir, phaseId, root, part);
    return { files, result: buildPhase(files, { buildAsOf: null }) };
  });
}

function inline(files: Partial<PackageFiles> & Pick<PackageFiles, 'tasks'>): DoctorPhase {
  const pkg: PackageFiles = { phaseId: 'phase-9', dir: 'phases/phase-9', overview: null, baseline: null, final: null, hooks: [], ...files };
  return { files: pkg, result: buildPhase(pkg, { buildAsOf: null }) };
}

describe('doctorReport', () => {
  test('the minimal package: every file with its reader, each field with its line and form', () => {
    const report = doctorReport({ phases: phasesOf('test/fixtures/packages/minimal') });
    expect(report.exitCode).toBe(0);
    expect(renderDoctor(report)).toMatchInlineSnapshot(`
      "phase phase-1 (test/fixtures/packages/minimal/phases/phase-1): task-files, 2 tasks; 2 Markdown files in the phase folder, each read as one task when it has an id and task metadata

      test/fixtures/packages/minimal/phases/phase-1/README.md
        reader    task-files: the phase overview (title, status, metrics table, success criteria)

      test/fixtures/packages/minimal/phases/phase-1/baseline-metrics.json
        reader    task-files: baseline metrics

      test/fixtures/packages/minimal/phases/phase-1/final-metrics.json
        reader    task-files: final metrics

      test/fixtures/packages/minimal/phases/phase-1/task-1.1-setup.md
        reader    task-files: task 1.1
        id            1.1                    line 2   frontmatter "id"
        title         Project Setup          line 8   title heading
        status        complete ("complete")  line 5   frontmatter "status"
        agent         coder                  line 3   frontmatter "agent"
        estimate      1 day (1 d)            line 4   frontmatter "estimate"
        dependencies  none                            not given

      test/fixtures/packages/minimal/phases/phase-1/task-1.2-tests.md
        reader    task-files: task 1.2
        id            1.2                          line 1   title heading
        title         Test Harness                 line 1   title heading
        status        in progress ("In progress")  line 6   bold line "Status"
        agent         tester                       line 3   bold line "Agent Type"
        estimate      3 days (3 d)                 line 4   bold line "Duration"
        dependencies  Task 1.1                     line 5   bold line "Dependencies"

      no problems

      5 files, 2 tasks, 0 errors, 0 warnings"
    `);
  });

  test('a Spec Kit feature: one row per checkbox line, the stated dependency, and the documents listed as not read', () => {
    const root = 'test/fixtures/formats/spec-kit-route-log/specs';
    const phases = phasesOf(root).filter(({ files }) => files.phaseId === '001-phase1-route-console');
    const report = doctorReport({ phases });
    expect(report.files.filter((file) => file.reader === 'not read').map((file) => file.path.slice(root.length + 1))).toMatchInlineSnapshot(`
      [
        "001-phase1-route-console/checklists/requirements.md",
        "001-phase1-route-console/contracts/cli-interface.md",
        "001-phase1-route-console/data-model.md",
        "001-phase1-route-console/plan.md",
        "001-phase1-route-console/quickstart.md",
        "001-phase1-route-console/research.md",
        "001-phase1-route-console/spec.md",
      ]
    `);
    const tasks = doctorReport({ phases, only: join(root, '001-phase1-route-console/tasks.md') });
    expect(tasks.files[0]!.tasks.find((task) => task.id === 'T008')).toMatchInlineSnapshot(`
      {
        "fields": [
          {
            "field": "id",
            "from": "checkbox line",
            "line": 42,
            "value": "T008",
          },
          {
            "field": "title",
            "from": "checkbox line",
            "line": 42,
            "value": "Create the ClimbBook store with in-memory storage in routelog/store/book.py",
          },
          {
            "field": "status",
            "from": "checkbox line",
            "line": 42,
            "value": "complete ("[x]")",
          },
          {
            "field": "agent",
            "from": "not in the format",
            "line": null,
            "value": "unassigned",
          },
          {
            "field": "estimate",
            "from": "not in the format",
            "line": null,
            "value": "none",
          },
          {
            "field": "dependencies",
            "from": "a "depends on" sentence (the task's line shown)",
            "line": 42,
            "value": "depends on T005-T007",
          },
        ],
        "id": "T008",
        "line": 42,
      }
    `);
    expect(renderDoctor(tasks).split('\n').slice(0, 14).join('\n')).toMatchInlineSnapshot(`
      "phase 001-phase1-route-console (test/fixtures/formats/spec-kit-route-log/specs/001-phase1-route-console): spec-kit, 24 tasks; tasks.md lists 24 tasks as "- [ ] T001 …" checkbox lines

      test/fixtures/formats/spec-kit-route-log/specs/001-phase1-route-console/tasks.md
        reader    spec-kit: tasks.md lists 24 tasks as "- [ ] T001 …" checkbox lines; 24 tasks read
        tasks     each from its checkbox line (id, title, box as status); agent and estimate: not in the format
        line  id    status            depends on            title
        26    T001  complete ("[x]")                        Create the folder layout (routelog/, routelog/mod…
        27    T002  complete ("[x]")                        Initialise the project file for Python 3.13+
        28    T003  complete ("[x]")                        Add a .gitignore for caches and virtual environme…
        29    T004  complete ("[x]")                        Add pytest and coverage as development dependenci…
        39    T005  complete ("[x]")                        Create the Climb record with its checks in routel…
        40    T006  complete ("[x]")                        Create the error types (BadInput, ClimbMissing) i…
        41    T007  complete ("[x]")                        Create the input checks module in routelog/checks…
        42    T008  complete ("[x]")  depends on T005-T007  Create the ClimbBook store with in-memory storage…"
    `);
  });

  test('a Kiro spec: optional steps, the checkbox line read twice named as ignored, the warning as validate prints it', () => {
    const phases = phasesOf('test/fixtures/formats/kiro-garden-plots/.kiro/specs').filter(({ files }) => files.phaseId === '1-plot-design-tokens');
    const report = doctorReport({ phases });
    const list = report.files.find((file) => file.reader === 'kiro')!;
    expect(list.ignored).toMatchInlineSnapshot(`
      [
        "1 checkbox line not read as tasks (no task id, or an id listed before): line 59",
      ]
    `);
    expect(list.tasks.find((task) => task.id === '2.3')).toMatchInlineSnapshot(`
      {
        "fields": [
          {
            "field": "id",
            "from": "checkbox line",
            "line": 42,
            "value": "2.3",
          },
          {
            "field": "title",
            "from": "checkbox line",
            "line": 42,
            "value": "Write property test for text contrast",
          },
          {
            "field": "status",
            "from": "checkbox line",
            "line": 42,
            "value": "pending ("[ ]*")",
          },
          {
            "field": "agent",
            "from": "not in the format",
            "line": null,
            "value": "unassigned",
          },
          {
            "field": "estimate",
            "from": "not in the format",
            "line": null,
            "value": "none",
          },
          {
            "field": "dependencies",
            "from": "none stated",
            "line": null,
            "value": "none",
          },
        ],
        "id": "2.3",
        "line": 42,
      }
    `);
    expect(report.problems).toMatchInlineSnapshot(`
      [
        "test/fixtures/formats/kiro-garden-plots/.kiro/specs/1-plot-design-tokens/tasks.md:59:1 warning Task 2.5 is listed again here (first at line 52); this line is left out.
        hint: Give every task in Kiro's list its own number.",
      ]
    `);
    expect([report.errors, report.warnings, report.exitCode]).toEqual([0, 1, 0]);
  });

  test('a task file: metadata keys not read are named, a secret in a value is redacted, a file that is no task says why', () => {
    const report = doctorReport({
      phases: [
        inline({
          tasks: [
            {
              path: 'phases/phase-9/task-9.1.md',
              slug: 'task-9.1',
              text: '# Task 9.1: Deploy\n\n**Agent:** ops\n**Complexity:** high\n**Status:** Blocked by ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
            },
            { path: 'phases/phase-9/notes.md', slug: 'notes', text: '# Notes\n\nNothing here.\n' },
          ],
        }),
      ],
    });
    const [notes, task] = report.files;
    expect(notes).toMatchObject({ reader: 'not read', note: 'not a task: no task id with task metadata or a "Task …" title' });
    expect(task!.ignored).toEqual(['metadata keys not read: Complexity']);
    expect(JSON.stringify(report)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(renderDoctor(report)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  test("BMAD stories: a story file as a field block; the stories only sprint-status.yaml names, one row each at its line; the count of tasks is the phase's", () => {
    const root = 'test/fixtures/formats/bmad-pantry-shelf/_bmad-output/implementation-artifacts';
    const report = doctorReport({ phases: phasesOf(root) });
    const sprint = report.files.find((file) => file.path === `${root}/sprint-status.yaml`)!;
    expect(sprint.tasks.map((task) => [task.line, task.id, task.fields.find((row) => row.field === 'id')!.from])).toEqual([
      [48, '3.1', 'development_status line'],
      [49, '3.2', 'development_status line'],
      [55, '4.1', 'development_status line'],
    ]);
    const text = renderDoctor(report);
    expect(text).toContain(
      '  tasks     each from its development_status line, the story having no file yet (id and title from the key, status from its value)',
    );
    expect(text).toMatch(/implementation-artifacts\/1-1-project-setup-and-containers\.md\n {2}reader {4}bmad: task 1\.1\n {2}id {12}1\.1 /);
    expect(report.files.reduce((sum, file) => sum + file.tasks.length, 0)).toBe(report.phases[0]!.tasks);
    expect(report.phases[0]!.tasks).toBe(9);
  });

  test('one file named: only its block and its problems; errors give exit 1', () => {
    const phase = inline({ tasks: [{ path: 'phases/phase-9/task-9.1.md', slug: 'task-9.1', text: '---\nid: [1, 2]\nagent: ops\n---\n# Task\n' }] });
    const report = doctorReport({
      phases: [phase],
      loose: [{ path: 'phases/README.md', reason: 'not read: not in a phase folder' }],
      only: 'phases/phase-9/task-9.1.md',
    });
    expect(report.files.map((file) => file.path)).toEqual(['phases/phase-9/task-9.1.md']);
    expect(report.problems.every((problem) => problem.startsWith('phases/phase-9/task-9.1.md:'))).toBe(true);
    expect(report.exitCode).toBe(1);
  });
});
