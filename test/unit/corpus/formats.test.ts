/**
 * Task lists in the formats the field writes (test/fixtures/formats: Spec Kit and Kiro packages in the shape of real
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
  phases: { folder: string; title: string; tasks: TaskFact[] }[];
}

const fixtures = [
  { name: 'spec-kit-seed-lending', root: 'specs', title: (facts: string) => facts },
  { name: 'spec-kit-route-log', root: 'specs', title: (facts: string) => facts },
  // Kiro's tasks.md has no title: the phase is titled by its folder, as every folder-titled phase is.
  { name: 'kiro-farmstand-newsletter', root: '.kiro/specs', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
  { name: 'kiro-garden-plots', root: '.kiro/specs', title: (folder: string) => folder.charAt(0).toUpperCase() + folder.slice(1).replaceAll('-', ' ') },
];

/** Where Cairn knowingly reads otherwise than the facts, and why. */
const deviations: Record<string, string> = {
  // Two lines with one id: the model holds one task per id, so the first is kept and the second named in a warning.
  'kiro-garden-plots/1-plot-design-tokens/2.5@59': 'listed again, left out with a warning',
};

describe.each(fixtures)('$name', ({ name, root, title }) => {
  const base = join('test/fixtures/formats', name);
  const facts = JSON.parse(readFileSync(join(base, 'facts.json'), 'utf8')) as Facts;
  const listed = listPackageDirs(join(base, root));

  test.each(facts.phases)('$folder: every task with its id, title, status, dependencies, parent and line', (phaseFacts) => {
    const dir = listed.dirs.find((candidate) => candidate.dir === join(base, phaseFacts.folder));
    if (phaseFacts.folder.includes('/_archived/')) {
      // A spec one folder deeper is not a phase; the folder holding it is named in a warning, never passed over.
      expect(dir).toBeUndefined();
      expect(listed.issues.map((issue) => issue.message)).toContain('The folder _archived holds no task list (tasks.md of Spec Kit or Kiro), so it is not read as a phase.');
      return;
    }
    expect(dir, phaseFacts.folder).toBeDefined();
    const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, join(base, root)), { buildAsOf: null });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(phase!.title).toBe(facts.format === 'kiro' ? title(dir!.phaseId) : phaseFacts.title);
    expect(phase!.dataQuality.readers.map((reader) => reader.format)).toEqual([facts.format]);
    const expected = phaseFacts.tasks.filter((fact) => !deviations[`${name}/${dir!.phaseId}/${fact.id}@${fact.line}`]);
    const read = phase!.tasks.map((task) => ({ id: task.id, title: task.title, status: task.status, dependsOn: task.dependsOn, parentId: task.parentId, optional: task.optional, line: Number(task.statusEvidence.key?.replace('line ', '')) }));
    expect(read).toEqual(expected.map((fact) => ({ id: fact.id, title: fact.title, status: fact.status, dependsOn: fact.dependsOn, parentId: fact.parentId, optional: fact.optional ?? false, line: fact.line })).toSorted((a, b) => read.findIndex((task) => task.id === a.id) - read.findIndex((task) => task.id === b.id)));
    for (const key of Object.keys(deviations).filter((key) => key.startsWith(`${name}/${dir!.phaseId}/`))) {
      const line = Number(key.split('@')[1]);
      expect(issues.some((issue) => issue.line === line && issue.severity === 'warning'), key).toBe(true);
    }
  });
});
