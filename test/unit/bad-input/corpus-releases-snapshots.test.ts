/** Bad-input corpus, snapshots and releases: errors and warnings at the file, line and column. Messages pinned as `npm run validate` prints them. */
import { describe, expect, test } from 'vitest';
import { pin } from './run-case.ts';

describe('snapshots (parseSnapshot, readSnapshots)', () => {
  test('snapshot-invalid-json: error', () => {
    expect(pin('snapshot-invalid-json')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/snapshots/snapshot-invalid-json.json:4:3 error The snapshot is not valid JSON: Expected ',' or '}' after property value in JSON at position 47 (line 4 column 3).
        hint: Snapshots are written by \`cairn snapshot <version>\`: restore this file from git, or freeze the version again with \`--force\`."
    `);
  });
  test('snapshot-empty: error', () => {
    expect(pin('snapshot-empty')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/snapshots/snapshot-empty.json:1:1 error The snapshot is not valid JSON: Unexpected end of JSON input.
        hint: Snapshots are written by \`cairn snapshot <version>\`: restore this file from git, or freeze the version again with \`--force\`."
    `);
  });
  test('snapshot-unknown-schema-version: error', () => {
    expect(pin('snapshot-unknown-schema-version')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/snapshots/snapshot-unknown-schema-version.json:2:20 error The snapshot has schemaVersion 2; this version of Cairn reads schemaVersion 1.
        hint: Build with the Cairn that wrote it, or freeze the version again with \`cairn snapshot <version> --force\`."
    `);
  });
  test('snapshot-wrong-types: error', () => {
    expect(pin('snapshot-wrong-types')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/snapshots/snapshot-wrong-types.json:3:14 error The field version does not fit the snapshot schema: Invalid input: expected string, received number.
        hint: Snapshots are written by \`cairn snapshot <version>\`: restore this file from git, or freeze the version again with \`--force\`.
      test/fixtures/bad-input/snapshots/snapshot-wrong-types.json:4:15 error The field frozenAt does not fit the snapshot schema: Invalid ISO datetime.
        hint: Snapshots are written by \`cairn snapshot <version>\`: restore this file from git, or freeze the version again with \`--force\`.
      test/fixtures/bad-input/snapshots/snapshot-wrong-types.json:5:15 error The field releases does not fit the snapshot schema: Invalid input: expected array, received string.
        hint: Snapshots are written by \`cairn snapshot <version>\`: restore this file from git, or freeze the version again with \`--force\`."
    `);
  });
  test('snapshot-top-level-array: error', () => {
    expect(pin('snapshot-top-level-array')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/snapshots/snapshot-top-level-array.json:1:1 error The snapshot does not fit the snapshot schema: Invalid input: expected object, received array.
        hint: Snapshots are written by \`cairn snapshot <version>\`: restore this file from git, or freeze the version again with \`--force\`."
    `);
  });
  test('snapshot-version-mismatch: error', () => {
    expect(pin('snapshot-version-mismatch')).toMatchInlineSnapshot(`
      "<tmp>/snapshots/1.0.0.json:1:1 error The file 1.0.0.json holds version "1.1.0"; a snapshot's file is named after its version.
        hint: Rename the file to 1.1.0.json, or freeze 1.0.0 again with \`cairn snapshot 1.0.0 --force\`."
    `);
  });
});

describe('CHANGELOG.md (parseChangelog)', () => {
  test('changelog-heading-without-version: error', () => {
    expect(pin('changelog-heading-without-version')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/changelog/changelog-heading-without-version.md:5:4 error The release heading "## Next release" has no version, so what is under it is left out.
        hint: Write it as "## [1.2.0] - 2025-10-26" (Keep a Changelog), or "## [Unreleased]" for changes not in a version yet."
    `);
  });
  test('changelog-bad-date: error', () => {
    expect(pin('changelog-bad-date')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/changelog/changelog-bad-date.md:5:14 error Cannot read the date "26/10/2025" of release 1.1.0.
        hint: Write the date as YYYY-MM-DD, e.g. "## [1.1.0] - 2025-10-26"."
    `);
  });
  test('changelog-duplicate-version: error', () => {
    expect(pin('changelog-duplicate-version')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/changelog/changelog-duplicate-version.md:11:4 error Version 1.0.0 appears twice in the changelog (first on line 5).
        hint: Give each version one "## [1.0.0]" heading and put all its entries under it."
    `);
  });
  test('changelog-entries-without-section: warning', () => {
    expect(pin('changelog-entries-without-section')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/changelog/changelog-entries-without-section.md:7:1 warning Release 1.0.0 lists entries under no "###" heading.
        hint: Put them under a heading such as "### Added", "### Changed" or "### Fixed"."
    `);
  });
  test('changelog-text-after-entries: warning', () => {
    expect(pin('changelog-text-after-entries')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/changelog/changelog-text-after-entries.md:11:1 warning Text after the entries of "Added" is not in a list item; it is kept with the entry above it.
        hint: Indent it under that entry, or make it an entry of its own ("- …")."
    `);
  });
  test('changelog-emphasis-runs: warning', () => {
    expect(pin('changelog-emphasis-runs')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/changelog/changelog-emphasis-runs.md:8:1 warning This paragraph holds 300 emphasis and link marks ("*", "_", "~", "[", "]"); more than 200 in one paragraph would take the Markdown reader minutes, so the paragraph is shown as written.
        hint: Split the paragraph, or put the text in a code block (between "\`\`\`" lines) if it is data."
    `);
  });
});

describe('release notes (parseReleaseNotes)', () => {
  test('notes-without-version: error', () => {
    expect(pin('notes-without-version')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-without-version.md:1:1 error The release notes name no version.
        hint: Add "version: 2.0.0" (the version these notes describe) to the frontmatter."
    `);
  });
  test('notes-no-frontmatter: error', () => {
    expect(pin('notes-no-frontmatter')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-no-frontmatter.md:1:1 error The release notes have no frontmatter, so no version.
        hint: Start the file with frontmatter: "---", "version: 2.0.0", "date: 2025-10-27", "---"."
    `);
  });
  test('notes-broken-yaml: error', () => {
    expect(pin('notes-broken-yaml')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-broken-yaml.md:3:16 error The frontmatter is not valid YAML: bad indentation of a mapping entry.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('notes-bad-version: error', () => {
    expect(pin('notes-bad-version')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-bad-version.md:2:10 error Cannot read the version "next one".
        hint: Write a version such as "2.0.0", "2.0.0-rc.1" or "Unreleased", with no spaces."
    `);
  });
  test('notes-bad-date: error', () => {
    expect(pin('notes-bad-date')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-bad-date.md:3:7 error Cannot read the date "27 October 2025".
        hint: Write the date as YYYY-MM-DD, e.g. "date: 2025-10-27"."
    `);
  });
  test('notes-unknown-key: warning', () => {
    expect(pin('notes-unknown-key')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-unknown-key.md:4:1 warning Unknown frontmatter key "author" in release notes; it is ignored.
        hint: Known keys: version, date, phases, tasks, summary, yanked, breaking."
    `);
  });
  test('notes-tasks-not-list: error', () => {
    expect(pin('notes-tasks-not-list')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-tasks-not-list.md:3:7 error "tasks" is not a list.
        hint: Write it as a list, e.g. "tasks: ["7.1", "7.2"]"."
    `);
  });
  test('notes-yanked-not-boolean: error', () => {
    expect(pin('notes-yanked-not-boolean')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-yanked-not-boolean.md:3:9 error "yanked" is neither true nor false.
        hint: Write "yanked: true" or "yanked: false"."
    `);
  });
  test('notes-name-mismatch: warning', () => {
    expect(pin('notes-name-mismatch')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-name-mismatch/2.0.0.md:2:10 warning The file name says version 2.0.0 but the frontmatter says 2.1.0.
        hint: Rename the file or correct the version; the frontmatter's version is used."
    `);
  });
  test('notes-bom-without-version: error', () => {
    expect(pin('notes-bom-without-version')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-bom-without-version.md:1:1 error The release notes name no version.
        hint: Add "version: 2.0.0" (the version these notes describe) to the frontmatter."
    `);
  });
  test('notes-yaml-alias-bomb: error', () => {
    expect(pin('notes-yaml-alias-bomb')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-yaml-alias-bomb.md:7:36 error The frontmatter's aliases ("*name") repeat more than 10,000 values by this one, so it was not read.
        hint: Write the values out instead of repeating them through anchors and aliases ("&name", "*name"): aliases of lists of aliases multiply."
    `);
  });
  test('notes-emphasis-runs: warning', () => {
    expect(pin('notes-emphasis-runs')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/release-notes/notes-emphasis-runs.md:8:1 warning This paragraph holds 300 emphasis and link marks ("*", "_", "~", "[", "]"); more than 200 in one paragraph would take the Markdown reader minutes, so the paragraph is shown as written.
        hint: Split the paragraph, or put the text in a code block (between "\`\`\`" lines) if it is data."
    `);
  });
});
