import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { buildStatusJson } from '../../src/core/views/status-json.ts';
import { PHASE_PAGES_NOT_SEARCHED } from '../../scripts/lib/search-index.ts';
import { BUILD_AS_OF, buildSite, sharedBuild } from './build-site.ts';

/** Runs of whitespace, blank lines included, as one space; no space at either end. */
const normalizeWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The facts of the Phase 7 package, whichever way it is written. `clippy` is what its hook logs make of the clippy
 * target: the example's reviewer reports "clippy 12 -> 0" (met), the seed has no hook logs (pending).
 */
function expectPhase7Facts(status: ReturnType<ReturnType<typeof buildSite>['statusJson']>, clippy: { achieved: string | null; verdict: 'met' | 'pending' }) {
  expect(status.schemaVersion).toBe(1);
  expect(status.phases).toHaveLength(1);
  const [phase] = status.phases;
  expect(phase?.id).toBe('phase-7');
  expect(phase?.title).toBe('Phase 7: Quality & Infrastructure');
  expect(phase?.tasks.map((task) => [task.id, task.agent, task.estimateDays, task.dependsOn])).toEqual([
    ['7.1', 'cicd-engineer', 2.4, []],
    ['7.2', 'backend-dev', 2.4, []],
    ['7.3', 'reviewer', 1.2, []],
    ['7.4', 'planner', 1, ['7.3']],
  ]);
  expect(phase?.criticalPath).toEqual({ taskIds: ['7.1'], days: 2.4 });
  expect(phase?.statedDays).toBe(3.4);
  expect(phase?.metrics.find((metric) => metric.key === 'clippy_warnings')).toEqual({
    key: 'clippy_warnings',
    label: 'Clippy Warnings',
    baseline: 12,
    target: '<20',
    ...clippy,
  });
}

describe('npm run build', () => {
  test('the example content builds a dashboard and status.json with the Phase 7 facts', () => {
    const build = sharedBuild('example');
    const status = build.statusJson();
    expectPhase7Facts(status, { achieved: '0', verdict: 'met' });
    // generatedAt comes from the newest input (here the newest hook event), not the clock.
    expect(status.generatedAt).toBe('2025-10-25T15:58:33.694Z');
    const [phase] = status.phases;
    expect(phase?.tasks.map((task) => [task.id, task.status, task.events > 0])).toEqual([
      ['7.1', 'in_progress', true],
      ['7.2', 'in_progress', true],
      ['7.3', 'complete', true],
      ['7.4', 'pending', true],
    ]);
    expect(phase?.dataQuality).toMatchObject({
      sources: [
        { path: 'hooks/memory-store.json', format: 'claude-flow-memory-store', records: 4, imported: 4, skipped: 0 },
        { path: 'hooks/memory.db', format: 'claude-flow-sqlite', records: 81, imported: 43, skipped: 38 },
      ],
      unmatchedEvents: 0,
      newestEvent: '2025-10-25T15:58:33.694Z',
      stale: false,
    });
    const dashboard = build.page('phase-7/index.html');
    expect(dashboard).toContain('data-testid="dependency-graph"');
    expect(dashboard).toMatch(/The package states 3\.4 days; the estimates and dependencies give 2\.4 days\./);
    // A page with nothing dated of its own (the versions index before any version) is as of the live site.
    expect(build.page('v/index.html')).toContain('data-testid="stamp">Live state as of <time datetime="2025-10-25T15:58:33.694Z">');
    // The achieved clippy value says the words of the agent's message it was read from.
    expect(dashboard).toContain('data-label="Achieved">0<span class="reason">an agent reported “clippy 12 -&gt; 0”, 2025-10-24 14:57 UTC</span>');
    // Hook text is escaped, and secrets are redacted in every file written.
    const activity = build.page('phase-7/activity/index.html');
    expect(activity).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(activity).not.toContain('<script>alert(1)</script>');
    expect(activity).toContain('GITHUB_TOKEN=[redacted: github-token]');
    expect(build.files().filter((file) => readFileSync(file).includes('ghp_FAKE'))).toEqual([]);
    // Machine outputs beside the pages.
    expect(normalizeWhitespace(build.page('CHANGELOG.md'))).toBe(normalizeWhitespace(readFileSync('content/releases/CHANGELOG.md', 'utf8')));
    // One page per release: every version of the changelog, the notes-only 2.0.0, and Unreleased.
    const releasePages = build
      .files()
      .filter((file) => /\/releases\/[^/]+\/index\.html$/.test(file))
      .map((file) => file.split('/').at(-2))
      .toSorted();
    expect(releasePages).toEqual(['1.0.0', '1.1.0', '1.1.1', '1.2.0', '2.0.0', 'unreleased']);
    expect(build.page('badges/phase-7.svg')).toContain('aria-label="phase-7: at risk 17%"');
    expect(build.page('feed.xml')).toContain('<title>Release 1.2.0</title>');
    // Without SITE the address is unknown: links are paths from the site's root, never a preview server's.
    expect(build.page('feed.xml')).toContain('<link>/releases/1.2.0/</link>');
    expect(build.page('feed.xml')).not.toContain('localhost');
    expect(build.page('phase-7/feed.xml')).toContain('<title>Task 7.3 Code Quality: Complete</title>');
    expect(build.page('phase-7/completion-report.md')).toMatch(/^# Phase 7: Quality & Infrastructure — completion report \(draft\)/);
    expect(build.page('phase-7/completion-report.md')).toContain('## Executive summary\n\nNot done: 1 of 4 tasks complete, 17% of the estimated work.');
    expect(build.files().some((file) => file.endsWith('pagefind/pagefind-ui.js'))).toBe(true);
    // The search stage leaves out exactly the phase pages that mark themselves unsearchable.
    for (const file of build.files().filter((path) => /\/phase-7\/.*\.html$/.test(path))) {
      const folder = file.split('/phase-7/')[1]?.split('/')[0] ?? '';
      expect(readFileSync(file, 'utf8').includes('data-pagefind-body'), file).toBe(!PHASE_PAGES_NOT_SEARCHED.has(folder));
    }
    expect(build.page('phase-7/report/index.html')).toMatch(/<div data-pagefind-ignore="all">\s*<section class="report-task"/);
    for (const slug of ['task-7.1-build-infra', 'task-7.2-config-system', 'task-7.3-code-quality', 'task-7.4-release-prep']) {
      expect(build.page(`phase-7/tasks/${slug}/index.html`)).toContain('data-testid="task-body"');
    }
  });

  test('a GitHub Pages project site: links under BASE, feeds and a sitemap with absolute addresses', () => {
    const build = buildSite({ content: 'content', env: { SITE: 'https://owner.github.io', BASE: '/cairn/' } });
    expect(build.status, build.output).toBe(0);
    expect(build.page('phase-7/index.html')).toContain('href="/cairn/phase-7/tasks/task-7.1-build-infra/"');
    expect(build.page('phase-7/index.html')).not.toMatch(/href="\/phase-7\//);
    expect(build.page('sitemap-0.xml')).toContain('<loc>https://owner.github.io/cairn/phase-7/</loc>');
    expect(build.page('feed.xml')).toContain('<link>https://owner.github.io/cairn/releases/1.2.0/</link>');
    // The feed's own link is the site under BASE, too.
    expect(build.page('feed.xml')).toContain('<link>https://owner.github.io/cairn/</link>');
  });

  test('a change in the hook logs changes the derived statuses', () => {
    const content = mkdtempSync(join(tmpdir(), 'cairn-content-'));
    cpSync('content', content, { recursive: true });
    const hooks = join(content, 'phases/phase-7/hooks');
    const store = JSON.parse(readFileSync(join(hooks, 'memory-store.json'), 'utf8')) as { coordination: { key: string; value: string; timestamp: number }[] };
    const buildInfra = store.coordination.find((entry) => entry.key === 'phase7/build_infra/status')!;
    Object.assign(buildInfra, { value: 'complete', timestamp: Date.parse('2025-10-25T17:00:00Z') });
    writeFileSync(join(hooks, 'memory-store.json'), JSON.stringify(store, null, 2));
    writeFileSync(
      join(hooks, 'coordinator.ndjson'),
      `${JSON.stringify({ kind: 'task.start', time: '2025-10-25T17:30:00Z', task: '7.4', agent: 'planner' })}\n`,
    );

    const build = buildSite({ content });
    expect(build.status, build.output).toBe(0);
    const [phase] = build.statusJson().phases;
    expect(phase?.tasks.map((task) => [task.id, task.status])).toEqual([
      ['7.1', 'complete'],
      ['7.2', 'in_progress'],
      ['7.3', 'complete'],
      ['7.4', 'in_progress'],
    ]);
    expect(phase?.tasks[0]?.completedAt).toBe('2025-10-25T17:00:00.000Z');
    expect(phase?.tasks[3]?.startedAt).toBe('2025-10-25T17:30:00.000Z');
    expect(phase?.dataQuality.sources.map((source) => source.format)).toEqual(['cairn-ndjson', 'claude-flow-memory-store', 'claude-flow-sqlite']);
  });

  test('a package written the real-world way (bold lines, emoji, the seed README with mojibake) gives the same facts', () => {
    const build = sharedBuild('seed');
    expectPhase7Facts(build.statusJson(), { achieved: null, verdict: 'pending' });
    expect(build.output).toContain('README.md:3:1 warning Repaired 96 garbled character sequences');
    // The repaired emoji reach the page, the garbled text does not.
    const dashboard = build.page('phase-7/index.html');
    expect(dashboard).toContain('🟢 Ready for Agent Execution');
    expect(dashboard).not.toContain('üü¢');
  });

  test("a real package in another team's shape (two phases, subtasks, ids shared by two files) builds, and status.json holds what the core read", () => {
    const content = 'test/fixtures/packages/shape-gita-progress';
    const build = buildSite({ content });
    expect(build.status, build.output).toBe(0);
    const expected = buildStatusJson(loadContent(resolve(content), new Date(BUILD_AS_OF).toISOString()).phases);
    const built = build.statusJson();
    expect(built.phases.map((phase) => phase.tasks)).toEqual(expected.phases.map((phase) => phase.tasks));
    expect(built.phases.map((phase) => [phase.id, phase.status, phase.progress, phase.criticalPath])).toEqual(
      expected.phases.map((phase) => [phase.id, phase.status, phase.progress, phase.criticalPath]),
    );
    expect(build.output).toContain('warning Task 8.11 depends on task 8.1, which is in no phase');
    // A dependency on another phase's task links to that task's page.
    expect(build.page('phase-8/tasks/task-8.11-household-accounts/index.html')).toContain('/phase-7/tasks/task-7.3-borrowing-system/');
  });

  test.each([
    ['cycle', 'task-7.1-build-infra.md:6:24 error Dependency cycle: 7.1 → 7.2 → 7.1.'],
    ['broken-frontmatter', 'error The frontmatter is not valid YAML'],
  ])('stops on the %s package with path:line:col and no stack trace', (name, message) => {
    const build = buildSite({ content: `test/fixtures/packages/${name}` });
    expect(build.status).toBe(1);
    expect(build.output).toContain(`test/fixtures/packages/${name}/phases/`);
    expect(build.output).toContain(message);
    expect(build.output).toContain('hint: ');
    expect(build.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
