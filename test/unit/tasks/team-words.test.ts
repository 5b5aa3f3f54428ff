/** A team's own status words and metadata keys (cairn.config.json's statusWords and fields), read as Cairn's own. */
import { describe, expect, test } from 'vitest';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import { defaultReading } from '../../../src/core/config/reading.ts';
import type { PackageFiles } from '../../../src/core/schema/package-files.ts';

const files = (text: string): PackageFiles => ({
  phaseId: 'phase-1',
  dir: 'phases/phase-1',
  overview: { path: 'phases/phase-1/README.md', text: '# Phase 1: Test\n' },
  tasks: [{ path: 'phases/phase-1/task-1.1.md', slug: 'task-1.1', text }],
  baseline: null,
  final: null,
  hooks: [],
});
const task = `# Task 1.1: Ship the parser

**Driver:** parser-dev
**T-shirt size:** 2 days
**Stage:** Parked until the API is frozen
`;

describe('team words', () => {
  test('without them, the keys and the word are not understood', () => {
    const [read] = buildPhase(files(task), { buildAsOf: null }).phase!.tasks;
    expect(read).toMatchObject({ agent: null, estimateDays: null, status: 'pending' });
  });

  test('with them, "Driver" names the agent, "T-shirt size" the estimate, "Stage" the status and "Parked" means blocked', () => {
    const reading = { ...defaultReading, fields: { driver: 'agent', tshirtsize: 'estimate', stage: 'status' }, statusWords: { parked: 'blocked' } } as const;
    const [read] = buildPhase(files(task), { buildAsOf: null, reading }).phase!.tasks;
    expect(read).toMatchObject({ agent: 'parser-dev', estimateDays: 2, status: 'blocked', statusText: 'Parked until the API is frozen' });
  });

  test('a team word wins over a built-in word at the same place; built-in words still work', () => {
    const shipped = task.replace('Parked until the API is frozen', 'Ready to ship');
    const reading = { ...defaultReading, fields: { stage: 'status' }, statusWords: { 'ready to ship': 'complete' } } as const;
    expect(buildPhase(files(shipped), { buildAsOf: null, reading }).phase!.tasks[0]).toMatchObject({ status: 'complete' });
    const done = task.replace('Parked until the API is frozen', 'Done');
    expect(buildPhase(files(done), { buildAsOf: null, reading }).phase!.tasks[0]).toMatchObject({ status: 'complete' });
  });

  test('the words apply to one build only', () => {
    const reading = { ...defaultReading, fields: { driver: 'agent' } } as const;
    buildPhase(files(task), { buildAsOf: null, reading });
    expect(buildPhase(files(task), { buildAsOf: null }).phase!.tasks[0]).toMatchObject({ agent: null });
  });
});
