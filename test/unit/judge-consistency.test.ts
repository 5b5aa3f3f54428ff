/**
 * One judge: on every fixture and the example, the pages of one state cannot disagree. Each risk about a task says the
 * health its row and its page show, in the same words; every task whose health is late, blocked or at risk has exactly
 * that one risk; the headline names a task only with its state in words, and never says "at risk" beside an early
 * forecast without saying why; and a version frozen from the live state lists the same risks as the live page.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatRoots } from '../fixtures/formats/roots.ts';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { buildCompletionReport, type Deviation } from '../../src/core/report/report.ts';
import type { Phase } from '../../src/core/schema/model.ts';
import { buildDashboardView } from '../../src/core/views/dashboard.ts';
import { healthLabels } from '../../src/core/views/glance.ts';
import { buildTaskPageView } from '../../src/core/views/task-page.ts';
import { buildTaskRows } from '../../src/core/views/tasks.ts';
import { freezeSnapshot, parseSnapshot, serializeSnapshot } from '../../src/core/versions/snapshot.ts';
import { AS_OF } from './fixtures.ts';

const project = resolve(import.meta.dirname, '../..');

const folders = (dir: string) =>
  readdirSync(resolve(project, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const formats = folders('test/fixtures/formats');
const roots = [
  'content',
  ...folders('test/fixtures/packages').map((name) => `test/fixtures/packages/${name}`),
  ...formats.map((name) => `test/fixtures/formats/${name}/${formatRoots[name]}`),
];

test('every format fixture has its root named here', () => {
  expect(formats.toSorted()).toEqual(Object.keys(formatRoots).toSorted());
});

/** The states a task's health can be that the risk list must say; the rest (done, on track, waiting, ready) are none. */
const riskyStates = new Set(['late', 'blocked', 'at-risk']);
/** The kinds of risk that say where a task stands; the other kinds (targets, deliverables, criteria, sources, data) are not its health. */
const healthKinds = new Set<Deviation['kind']>(['late-task', 'blocked-task', 'not-started', 'at-risk-task' as Deviation['kind'], 'agent-report']);
const stateWords: Record<string, string> = { late: 'late', blocked: 'blocked', 'at-risk': 'at risk' };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What disagrees on the pages of one live phase, each as a line naming the page and the task. */
function disagreements(phase: Phase): string[] {
  const problems: string[] = [];
  const dashboard = buildDashboardView(phase);
  const report = buildCompletionReport(phase);
  const rows = buildTaskRows(phase);
  for (const [index, task] of phase.tasks.entries()) {
    const shown = task.health && { ...task.health, label: healthLabels[task.health.state] };
    if (JSON.stringify(rows[index]?.health) !== JSON.stringify(shown))
      problems.push(`${task.id}: the task row shows ${JSON.stringify(rows[index]?.health)}, the model ${JSON.stringify(shown)}`);
    if (JSON.stringify(dashboard.tasks[index]?.health) !== JSON.stringify(shown)) problems.push(`${task.id}: the dashboard's row shows another health`);
    const page = buildTaskPageView(phase, task, { events: [], files: [] }) as ReturnType<typeof buildTaskPageView> & { health?: unknown };
    if (JSON.stringify(page.health) !== JSON.stringify(shown))
      problems.push(`${task.id}: the task page shows ${JSON.stringify(page.health)}, the row ${JSON.stringify(shown)}`);
  }
  // Each risk about a task says its health, in the same words; each late, blocked or at-risk task has exactly one.
  const byId = new Map(phase.tasks.map((task) => [task.id, task]));
  const taskRisks = report.deviations.filter((deviation) => deviation.taskId !== null && byId.has(deviation.taskId) && healthKinds.has(deviation.kind));
  for (const risk of taskRisks) {
    const health = byId.get(risk.taskId!)!.health;
    if (!health || !risk.text.includes(health.reason))
      problems.push(`${risk.taskId}: the risk "${risk.text}" does not say its health "${health?.state}: ${health?.reason}"`);
  }
  for (const task of phase.tasks) {
    const count = taskRisks.filter((risk) => risk.taskId === task.id).length;
    if (riskyStates.has(task.health?.state ?? '') && count !== 1) problems.push(`${task.id}: health "${task.health!.state}" but ${count} risks say so`);
  }
  // The dashboard's risks are the report's, in the same words and severities.
  const reported = new Set(report.deviations.map((deviation) => `${deviation.severity} ${deviation.text}`));
  for (const risk of dashboard.glance.risks)
    if (!reported.has(`${risk.severity} ${risk.text}`)) problems.push(`the dashboard lists "${risk.text}", which the report does not`);
  // The headline names a task only with its state in words ("task 7.2", what another waits for, is a reference).
  const headline = phase.health?.reason ?? '';
  for (const task of phase.tasks.filter((candidate) => riskyStates.has(candidate.health?.state ?? ''))) {
    const named = new RegExp(`(^|(?<!task)[\\s,;:(])${escape(task.id)}(?=[\\s,;:)]|\\.(?!\\w)|$)`, 'g');
    for (const match of headline.matchAll(named)) {
      const after = headline.slice(match.index + match[0].length);
      if (!after.startsWith(` is ${stateWords[task.health!.state]}`))
        problems.push(`the headline "${headline}" names ${task.id} without saying it is ${stateWords[task.health!.state]}`);
    }
  }
  const forecast = dashboard.glance.forecast;
  if ((phase.health?.state === 'at-risk' || phase.health?.state === 'off-track') && forecast?.slip && !forecast.late && !/forecast/.test(headline))
    problems.push(`the headline "${headline}" is ${phase.health.state} beside a forecast "${forecast.slip}" and does not say why`);
  return problems;
}

/** The risks a dashboard lists and the report's deviations, as lines. */
const risksOf = (phase: Phase, version: string | null) => {
  const view = buildDashboardView(phase, { version });
  return {
    health: [phase.health?.reason ?? null, ...view.tasks.map((row) => `${row.task.id} ${row.health?.state}: ${row.health?.reason}`)],
    risks: [view.glance.riskCounts, ...view.glance.risks.map((risk) => `${risk.severity} ${risk.text}`)],
    deviations: buildCompletionReport(phase).deviations.map((deviation) => `${deviation.severity} ${deviation.kind} ${deviation.taskId} ${deviation.text}`),
  };
};

describe.each(roots)('%s', (root) => {
  test('the headline, the task rows, the task pages, the risk list and the report say the same of each task', () => {
    const { phases } = loadContent(resolve(project, root), AS_OF);
    expect(phases.flatMap((phase) => disagreements(phase).map((line) => `${phase.id}: ${line}`))).toEqual([]);
  });

  test('a version frozen from the live state lists the same risks as the live page of that state', () => {
    const { frozenAt } = freezeSnapshot({ version: '0.0.1', phases: loadContent(resolve(project, root), AS_OF).phases, releases: [] });
    // The live site of the same state: the same files, judged at the version's time.
    const live = loadContent(resolve(project, root), frozenAt).phases;
    const { snapshot, issues } = parseSnapshot(serializeSnapshot(freezeSnapshot({ version: '0.0.1', phases: live, releases: [] })), 'snapshots/0.0.1.json');
    expect(issues).toEqual([]);
    expect(snapshot!.phases.map((phase) => ({ id: phase.id, ...risksOf(phase, '0.0.1') }))).toEqual(
      live.map((phase) => ({ id: phase.id, ...risksOf(phase, null) })),
    );
    for (const phase of snapshot!.phases) expect(disagreements(phase).map((line) => `${phase.id}: ${line}`)).toEqual([]);
  });
});
