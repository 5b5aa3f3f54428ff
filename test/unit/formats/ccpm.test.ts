/**
 * ccpm epics: what makes a folder one (epic.md and NNN.md with ccpm's frontmatter), the role of each file, a content
 * root of .claude/epics/ (archived epics included), the estimates of "## Effort Estimate", dependencies by numbers from
 * before the GitHub sync, and updates that disagree with their task.
 */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ccpmFileRole, isCcpmEpic, isCcpmTask } from '../../../src/core/formats/ccpm.ts';
import { ccpmEpicFolders, isCcpmEpicFolder } from '../../../src/core/io/ccpm-layout.ts';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import { parseTaskFile } from '../../../src/core/tasks/parse-task.ts';

const fixture = 'test/fixtures/formats/ccpm-local-runner';
const epics = `${fixture}/.claude/epics`;
const facts = JSON.parse(readFileSync(`${fixture}/facts.json`, 'utf8')) as {
  phases: { folder: string; tasks: { id: string; estimateDays: number; dependsOn: string[] }[] }[];
};

describe('detection', () => {
  test.each([
    ['---\nname: cache\nstatus: backlog\ncreated: 2025-09-01T10:00:00Z\nprogress: 0%\n---\n# Epic: cache\n', true],
    ['---\nname: cache\nstatus: backlog\ngithub: https://github.com/o/r/issues/1\n---\n', true],
    // A README or a design note with a name and a status is no epic.md without one of ccpm's own keys.
    ['---\nname: cache\nstatus: draft\n---\n# Cache\n', false],
    ['# Epic: cache\n\nstatus: backlog\n', false],
  ])("epic.md %j is ccpm's: %s", (text, epic) => {
    expect(isCcpmEpic(text)).toBe(epic);
  });

  test.each([
    ['---\nname: Runner\nstatus: open\ndepends_on: []\nparallel: true\n---\n', true],
    ['---\nstatus: closed\nconflicts_with: []\n---\n', true],
    ['---\nname: Runner\nstatus: open\n---\n', false],
    ['# Task: Runner\n\ndepends_on: [1]\nstatus: open\n', false],
  ])("task file %j is ccpm's: %s", (text, task) => {
    expect(isCcpmTask(text)).toBe(task);
  });

  test.each([
    ['epic.md', 'epic'],
    ['2.md', 'task'],
    ['1234.md', 'task'],
    ['001.md', 'task'],
    ['412-analysis.md', { companion: '412', kind: 'analysis' }],
    ['362-progress.md', { companion: '362', kind: 'note' }],
    ['251-implementation-summary.md', { companion: '251', kind: 'note' }],
    ['epic.md.backup', { reason: 'not read: not Markdown (a ccpm task is one Markdown file)' }],
    ['updates/412/stream-C.md', { companion: '412', kind: 'update' }],
    ['updates/415/progress.md', { companion: '415', kind: 'update' }],
    ['github-mapping.md', { reason: 'not read: a document of the ccpm epic (the GitHub issue number and link of each task)' }],
    [
      'testing/integration-test-report.md',
      { reason: 'not read: a document of the ccpm epic, not a task (a task file is named by its number, "001.md" or "1234.md")' },
    ],
    ['updates/2/iterations.log', { reason: 'not read: not Markdown (a ccpm task is one Markdown file)' }],
  ])('%s: %j', (rel, role) => {
    expect(ccpmFileRole(rel)).toEqual(role);
  });
});

describe('a content root of .claude/epics/', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-ccpm-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const root = join(temp, '.claude', 'epics');
  cpSync(epics, root, { recursive: true });
  // An archived epic (ccpm's /pm:epic-close moves it there), one with the name of an open epic, and a folder of notes.
  const epic = (dir: string, name: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'epic.md'), `---\nname: ${name}\nstatus: completed\ncreated: 2025-08-01T10:00:00Z\nprogress: 100%\n---\n\n# Epic: ${name}\n`);
    writeFileSync(
      join(dir, '7.md'),
      '---\nname: Only task\nstatus: closed\ncreated: 2025-08-01T10:00:00Z\ndepends_on: []\nparallel: true\nconflicts_with: []\n---\n\n# Task: Only task\n',
    );
  };
  epic(join(root, 'archived', 'photo-import'), 'photo-import');
  epic(join(root, 'archived', 'route-builds-to-local-runner'), 'route-builds-to-local-runner');
  epic(join(root, '.archived', 'pipeline-checks'), 'pipeline-checks');
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'ideas.md'), '# Ideas\n');

  test('each epic is a phase, those of archived/ and .archived/ too; the folders that are no epic, and the archived twin, are named', () => {
    const { dirs, issues } = ccpmEpicFolders(root);
    expect(dirs.map((dir) => [dir.phaseId, dir.dir.slice(root.length + 1)])).toEqual([
      ['route-builds-to-local-runner', 'route-builds-to-local-runner'],
      ['photo-import', 'archived/photo-import'],
      ['pipeline-checks', '.archived/pipeline-checks'],
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      "The folder notes holds no ccpm epic (epic.md with ccpm's frontmatter), so it is not read as a phase.",
      `The archived epic route-builds-to-local-runner has the name of the epic in ${displayPath(join(root, 'route-builds-to-local-runner'))}, so it is not read (one phase per name).`,
    ]);
  });

  test('.claude/ holding epics/ is read the same, and one epic folder is one phase', () => {
    expect(listPackageDirs(join(temp, '.claude')).dirs.map((dir) => dir.phaseId)).toEqual(['route-builds-to-local-runner', 'photo-import', 'pipeline-checks']);
    expect(listPackageDirs(join(root, 'archived', 'photo-import')).dirs.map((dir) => dir.phaseId)).toEqual(['photo-import']);
    expect(isCcpmEpicFolder(join(root, 'notes'))).toBe(false);
  });
});

test('task files named by a number and a slug ("001-fix-repo-access.md") with a ccpm task\'s frontmatter are the tasks, by their numbers; a note named so beside NNN.md stays a note', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-ccpm-slug-'));
  try {
    const dir = join(temp, 'tidy-up');
    mkdirSync(dir);
    writeFileSync(join(dir, 'epic.md'), '---\nname: tidy-up\nstatus: backlog\ncreated: 2026-03-01T10:00:00Z\nprogress: 0%\n---\n\n# Epic: tidy-up\n');
    const task = (name: string, status: string, dependsOn: string) =>
      `---\nname: ${name}\nstatus: ${status}\ncreated: 2026-03-01T10:00:00Z\ndepends_on: [${dependsOn}]\nparallel: false\nconflicts_with: []\n---\n\n# ${name}\n`;
    writeFileSync(join(dir, '001-move-the-store.md'), task('Move the store', 'closed', ''));
    writeFileSync(join(dir, '002-split-the-view.md'), task('Split the view', 'open', '001'));
    writeFileSync(join(dir, '3.md'), task('Audit', 'open', '002'));
    writeFileSync(join(dir, '3-progress.md'), '---\nissue: 3\nstarted: 2026-03-02T10:00:00Z\n---\n\n# Progress\n');
    writeFileSync(join(dir, '004-ideas.md'), '# Ideas for later\n');
    const [found] = listPackageDirs(dir).dirs;
    const { phase } = buildPhase(readPackage(found!.dir, found!.phaseId, dir), { buildAsOf: null });
    expect(phase!.tasks.map((each) => [each.id, each.title, each.status, each.dependsOn])).toEqual([
      ['001', 'Move the store', 'complete', []],
      ['002', 'Split the view', 'pending', ['001']],
      ['3', 'Audit', 'pending', ['002']],
    ]);
    expect(phase!.dataQuality.otherFiles.map((other) => other.path.slice(other.path.lastIndexOf('/') + 1)).toSorted()).toEqual([
      '004-ideas.md',
      '3-progress.md',
    ]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

test('a key a sync wrote twice with one value is read once, with a warning; written twice with two values the frontmatter is not valid YAML, an error at its line, never left out in silence', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-ccpm-yaml-'));
  try {
    const dir = join(temp, 'add-source');
    mkdirSync(dir);
    writeFileSync(join(dir, 'epic.md'), '---\nname: add-source\nstatus: completed\ncreated: 2026-03-01T10:00:00Z\nprogress: 100%\n---\n\n# Epic: add-source\n');
    writeFileSync(
      join(dir, '85.md'),
      '---\nname: Store\nstatus: closed\ncreated: 2026-03-01T10:00:00Z\ndepends_on: []\nparallel: true\nconflicts_with: []\n---\n\n# Task: Store\n',
    );
    writeFileSync(
      join(dir, '86.md'),
      '---\ngithub: https://github.com/o/r/issues/86\nupdated: 2026-03-22T00:00:00Z\nname: Popup\nstatus: closed\nupdated: 2026-03-22T00:00:00Z\n---\n\n# Task: Popup\n',
    );
    writeFileSync(
      join(dir, '89.md'),
      '---\ngithub: https://github.com/o/r/issues/89\nupdated: 2026-03-22T00:00:00Z\nname: Save\nstatus: closed\nupdated: 2026-03-23T00:00:00Z\n---\n\n# Task: Save\n',
    );
    const [found] = listPackageDirs(dir).dirs;
    const { phase, issues } = buildPhase(readPackage(found!.dir, found!.phaseId, dir), { buildAsOf: null });
    const at = (severity: string) =>
      issues
        .filter((issue) => issue.severity === severity && /\/8[69]\.md$/.test(issue.file))
        .map((issue) => [issue.file.slice(issue.file.lastIndexOf('/') + 1), issue.line, issue.message]);
    expect(at('error')).toEqual([['89.md', 6, 'The frontmatter is not valid YAML: duplicated mapping key.']]);
    expect(at('warning')).toContainEqual([
      '86.md',
      6,
      'The frontmatter key "updated" is written 2 times (lines 3, 6), each with the same value; it is read once.',
    ]);
    expect(phase!.tasks.map((task) => [task.id, task.title, task.status])).toEqual([
      ['85', 'Store', 'complete'],
      ['86', 'Popup', 'complete'],
    ]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

describe('the fixture epic, read', () => {
  const [dir] = listPackageDirs(epics).dirs;
  const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, epics), { buildAsOf: null });

  test('every estimate from "## Effort Estimate" (its Hours item, 8 hours a day), as the facts say', () => {
    expect(Object.fromEntries(phase!.tasks.map((task) => [task.id, task.estimateDays]))).toEqual(
      Object.fromEntries(facts.phases[0]!.tasks.map((task) => [task.id, task.estimateDays])),
    );
    expect(phase!.tasks.find((task) => task.id === '2')!.estimateText).toBe('Size: L (Large),Hours: 24 hours,Parallel: false');
  });

  test("depends_on by numbers from before the sync: no edge (008 is not 8.md), one warning at each task's depends_on line", () => {
    expect(phase!.tasks.flatMap((task) => task.dependsOn)).toEqual([]);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const stale = issues.filter((issue) => issue.message.includes('from before the GitHub sync'));
    expect(stale.map((issue) => `${issue.file.split('/').at(-1)}:${issue.line}`)).toEqual(['10.md:8', '2.md:7', '4.md:7', '5.md:7', '8.md:7', '9.md:7']);
    expect(stale.find((issue) => issue.file.endsWith('/8.md'))!.message).toBe(
      'Task 8 depends on 008: a task number from before the GitHub sync, and the epic has no 008.md (its task files are named by issue number now), so it is left out of the schedule.',
    );
    // What the facts state stays the task's own dependency text.
    expect(phase!.tasks.find((task) => task.id === '2')!.dependencies.map((dependency) => dependency.raw)).toEqual(
      facts.phases[0]!.tasks.find((task) => task.id === '2')!.dependsOn,
    );
  });

  test('the epic.md status (complete, 100%) does not decide the tasks: the task files do', () => {
    expect(phase!.title).toBe('Epic: route-builds-to-local-runner');
    expect(phase!.tasks.filter((task) => task.status === 'complete').map((task) => task.id)).toEqual(['3', '10']);
    expect(phase!.status).toBe('in_progress');
  });
});

describe('analysis and update files', () => {
  const base = 'test/fixtures/packages/shape-ccpm-epic/phases/complete-refactor';
  const { phase, issues } = buildPhase(readPackage(base, 'complete-refactor', 'test/fixtures/packages/shape-ccpm-epic'), { buildAsOf: null });

  test('are never tasks; each is listed as read with its task, or as having none', () => {
    expect(phase!.tasks.map((task) => task.file.split('/').at(-1))).toEqual(['412.md', '409.md', '417.md', '418.md']);
    const other = Object.fromEntries(phase!.dataQuality.otherFiles.map((file) => [file.path.slice(base.length + 1), file.reason]));
    expect(other['412-analysis.md']).toMatch(/^read with 412\.md: the analysis of task 412, never a task/);
    expect(other['updates/418/stream-a.md']).toMatch(/^read with 418\.md: a progress update of task 418/);
    expect(other['updates/415/progress.md']).toBe('not read: a progress update of task 415, which has no task file in the epic');
  });

  test("a stream still running on a closed task, and a stream done on an open one, are warnings; the task file's status is shown", () => {
    expect(
      issues.filter((issue) => issue.file.includes('/updates/')).map((issue) => `${issue.file.slice(base.length + 1)}:${issue.line} ${issue.message}`),
    ).toEqual([
      'updates/412/stream-C.md:6 This update says "status: in_progress" (in progress) while task 004 (412.md) is "closed"; the task file\'s status is shown.',
      'updates/418/stream-a.md:7 This update says "status: completed" (complete) while task 418 (418.md) is "open"; the task file\'s status is shown.',
    ]);
    expect(phase!.tasks.find((task) => task.id === '418')!.status).toBe('pending');
    expect(phase!.tasks.find((task) => task.id === '004')!.status).toBe('complete');
  });
});

describe('effort words in a task file give its estimate', () => {
  const front = (lines: string) => `---\nname: Cache\nstatus: open\n${lines}depends_on: []\nparallel: true\n---\n\n# Task: Cache\n`;
  test.each([
    [`${front('')}\n## Effort: Medium (4 hours)\n`, 0.5],
    [front('effort: "S (2h)"\n'), 0.25],
    [front('estimated_hours: 6\n'), 0.75],
    [`${front('')}\n## Effort Estimate\n- Size: M\n- Hours: 8\n- Parallel: true\n`, 1],
    [`${front('')}\n## Estimated Size\nLarge (5-7 days)\n`, 7],
  ])('%j → %f days', (text, days) => {
    expect(parseTaskFile({ text, path: 'epic/12.md', slug: '12', phaseId: 'epic', idPrefix: '' }).task?.estimateDays).toBe(days);
  });

  test('a size alone is no estimate, and the warning says why', () => {
    const parsed = parseTaskFile({
      text: `${front('')}\n## Effort Estimate\n- Size: XL\n- Parallel: false\n`,
      path: 'epic/12.md',
      slug: '12',
      phaseId: 'epic',
      idPrefix: '',
    });
    expect(parsed.task?.estimateDays).toBeNull();
    expect(parsed.issues.map((issue) => issue.message)).toContain(
      'Cannot read the estimate "Size: XL,Parallel: false": a size ("XL") without hours or days; it is shown as unknown.',
    );
  });
});
