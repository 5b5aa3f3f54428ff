import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { readHookSources } from '../../../src/core/io/read-hooks.ts';
import { copyCase, fingerprint, sqliteCase } from './hook-dirs.ts';

// Opening memory.db read-write folds the -wal into it and deletes the -wal; even a read-only open creates a -shm
// (FORMATS §2.1). Cairn reads a copy, so the user's files stay exactly as they were.
const cases = ['saverly-with-wal', 'hccg-with-wal', 'myclaudeflowsetup-with-wal', 'dsfr-no-wal', 'ruflo-v3', 'orphan-wal', 'run1-db-and-dump'];

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Locks a folder the way a read-only checkout or mount would: 0555 folders, 0444 files. */
function lock(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) lock(join(dir, entry.name));
    else chmodSync(join(dir, entry.name), 0o444);
  }
  chmodSync(dir, 0o555);
}

/** The reports, with the folder's path (in paths, reasons and warnings) replaced by "<dir>". */
const reports = (dir: string) => JSON.parse(JSON.stringify(readHookSources(dir).map(({ report }) => report)).replaceAll(displayPath(dir), '<dir>')) as unknown;

describe('readHookSources leaves its input untouched', () => {
  test.each(cases)('%s: same files, same bytes, same mtimes; no -shm or -journal appears', (name) => {
    const dir = sqliteCase(name);
    const before = fingerprint(dir);
    readHookSources(dir);
    expect(fingerprint(dir)).toEqual(before);
    expect(readdirSync(dir).filter((file) => /-(shm|journal)$/.test(file))).toEqual(
      before.map(([file]) => file).filter((file) => /-(shm|journal)$/.test(file)),
    );
  });

  // Tests run as root, who may write anyway; so this checks what changed, not that a write failed.
  test.each(cases)('%s in a read-only folder: read as from a writable one, nothing changed or added', (name) => {
    const dir = copyCase(name);
    scratch.push(dir);
    const writable = reports(sqliteCase(name));
    lock(dir);
    const before = fingerprint(dir);
    expect(reports(dir)).toEqual(writable);
    expect(fingerprint(dir)).toEqual(before);
    expect(statSync(dir).mode & 0o777).toBe(0o555);
  });
});
