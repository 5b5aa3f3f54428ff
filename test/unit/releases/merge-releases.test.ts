import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { mergeReleases, sortReleases } from '../../../src/core/releases/merge-releases.ts';
import { parseChangelog } from '../../../src/core/releases/parse-changelog.ts';
import { parseReleaseNotes } from '../../../src/core/releases/parse-release-notes.ts';
import { readFixture } from '../fixtures.ts';
import { release } from './builders.ts';

const changelog = (name: string) => parseChangelog(readFixture(`releases/${name}.md`), `releases/${name}.md`).changelog;
const notes = (name: string) => parseReleaseNotes(readFixture(`releases/${name}.md`), `releases/${name}.md`);
const inline = (path: string, frontmatter: string, body = '') => parseReleaseNotes(`---\n${frontmatter}\n---\n${body}`, path);

describe('sortReleases: newest first', () => {
  test.each([
    ['semantic versions', ['1.0.0', '1.10.0', '1.2.0', '1.2.10', '1.2.9'], ['1.10.0', '1.2.10', '1.2.9', '1.2.0', '1.0.0']],
    ['pre-releases before their release', ['2.0.0', '2.0.0-rc.1', '2.0.0-beta.2', '1.9.0'], ['2.0.0', '2.0.0-rc.1', '2.0.0-beta.2', '1.9.0']],
    ['Unreleased first, whatever its place', ['1.0.0', 'Unreleased', '2.0.0'], ['Unreleased', '2.0.0', '1.0.0']],
    ['"1" and "1.2" as 1.0.0 and 1.2.0', ['1.1.5', '1.2', '1', '0.9.0'], ['1.2', '1.1.5', '1', '0.9.0']],
    ['not semver after, by text with numbers as numbers', ['1.x', '0.1.0', '2025.10a', '2025.9a', '2.x'], ['0.1.0', '2025.10a', '2025.9a', '2.x', '1.x']],
    ['build metadata only: by text', ['1.0.0+a', '1.0.0+b'], ['1.0.0+b', '1.0.0+a']],
  ])('%s', (_name, versions, expected) => {
    const input = versions.map((version) => release({ version, unreleased: version === 'Unreleased' }));
    expect(sortReleases(input).map((r) => r.version)).toEqual(expected);
    expect(input.map((r) => r.version)).toEqual(versions); // the caller's array is left as it was
  });

  test('releases of the same version keep their order', () => {
    const [a, b] = [release({ version: '1.0.0', summary: 'a' }), release({ version: '1.0.0', summary: 'b' })];
    expect(sortReleases([a, b])).toEqual([a, b]);
    expect(sortReleases([b, a])).toEqual([b, a]);
  });
});

describe('mergeReleases', () => {
  test('a version in both: the changelog entries with the notes summary, body, phases and tasks; a date conflict warns', () => {
    const { releases, issues } = mergeReleases(changelog('keep-a-changelog-full'), [notes('notes-1.2.0'), notes('notes-2.0.0')]);
    expect(releases.map((r) => [r.version, r.date, r.sources])).toEqual([
      ['Unreleased', null, ['releases/keep-a-changelog-full.md']],
      ['2.0.0', '2025-10-27', ['releases/notes-2.0.0.md']],
      ['1.2.0', '2025-10-26', ['releases/keep-a-changelog-full.md', 'releases/notes-1.2.0.md']],
      ['1.1.0', '2025-10-01', ['releases/keep-a-changelog-full.md']],
      ['1.0.0', '2025-09-15', ['releases/keep-a-changelog-full.md']],
    ]);
    const merged = releases[2]!;
    expect(merged).toMatchObject({
      summary: 'Configuration from the environment.',
      description: 'A release about configuration.',
      body: '# riptide 1.2.0\n\nRead the upgrade guide first.',
      phases: ['phase-6'],
      tasks: ['6.10'],
      breaking: true,
      heading: '[1.2.0] - 2025-10-26',
      url: 'https://example.com/compare/v1.1.0...v1.2.0',
    });
    expect(merged.sections.map((s) => s.type)).toEqual(['Added', 'Changed', 'Performance']);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/notes-1.2.0.md:3:7 warning Release 1.2.0 is dated 2025-10-25 here but 2025-10-26 in releases/keep-a-changelog-full.md.
        hint: Make the two dates agree; the changelog's date (2025-10-26) is the one shown."
    `);
  });

  test('a date only in the notes fills the changelog’s missing one; yanked and breaking from either', () => {
    const { releases, issues } = mergeReleases(parseChangelog('## [1.0.0]\n\n### Added\n\n- One.\n', 'CHANGELOG.md').changelog, [
      inline('releases/1.0.0.md', 'version: 1.0.0\ndate: 2025-09-15\nyanked: true\nbreaking: true'),
    ]);
    expect(issues).toEqual([]);
    expect(releases).toMatchObject([{ version: '1.0.0', date: '2025-09-15', yanked: true, breaking: true, sources: ['CHANGELOG.md', 'releases/1.0.0.md'] }]);
  });

  test('Unreleased notes merge into the changelog’s Unreleased section', () => {
    const { releases } = mergeReleases(changelog('keep-a-changelog-full'), [notes('notes-unreleased')]);
    expect(releases[0]).toMatchObject({ version: 'Unreleased', unreleased: true, phases: ['phase-8'], sections: [{ type: 'Added' }] });
  });

  test('no changelog: the notes alone, newest first; files without a version are left out', () => {
    const { releases, issues } = mergeReleases(null, [notes('notes-1.2.0'), notes('notes-missing-version'), notes('notes-2.0.0')]);
    expect(issues).toEqual([]);
    expect(releases.map((r) => r.version)).toEqual(['2.0.0', '1.2.0']);
  });

  test('two notes files for one version: an error at the second; the first is kept', () => {
    const { releases, issues } = mergeReleases(null, [
      inline('releases/1.0.0.md', 'version: 1.0.0', 'First.'),
      inline('releases/v1.0.0.md', 'date: 2025-09-15\nversion: v1.0.0', 'Second.'),
    ]);
    expect(releases.map((r) => [r.version, r.body])).toEqual([['1.0.0', 'First.']]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/v1.0.0.md:3:10 error Version 1.0.0 already has a notes file, releases/1.0.0.md.
        hint: Keep one notes file per version: merge the two and delete this one."
    `);
  });

  test('a version twice in the changelog: one release with the entries of both', () => {
    const { releases } = mergeReleases(changelog('duplicate-version'), []);
    expect(releases.map((r) => [r.version, r.date, r.sections.map((s) => s.type)])).toEqual([['1.1.0', '2025-10-01', ['Added', 'Fixed']]]);
  });
});
