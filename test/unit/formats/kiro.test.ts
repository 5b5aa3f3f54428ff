/** Kiro's specs, .kiro/specs/<feature>/tasks.md: where a content root holds them (src/core/io/read-package.ts). */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { taskListFormats } from '../../../src/core/formats/task-lists.ts';
import { listPackageDirs } from '../../../src/core/io/read-package.ts';

const fixture = 'test/fixtures/formats/kiro-garden-plots';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a repository root holding .kiro/specs/', () => {
  test('its specs are the phases, as when the content is .kiro/specs/ itself (archived specs and warnings included)', () => {
    const fromSpecs = listPackageDirs(`${fixture}/.kiro/specs`);
    expect(fromSpecs.dirs.length).toBeGreaterThan(2);
    const fromRoot = listPackageDirs(fixture);
    expect(fromRoot.dirs).toEqual(fromSpecs.dirs);
    expect(fromRoot.issues).toEqual(fromSpecs.issues);
  });

  test('beside steering/ and hooks/, and a README at the root, the specs are still found', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-kiro-'));
    mkdirSync(join(dir, '.kiro', 'steering'), { recursive: true });
    mkdirSync(join(dir, '.kiro', 'hooks'), { recursive: true });
    cpSync(`${fixture}/.kiro/specs`, join(dir, '.kiro', 'specs'), { recursive: true });
    writeFileSync(join(dir, '.kiro', 'steering', 'product.md'), '# Product\n');
    writeFileSync(join(dir, '.kiro', 'hooks', 'format.kiro.hook'), '{"enabled":true}');
    writeFileSync(join(dir, 'README.md'), '# Garden plots\n');
    expect(listPackageDirs(dir).dirs.map(({ phaseId }) => phaseId)).toEqual(listPackageDirs(`${fixture}/.kiro/specs`).dirs.map(({ phaseId }) => phaseId));
  });
});

const kiro = taskListFormats.find((format) => format.id === 'kiro')!;

/** The id and title the Kiro reader gives one task line, or null when it reads no task from it. */
function kiroItem(line: string): { id: string; title: string } | null {
  const task = kiro.read({ path: '.kiro/specs/x/tasks.md', text: `- [ ] ${line}\n` }, 'x').tasks[0]?.task;
  return task ? { id: task.id, title: task.title } : null;
}

describe('the Kiro reader', () => {
  test('a number, a dotted number, a lettered number and a number with a colon are ids', () => {
    expect(kiroItem('1. Set up the tide tables')).toEqual({ id: '1', title: 'Set up the tide tables' });
    expect(kiroItem('2.1 Read the gauge')).toEqual({ id: '2.1', title: 'Read the gauge' });
    expect(kiroItem('14a. Add the second gauge')).toEqual({ id: '14a', title: 'Add the second gauge' });
    expect(kiroItem('14a.1 Wire the second gauge')).toEqual({ id: '14a.1', title: 'Wire the second gauge' });
    expect(kiroItem('1.1.1: Create the secrets service')).toEqual({ id: '1.1.1', title: 'Create the secrets service' });
    expect(kiroItem('Check the gauge')).toBeNull();
  });

  // ai-trader's exchange-integration spec adds "14a." between 14 and 15, with its steps nested under it: before, the
  // lettered line was left unread and its steps were swallowed into it as detail lines, with no warning of their own.
  const list = `# Implementation Plan

- [x] 14. Add the first gauge
  - [x] 14.1 Wire the first gauge
    - _Requirements: 1.1_

- [x] 14a. Add the second gauge
  - [x] 14a.1 Wire the second gauge
  - [ ] 14a.2 Calibrate the second gauge

- [ ] 15. Publish the readings

### Task 16: Alerts
- [ ] 16.1.1: Create the alert service
- [ ] 16.1.2: Add a test for the alert service
`;
  const read = kiro.read({ path: '.kiro/specs/gauges/tasks.md', text: list }, 'gauges');
  test('every numbered line is a task, lettered and colon ids included, each step under its parent by number', () => {
    expect(read.tasks.map(({ task }) => [task.id, task.status, task.parentId, task.title])).toEqual([
      ['14', 'complete', null, 'Add the first gauge'],
      ['14.1', 'complete', '14', 'Wire the first gauge'],
      ['14a', 'complete', null, 'Add the second gauge'],
      ['14a.1', 'complete', '14a', 'Wire the second gauge'],
      ['14a.2', 'pending', '14a', 'Calibrate the second gauge'],
      ['15', 'pending', null, 'Publish the readings'],
      ['16.1.1', 'pending', null, 'Create the alert service'],
      ['16.1.2', 'pending', null, 'Add a test for the alert service'],
    ]);
    expect(read.issues).toEqual([]);
    expect(kiro.detect('tasks.md', list)).toContain('lists 8 numbered tasks');
  });
});
