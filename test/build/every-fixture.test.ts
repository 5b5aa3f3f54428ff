/**
 * Every real-shaped fixture package (test/fixtures/formats and the free-form shapes of test/fixtures/packages) builds
 * as a team builds it, with no time given: exit 0, status.json holds what the core reads from the same files, and no
 * file of the site holds a date before 2000. The fixtures the other build tests already build are left to them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, earlyDates } from './build-site.ts';
import { formatRoots } from '../fixtures/formats/roots.ts';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { buildStatusJson } from '../../src/core/views/status-json.ts';

/** Built by formats.test.ts, build.test.ts or free-form.test.ts already. */
const builtElsewhere = new Set([
  'spec-kit-route-log',
  'kiro-farmstand-newsletter',
  'taskmaster-dock-updater',
  'backlog-md-museum-kiosk',
  'bmad-pantry-shelf',
  'claude-flow-store-release-gate',
  'claude-code-tasks-reef-survey',
  'ccpm-local-runner',
  'status-folders-quay-tasks',
  'ccpm-harbor-epics',
  'shape-gita-progress',
]);

const formats = readdirSync('test/fixtures/formats', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !builtElsewhere.has(entry.name))
  .map((entry) => entry.name);
const shapes = readdirSync('test/fixtures/packages', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.startsWith('shape-') && !builtElsewhere.has(entry.name))
  .map((entry) => entry.name);

test('every format fixture has its root named in test/fixtures/formats/roots.ts', () => {
  expect(
    readdirSync('test/fixtures/formats', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .toSorted(),
  ).toEqual(Object.keys(formatRoots).toSorted());
});

/** The errors a fixture's facts.json pins (a real shape that stops the build, such as frontmatter a sync broke). */
const pinnedErrors = (content: string): string[] => {
  const facts = `${content.split('/').slice(0, 4).join('/')}/facts.json`;
  return existsSync(facts) ? ((JSON.parse(readFileSync(facts, 'utf8')) as { errors?: string[] }).errors ?? []) : [];
};

test.each([...formats.map((name) => `test/fixtures/formats/${name}/${formatRoots[name] ?? ''}`), ...shapes.map((name) => `test/fixtures/packages/${name}`)])(
  '%s',
  (content) => {
    const build = buildSite({ content, asOf: null });
    const errors = pinnedErrors(content);
    if (errors.length > 0) {
      // It stops with each error its facts pin, at its file and line, and nothing is published.
      expect(build.status).toBe(1);
      for (const error of errors) {
        const [, at, message] = /^(\S+:\d+) (.*)$/.exec(error)!;
        expect(build.output).toMatch(new RegExp(`${RegExp.escape(at!)}:\\d+ error ${RegExp.escape(message!)}`));
      }
      return;
    }
    expect(build.status, build.output).toBe(0);
    const built = build.statusJson();
    // The core's reading of the same files, judged at the time the build was.
    const expected = buildStatusJson(loadContent(resolve(content), null).phases);
    expect(
      built.phases.map((phase) => [phase.id, phase.title, phase.tasks.map((task) => [task.id, task.status, task.dependsOn, task.agent, task.estimateDays])]),
    ).toEqual(
      expected.phases.map((phase) => [phase.id, phase.title, phase.tasks.map((task) => [task.id, task.status, task.dependsOn, task.agent, task.estimateDays])]),
    );
    expect(built.phases.every((phase) => phase.dataQuality.readers.length > 0)).toBe(true);
    expect(earlyDates(build)).toEqual([]);
  },
);
