import { AS_OF } from '../fixtures.ts';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { formatIssue, hasErrors } from '../../../src/core/text/issues.ts';
import { fixturePath } from '../fixtures.ts';

const load = (name: string) => loadContent(fixturePath(`packages/${name}`), AS_OF);

describe('fixture packages', () => {
  test('minimal: frontmatter and bold-line tasks together, a met metric from final-metrics.json', () => {
    const { phases, issues } = load('minimal');
    expect(issues).toEqual([]);
    const [phase] = phases;
    expect(phase).toMatchObject({ id: 'phase-1', title: 'Phase 1: Minimal', status: 'in_progress', progress: 0.25, asOf: '2025-11-07T17:00:00.000Z' });
    expect(phase?.tasks.map((t) => [t.id, t.metadataStyle, t.status, t.dependsOn])).toEqual([
      ['1.1', 'frontmatter', 'complete', []],
      ['1.2', 'bold-lines', 'in_progress', ['1.1']],
    ]);
    expect(phase?.criticalPath).toMatchObject({ taskIds: ['1.1', '1.2'], days: 4, alternatives: [] });
    expect(phase?.metrics.map((m) => [m.key, m.baseline?.raw, m.target?.raw, m.achieved?.raw, m.verdict, m.reason])).toEqual([
      ['test_coverage', '40%', 'at least 80%', '84%', 'met', '84 is at least 80.'],
    ]);
    expect(phase?.successCriteria).toEqual([
      { text: 'Repository created', checked: true },
      { text: 'CI green on main', checked: false },
    ]);
  });

  test('unknown-dependency: the error points at "7.9" on the Dependencies line of task 7.4', () => {
    const { phases, issues } = load('unknown-dependency');
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "test/fixtures/packages/unknown-dependency/phases/phase-7/task-7.4-release-prep.md:6:34 warning Task 7.4 depends on task 7.9, which is in no phase; the dependency is left out of the schedule.
        hint: Tasks of this phase: 7.1, 7.4. If 7.9 was renamed, use its new id; work outside the content root reads best as "Phase 6 complete"."
    `);
    // Line 5 is the status line, which also names 7.9; the Dependencies line is 6.
    expect(phases[0]?.criticalPath).toEqual({ taskIds: ['7.1', '7.4'], days: 3.4, unestimated: 0, alternatives: [] });
  });

  test('cycle: one error, at task 7.1’s Dependencies line where it names 7.2', () => {
    const { phases, issues } = load('cycle');
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "test/fixtures/packages/cycle/phases/phase-7/task-7.1-build-infra.md:6:24 error Dependency cycle: 7.1 → 7.2 → 7.1. None of these tasks could ever start.
        hint: Remove one of the dependencies in the cycle."
    `);
    expect(phases[0]?.tasks.map((t) => [t.id, t.dependsOn])).toEqual([
      ['7.1', ['7.2']],
      ['7.2', ['7.1']],
      ['7.3', []],
    ]);
  });

  test('broken-frontmatter: only the YAML error, at the bad line of task 5.2', () => {
    const { phases, issues } = load('broken-frontmatter');
    expect(hasErrors(issues)).toBe(true);
    expect(issues.map(formatIssue)).toEqual([
      'test/fixtures/packages/broken-frontmatter/phases/phase-5/task-5.2-regression.md:6:11 error The frontmatter is not valid YAML: bad indentation of a mapping entry.\n  hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character.',
    ]);
    expect(phases[0]?.tasks.map((t) => t.id)).toEqual(['5.1']);
  });
});
