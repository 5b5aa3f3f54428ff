import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { parseReleaseNotes } from '../../../src/core/releases/parse-release-notes.ts';
import { readFixture } from '../fixtures.ts';
import { release } from './builders.ts';

/** Parses test/fixtures/releases/<name>.md, named in messages as releases/<name>.md. */
const parseFixture = (name: string) => parseReleaseNotes(readFixture(`releases/${name}.md`), `releases/${name}.md`);

describe('parseReleaseNotes: valid files', () => {
  test.each([
    [
      'notes-2.0.0',
      release({
        version: '2.0.0',
        date: '2025-10-27',
        phases: ['phase-7'],
        tasks: ['7.1', '7.2', '7.3', '7.4'],
        summary: 'Faster builds and configuration from the environment.',
        breaking: true, // a "Breaking changes" heading in the body
        body: '## Highlights\n\n- Builds are cached with sccache.\n\n## Breaking changes\n\n- Configuration is read from the environment at startup.',
        sources: ['releases/notes-2.0.0.md'],
      }),
      { version: { line: 2, column: 10 }, date: { line: 3, column: 7 } },
    ],
    [
      'notes-1.2.0',
      // "v1.2.0" loses its "v"; a block list of phases; the unquoted task 6.10 stays 6.10 (failsafe YAML).
      release({
        version: '1.2.0',
        date: '2025-10-25',
        phases: ['phase-6'],
        tasks: ['6.10'],
        summary: 'Configuration from the environment.',
        body: '# riptide 1.2.0\n\nRead the upgrade guide first.',
        sources: ['releases/notes-1.2.0.md'],
      }),
      { version: { line: 2, column: 10 }, date: { line: 3, column: 7 } },
    ],
    [
      'notes-unreleased',
      release({ version: 'Unreleased', unreleased: true, phases: ['phase-8'], sources: ['releases/notes-unreleased.md'] }),
      { version: { line: 2, column: 10 }, date: { line: 1, column: 1 } },
    ],
  ])('%s', (name, expected, positions) => {
    const parsed = parseFixture(name);
    expect(parsed.issues).toEqual([]);
    expect(parsed.release).toEqual(expected);
    expect(parsed.positions).toEqual(positions);
  });

  test.each([
    ['yanked and breaking flags', '---\nversion: 1.1.0\nyanked: true\nbreaking: yes\n---\n', { yanked: true, breaking: true }],
    ['a BREAKING entry in the body', '---\nversion: 3.0.0\n---\n- **BREAKING:** the binary is renamed.\n', { breaking: true }],
    ['"BREAKING CHANGE" in the body', '---\nversion: 3.0.0\n---\nThis is a BREAKING CHANGE for plugins.\n', { breaking: true }],
    [
      'phases as a comma list, tasks written as "Task 7.1"',
      '---\nversion: 1.0.0\nphases: phase-6, phase-7\ntasks: [Task 7.1, "7.2", "7.2"]\n---\n',
      { phases: ['phase-6', 'phase-7'], tasks: ['7.1', '7.2'] },
    ],
    ['an empty body and summary', '---\nversion: 1.0.0\nsummary: ""\n---\n\n\n', { summary: null, body: null }],
    ['Windows line endings', '---\r\nversion: 1.0.0\r\ndate: 2025-09-15\r\n---\r\nNotes.\r\n', { version: '1.0.0', date: '2025-09-15', body: 'Notes.' }],
  ])('%s', (_name, text, expected) => {
    const { release: parsed, issues } = parseReleaseNotes(text, 'releases/notes.md');
    expect(issues).toEqual([]);
    expect(parsed).toMatchObject(expected);
  });
});

describe('parseReleaseNotes: problems point at the frontmatter', () => {
  test('notes-missing-version: an error at the frontmatter, no release', () => {
    const { release: parsed, issues } = parseFixture('notes-missing-version');
    expect(parsed).toBeNull();
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/notes-missing-version.md:1:1 error The release notes name no version.
        hint: Add "version: 2.0.0" (the version these notes describe) to the frontmatter."
    `);
  });

  test('notes-invalid: every bad field, at its line and value, in file order', () => {
    const { release: parsed, issues } = parseFixture('notes-invalid');
    expect(parsed).toBeNull();
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/notes-invalid.md:2:10 error Cannot read the version "next release".
        hint: Write a version such as "2.0.0", "2.0.0-rc.1" or "Unreleased", with no spaces.
      releases/notes-invalid.md:3:7 error Cannot read the date "27.10.2025".
        hint: Write the date as YYYY-MM-DD, e.g. "date: 2025-10-27".
      releases/notes-invalid.md:5:8 error "soon" in "tasks" is not a task id.
        hint: Write task ids such as "7.1".
      releases/notes-invalid.md:6:9 error "yanked" is neither true nor false.
        hint: Write "yanked: true" or "yanked: false".
      releases/notes-invalid.md:7:1 warning Unknown frontmatter key "codename" in release notes; it is ignored.
        hint: Known keys: version, date, phases, tasks, summary, yanked, breaking."
    `);
  });

  test.each([
    [
      'no frontmatter',
      'Just notes.\n',
      'releases/2.1.0.md:1:1 error The release notes have no frontmatter, so no version.\n  hint: Start the file with frontmatter: "---", "version: 2.0.0", "date: 2025-10-27", "---".',
    ],
    [
      'broken YAML',
      '---\nversion: 2.1.0\nphases: [phase-7\n---\n',
      'releases/2.1.0.md:4:1 error The frontmatter is not valid YAML: unexpected end of the stream within a flow collection.\n  hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character.',
    ],
    [
      'a list instead of keys',
      '---\n- 2.1.0\n---\n',
      'releases/2.1.0.md:2:1 error The frontmatter is not a set of "key: value" lines.\n  hint: Write one "key: value" per line, e.g. "version: 2.0.0".',
    ],
    [
      'an empty version, the file name as the example',
      '---\nversion:\n---\n',
      'releases/2.1.0.md:2:1 error The release notes name no version.\n  hint: Add "version: 2.1.0" (the version these notes describe) to the frontmatter.',
    ],
    [
      'a version that is a list',
      '---\nversion: [2.1.0]\n---\n',
      'releases/2.1.0.md:2:10 error Cannot read the version "[2.1.0]".\n  hint: Write a version such as "2.0.0", "2.0.0-rc.1" or "Unreleased", with no spaces.',
    ],
    [
      'a file name that disagrees',
      '---\nversion: 2.2.0\n---\n',
      "releases/2.1.0.md:2:10 warning The file name says version 2.1.0 but the frontmatter says 2.2.0.\n  hint: Rename the file or correct the version; the frontmatter's version is used.",
    ],
    [
      'phases as a map',
      '---\nversion: 2.1.0\nphases:\n  id: phase-7\n---\n',
      'releases/2.1.0.md:3:8 error "phases" is not a list.\n  hint: Write it as a list, e.g. "phases: [phase-7]".',
    ],
    [
      'a summary that is a list',
      '---\nversion: 2.1.0\nsummary: [a, b]\n---\n',
      'releases/2.1.0.md:3:10 error "summary" is not text.\n  hint: Write it on one line, e.g. "summary: Faster builds and configuration from the environment."',
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseReleaseNotes(text, 'releases/2.1.0.md').issues.map(formatIssue).join('\n')).toBe(expected);
  });

  test('mojibake in the body is repaired, with a warning', () => {
    const { release: parsed, issues } = parseReleaseNotes('---\nversion: 1.0.0\n---\n\u201a\u00fa\u00d6 Shipped.\n', 'releases/1.0.0.md');
    expect(parsed?.body).toBe('✅ Shipped.');
    expect(issues.map((issue) => [issue.line, issue.severity])).toEqual([[4, 'warning']]);
  });
});
