/**
 * A team points Cairn at its specs folder as its tool wrote it (Spec Kit's specs/, Kiro's .kiro/specs/), and gets a
 * dashboard per spec with every task of its tasks.md, and the data-quality panel naming the reader and why. The
 * counts (tasks, complete) are those of each fixture's facts.json.
 */
import { expect, test } from 'vitest';
import { buildSite } from './build-site.ts';

test.each([
  { content: 'test/fixtures/formats/spec-kit-route-log/specs', format: 'spec-kit', phases: { '001-phase1-route-console': [24, 8], '002-phase2-route-web': [26, 9] } },
  { content: 'test/fixtures/formats/kiro-farmstand-newsletter/.kiro/specs', format: 'kiro', phases: { 'newsletter-publishing': [23, 20], 'subscriber-drafts': [32, 27] } },
])('$format: $content', ({ content, format, phases }) => {
  const build = buildSite({ content });
  expect(build.status, build.output).toBe(0);
  const status = build.statusJson();
  expect(Object.fromEntries(status.phases.map((phase) => [phase.id, [phase.tasks.length, phase.tasks.filter((task) => task.status === 'complete').length]]))).toEqual(phases);
  for (const phase of status.phases) {
    expect(phase.dataQuality.readers.map((reader) => reader.format)).toEqual([format]);
    expect(build.page(`${phase.id}/index.html`)).toContain(`Tasks read as ${phase.dataQuality.readers[0]!.label} from `);
  }
});
