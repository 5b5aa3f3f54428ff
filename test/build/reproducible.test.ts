import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, sharedBuild } from './build-site.ts';

test('the same content built twice, the second time from another folder, gives the same bytes in every file', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'cairn-relocated-'));
  try {
    cpSync('content', join(elsewhere, 'content'), { recursive: true });
    const first = sharedBuild('example');
    const second = buildSite({ content: join(elsewhere, 'content') });
    expect(second.status, second.output).toBe(0);
    const files = (build: typeof first) =>
      build
        .files()
        .map((file) => relative(build.outDir, file))
        .toSorted();
    expect(files(second)).toEqual(files(first));
    const differing = files(first).filter((file) => !readFileSync(`${first.outDir}/${file}`).equals(readFileSync(`${second.outDir}/${file}`)));
    expect(differing).toEqual([]);
    expect(files(first).length).toBeGreaterThan(40);
    // No page, feed or index names the folder the content was built from.
    expect(files(second).filter((file) => readFileSync(`${second.outDir}/${file}`).includes(elsewhere.slice(1)))).toEqual([]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
}, 240_000);
