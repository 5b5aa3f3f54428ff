/**
 * Task lists in the formats the field writes (test/fixtures/formats: Spec Kit, Kiro and Taskmaster packages in the shape of real
 * repositories, each with the facts a correct reader must find, written by hand in facts.json). Each fixture is read
 * as a team points Cairn at it (the folder of its specs) and every task is checked against its facts. Where Cairn
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
  line: number;
}
interface Facts {
  format: string;
  phases: { folder: string; title: string; tag?: string; tasks: TaskFact[] }[];
}

const fixtures = [
  { name: 'spec-kit-seed-lending', root: 'specs', title: (facts: string) => facts },
  { name: 'spec-kit-route-log', root: 'specs', title: (facts: string) => facts },
  // Kiro's tasks.md has no title: the phase is titled by its folder, as every folder-titled phase is.
  { name: 'kiro-farmstand-newsletter', root: '.kiro/specs', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
  { name: 'kiro-garden-plots', root: '.kiro/specs', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
  // Taskmaster: the team points Cairn at .taskmaster/ (one phase per tag), or at a legacy project holding tasks/tasks.json.
  { name: 'taskmaster-dock-updater', root: '.taskmaster', title: (facts: string) => facts },
  { name: 'taskmaster-recipe-carousel', root: '.', title: (facts: string) => facts },
];

/**
 * Where Cairn knowingly reads otherwise than the facts, and why: a task left out (a string, the reason; a warning at
 * its line is checked), or shown with another status than it is written with (the status shown, and the reason; the
 * status as written is checked in its status text).
 */
const deviations: Record<string, string | { status: string; written: string; reason: string }> = {
  // Two lines with one id: the model holds one task per id, so the first is kept and the second named in a warning.
  'kiro-garden-plots/1-plot-design-tokens/2.5@59': 'listed again, left out with a warning',
  // A task with subtasks is shown where its subtasks stand (README, "Packages Cairn reads"): Taskmaster parents marked
  // done whose subtasks are all still pending are shown pending, as their work is; the reader reads them as done.
  'taskmaster-dock-updater/master/5@200': { status: 'pending', written: 'done', reason: 'done, with its 3 subtasks pending' },
  'taskmaster-dock-updater/master/6@250': { status: 'pending', written: 'done', reason: 'done, with its 2 subtasks pending' },
  'taskmaster-dock-updater/bugfix-ui/2@333': { status: 'pending', written: 'done', reason: 'done, with its 2 subtasks pending' },
  'taskmaster-dock-updater/bugfix-ui/3@373': { status: 'pending', written: 'done', reason: 'done, with its 2 subtasks pending' },
};

describe.each(fixtures)('$name', ({ name, root, title }) => {
  const base = join('test/fixtures/formats', name);
  const facts = JSON.parse(readFileSync(join(base, 'facts.json'), 'utf8')) as Facts;
  const listed = listPackageDirs(join(base, root));

  test.each(facts.phases)('$folder: every task with its id, title, status, dependencies, parent and line', (phaseFacts) => {
    // One Taskmaster folder holds a phase per tag.
    const dir = listed.dirs.find((candidate) => candidate.dir === join(base, phaseFacts.folder) && candidate.part === phaseFacts.tag);
    if (phaseFacts.folder.includes('/_archived/')) {
      // A spec one folder deeper is not a phase; the folder holding it is named in a warning, never passed over.
      expect(dir).toBeUndefined();
      expect(listed.issues.map((issue) => issue.message)).toContain('The folder _archived holds no task list (tasks.md of Spec Kit or Kiro), so it is not read as a phase.');
      return;
    }
    expect(dir, phaseFacts.folder).toBeDefined();
    expect(listed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, join(base, root), dir!.part), { buildAsOf: null });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(phase!.title).toBe(facts.format === 'kiro' ? title(dir!.phaseId) : phaseFacts.title);
    expect(phase!.dataQuality.readers.map((reader) => reader.format)).toEqual([facts.format]);
    const deviation = (fact: TaskFact) => deviations[`${name}/${dir!.phaseId}/${fact.id}@${fact.line}`];
    const expected = phaseFacts.tasks.filter((fact) => typeof deviation(fact) !== 'string').map((fact) => {
      const shown = deviation(fact);
      return typeof shown === 'object' ? { ...fact, status: shown.status } : fact;
    });
    const read = phase!.tasks.map((task) => ({ id: task.id, title: task.title, status: task.status, dependsOn: task.dependsOn, parentId: task.parentId, optional: task.optional, line: Number(task.statusEvidence.key?.replace('line ', '')) }));
    expect(read).toEqual(expected.map((fact) => ({ id: fact.id, title: fact.title, status: fact.status, dependsOn: fact.dependsOn, parentId: fact.parentId, optional: fact.optional ?? false, line: fact.line })).toSorted((a, b) => read.findIndex((task) => task.id === a.id) - read.findIndex((task) => task.id === b.id)));
    for (const [key, shown] of Object.entries(deviations).filter(([key]) => key.startsWith(`${name}/${dir!.phaseId}/`))) {
      const line = Number(key.split('@')[1]);
      if (typeof shown === 'string') expect(issues.some((issue) => issue.line === line && issue.severity === 'warning'), key).toBe(true);
      else expect(phase!.tasks.find((task) => task.id === key.split('/').at(-1)!.split('@')[0])?.statusText, key).toBe(shown.written);
    }
  });
});
