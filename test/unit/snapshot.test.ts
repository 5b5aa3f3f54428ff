import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/core/text/issues.ts';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { compareVersions, freezeSnapshot, orderSnapshots, parseSnapshot, previousVersion, serializeSnapshot } from '../../src/core/versions/snapshot.ts';
import { AS_OF } from './fixtures.ts';
import { emptyActivity } from '../../src/core/schema/model.ts';
import { agentReports } from '../../src/core/model/judge.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const { phases } = loadContent(content, AS_OF);
const phase = phases[0]!;
const snapshot = freezeSnapshot({ version: '1.0.0', phases, releases: ['1.1.0', '1.0.0', '1.1.0'] });

describe('freezeSnapshot', () => {
  test("drops the hook events and keeps the rest of each phase, and of its activity the agents' warnings", () => {
    expect(phase.events.length).toBeGreaterThan(0);
    const [frozen] = snapshot.phases;
    expect(frozen?.events).toEqual([]);
    const { events: _dropped, ...kept } = phase;
    // Health and the forecasts are judged again at the version's own as-of (see below); the rest is kept as it was.
    const unjudged = <T extends { health: unknown }>(value: T) => ({ ...value, health: null });
    const { forecast: _forecast, simulation: _simulation, ...frozenRest } = frozen!;
    const { forecast: _liveForecast, simulation: _liveSimulation, ...keptRest } = kept;
    expect(unjudged({ ...frozenRest, tasks: frozenRest.tasks.map(unjudged) })).toEqual(
      unjudged({
        ...keptRest,
        tasks: keptRest.tasks.map((task) => unjudged({ ...task, files: [] })),
        events: [],
        activity: { ...emptyActivity(), notifications: agentReports(phase) },
        buildAsOf: snapshot.frozenAt,
      }),
    );
    // The two warnings the agents logged about 7.2 and 7.1, newest first: the judge reads them in the version as it does live.
    expect(frozen?.activity.notifications.map((event) => [event.taskId, event.level])).toEqual([
      ['7.2', 'warning'],
      ['7.1', 'warning'],
    ]);
    expect(frozen?.tasks.map((task) => task.health?.state)).toEqual(['at-risk', 'at-risk', 'done', 'late']);
    expect(frozen?.tasks.map((task) => [task.id, task.status, task.events, task.statusEvidence.kind])).toEqual(
      phase.tasks.map((task) => [task.id, task.status, task.events, task.statusEvidence.kind]),
    );
  });

  test('is as of the newest input, with releases deduplicated oldest first', () => {
    expect(snapshot).toMatchObject({ schemaVersion: 1, version: '1.0.0', frozenAt: phase.asOf, releases: ['1.0.0', '1.1.0'] });
  });

  test('judges staleness against its own as-of, not the build clock', () => {
    const live = loadContent(content, '2030-01-01T00:00:00.000Z').phases;
    expect(live[0]?.dataQuality.stale).toBe(true);
    const late = freezeSnapshot({ version: '1.0.0', phases: live, releases: [] });
    expect(late.phases[0]?.dataQuality.stale).toBe(false);
  });
});

describe('serializeSnapshot', () => {
  test('gives the same bytes for the same content, whatever the clock', () => {
    const again = freezeSnapshot({ version: '1.0.0', phases: loadContent(content, '2030-01-01T00:00:00.000Z').phases, releases: ['1.0.0', '1.1.0'] });
    expect(serializeSnapshot(again)).toBe(serializeSnapshot(snapshot));
  });

  test('is 2-space JSON with a trailing newline and keys in schema order', () => {
    const text = serializeSnapshot(snapshot);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "version": "1.0.0",\n  "frozenAt": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const shuffled = Object.fromEntries(Object.entries(snapshot).toReversed()) as typeof snapshot;
    expect(serializeSnapshot(shuffled)).toBe(text);
  });

  test('round-trips through parseSnapshot', () => {
    const { snapshot: parsed, issues } = parseSnapshot(serializeSnapshot(snapshot), 'snapshots/1.0.0.json');
    expect(issues).toEqual([]);
    expect(parsed).toEqual(snapshot);
  });
});

describe('parseSnapshot: bad files become issues with their position', () => {
  const good = serializeSnapshot(snapshot);
  const badStatus = good.replace('"status": "pending"', '"status": "Redy"');
  const badStatusLine = good.slice(0, good.indexOf('"status": "pending"')).split('\n').length;
  test.each([
    ['empty', '', /^s\.json:1:1 error The snapshot is not valid JSON: Unexpected end of JSON input\./],
    ['truncated', '{\n  "schemaVersion": 1,\n  "version": "1.0', /^s\.json:3:\d+ error The snapshot is not valid JSON: /],
    [
      'another schemaVersion',
      '{\n  "schemaVersion": 2,\n  "version": "9"\n}\n',
      /^s\.json:2:20 error The snapshot has schemaVersion 2; this version of Cairn reads schemaVersion 1\./,
    ],
    ['not an object', '[]', /^s\.json:1:1 error The snapshot does not fit the snapshot schema: Invalid input: expected object, received array\./],
    [
      'a bad date',
      '{\n  "schemaVersion": 1,\n  "version": "1.0.0",\n  "frozenAt": "yesterday",\n  "releases": [],\n  "phases": []\n}\n',
      /^s\.json:4:15 error The field frozenAt does not fit the snapshot schema: Invalid ISO datetime\./,
    ],
    [
      'a missing field',
      '{\n  "schemaVersion": 1,\n  "version": "1.0.0",\n  "frozenAt": "2025-10-25T00:00:00Z",\n  "releases": []\n}\n',
      /^s\.json:1:1 error The field phases does not fit the snapshot schema: Invalid input: expected array, received undefined\./,
    ],
    ['an unknown task status', badStatus, new RegExp(`^s\\.json:${badStatusLine}:\\d+ error The field phases\\[0\\]\\.tasks\\[3\\]\\.status does not fit`)],
  ])('%s', (_name, text, message) => {
    const { snapshot: parsed, issues } = parseSnapshot(text, 's.json');
    expect(parsed).toBeNull();
    expect(issues.length).toBeGreaterThan(0);
    expect(formatIssue(issues[0]!)).toMatch(message);
    expect(issues[0]?.hint).toMatch(/cairn snapshot <version>/);
  });
});

describe('version order', () => {
  test('semver order, pre-releases before their release', () => {
    const versions = ['2.0.0', '1.10.0', '1.0.0', '2.0.0-rc.1', '1.1.0'];
    expect(versions.toSorted(compareVersions)).toEqual(['1.0.0', '1.1.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
    expect(orderSnapshots(versions.map((version) => ({ version }))).map((s) => s.version)).toEqual(['1.0.0', '1.1.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
  });

  test.each([
    ['1.0.0', '1.0.0', 0],
    ['v1.0.0', '1.0.0', 1], // equal to semver, then ordered by text
    ['draft', '1.0.0', -1], // names that are not semver come first
    ['alpha', 'beta', -1],
  ])('compareVersions(%s, %s) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  test.each([
    ['2.0.0', '2.0.0-rc.1'],
    ['2.0.0-rc.1', '1.10.0'],
    ['1.5.0', '1.1.0'],
    ['1.0.0', null],
    ['3.0.0', '2.0.0'],
  ])('previousVersion(…, %s) is %s', (version, previous) => {
    const list = ['2.0.0', '1.0.0', '1.10.0', '2.0.0-rc.1', '1.1.0'].map((v) => ({ version: v }));
    expect(previousVersion(list, version)?.version ?? null).toBe(previous);
  });
});
