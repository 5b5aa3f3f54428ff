import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { parseChangelog } from '../../../src/core/releases/parse-changelog.ts';
import { readFixture } from '../fixtures.ts';
import { release, section } from './builders.ts';

/** Parses test/fixtures/releases/<name>.md, named in messages as releases/<name>.md. */
const parseFixture = (name: string) => parseChangelog(readFixture(`releases/${name}.md`), `releases/${name}.md`);

describe('parseChangelog: valid files', () => {
  test('keep-a-changelog-full: unreleased, yanked, breaking, nested entries, other sections, link definitions', () => {
    const sources = ['releases/keep-a-changelog-full.md'];
    const { changelog, issues } = parseFixture('keep-a-changelog-full');
    expect(issues).toEqual([]);
    expect(changelog).toEqual({
      title: 'Changelog',
      preamble:
        'All notable changes to this project are documented in this file.\n\nThe format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/).',
      bullet: '-',
      releases: [
        release({
          version: 'Unreleased',
          unreleased: true,
          sections: [section('Added', ['Dark mode for the dashboard.'])],
          url: 'https://example.com/compare/v1.2.0...HEAD',
          heading: '[Unreleased]',
          sources,
        }),
        release({
          version: '1.2.0',
          date: '2025-10-26',
          description: 'A release about configuration.',
          sections: [
            section('Added', [
              '`from_env()` on every config struct, reading:\n- `APP_PORT`\n- `APP_LOG_LEVEL`\n  - `trace` and `debug` are new',
              'A `--dry-run` flag for `deploy`.\nIt prints the plan and exits.',
            ]),
            {
              type: 'Changed',
              title: 'Changed',
              description: null,
              items: [
                { text: '**BREAKING** The config file moved from `app.toml` to `config/app.toml`.', breaking: true },
                { text: '⚠️ BREAKING: `Pool::new` takes a `PoolConfig`.', breaking: true },
                { text: 'Logging now defaults to JSON (a BREAKING CHANGE for tools that parse plain-text logs).', breaking: true },
                { text: 'Startup checks every variable before binding the port.', breaking: false },
              ],
            },
            section('Performance', ['Clean builds are 31% faster.'], { description: 'These numbers are from the CI runners.' }),
          ],
          breaking: true,
          url: 'https://example.com/compare/v1.1.0...v1.2.0',
          heading: '[1.2.0] - 2025-10-26',
          sources,
        }),
        release({
          version: '1.1.0',
          date: '2025-10-01',
          yanked: true,
          sections: [section('Fixed', ['Connection leak on shutdown.']), section('Security', ['Tokens are redacted from debug logs.'])],
          url: 'https://example.com/compare/v1.0.0...v1.1.0',
          heading: '[1.1.0] - 2025-10-01 [YANKED]',
          sources,
        }),
        release({
          version: '1.0.0',
          date: '2025-09-15',
          sections: [
            { type: 'Breaking Changes', title: 'Breaking Changes', description: null, items: [{ text: 'Removed the `/v0` API.', breaking: true }] },
            section('Deprecated', ['`Client::connect_insecure`.']),
            section('Removed', ['Python 2 bindings.']),
          ],
          breaking: true,
          url: 'https://example.com/releases/tag/v1.0.0',
          heading: '[1.0.0] - 2025-09-15',
          sources,
        }),
      ],
      links: [
        { label: 'Unreleased', url: 'https://example.com/compare/v1.2.0...HEAD', title: null },
        { label: '1.2.0', url: 'https://example.com/compare/v1.1.0...v1.2.0', title: null },
        { label: '1.1.0', url: 'https://example.com/compare/v1.0.0...v1.1.0', title: null },
        { label: '1.0.0', url: 'https://example.com/releases/tag/v1.0.0', title: 'First stable release' },
      ],
    });
  });

  test('no-unreleased: "v", en dash and parenthesised dates, "*" bullets, a lowercase "fixed:" heading', () => {
    const sources = ['releases/no-unreleased.md'];
    const { changelog, issues } = parseFixture('no-unreleased');
    expect(issues).toEqual([]);
    expect(changelog).toEqual({
      title: 'Change Log',
      preamble: null,
      bullet: '*',
      links: [],
      releases: [
        release({
          version: '0.3.0',
          date: '2025-03-01',
          sections: [section('Added', ['Export to CSV.', 'Import from CSV.'])],
          heading: 'v0.3.0 – 2025-03-01',
          sources,
        }),
        release({
          version: '0.2.0',
          date: '2025-02-01',
          sections: [section('Fixed', ['Crash on empty input.'], { title: 'fixed:' })],
          heading: '0.2.0 (2025-02-01)',
          sources,
        }),
        release({ version: '0.1.0', sections: [section('Added', ['First release.'])], heading: '[0.1.0]', sources }),
      ],
    });
  });

  test.each([
    ['an empty file', '', { title: null, preamble: null, releases: [] }],
    ['a title only', '# Changelog\n', { title: 'Changelog', preamble: null, releases: [] }],
    [
      'no title',
      'Intro.\n\n## [1.0.0]\n',
      { title: null, preamble: 'Intro.', releases: [release({ version: '1.0.0', heading: '[1.0.0]', sources: ['c.md'] })] },
    ],
    [
      'Windows line endings',
      '# Changelog\r\n\r\n## [1.0.0] - 2025-09-15\r\n\r\n### Added\r\n\r\n- One\r\n  two\r\n',
      {
        title: 'Changelog',
        releases: [
          release({ version: '1.0.0', date: '2025-09-15', sections: [section('Added', ['One\ntwo'])], heading: '[1.0.0] - 2025-09-15', sources: ['c.md'] }),
        ],
      },
    ],
    [
      'a setext release heading',
      '1.0.0 - 2025-09-15\n------------------\n\n### Fixed\n\n- A bug.\n',
      {
        title: null,
        releases: [
          release({ version: '1.0.0', date: '2025-09-15', sections: [section('Fixed', ['A bug.'])], heading: '1.0.0 - 2025-09-15', sources: ['c.md'] }),
        ],
      },
    ],
    [
      'a "Breaking" section marks its entries',
      '## [2.0.0]\n\n### ⚠️ Breaking changes\n\n- Renamed the binary.\n',
      {
        releases: [
          release({
            version: '2.0.0',
            breaking: true,
            sections: [
              { type: '⚠️ Breaking changes', title: '⚠️ Breaking changes', description: null, items: [{ text: 'Renamed the binary.', breaking: true }] },
            ],
            heading: '[2.0.0]',
            sources: ['c.md'],
          }),
        ],
      },
    ],
    [
      'a BREAKING marker on the heading',
      '## [2.0.0] - 2025-10-27 [BREAKING]\n',
      { releases: [release({ version: '2.0.0', date: '2025-10-27', breaking: true, heading: '[2.0.0] - 2025-10-27 [BREAKING]', sources: ['c.md'] })] },
    ],
  ])('%s', (_name, text, expected) => {
    const { changelog, issues } = parseChangelog(text, 'c.md');
    expect(issues).toEqual([]);
    expect(changelog).toMatchObject(expected);
  });
});

describe('parseChangelog: problems point at the file position', () => {
  test('bad-date: an error at each date; the releases stay, without a date', () => {
    const { changelog, issues } = parseFixture('bad-date');
    expect(changelog.releases.map((r) => [r.version, r.date, r.sections.length])).toEqual([
      ['1.2.0', null, 1],
      ['1.1.0', null, 1],
    ]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/bad-date.md:3:14 error Cannot read the date "2025-13-01" of release 1.2.0.
        hint: Write the date as YYYY-MM-DD, e.g. "## [1.2.0] - 2025-10-26".
      releases/bad-date.md:9:14 error Cannot read the date "26/10/2025" of release 1.1.0.
        hint: Write the date as YYYY-MM-DD, e.g. "## [1.1.0] - 2025-10-26"."
    `);
  });

  test('duplicate-version: an error at the second heading; both are kept', () => {
    const { changelog, issues } = parseFixture('duplicate-version');
    expect(changelog.releases.map((r) => [r.version, r.date])).toEqual([
      ['1.1.0', '2025-10-01'],
      ['1.1.0', '2025-10-02'],
    ]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/duplicate-version.md:9:4 error Version 1.1.0 appears twice in the changelog (first on line 3).
        hint: Give each version one "## [1.1.0]" heading and put all its entries under it."
    `);
  });

  test('no-version-heading: an error; what is under that heading belongs to no release', () => {
    const { changelog, issues } = parseFixture('no-version-heading');
    expect(changelog.releases.map((r) => r.version)).toEqual(['1.0.0']);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/no-version-heading.md:3:4 error The release heading "## Release notes" has no version, so what is under it is left out.
        hint: Write it as "## [1.2.0] - 2025-10-26" (Keep a Changelog), or "## [Unreleased]" for changes not in a version yet."
    `);
  });

  test('items-outside-section: warnings; the entries are kept under no heading, the trailing text with the entry above', () => {
    const { changelog, issues } = parseFixture('items-outside-section');
    expect(changelog.releases[0]?.sections).toEqual([
      section('Other', ['First release.', 'Everything is new.'], { title: null }),
      section('Fixed', ['A typo in the README.\n\nThanks to everyone who reported it.']),
    ]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/items-outside-section.md:5:1 warning Release 1.0.0 lists entries under no "###" heading.
        hint: Put them under a heading such as "### Added", "### Changed" or "### Fixed".
      releases/items-outside-section.md:12:1 warning Text after the entries of "Fixed" is not in a list item; it is kept with the entry above it.
        hint: Indent it under that entry, or make it an entry of its own ("- …")."
    `);
  });

  test('mojibake: repaired, with a warning at the line', () => {
    const { changelog, issues } = parseFixture('mojibake');
    expect(changelog.releases[0]?.sections[0]?.items).toEqual([{ text: '✅ Release checklist', breaking: false }]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "releases/mojibake.md:7:1 warning Repaired 1 garbled character sequences (UTF-8 read as Mac Roman).
        hint: Save the file as UTF-8 to keep emoji and symbols intact."
    `);
  });
});
