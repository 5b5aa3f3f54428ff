/**
 * The route table: every page with its view and a key that is the digest of that view, so a page is rendered again
 * exactly when what it shows changed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/core/pipeline/load-site.ts';
import { routes, viewOf, type Route } from '../../../src/core/views/routes.ts';
import { AS_OF } from '../fixtures.ts';
import { writeSnapshot } from '../../../src/core/pipeline/snapshots.ts';
import { freezeSnapshot } from '../../../src/core/versions/snapshot.ts';

const temp = mkdtempSync(join(tmpdir(), 'cairn-routes-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const tableOf = (root: string, renderer = 'r1') => routes(loadSite({ root, asOf: AS_OF, cache: null, name: 'Cairn' }), { renderer });
const keyed = (table: readonly Route[]) => new Map(table.map((route) => [`${route.page} ${JSON.stringify(route.params)}`, route.key]));

describe('routes', () => {
  const example = tableOf('content');

  test("the example has every page once: home, search, 404, each phase's pages, each task, releases, versions, feeds", () => {
    const count = (page: string) => example.filter((route) => route.page === page).length;
    const tasks = loadSite({ root: 'content', asOf: AS_OF, cache: null, name: 'Cairn' }).phases[0]!.tasks.length;
    expect({
      home: count('home'),
      search: count('search'),
      notFound: count('not-found'),
      phase: count('phase'),
      activity: count('activity'),
      timeline: count('timeline'),
      report: count('report'),
      task: count('task'),
      versions: count('versions'),
      status: count('status-json'),
    }).toEqual({ home: 1, search: 1, notFound: 1, phase: 1, activity: 1, timeline: 1, report: 1, task: tasks, versions: 1, status: 1 });
    expect(new Set(example.map((route) => `${route.page} ${JSON.stringify(route.params)}`)).size).toBe(example.length);
  });

  test('the same inputs give the same keys; another renderer gives other keys', () => {
    expect(keyed(tableOf('content'))).toEqual(keyed(example));
    const other = keyed(tableOf('content', 'r2'));
    for (const [path, key] of keyed(example)) expect(other.get(path), path).not.toBe(key);
  });

  test("a task file edited in one phase changes the keys of the pages that show it, and no other phase's", () => {
    const root = join(temp, 'gita');
    cpSync('test/fixtures/packages/shape-gita-progress', root, { recursive: true });
    const before = keyed(tableOf(root));
    const file = join(root, 'phases/phase-8/task-8.11-household-accounts.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^# (.*)$/m, '# $1 (renamed)'));
    const after = keyed(tableOf(root));
    const changed = [...before].filter(([path, key]) => after.get(path) !== key).map(([path]) => path);
    expect(changed).toContain('task {"phase":"phase-8","task":"task-8.11-household-accounts"}');
    expect(changed).toContain('phase {"phase":"phase-8"}');
    expect(changed.filter((path) => path.includes('"phase-7"'))).toEqual([]);
  });

  test("time only where it changes what a page says: judged a day later, an undated phase's pages keep their keys; the home page says the new time", () => {
    const root = 'test/fixtures/formats/spec-kit-route-log/specs';
    const at = (asOf: string) => keyed(routes(loadSite({ root, asOf, cache: null, name: 'Cairn' }), { renderer: 'r1' }));
    const before = at('2026-03-01T10:00:00.000Z');
    const after = at('2026-03-02T10:00:00.000Z');
    const changed = [...before].filter(([path, key]) => after.get(path) !== key).map(([path]) => path);
    // status.json's generatedAt is the judged time when no input is dated.
    expect(changed).toEqual(['home {}', 'status-json {}']);
  });

  test("the footer: a phase's pages say its own newest input, the home page the time the site was judged at", () => {
    const home = viewOf(example.find((route) => route.page === 'home')! as Route<'home'>);
    const phase = example.find((route) => route.page === 'phase')! as Route<'phase'>;
    const site = loadSite({ root: 'content', asOf: AS_OF, cache: null, name: 'Cairn' });
    expect(home.frame.stamp).toBe(site.phases[0]!.buildAsOf);
    expect(viewOf(phase).frame.stamp).toBe(site.phases[0]!.asOf);
    expect(site.phases[0]!.asOf).not.toBe(site.phases[0]!.buildAsOf);
  });

  test("a phase's pages built from what an earlier build saw keep that build's keys, and build no view until one renders", () => {
    const root = join(temp, 'kept');
    cpSync('test/fixtures/packages/shape-gita-progress', root, { recursive: true });
    // The last keys of each phase, as the cache keeps them.
    const kept = new Map<string, { basis: string; keys: string[] }>();
    let computed = 0;
    const keysOf = (group: string, basis: string, compute: () => string[]) => {
      if (kept.get(group)?.basis !== basis) {
        computed++;
        kept.set(group, { basis, keys: compute() });
      }
      return kept.get(group)!.keys;
    };
    const site = () => loadSite({ root, asOf: AS_OF, cache: null, name: 'Cairn' });
    const first = routes(site(), { renderer: 'r1', keysOf });
    const phases = site().phases.length;
    expect(computed).toBe(phases);
    // The keys are the digests of the views, as without kept keys.
    expect(keyed(first)).toEqual(keyed(tableOf(root)));
    const again = routes(site(), { renderer: 'r1', keysOf });
    expect(computed).toBe(phases);
    expect(keyed(again)).toEqual(keyed(first));
    const tasks = again.filter((route) => route.page === 'task');
    for (const route of tasks) expect(typeof route.view).toBe('function');
    const eager = new Map(tableOf(root).map((route) => [`${route.page} ${JSON.stringify(route.params)}`, viewOf(route)]));
    for (const route of again.filter((route) => route.params.phase !== undefined && !route.params.version))
      expect(viewOf(route), route.page).toEqual(eager.get(`${route.page} ${JSON.stringify(route.params)}`));
    // A task file edited: only its phase's pages are computed again, and their keys are the new views' digests.
    const file = join(root, 'phases/phase-8/task-8.11-household-accounts.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^# (.*)$/m, '# $1 (renamed again)'));
    const edited = routes(site(), { renderer: 'r1', keysOf });
    expect(computed).toBe(phases + 1);
    expect(keyed(edited)).toEqual(keyed(tableOf(root)));
    // A paragraph added to a task's text, which only its page shows.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more note for the reviewers.\n`);
    const noted = routes(site(), { renderer: 'r1', keysOf });
    expect(computed).toBe(phases + 2);
    expect(keyed(noted)).toEqual(keyed(tableOf(root)));
    // Another renderer, or another site name, and no kept key is used.
    routes(site(), { renderer: 'r2', keysOf });
    expect(computed).toBe(2 * phases + 2);
    routes(loadSite({ root, asOf: AS_OF, cache: null, name: 'Team site' }), { renderer: 'r2', keysOf });
    expect(computed).toBe(3 * phases + 2);
  });

  test("a frozen version's pages are built when rendered, and keyed by the snapshot they show", () => {
    const root = join(temp, 'versions');
    cpSync('content', root, { recursive: true });
    const live = loadSite({ root, asOf: AS_OF, cache: null, name: 'Cairn' });
    writeSnapshot(root, freezeSnapshot({ version: '1.0.0', phases: live.phases, releases: [] }));
    const table = tableOf(root);
    const frozen = table.filter((route) => route.page === 'version-phase');
    expect(frozen.length).toBeGreaterThan(0);
    for (const route of frozen) expect(typeof route.view).toBe('function');
    const view = viewOf(frozen[0]! as Route<'version-phase'>);
    expect(view.frame.version).toBe(frozen[0]!.params.version);
    expect(view.dashboard.version).toBe(frozen[0]!.params.version);
    // Frozen again with another state, the version's pages have other keys; the live pages do not change with it.
    writeSnapshot(
      root,
      freezeSnapshot({ version: '1.0.0', phases: live.phases.map((phase) => ({ ...phase, title: `${phase.title} (then)` })), releases: [] }),
      { force: true },
    );
    const again = keyed(tableOf(root));
    expect(again.get(`version-phase ${JSON.stringify(frozen[0]!.params)}`)).not.toBe(frozen[0]!.key);
    // The live site judged a day later: a frozen page does not show the live time, so none is rendered again.
    const later = keyed(
      routes(loadSite({ root, asOf: new Date(Date.parse(AS_OF) + 86_400_000).toISOString(), cache: null, name: 'Cairn' }), { renderer: 'r1' }),
    );
    const frozenPages = [...again].filter(([path]) => path.startsWith('version'));
    expect(frozenPages.length).toBeGreaterThan(2);
    for (const [path, key] of frozenPages) expect(later.get(path), path).toBe(key);
    // Renamed, the site names itself on every page, frozen ones too.
    const renamed = keyed(routes(loadSite({ root, asOf: AS_OF, cache: null, name: 'Team site' }), { renderer: 'r1' }));
    for (const [path, key] of frozenPages.filter(([path]) => !path.startsWith('version-status-json'))) expect(renamed.get(path), path).not.toBe(key);
  });
});
