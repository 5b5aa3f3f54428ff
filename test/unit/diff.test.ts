import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { countChanges, diffLive, diffSnapshots } from '../../src/core/versions/diff.ts';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { parseMetricValue } from '../../src/core/metrics/parse-value.ts';
import { freezeSnapshot, type FrozenPhase, type Snapshot } from '../../src/core/versions/snapshot.ts';
import { AS_OF } from './fixtures.ts';

const { phases } = loadContent(fileURLToPath(new URL('../../content', import.meta.url)), AS_OF);
const base = freezeSnapshot({ version: '1.0.0', phases, releases: ['1.0.0'] });

/** A copy of the base snapshot as version 1.1.0, changed by `edit` on its only phase. */
function next(edit: (phase: FrozenPhase, snapshot: Snapshot) => void = () => {}): Snapshot {
  const copy = structuredClone({ ...base, version: '1.1.0' });
  edit(copy.phases[0]!, copy);
  return copy;
}

const metric = (phase: FrozenPhase, key: string) => phase.metrics.find((m) => m.key === key)!;

describe('diffSnapshots', () => {
  test('the same content has no changes', () => {
    const changes = diffSnapshots(base, next());
    expect(changes).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.1.0' });
    expect(countChanges(changes).total).toBe(0);
  });

  test('one task status and one metric changed: exactly those two are listed', () => {
    const changes = diffSnapshots(
      base,
      next((phase) => {
        phase.tasks[3]!.status = 'in_progress';
        phase.tasks[0]!.statusEvidence.summary = 'evidence changes alone are not a change';
        phase.tasks[0]!.elapsedDays = 9;
        Object.assign(metric(phase, 'clippy_warnings'), { achieved: parseMetricValue(34), verdict: 'missed' });
      }),
    );
    expect(changes.tasks).toEqual([{ phaseId: 'phase-7', taskId: '7.4', title: 'Release Preparation', from: 'pending', to: 'in_progress' }]);
    expect(changes.metrics).toEqual([
      {
        phaseId: 'phase-7',
        key: 'clippy_warnings',
        label: 'Clippy Warnings',
        from: '0',
        to: 34,
        delta: 34,
        fromVerdict: 'met',
        toVerdict: 'missed',
        fromBaseline: 12,
        toBaseline: 12,
      },
    ]);
    expect(countChanges(changes)).toMatchObject({ tasks: 1, metrics: 1, total: 2 });
  });

  test('a corrected baseline moves a metric', () => {
    const changes = diffSnapshots(
      base,
      next((phase) => void (metric(phase, 'clippy_warnings').baseline = parseMetricValue(14))),
    );
    expect(changes.metrics).toMatchObject([{ key: 'clippy_warnings', from: '0', to: '0', delta: 0, fromBaseline: 12, toBaseline: 14 }]);
  });

  test('a deliverable checked off and one re-opened', () => {
    const changes = diffSnapshots(
      base,
      next((phase) => {
        phase.deliverables[1]!.items[0]!.checked = true;
        phase.deliverables[0]!.items[0]!.checked = false;
      }),
    );
    expect(changes.deliverables).toEqual([
      { phaseId: 'phase-7', group: 'Task 7.1 Deliverables', text: '.cargo/config.toml updated (sccache wrapper, shared target-dir)', from: true, to: false },
      { phaseId: 'phase-7', group: 'Task 7.2 Deliverables', text: 'riptide-api/src/config.rs (45 vars)', from: false, to: true },
    ]);
  });

  test('a criterion newly met', () => {
    const changes = diffSnapshots(
      base,
      next((phase) => void (phase.successCriteria[3]!.checked = true)),
    );
    expect(changes.criteria).toEqual([{ phaseId: 'phase-7', text: 'Fewer than 20 clippy warnings', from: false, to: true }]);
  });

  test('a release added', () => {
    expect(
      diffSnapshots(
        base,
        next((_phase, snapshot) => void (snapshot.releases = ['1.0.0', '1.1.0'])),
      ).releases,
    ).toEqual(['1.1.0']);
  });

  test('phases added and removed, without listing their contents', () => {
    const changes = diffSnapshots(
      base,
      next((phase) => void (phase.id = 'phase-8')),
    );
    expect(changes).toMatchObject({ phasesAdded: ['phase-8'], phasesRemoved: ['phase-7'], tasks: [], metrics: [] });
    expect(countChanges(changes)).toMatchObject({ phasesAdded: 1, phasesRemoved: 1, total: 2 });
  });
});

describe("a metric's change between two versions", () => {
  test.each([
    [34, 18, -16],
    ['34 warnings', '18 warnings', -16],
    ['45%', '52.5%', 7.5],
    ['626/630 (99.4%)', '630/630 (100%)', 0.634921],
    ['626/630 (99.4%)', '80%', -19.365079],
    ['17.1s', '2 min', 102.9],
    [12, '45%', null],
    ['1.x', '2.0.0', null],
    ['green', 'amber', null],
    ['TBD', 12, null],
  ])('%s → %s gives %s', (from, to, delta) => {
    const achieved = (value: string | number) => (phase: FrozenPhase) => void (metric(phase, 'clippy_warnings').achieved = parseMetricValue(value));
    const changes = diffSnapshots(next(achieved(from)), next(achieved(to)));
    expect(changes.metrics.map((change) => [change.key, change.delta])).toEqual([['clippy_warnings', delta]]);
  });
});

describe('diffLive', () => {
  test('compares the newest snapshot with the live model, frozen first', () => {
    const live = structuredClone(phases);
    live[0]!.tasks[2]!.status = 'blocked';
    const changes = diffLive(base, live, ['1.0.0', '2.0.0']);
    expect(changes).toMatchObject({ fromVersion: '1.0.0', toVersion: null, releases: ['2.0.0'] });
    expect(changes.tasks).toEqual([{ phaseId: 'phase-7', taskId: '7.3', title: 'Code Quality', from: 'complete', to: 'blocked' }]);
    expect(countChanges(changes).total).toBe(2);
  });
});
