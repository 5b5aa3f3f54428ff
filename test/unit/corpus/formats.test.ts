/**
 * Task lists in the formats the field writes (test/fixtures/formats: Spec Kit, Kiro, Taskmaster, Backlog.md and BMAD packages in
 * the shape of real repositories, each with the facts a correct reader must find, written by hand in facts.json). Each
 * fixture is read as a team points Cairn at it (the folder of its specs, its backlog/ board) and every task is checked
 * against its facts. Where Cairn
 * reads a fixture otherwise than its facts say, the difference is listed here with its reason, and checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';

interface TaskFact {
  id: string;
  title: string;
  status: string;
  dependsOn: string[];
  parentId: string | null;
  optional?: boolean;
  /** Where the task is: its line in a one-file list, or its file (Backlog.md: one file a task), from the fixture. */
  line?: number;
  file?: string;
  /** claude-flow's store and Claude Code's lists name agents; the store dates its tasks (null: unknown). */
  agent?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
}
interface Facts {
  format: string;
  /** Files a reader must not show as tasks (Backlog.md's archive, drafts, docs), each with why. */
  ignored?: { file: string; reason: string }[];
  phases: { folder: string; title: string; tag?: string; tasks: TaskFact[] }[];
}

const fixtures = [
  { name: 'spec-kit-seed-lending', root: 'specs', title: (facts: string) => facts },
  { name: 'spec-kit-route-log', root: 'specs', title: (facts: string) => facts },
  { name: 'spec-kit-ferry-berths', root: 'specs', title: (facts: string) => facts },
  // Kiro's tasks.md has no title: the phase is titled by its folder, as every folder-titled phase is.
  { name: 'kiro-farmstand-newsletter', root: '.kiro/specs', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
  { name: 'kiro-garden-plots', root: '.kiro/specs', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
  // Read from the repository root that holds .kiro/, as a team points Cairn at its repository.
  { name: 'kiro-exchange-desk', root: '.', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
  // Taskmaster: the team points Cairn at .taskmaster/ (one phase per tag), or at a legacy project holding tasks/tasks.json.
  { name: 'taskmaster-dock-updater', root: '.taskmaster', title: (facts: string) => facts },
  { name: 'taskmaster-recipe-carousel', root: '.', title: (facts: string) => facts },
  // Backlog.md: the team points Cairn at its backlog/ folder, one board and one phase.
  { name: 'backlog-md-museum-kiosk', root: 'backlog', title: (facts: string) => facts },
  { name: 'backlog-md-formula-linter', root: 'backlog', title: (facts: string) => facts },
  // BMAD: v4's docs/stories/ (titled by its folder), v6's folder of sprint-status.yaml (titled by its project).
  { name: 'bmad-tide-logbook', root: 'docs/stories', title: (facts: string) => facts },
  { name: 'bmad-pantry-shelf', root: '_bmad-output/implementation-artifacts', title: (facts: string) => facts },
  { name: 'bmad-kiln-ledger', root: 'docs/sprint-artifacts', title: (facts: string) => facts },
  { name: 'bmad-dune-survey', root: 'docs/sprint-artifacts', title: (facts: string) => facts },
  // ccpm: the team points Cairn at .claude/epics/, each epic folder a phase titled by its epic.md.
  { name: 'ccpm-local-runner', root: '.claude/epics', title: (facts: string) => facts },
  { name: 'ccpm-harbor-epics', root: '.claude/epics', title: (facts: string) => facts },
  { name: 'ccpm-ledger-pocket', root: '.claude/epics', title: (facts: string) => facts },
  // A board of status folders: the folder holding backlog/, in_progress/, completed/ … is one phase, titled by its name.
  { name: 'status-folders-quay-tasks', root: 'tasks', title: (facts: string) => facts },
  { name: 'status-folders-tide-clerk', root: 'tasks', title: (facts: string) => facts },
  // claude-flow v3: the team points Cairn at the repository holding .claude-flow/ (the phase is named by it).
  { name: 'claude-flow-store-release-gate', root: '.', title: (facts: string) => facts },
  { name: 'claude-flow-store-skill-pipeline', root: '.', title: (facts: string) => facts },
  { name: 'claude-flow-store-chart-sync', root: '.', title: (facts: string) => facts },
  // Claude Code: a copy of ~/.claude/tasks/, one phase per list folder (titled by its list id).
  { name: 'claude-code-tasks-reef-survey', root: '.', title: (facts: string) => facts },
];

/**
 * Where Cairn knowingly reads otherwise than the facts, and why: a task left out (a string, the reason; a warning at
 * its line is checked), or shown with another status than it is written with (the status shown, and the reason; the
 * status as written is checked in its status text), or read with other values (`read`; with `warning`, a warning at its
 * file is checked). Backlog.md and BMAD tasks are keyed by file instead of line.
 */
const deviations: Record<string, string | { status: string; written: string; reason: string } | { read: Partial<TaskFact>; reason: string; warning: boolean }> =
  {
    // Two lines with one id: the model holds one task per id, so the first is kept and the second named in a warning.
    'kiro-garden-plots/1-plot-design-tokens/2.5@59': 'listed again, left out with a warning',
    // A task with subtasks is shown where its subtasks stand (README, "Packages Cairn reads"): Taskmaster parents marked
    // done whose subtasks are all still pending are shown pending, as their work is; the reader reads them as done.
    'taskmaster-dock-updater/master/5@200': { status: 'pending', written: 'done', reason: 'done, with its 3 subtasks pending' },
    'taskmaster-dock-updater/master/6@250': { status: 'pending', written: 'done', reason: 'done, with its 2 subtasks pending' },
    'taskmaster-dock-updater/bugfix-ui/2@333': { status: 'pending', written: 'done', reason: 'done, with its 2 subtasks pending' },
    'taskmaster-dock-updater/bugfix-ui/3@373': { status: 'pending', written: 'done', reason: 'done, with its 2 subtasks pending' },
    // Two files with one id, as in the source board: the first file is kept and the second named in a warning.
    'backlog-md-museum-kiosk/backlog/task-56@backlog/tasks/task-56 - update-framework-deps.md': 'listed again, left out with a warning',
    // A parent is a task of the phase, named by its own id: TASK-162 is the board's task-162, as that file writes it.
    'backlog-md-formula-linter/backlog/TASK-162.1@backlog/completed/task-162.1 - Rename-badly-named-task-files.md': {
      read: { parentId: 'task-162' },
      reason: 'the parent by its own id',
      warning: false,
    },
    // A parent with no file on the board (TASK-161, epic-11) is no parent: the task stands on its own, with a warning.
    'backlog-md-formula-linter/backlog/TASK-161.1@backlog/completed/task-161.1 - Cache-compiled-grammar-queries-per-dialect.md': {
      read: { parentId: null },
      reason: 'parent not on the board',
      warning: true,
    },
    // dependsOn holds the phase's own tasks: the archived task-epic-11.2 stays in the task's dependencies, and the build
    // names it as in no phase.
    'backlog-md-formula-linter/backlog/task-epic-11.11@backlog/tasks/epics/epic-11-rule-engine-restructuring/task-epic-11.11 - Move-name-detection.md': {
      read: { parentId: null, dependsOn: [] },
      reason: 'parent and dependency not on the board',
      warning: true,
    },
    // ccpm's depends_on still names the tasks by their numbers before the sync (003.md, …), files the epic no longer has:
    // no edge (not to 3.md either), and a warning at the task's depends_on line.
    ...Object.fromEntries(
      ['2', '4', '5', '8', '9', '10'].map((id) => [
        `ccpm-local-runner/route-builds-to-local-runner/${id}@.claude/epics/route-builds-to-local-runner/${id}.md`,
        { read: { dependsOn: [] }, reason: 'depends_on names tasks by their numbers before the sync', warning: true },
      ]),
    ),
    // depends_on: [1,] names a task 1 that no epic has: no edge; the build names it as in no phase.
    ...Object.fromEntries(
      [
        ['architecture', '394'],
        ['bugs', '397'],
        ['template-system', '406'],
      ].map(([epic, id]) => [
        `ccpm-harbor-epics/${epic}/${id}@.claude/epics/${epic}/${id}.md`,
        { read: { dependsOn: [] }, reason: 'depends on a task 1 no epic has', warning: false },
      ]),
    ),
    // One id in two folders: the first file is kept and the second named in a warning.
    'status-folders-quay-tasks/tasks/TASK-004@tasks/obsolete/TASK-004-drop-plan-fields-from-create.md': 'listed again, left out with a warning',
    // Its parent and dependency are not on the board (a warning names the parent); marked completed while its subtask
    // TASK-030B-1 is in progress, it is shown where its subtask stands.
    'status-folders-quay-tasks/tasks/TASK-030B@tasks/completed/TASK-030B/TASK-030B-write-quay-lite-guide.md': {
      read: { parentId: null, dependsOn: [], status: 'in_progress' },
      reason: 'parent not on the board; subtask in progress',
      warning: true,
    },
    'status-folders-quay-tasks/tasks/TASK-030B-1.8@tasks/in_review/TASK-030B-1.8-tool-discovery.md': {
      read: { dependsOn: [] },
      reason: 'TASK-030B-1.7 is not on the board',
      warning: false,
    },
  };

describe.each(fixtures)('$name', ({ name, root, title }) => {
  const base = join('test/fixtures/formats', name);
  const facts = JSON.parse(readFileSync(join(base, 'facts.json'), 'utf8')) as Facts;
  const listed = listPackageDirs(join(base, root));

  test.each(facts.phases)('$folder: every task with its id, title, status, dependencies, parent and line', (phaseFacts) => {
    // One Taskmaster folder holds a phase per tag.
    const dir = listed.dirs.find((candidate) => candidate.dir === join(base, phaseFacts.folder) && candidate.part === phaseFacts.tag);
    expect(dir, phaseFacts.folder).toBeDefined();
    expect(listed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, join(base, root), dir!.part), { buildAsOf: null });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(phase!.title).toBe(facts.format === 'kiro' ? title(dir!.phaseId) : phaseFacts.title);
    expect(phase!.dataQuality.readers.map((reader) => reader.format)).toEqual([facts.format]);
    const byFile =
      facts.format === 'backlog-md' ||
      facts.format === 'bmad' ||
      facts.format === 'ccpm' ||
      facts.format === 'status-folders' ||
      facts.format === 'claude-code-tasks';
    const deviation = (fact: TaskFact) => deviations[`${name}/${dir!.phaseId}/${fact.id}@${byFile ? fact.file : fact.line}`];
    const expected = phaseFacts.tasks
      .filter((fact) => typeof deviation(fact) !== 'string')
      .map((fact) => {
        const shown = deviation(fact);
        return typeof shown !== 'object' ? fact : 'read' in shown ? { ...fact, ...shown.read } : { ...fact, status: shown.status };
      });
    // Cancelled work is complete in the model, with `cancelled` set; the facts name it cancelled.
    const read = phase!.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      status: task.cancelled ? 'cancelled' : task.status,
      dependsOn: task.dependsOn,
      parentId: task.parentId,
      optional: task.optional,
      at: byFile ? task.file : Number(task.statusEvidence.key?.replace('line ', '')),
    }));
    expect(read).toEqual(
      expected
        .map((fact) => ({
          id: fact.id,
          title: fact.title,
          status: fact.status,
          dependsOn: fact.dependsOn,
          parentId: fact.parentId,
          optional: fact.optional ?? false,
          at: byFile ? join(base, fact.file!) : fact.line,
        }))
        .toSorted((a, b) => read.findIndex((task) => task.id === a.id) - read.findIndex((task) => task.id === b.id)),
    );
    // claude-flow's and Claude Code's agents, and the store's dates: each as the list says it, an unknown one null.
    for (const fact of facts.format.startsWith('claude-') ? expected : []) {
      const task = phase!.tasks.find((each) => each.id === fact.id)!;
      if (fact.agent !== undefined) expect(task.agent, fact.id).toBe(fact.agent);
      if (fact.startedAt !== undefined) expect(task.startedAt, fact.id).toBe(fact.startedAt);
      if (fact.completedAt !== undefined) expect(task.completedAt, fact.id).toBe(fact.completedAt);
    }
    // What the board leaves off is listed under data quality with a reason, never shown and never passed over.
    // A fixture of several phases (ccpm's epics) names each file under the phase that lists it.
    for (const { file } of (facts.ignored ?? []).filter((ignored) => facts.phases.length === 1 || ignored.file.startsWith(`${phaseFacts.folder}/`))) {
      expect(phase!.tasks.map((task) => task.file)).not.toContain(join(base, file));
      expect(phase!.dataQuality.otherFiles.find((other) => other.path === join(base, file))?.reason, file).toMatch(/^(?:not (?:read|a task)|read with )/);
    }
    for (const [key, shown] of Object.entries(deviations).filter(([key]) => key.startsWith(`${name}/${dir!.phaseId}/`))) {
      const at = key.slice(key.indexOf('@') + 1);
      const warned = issues.some((issue) => (byFile ? issue.file === join(base, at) : issue.line === Number(at)) && issue.severity === 'warning');
      if (typeof shown === 'string') expect(warned, key).toBe(true);
      else if ('read' in shown) expect(warned, key).toBe(shown.warning);
      else expect(phase!.tasks.find((task) => task.id === key.split('/').at(-1)!.split('@')[0])?.statusText, key).toBe(shown.written);
    }
  });
});
