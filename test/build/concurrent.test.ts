/**
 * Two builds started at once from one checkout, of two different sites: both succeed, and each output holds its own
 * complete site (the second waits for the first instead of sharing Astro's generated files with it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startBuild } from './build-site.ts';

test('two builds at once both finish with complete sites of their own', async () => {
  const [minimal, stories] = await Promise.all([
    startBuild({ content: 'test/fixtures/packages/minimal' }),
    startBuild({ content: 'test/fixtures/packages/shape-story-table' }),
  ]);
  for (const run of [minimal, stories]) {
    expect(run.status, run.output).toBe(0);
    for (const file of ['index.html', 'status.json', 'pagefind/pagefind.js', 'feed.xml']) expect(existsSync(join(run.outDir, file)), file).toBe(true);
  }
  const phases = (run: { outDir: string }) =>
    (JSON.parse(readFileSync(join(run.outDir, 'status.json'), 'utf8')) as { phases: { id: string }[] }).phases.map((phase) => phase.id);
  expect(phases(minimal)).toEqual(['phase-1']);
  expect(phases(stories)).toEqual(['stories']);
  expect(`${minimal.output}\n${stories.output}`).toContain('Another build');
}, 300_000);
