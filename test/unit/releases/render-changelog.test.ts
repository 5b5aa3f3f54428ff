import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readReleases } from '../../../src/core/io/read-releases.ts';
import { parseChangelog } from '../../../src/core/releases/parse-changelog.ts';
import { renderChangelog, renderReleasesChangelog } from '../../../src/core/releases/render-changelog.ts';
import { fixturePath } from '../fixtures.ts';
import { release, section } from './builders.ts';

const contentRoot = fileURLToPath(new URL('../../../content', import.meta.url));

/** Runs of whitespace, blank lines included, as one space; no space at either end: a round trip keeps text up to this. */
const normalizeWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every changelog whose content parses without loss: the valid fixtures, two with errors that keep all text, and the example. */
const roundTrips: [name: string, path: string, exact: boolean][] = [
  ['keep-a-changelog-full', fixturePath('releases/keep-a-changelog-full.md'), true],
  ['no-unreleased', fixturePath('releases/no-unreleased.md'), true],
  ['bad-date', fixturePath('releases/bad-date.md'), true],
  ['duplicate-version', fixturePath('releases/duplicate-version.md'), true],
  // The text after the list is written indented under the entry it was kept with.
  ['items-outside-section', fixturePath('releases/items-outside-section.md'), false],
  ['content/releases/CHANGELOG.md', `${contentRoot}/releases/CHANGELOG.md`, true],
];

describe('renderChangelog: parse → render gives the text back', () => {
  test.each(roundTrips)('%s', (_name, path, exact) => {
    const text = readFileSync(path, 'utf8');
    const rendered = renderChangelog(parseChangelog(text, 'CHANGELOG.md').changelog);
    expect(normalizeWhitespace(rendered)).toBe(normalizeWhitespace(text));
    if (exact) expect(rendered).toBe(text);
  });

  test('rendering is stable: render → parse → render changes nothing', () => {
    const text = readFileSync(fixturePath('releases/items-outside-section.md'), 'utf8');
    const once = renderChangelog(parseChangelog(text, 'c.md').changelog);
    expect(renderChangelog(parseChangelog(once, 'c.md').changelog)).toBe(once);
  });

  test('entries with nested lists and continuation lines are indented under their marker', () => {
    const changelog = {
      title: null,
      preamble: null,
      bullet: '*' as const,
      links: [{ label: '1.0.0', url: 'https://example.com/a b', title: 'Say "hi"' }],
      releases: [release({ version: '1.0.0', sections: [section('Added', ['Config:\n- `A`\n  - `B`\n\nMore text.', 'Plain.'])] })],
    };
    expect(renderChangelog(changelog)).toMatchInlineSnapshot(`
      "## [1.0.0]

      ### Added

      * Config:
        - \`A\`
          - \`B\`

        More text.
      * Plain.

      [1.0.0]: <https://example.com/a b> "Say \\"hi\\""
      "
    `);
  });
});

describe('a release heading, as the merged changelog writes it', () => {
  test.each([
    ['the heading as written while it agrees', release({ version: '0.2.0', date: '2025-02-01', heading: '0.2.0 (2025-02-01)' }), '0.2.0 (2025-02-01)'],
    ['an unreadable date kept as written', release({ version: '1.2.0', heading: '[1.2.0] - 2025-13-01' }), '[1.2.0] - 2025-13-01'],
    ['canonical once the date changed', release({ version: '0.2.0', date: '2025-02-03', heading: '0.2.0 (2025-02-01)' }), '[0.2.0] - 2025-02-03'],
    [
      'canonical once yanked',
      release({ version: '1.1.0', date: '2025-10-01', yanked: true, heading: '[1.1.0] - 2025-10-01' }),
      '[1.1.0] - 2025-10-01 [YANKED]',
    ],
    ['canonical without a heading', release({ version: '2.0.0', date: '2025-10-27' }), '[2.0.0] - 2025-10-27'],
    ['unreleased', release({ version: 'Unreleased', unreleased: true }), '[Unreleased]'],
  ])('%s', (_name, input, expected) => {
    expect(renderReleasesChangelog([input], { title: null, links: [] })).toBe(`## ${expected}\n`);
  });
});

describe('renderReleasesChangelog', () => {
  test('newest first; the summary under the heading; no notes body', () => {
    const releases = [
      release({ version: '1.0.0', date: '2025-09-15', sections: [section('Added', ['First release.'])], url: 'https://example.com/v1.0.0' }),
      release({
        version: '2.0.0',
        date: '2025-10-27',
        summary: 'Faster builds.',
        body: '## Highlights\n\n- sccache.\n\nUpgrade\n=======\n\nSet the variables.',
      }),
      release({ version: 'Unreleased', unreleased: true, sections: [section('Fixed', ['A bug.'])] }),
    ];
    expect(renderReleasesChangelog(releases, { preamble: 'All notable changes.' })).toMatchInlineSnapshot(`
      "# Changelog

      All notable changes.

      ## [Unreleased]

      ### Fixed

      - A bug.

      ## [2.0.0] - 2025-10-27

      Faster builds.

      ## [1.0.0] - 2025-09-15

      ### Added

      - First release.

      [1.0.0]: https://example.com/v1.0.0
      "
    `);
    expect(releases.map((r) => r.version)).toEqual(['1.0.0', '2.0.0', 'Unreleased']);
  });

  test('the example content: a changelog that parses back to the same releases, 2.0.0 included', () => {
    const { releases, changelog } = readReleases(contentRoot);
    const text = renderReleasesChangelog(releases, { title: changelog?.title, preamble: changelog?.preamble, links: changelog?.links });
    const reparsed = parseChangelog(text, 'CHANGELOG.md');
    expect(reparsed.issues).toEqual([]);
    expect(reparsed.changelog.releases.map((r) => [r.version, r.date, r.breaking])).toEqual(releases.map((r) => [r.version, r.date, r.breaking]));
    expect(reparsed.changelog.releases.map((r) => r.sections)).toEqual(releases.map((r) => r.sections));
    expect(text).toContain('## [2.0.0] - 2025-10-27 [BREAKING]\n\nFaster builds, every setting configurable from the environment, and a leaner codebase.\n\n');
    expect(text).not.toContain('## Highlights');
  });

  test('title null and explicit links', () => {
    expect(
      renderReleasesChangelog([release({ version: '1.0.0' })], { title: null, links: [{ label: '1.0.0', url: 'https://example.com', title: null }] }),
    ).toBe('## [1.0.0]\n\n[1.0.0]: https://example.com\n');
  });
});
