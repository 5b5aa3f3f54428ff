/**
 * A team points Cairn at its specs folder as its tool wrote it (Spec Kit's specs/, Kiro's .kiro/specs/, Taskmaster's
 * .taskmaster/, Backlog.md's backlog/), and gets a dashboard per spec (or tag, or board) with every task of its list,
 * and the data-quality panel naming the reader and why. The counts (tasks, complete) are those of each fixture's facts.json.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildSite, earlyDates } from './build-site.ts';

test.each([
  {
    content: 'test/fixtures/formats/spec-kit-route-log/specs',
    format: 'spec-kit',
    phases: { '001-phase1-route-console': [24, 8], '002-phase2-route-web': [26, 9] },
  },
  {
    content: 'test/fixtures/formats/kiro-farmstand-newsletter/.kiro/specs',
    format: 'kiro',
    phases: { 'newsletter-publishing': [23, 20], 'subscriber-drafts': [32, 27] },
  },
])('$format: $content', ({ content, format, phases }) => {
  // No time given, as a team builds: nothing in these lists is dated, and no page may show a date they do not have.
  const build = buildSite({ content, asOf: null });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(
    Object.fromEntries(status.phases.map((phase) => [phase.id, [phase.tasks.length, phase.tasks.filter((task) => task.status === 'complete').length]])),
  ).toEqual(phases);
  for (const phase of status.phases) {
    expect(phase.dataQuality.readers.map((reader) => reader.format)).toEqual([format]);
    expect(build.page(`${phase.id}/index.html`)).toContain(`Tasks read as ${phase.dataQuality.readers[0]!.label} from `);
  }
});

test('taskmaster: a .taskmaster folder of three tags is three phases, every task and subtask of each', () => {
  const base = 'test/fixtures/formats/taskmaster-dock-updater';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as { phases: { tag: string; tasks: { id: string; status: string }[] }[] };
  // Parents marked done whose subtasks are all pending are shown where their subtasks stand (test/unit/corpus/formats.test.ts).
  const shownPending: Record<string, string[]> = { master: ['5', '6'], 'bugfix-ui': ['2', '3'] };
  const build = buildSite({ content: `${base}/.taskmaster` });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(
    Object.fromEntries(status.phases.map((phase) => [phase.id, [phase.tasks.length, phase.tasks.filter((task) => task.status === 'complete').length]])),
  ).toEqual(
    Object.fromEntries(
      facts.phases.map((phase) => [
        phase.tag,
        [phase.tasks.length, phase.tasks.filter((task) => task.status === 'complete' && !(shownPending[phase.tag] ?? []).includes(task.id)).length],
      ]),
    ),
  );
  // In the order of the file's tags, whichever tag the command line has selected (state.json says bugfix-ui).
  expect(status.phases.map((phase) => phase.id)).toEqual(['master', 'bugfix-ui', 'prd-dock-updater-2026-02-20']);
  for (const phase of status.phases) {
    expect(phase.dataQuality.readers).toEqual([
      {
        format: 'taskmaster',
        label: 'Taskmaster tasks.json',
        files: ['tasks/tasks.json'],
        reason: 'tasks.json holds Taskmaster tags master, bugfix-ui, prd-dock-updater-2026-02-20, each with a "tasks" list (15 tasks in all)',
      },
    ]);
    expect(build.page(`${phase.id}/index.html`)).toContain(`Tasks read as Taskmaster tasks.json from `);
  }
});

test('backlog-md: a backlog/ folder is one board, every task file of tasks/ and completed/', () => {
  const base = 'test/fixtures/formats/backlog-md-museum-kiosk';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as {
    phases: { title: string; tasks: { id: string; status: string; file: string }[] }[];
  };
  // Two files with one id: the first is kept, the second named in a warning (test/unit/corpus/formats.test.ts).
  const tasks = facts.phases[0]!.tasks.filter((task) => task.file !== 'backlog/tasks/task-56 - update-framework-deps.md');
  const build = buildSite({ content: `${base}/backlog` });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  const [phase] = status.phases;
  expect(status.phases.map((each) => [each.id, each.title])).toEqual([['backlog', facts.phases[0]!.title]]);
  // Cancelled work (Wontfix) is complete in status.json, with `cancelled` set.
  expect([phase!.tasks.length, phase!.tasks.filter((task) => task.status === 'complete').length, phase!.tasks.filter((task) => task.cancelled).length]).toEqual(
    [
      tasks.length,
      tasks.filter((task) => task.status === 'complete' || task.status === 'cancelled').length,
      tasks.filter((task) => task.status === 'cancelled').length,
    ],
  );
  expect(phase!.dataQuality.readers.map((reader) => [reader.format, reader.files])).toEqual([['backlog-md', ['config.yml']]]);
  expect(build.page('backlog/index.html')).toContain('Tasks read as Backlog.md board from ');
});

test('bmad: a v6 folder of sprint-status.yaml is one phase, its stories with and without a file, with the sprint statuses', () => {
  const base = 'test/fixtures/formats/bmad-pantry-shelf';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as { phases: { title: string; tasks: { id: string; status: string }[] }[] };
  const { title, tasks } = facts.phases[0]!;
  const build = buildSite({ content: `${base}/_bmad-output/implementation-artifacts` });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(status.phases.map((phase) => [phase.id, phase.title])).toEqual([['implementation-artifacts', title]]);
  const [phase] = status.phases;
  expect(phase!.tasks.map((task) => [task.id, task.status])).toEqual(tasks.map((task) => [task.id, task.status]));
  expect([phase!.tasks.length, phase!.tasks.filter((task) => task.status === 'complete').length]).toEqual([
    tasks.length,
    tasks.filter((task) => task.status === 'complete').length,
  ]);
  expect(phase!.dataQuality.readers.map((reader) => reader.format)).toEqual(['bmad']);
  // The story whose file still says ready-for-dev is shown as the sprint has it, with a warning naming both.
  expect(
    phase!.dataQuality.warnings.some((warning) => /sprint-status\.yaml:43:1 warning Story 2\.3 is "in-progress" here and "ready-for-dev" in /.test(warning)),
  ).toBe(true);
  expect(build.page('implementation-artifacts/index.html')).toContain('Tasks read as BMAD stories from ');
});

test('claude-flow v3: a repository holding .claude-flow/tasks/store.json is one phase, its records with their agents and the start each states', () => {
  const base = 'test/fixtures/formats/claude-flow-store-release-gate';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as {
    phases: { title: string; tasks: { id: string; status: string; agent: string | null; startedAt: string | null }[] }[];
  };
  const { title, tasks } = facts.phases[0]!;
  const build = buildSite({ content: base });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(status.phases.map((phase) => [phase.id, phase.title])).toEqual([['claude-flow-store-release-gate', title]]);
  const [phase] = status.phases;
  expect(phase!.tasks.map((task) => [task.id, task.status, task.agent, task.startedAt])).toEqual(
    tasks.map((task) => [task.id, task.status, task.agent, task.startedAt]),
  );
  expect(phase!.dataQuality.readers.map((reader) => [reader.format, reader.files])).toEqual([['claude-flow-tasks', ['.claude-flow/tasks/store.json']]]);
  expect(build.page('claude-flow-store-release-gate/index.html')).toContain('Tasks read as claude-flow v3 task store');
});

test('claude-code-tasks: a copy of ~/.claude/tasks/ is one phase per list, each task from its own file, blockedBy and blocks as dependencies', () => {
  const base = 'test/fixtures/formats/claude-code-tasks-reef-survey';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as {
    phases: { folder: string; tasks: { id: string; status: string; dependsOn: string[] }[] }[];
  };
  const { folder, tasks } = facts.phases[0]!;
  const build = buildSite({ content: base });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(status.phases.map((phase) => phase.id)).toEqual([folder]);
  const [phase] = status.phases;
  expect(phase!.tasks.map((task) => [task.id, task.status, task.dependsOn])).toEqual(tasks.map((task) => [task.id, task.status, task.dependsOn]));
  expect(phase!.dataQuality.readers[0]!.files).toHaveLength(tasks.length);
  expect(phase!.dataQuality.warnings.some((warning) => /7\.json:8:1 warning Task 4 says it blocks 7, but 7's "blockedBy" does not name 4/.test(warning))).toBe(
    true,
  );
  expect(build.page(`${folder}/index.html`)).toContain('Tasks read as Claude Code task list');
});

test('ccpm: a .claude/epics folder is one phase per epic, titled by its epic.md, every NNN.md a task with its Effort Estimate hours', () => {
  const base = 'test/fixtures/formats/ccpm-local-runner';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as {
    phases: { title: string; tasks: { id: string; status: string; estimateDays: number }[] }[];
  };
  const { title, tasks } = facts.phases[0]!;
  const build = buildSite({ content: `${base}/.claude/epics` });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(status.phases.map((phase) => [phase.id, phase.title])).toEqual([['route-builds-to-local-runner', title]]);
  const [phase] = status.phases;
  const byId = <T extends { id: string }>(list: readonly T[]) => list.toSorted((a, b) => Number(a.id) - Number(b.id));
  expect(byId(phase!.tasks).map((task) => [task.id, task.status, task.estimateDays])).toEqual(
    byId(tasks).map((task) => [task.id, task.status, task.estimateDays]),
  );
  expect(phase!.dataQuality.readers.map((reader) => [reader.format, reader.files])).toEqual([['ccpm', ['route-builds-to-local-runner/epic.md']]]);
  // depends_on in the numbering before the sync names no task of the epic ("008" is not 8.md): no edge, no cycle, and a
  // warning at each of the six tasks that have one.
  expect(phase!.tasks.every((task) => task.dependsOn.length === 0)).toBe(true);
  expect(
    phase!.dataQuality.warnings.filter((warning) => / depends on 0\d\d(?:, 0\d\d)*: (?:a task number|task numbers) from before the GitHub sync/.test(warning)),
  ).toHaveLength(6);
  expect(build.page('route-builds-to-local-runner/index.html')).toContain('Tasks read as ccpm epic from ');
});

test('status-folders: a folder of backlog/, in_progress/, completed/ … is one board, its task files with their own statuses', () => {
  const base = 'test/fixtures/formats/status-folders-quay-tasks';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as {
    phases: { title: string; tasks: { id: string; status: string; file: string }[] }[];
  };
  // One id in two folders: the first file is kept; TASK-030B is shown where its subtask stands (test/unit/corpus/formats.test.ts).
  const tasks = facts.phases[0]!.tasks.filter((task) => task.file !== 'tasks/obsolete/TASK-004-drop-plan-fields-from-create.md').map((task) =>
    task.id === 'TASK-030B' ? { ...task, status: 'in_progress' } : task,
  );
  const build = buildSite({ content: `${base}/tasks` });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(status.phases.map((phase) => [phase.id, phase.title])).toEqual([['tasks', 'Tasks']]);
  const [phase] = status.phases;
  const shown = (task: { status: string; cancelled?: boolean }) => (task.cancelled ? 'cancelled' : task.status);
  expect(phase!.tasks.map((task) => [task.id, shown(task)]).toSorted()).toEqual(tasks.map((task) => [task.id, task.status]).toSorted());
  expect(phase!.dataQuality.readers.map((reader) => reader.format)).toEqual(['status-folders']);
  expect(phase!.dataQuality.warnings.some((warning) => warning.includes('Task TASK-006 is "backlog" here and sits in obsolete/ (cancelled)'))).toBe(true);
  expect(build.page('tasks/index.html')).toContain('Tasks read as board of status folders from ');
});

test('ccpm: a .claude/epics folder of open, archived/ and .archived/ epics is a phase each, every task of each', () => {
  const base = 'test/fixtures/formats/ccpm-harbor-epics';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as {
    phases: { folder: string; title: string; tasks: { id: string; status: string; dependsOn: string[] }[] }[];
  };
  const build = buildSite({ content: `${base}/.claude/epics` });
  expect(build.status, build.output).toBe(0);
  expect(earlyDates(build)).toEqual([]);
  const status = build.statusJson();
  expect(status.phases.map((phase) => [phase.id, phase.title])).toEqual(facts.phases.map((phase) => [phase.folder.split('/').at(-1), phase.title]));
  for (const [index, phase] of status.phases.entries()) {
    const expected = facts.phases[index]!.tasks;
    expect(phase.tasks.map((task) => [task.id, task.status]).toSorted(), phase.id).toEqual(expected.map((task) => [task.id, task.status]).toSorted());
    expect(phase.dataQuality.readers.map((reader) => reader.format)).toEqual(['ccpm']);
  }
  // task_number ids and depends_on by task number: the edges of the archived epic resolve inside it.
  const wrappers = status.phases.find((phase) => phase.id === 'explore-wrappers')!;
  expect(wrappers.tasks.find((task) => task.id === '008')!.dependsOn).toEqual(['004', '005', '006', '007']);
  expect(build.page('pipeline-validation/index.html')).toContain('Tasks read as ccpm epic from ');
});
