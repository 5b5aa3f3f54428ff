import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readReleases } from '../../../src/core/io/read-releases.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { fixturePath } from '../fixtures.ts';

const contentRoot = fileURLToPath(new URL('../../../content', import.meta.url));

describe('readReleases', () => {
  test('the example content: the changelog and the 2.0.0 notes, newest first, no issues', () => {
    const { releases, changelog, issues } = readReleases(contentRoot);
    expect(issues).toEqual([]);
    expect(changelog?.title).toBe('Changelog');
    expect(releases.map((r) => [r.version, r.date, r.yanked, r.breaking, r.sources])).toEqual([
      ['Unreleased', null, false, true, ['content/releases/CHANGELOG.md']],
      ['2.0.0', '2025-10-27', false, true, ['content/releases/2.0.0.md']],
      ['1.2.0', '2025-10-06', false, false, ['content/releases/CHANGELOG.md']],
      ['1.1.1', '2025-09-02', false, false, ['content/releases/CHANGELOG.md']],
      ['1.1.0', '2025-08-28', true, false, ['content/releases/CHANGELOG.md']],
      ['1.0.0', '2025-07-15', false, true, ['content/releases/CHANGELOG.md']],
    ]);
    expect(releases[1]).toMatchObject({ phases: ['phase-7'], tasks: ['7.1', '7.2', '7.3', '7.4'], sections: [] });
    expect(releases[1]?.summary).toMatch(/^Faster builds/);
    expect(releases[1]?.body).toContain('## Upgrading from 1.x');
    expect(releases[0]?.sections.map((s) => [s.type, s.items.length])).toEqual([
      ['Added', 5],
      ['Changed', 2],
      ['Removed', 1],
      ['Fixed', 2],
    ]);
    expect(releases.flatMap((r) => r.sections.map((s) => s.type))).toEqual(
      expect.arrayContaining(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']),
    );
  });

  test('no releases/ folder: no releases and no issue', () => {
    expect(readReleases(fixturePath('packages/minimal'))).toEqual({ releases: [], changelog: null, issues: [] });
  });

  test('merged: an .mdx notes file merged with its changelog version, other files ignored, problems sorted', () => {
    const { releases, issues } = readReleases(fixturePath('releases/packages/merged'));
    expect(releases.map((r) => [r.version, r.date, r.summary, r.sources])).toEqual([
      [
        '1.1.0',
        '2025-10-01',
        'Search arrives.',
        ['test/fixtures/releases/packages/merged/releases/CHANGELOG.md', 'test/fixtures/releases/packages/merged/releases/1.1.0.mdx'],
      ],
      [
        '1.0.0',
        '2025-09-15',
        null,
        ['test/fixtures/releases/packages/merged/releases/CHANGELOG.md', 'test/fixtures/releases/packages/merged/releases/1.0.0.md'],
      ],
    ]);
    expect(releases[0]?.body).toContain('<Note>');
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "test/fixtures/releases/packages/merged/releases/1.1.0.mdx:3:7 warning Release 1.1.0 is dated 2025-10-02 here but 2025-10-01 in test/fixtures/releases/packages/merged/releases/CHANGELOG.md.
        hint: Make the two dates agree; the changelog's date (2025-10-01) is the one shown.
      test/fixtures/releases/packages/merged/releases/v1.0.0.md:2:10 error Version 1.0.0 already has a notes file, test/fixtures/releases/packages/merged/releases/1.0.0.md.
        hint: Keep one notes file per version: merge the two and delete this one."
    `);
  });
});
