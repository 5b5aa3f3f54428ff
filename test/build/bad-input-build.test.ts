/**
 * Whole packages from the bad-input corpus through `npm run validate`, as a user meets them: exit 1, the problem as
 * `path:line:col error …`, and never a stack trace. A few cases only (each run spawns npm and Node, about a second);
 * the corpus itself is checked case by case in test/unit/bad-input.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { AS_OF } from '../fixtures/bad-input/cases.ts';

function validate(content: string) {
  const run = spawnSync('npm', ['run', '--silent', 'validate'], {
    env: { ...process.env, CAIRN_CONTENT: content, CAIRN_AS_OF: AS_OF, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const phase = (name: string) => `test/fixtures/bad-input/packages/${name}/phases/phase-1`;

describe('npm run validate on bad input', () => {
  test('a dependency on a task that is in no phase is a warning: exit 0, and exit 1 with --strict', () => {
    const content = 'test/fixtures/bad-input/packages/package-unknown-dependency';
    const { status, output } = validate(content);
    expect(status, output).toBe(0);
    expect(output).toContain(
      `${phase('package-unknown-dependency')}/task-1.2-tests.md:6:34 warning Task 1.2 depends on task 1.9, which is in no phase; the dependency is left out of the schedule.`,
    );
    const strict = spawnSync('npm', ['run', '--silent', 'validate', '--', '--strict'], {
      env: { ...process.env, CAIRN_CONTENT: content, CAIRN_AS_OF: AS_OF, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(strict.status).toBe(1);
  });

  test.each([
    ['package-cycle', `${phase('package-cycle')}/task-1.1-setup.md:6:24 error Dependency cycle: 1.1 → 1.3 → 1.2 → 1.1. None of these tasks could ever start.`],
    [
      'package-bad-final-metrics',
      `${phase('package-bad-final-metrics')}/final-metrics.json:3:17 error The file is not valid JSON: Expected ',' or '}' after property value in JSON at position 42 (line 3 column 17).`,
    ],
  ])('%s: exit 1, the message at path:line:col, no stack trace', (name, message) => {
    const { status, output } = validate(`test/fixtures/bad-input/packages/${name}`);
    expect(status, output).toBe(1);
    expect(output).toContain(message);
    expect(output).toMatch(/Fix the errors above and run again\.$/m);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
