import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

function validate(content: string) {
  const run = spawnSync('npm', ['run', '--silent', 'validate'], { env: { ...process.env, CAIRN_CONTENT: content, NO_COLOR: '1' }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm run validate', () => {
  test('passes the example content and says what it checked', () => {
    const { status, output } = validate('content');
    expect(status, output).toBe(0);
    expect(output).toContain('content: 1 phase(s), 4 task(s), 0 error(s), 0 warning(s)');
  });

  test.each([
    ['broken-frontmatter', /phases\/phase-5\/task-5\.2-regression\.md:6:11 error The frontmatter is not valid YAML: bad indentation/],
    ['cycle', /phases\/phase-7\/task-7\.1-build-infra\.md:6:24 error Dependency cycle: 7\.1 → 7\.2 → 7\.1/],
  ])('exits 1 on %s and names the file, line and column', (name, message) => {
    const { status, output } = validate(`test/fixtures/packages/${name}`);
    expect(status).toBe(1);
    expect(output).toMatch(message);
    expect(output).toMatch(/Fix the errors above and run again\.$/m);
  });

  test('a real package with only warnings passes, and fails with --strict, saying why', () => {
    const content = 'test/fixtures/packages/shape-story-table';
    const plain = validate(content);
    expect(plain.status, plain.output).toBe(0);
    expect(plain.output).toMatch(/shape-story-table: 1 phase\(s\), 8 task\(s\), 0 error\(s\), 2 warning\(s\)/);
    const strict = spawnSync('npm', ['run', '--silent', 'validate', '--', '--strict'], {
      env: { ...process.env, CAIRN_CONTENT: content, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(strict.status).toBe(1);
    expect(`${strict.stdout}${strict.stderr}`).toMatch(/--strict: fix the warnings above/);
  });

  test('a missing content folder is one clear error, not a stack trace', () => {
    const { status, output } = validate('no/such/folder');
    expect(status).toBe(1);
    expect(output).toContain('no/such/folder:1:1 error The content folder no/such/folder (CAIRN_CONTENT) does not exist.');
    expect(output).not.toMatch(/^\s+at /m);
  });
});
