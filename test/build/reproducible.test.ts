import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from './build-site.ts';

test('two builds of the same content give the same bytes in every file', () => {
  const first = buildSite({ content: 'content' });
  const second = buildSite({ content: 'content' });
  expect(first.status, first.output).toBe(0);
  expect(second.status, second.output).toBe(0);
  const files = (build: typeof first) => build.files().map((file) => relative(build.outDir, file)).toSorted();
  expect(files(second)).toEqual(files(first));
  const differing = files(first).filter((file) => !readFileSync(`${first.outDir}/${file}`).equals(readFileSync(`${second.outDir}/${file}`)));
  expect(differing).toEqual([]);
  expect(files(first).length).toBeGreaterThan(40);
}, 120_000);
