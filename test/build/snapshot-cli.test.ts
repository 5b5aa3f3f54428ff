import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parseSnapshot } from '../../src/core/versions/snapshot.ts';

const project = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'cairn-snapshot-cli-'));
const content = join(temp, 'content');
cpSync(join(project, 'content'), content, { recursive: true });
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `npm run snapshot -- …args` on the temporary copy of the example content. */
function snapshot(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'snapshot', '--', ...args], {
    cwd: project,
    env: { ...process.env, CAIRN_CONTENT: content, CAIRN_AS_OF: '2025-10-25T18:00:00Z', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// One sequence: each step depends on the file the one before it wrote.
describe('npm run snapshot', () => {
  const file = join(content, 'snapshots/1.0.0.json');

  test('freezes version 1.0.0 and says what it wrote', () => {
    const { status, output } = snapshot('1.0.0');
    expect(status, output).toBe(0);
    expect(output).toMatch(/^Wrote .*snapshots\/1\.0\.0\.json \(\d+ bytes\): 1 phase\(s\), 4 task\(s\), as of 2025-10-25T15:58:33\.694Z\.$/m);
    const { snapshot: parsed, issues } = parseSnapshot(readFileSync(file, 'utf8'), file);
    expect(issues).toEqual([]);
    expect(parsed?.phases.map((phase) => [phase.id, phase.tasks.length, phase.events.length])).toEqual([['phase-7', 4, 0]]);
  });

  test('refuses the same version again, naming it and the --force hint', () => {
    const before = readFileSync(file, 'utf8');
    const { status, output } = snapshot('1.0.0');
    expect(status).toBe(1);
    expect(output).toMatch(/Version 1\.0\.0 already exists/);
    expect(output).toContain('hint: Pick a new version, or replace it with `cairn snapshot 1.0.0 --force`.');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('keeps it with --if-missing, as CI does when the file is committed already', () => {
    const before = readFileSync(file, 'utf8');
    const { status, output } = snapshot('1.0.0', '--if-missing');
    expect(status, output).toBe(0);
    expect(output).toMatch(/^Version 1\.0\.0 is already frozen in .*snapshots; it was kept as it is\.$/m);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('replaces it with --force', () => {
    const { status, output } = snapshot('1.0.0', '--force');
    expect(status, output).toBe(0);
    expect(output).toMatch(/^Replaced .*1\.0\.0\.json/m);
  });

  test('a later version keeps the released versions and summarizes the changes since the previous one', () => {
    // A notes file for a version the example's releases/ does not have yet.
    mkdirSync(join(content, 'releases'), { recursive: true });
    writeFileSync(join(content, 'releases/9.0.0.md'), '---\nversion: 9.0.0\ndate: 2025-10-25\n---\n\nSnapshots.\n');
    const { status, output } = snapshot('1.1.0');
    expect(status, output).toBe(0);
    expect(output).toContain('Changes since 1.0.0: 0 task statuses, 0 metrics, 0 criteria, 0 deliverables, 1 release, 0 phases added, 0 phases removed.');
    const releases = (version: string) => parseSnapshot(readFileSync(join(content, `snapshots/${version}.json`), 'utf8'), version).snapshot?.releases;
    expect(releases('1.1.0')).toEqual([...releases('1.0.0')!, '9.0.0']);
  });

  test('a tag\'s name (v1.2.0) freezes the version without its "v"', () => {
    const { status, output } = snapshot('v1.2.0');
    expect(status, output).toBe(0);
    expect(output).toMatch(/^Freezing version 1\.2\.0 \(v1\.2\.0 without its "v"\)\.\nWrote .*snapshots\/1\.2\.0\.json /);
    expect(existsSync(join(content, 'snapshots/v1.2.0.json'))).toBe(false);
  });

  test.each([
    [[], /^No version given\.\nusage: cairn snapshot <version> \[--force \| --if-missing\]/],
    [
      ['1.1'],
      /^The version "1\.1" is not a semantic version \(1\.1\.0\?\): write MAJOR\.MINOR\.PATCH, optionally with -prerelease or \+build, so it sorts among the other versions as a release does\.\n {2}hint: Use a semantic version, e\.g\. 1\.0\.0, 2\.0\.0-rc\.1 or 2025\.10\.26\.\n$/,
    ],
    [['v--help'], /^The version "v--help" is not a semantic version: write MAJOR\.MINOR\.PATCH/],
    [['release-1'], /^The version "release-1" is not a semantic version: /],
    [['../1.0.0'], /The version "\.\.\/1\.0\.0" contains a slash/],
    [['1.0.0', '--frce'], /^Unknown option --frce\.\n\ncairn snapshot <version>/],
  ])('%j: exit 1 (2 for a misused command) with a clear message, no stack trace', (args, message) => {
    const { status, output } = snapshot(...args);
    expect(status).toBe(args.includes('--frce') ? 2 : 1);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(join(content, '1.0.0.json'))).toBe(false);
    if (args[0] && args[0] !== '1.0.0') expect(existsSync(join(content, `snapshots/${args[0]}.json`))).toBe(false);
  });
});
