import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readSnapshots, writeSnapshot } from '../../../src/core/pipeline/snapshots.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { serializeSnapshot, type Snapshot } from '../../../src/core/versions/snapshot.ts';

/** A snapshot with no phases: enough for the file side. */
const snapshot = (version: string, releases: string[] = []): Snapshot => ({
  schemaVersion: 1,
  version,
  frozenAt: '2025-10-25T15:58:33.694Z',
  releases,
  phases: [],
});
const roots: string[] = [];
const tempRoot = () => roots[roots.push(mkdtempSync(join(tmpdir(), 'cairn-snapshots-'))) - 1]!;
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('writeSnapshot', () => {
  test('creates the folder and writes atomically, leaving no temporary file', () => {
    const root = tempRoot();
    const { written, issues } = writeSnapshot(root, snapshot('1.0.0'));
    expect(issues).toEqual([]);
    expect(written).toMatchObject({ replaced: false, bytes: serializeSnapshot(snapshot('1.0.0')).length });
    expect(written?.path).toMatch(/snapshots\/1\.0\.0\.json$/);
    expect(readdirSync(join(root, 'snapshots'))).toEqual(['1.0.0.json']);
    expect(readFileSync(join(root, 'snapshots/1.0.0.json'), 'utf8')).toBe(serializeSnapshot(snapshot('1.0.0')));
  });

  test('refuses an existing version without force, and replaces it with force', () => {
    const root = tempRoot();
    writeSnapshot(root, snapshot('1.0.0'));
    const refused = writeSnapshot(root, snapshot('1.0.0', ['1.0.0']));
    expect(refused.written).toBeNull();
    expect(formatIssue(refused.issues[0]!)).toMatch(
      /snapshots\/1\.0\.0\.json:1:1 error Version 1\.0\.0 already exists\.\n {2}hint: Pick a new version, or pass --force to replace it\.$/,
    );
    expect(readFileSync(join(root, 'snapshots/1.0.0.json'), 'utf8')).toBe(serializeSnapshot(snapshot('1.0.0')));

    const forced = writeSnapshot(root, snapshot('1.0.0', ['1.0.0']), { force: true });
    expect(forced.written?.replaced).toBe(true);
    expect(readFileSync(join(root, 'snapshots/1.0.0.json'), 'utf8')).toContain('"1.0.0"\n  ],');
    expect(readdirSync(join(root, 'snapshots'))).toEqual(['1.0.0.json']);
  });

  test.each([
    ['', /The version is empty\./],
    ['../1.0.0', /contains a slash/],
    ['a/b', /contains a slash/],
    ['1..0', /contains "\.\."/],
    ['1.0 beta', /characters other than letters, digits/],
    ['1.0.0é', /characters other than letters, digits/],
    ['.hidden', /starts with "\."/],
    ['-rc', /starts with "-"/],
  ])('refuses the version name %j', (version, message) => {
    const root = tempRoot();
    const { written, issues } = writeSnapshot(root, snapshot(version));
    expect(written).toBeNull();
    expect(issues[0]?.message).toMatch(message);
    expect(existsSync(join(root, 'snapshots'))).toBe(false);
  });
});

describe('readSnapshots', () => {
  test('no snapshots folder: nothing, and no issue', () => {
    expect(readSnapshots(tempRoot())).toEqual({ snapshots: [], issues: [] });
  });

  test('orders the good files oldest first and reports the broken ones', () => {
    const root = tempRoot();
    const dir = join(root, 'snapshots');
    mkdirSync(dir);
    for (const version of ['1.10.0', '1.2.0']) writeFileSync(join(dir, `${version}.json`), serializeSnapshot(snapshot(version)));
    writeFileSync(join(dir, 'broken.json'), '{\n  "schemaVersion": 1,\n  "version": ');
    writeFileSync(join(dir, '3.0.0.json'), serializeSnapshot(snapshot('2.0.0')));
    writeFileSync(join(dir, '4.0.0.json.tmp-123'), 'half a file');
    writeFileSync(join(dir, 'README.md'), 'not a snapshot');
    const { snapshots, issues } = readSnapshots(root);
    expect(snapshots.map((s) => s.version)).toEqual(['1.2.0', '1.10.0']);
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /snapshots\/3\.0\.0\.json:1:1 error The file 3\.0\.0\.json holds version "2\.0\.0"; a snapshot's file is named after its version\.\n {2}hint: Rename the file to 2\.0\.0\.json/,
      ),
      expect.stringMatching(/snapshots\/broken\.json:3:\d+ error The snapshot is not valid JSON: /),
    ]);
  });
});
