/**
 * `cairn doctor`: for every file of a package, the reader that read it (or why none did), and for every task read,
 * where its id, title, status, agent, estimate and dependencies came from, with what was ignored; then the problems as
 * `cairn validate` prints them. Pure: it takes what was read and built, and returns the report and its text.
 */
import type { PackageFiles } from '../schema/package-files.ts';
import type { Issue, Phase, Task } from '../schema/model.ts';
import type { PhaseResult } from '../model/build-phase.ts';
import { parseTaskFile, type FieldForm, type ParsedTask } from '../tasks/parse-task.ts';
import { checklistLines } from '../formats/checklist.ts';
import { specKitDependencyLines } from '../formats/task-lists.ts';
import { formatIssue, sortIssues } from '../text/issues.ts';
import { redactStrings } from '../redact/redact.ts';

/** One phase as read: its files, and the phase built from them. */
export interface DoctorPhase {
  files: PackageFiles;
  result: PhaseResult;
}

interface DoctorInput {
  phases: readonly DoctorPhase[];
  /** Files in scope that no phase read (outside every phase folder), each with why. */
  loose?: readonly { path: string; reason: string }[];
  /** Problems found before any phase was read (the content root's layout), and across phases. */
  issues?: readonly Issue[];
  /** Only this file's block and problems (a single file was named). */
  only?: string | null;
}

type DoctorField = 'id' | 'title' | 'status' | 'agent' | 'estimate' | 'dependencies';

/** One field of a task: its value and where it came from; `line` null when no line says it. */
interface DoctorFieldRow {
  field: DoctorField;
  value: string;
  line: number | null;
  from: string;
}

interface DoctorTask {
  id: string;
  /** The task's own line (its checkbox line, its JSON entry), or null for a task file. */
  line: number | null;
  fields: DoctorFieldRow[];
  /** The start and end a list states or the hook logs gave (claude-flow's startedAt, completedAt); absent when neither is known. */
  dates?: { started: string | null; completed: string | null };
}

interface DoctorFile {
  path: string;
  /** The phase it belongs to, or null outside every phase. */
  phase: string | null;
  /** task-files, spec-kit, kiro, taskmaster, backlog-md, "hook log (<format>)", or "not read". */
  reader: string;
  /** What the reader took it as, or why it was not read. */
  note: string;
  tasks: DoctorTask[];
  ignored: string[];
}

interface DoctorReport {
  phases: { id: string; dir: string; reader: string; reason: string; tasks: number }[];
  files: DoctorFile[];
  /** Every problem, as `cairn validate` prints it. */
  problems: string[];
  errors: number;
  warnings: number;
  /** 0 when the content could be read (warnings or not), 1 with errors. */
  exitCode: 0 | 1;
}

const formNames: Record<FieldForm, string> = {
  frontmatter: 'frontmatter',
  'bold-lines': 'bold line',
  'plain-lines': 'plain line',
  table: 'table',
  headings: 'heading',
};

/** The report of what was read, secrets redacted. */
export function doctorReport({ phases, loose = [], issues = [], only = null }: DoctorInput): DoctorReport {
  const files = new Map<string, DoctorFile>();
  // A list read by several phases (a Taskmaster file's tags) has a block for each.
  const add = (file: DoctorFile, part = '') => {
    if (!files.has(`${file.path}\0${part}`)) files.set(`${file.path}\0${part}`, file);
  };
  const problems: Issue[] = [...issues];
  const hookWarnings: string[] = [];
  for (const { files: pkg, result } of phases) {
    problems.push(...result.issues);
    for (const { file, part } of phaseBlocks(pkg, result)) add(file, part);
    hookWarnings.push(...(result.phase?.dataQuality.warnings ?? []));
  }
  for (const other of loose) add(plain(other.path, null, 'not read', other.reason));
  const kept = [...files.values()].filter((file) => only === null || file.path === only).toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shown = sortIssues(problems).filter((issue) => only === null || issue.file === only);
  const warnings = only === null ? hookWarnings : hookWarnings.filter((warning) => warning.startsWith(`${only}:`));
  const errors = shown.filter((issue) => issue.severity === 'error').length;
  return redactStrings({
    phases: phases.flatMap(({ files: pkg, result }) => {
      const read = result.phase?.dataQuality.readers[0];
      return [
        { id: pkg.phaseId, dir: pkg.dir, reader: read?.format ?? 'none', reason: read?.reason ?? 'no tasks were read', tasks: result.phase?.tasks.length ?? 0 },
      ];
    }),
    files: kept,
    problems: [...shown.map(formatIssue), ...warnings.map((warning) => `warning ${warning}`)],
    errors,
    warnings: shown.length - errors + warnings.length,
    exitCode: errors > 0 ? 1 : 0,
  });
}

/** A file's block, with the tag of the list it was read for (`part`) when it is one. */
interface Block {
  file: DoctorFile;
  part?: string;
}

/**
 * The blocks of one phase's files, in the order they are listed (of two blocks for one file, the first is kept): its
 * overview and metrics, its task list, its board, its task files, its hook logs, then the files read with a task and
 * the files not read.
 */
function phaseBlocks(pkg: PackageFiles, result: PhaseResult): Block[] {
  const phase = result.phase;
  const tasks = phase?.tasks ?? [];
  const reader = phase?.dataQuality.readers[0]?.format ?? 'task-files';
  const unread = new Map((phase?.dataQuality.otherFiles ?? pkg.otherFiles ?? []).map((other) => [other.path, other.reason]));
  const afterList = [
    ...boardConfig(pkg, tasks),
    ...pkg.tasks.map((file) => taskFileBlock(file, pkg, tasks, reader, unread)),
    ...hookLogs(pkg.phaseId, phase?.dataQuality.sources ?? []),
    // ccpm's analyses and updates are read with their task, never as tasks.
    ...(pkg.layout?.companions ?? []).map((file) => plain(file.path, pkg.phaseId, pkg.layout!.format, unread.get(file.path) ?? 'read with its task')),
    ...[...unread].map(([path, reason]) => plain(path, pkg.phaseId, 'not read', reason)),
  ];
  return [...overviewAndMetrics(pkg).map((file) => ({ file })), ...listBlocks(pkg, tasks), ...afterList.map((file) => ({ file }))];
}

/** The phase's overview and its metrics files. */
function overviewAndMetrics(pkg: PackageFiles): DoctorFile[] {
  return [
    ...(pkg.overview
      ? [plain(pkg.overview.path, pkg.phaseId, pkg.layout?.format ?? 'task-files', 'the phase overview (title, status, metrics table, success criteria)')]
      : []),
    ...(pkg.baseline ? [plain(pkg.baseline.path, pkg.phaseId, 'task-files', 'baseline metrics')] : []),
    ...(pkg.final ? [plain(pkg.final.path, pkg.phaseId, 'task-files', 'final metrics')] : []),
    ...(pkg.current ?? []).map((file) => plain(file.path, pkg.phaseId, 'task-files', 'metrics updated while the phase runs')),
  ];
}

/** The task list's block, each task at its line; a list kept one file per task (Claude Code's <id>.json) has a block per file. */
function listBlocks(pkg: PackageFiles, tasks: readonly Task[]): Block[] {
  if (!pkg.taskList) return [];
  const { format, part, reason, files } = pkg.taskList;
  return (files ?? [pkg.taskList.file]).map((file) => {
    const listed = tasks.filter((task) => task.file === file.path);
    const note = files
      ? listed.length > 0
        ? `task ${listed.map((task) => task.id).join(', ')}, one file of the list of ${count(files.length, 'task file')} (the phase line says why)`
        : 'a task file of the list, not read (see the problems below)'
      : `${part === undefined ? '' : `tag "${part}": `}${reason}; ${count(listed.length, 'task')} read`;
    return {
      file: {
        path: file.path,
        phase: pkg.phaseId,
        reader: format,
        note,
        tasks: listed.map((task) => listTask(task, format)),
        ignored: listIgnored(file.text, format, listed),
      },
      part,
    };
  });
}

/**
 * The board's config file, with the tasks read from it (stories BMAD's sprint-status.yaml names with no file yet, one
 * row each at its line). A board of status folders is said by its folders, not by a file: the phase line says why.
 */
function boardConfig(pkg: PackageFiles, tasks: readonly Task[]): DoctorFile[] {
  const layout = pkg.layout;
  if (!layout || layout.file === pkg.dir) return [];
  return [
    {
      ...plain(layout.file, pkg.phaseId, layout.format, `the board's config: ${layout.reason}`),
      tasks: tasks.filter((task) => task.file === layout.file).map((task) => listTask(task, layout.format)),
    },
  ];
}

/** A task file's block: its task with where each field came from, or why no task was read from it. */
function taskFileBlock(
  file: PackageFiles['tasks'][number],
  pkg: PackageFiles,
  tasks: readonly Task[],
  reader: string,
  unread: ReadonlyMap<string, string>,
): DoctorFile {
  const task = tasks.find((candidate) => candidate.file === file.path);
  if (!task) return plain(file.path, pkg.phaseId, 'not read', unread.get(file.path) ?? 'not read: no task could be read from it (see the problems below)');
  const parsed = parseTaskFile({ text: file.text, path: file.path, slug: file.slug, phaseId: pkg.phaseId, idPrefix: pkg.layout?.idPrefix });
  return {
    path: file.path,
    phase: pkg.phaseId,
    reader,
    note: `task ${task.id}`,
    tasks: [fileTask(task, parsed)],
    ignored: parsed.unreadKeys.length > 0 ? [`metadata keys not read: ${parsed.unreadKeys.join(', ')}`] : [],
  };
}

/** Each hook log's block with its counts, after a block for each file read with it (a SQLite database's -wal). */
function hookLogs(phaseId: string, sources: Phase['dataQuality']['sources']): DoctorFile[] {
  return sources.flatMap((source) => [
    ...source.readWith.map((name) =>
      plain(`${source.path.slice(0, source.path.lastIndexOf('/') + 1)}${name}`, phaseId, `hook log (${source.format})`, `read with ${source.path}`),
    ),
    plain(
      source.path,
      phaseId,
      `hook log (${source.format})`,
      `${source.records} records, ${source.imported} imported, ${source.skipped} skipped${
        Object.keys(source.skippedReasons).length > 0
          ? ` (${Object.entries(source.skippedReasons)
              .map(([reason, n]) => `${n} ${reason}`)
              .join(', ')})`
          : ''
      }`,
    ),
  ]);
}

function plain(path: string, phase: string | null, reader: string, note: string): DoctorFile {
  return { path, phase, reader, note, tasks: [], ignored: [] };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Where a task file's field came from: its metadata field (form and key), or what stood in for it. */
function fromField(parsed: ParsedTask, name: keyof ParsedTask['fieldSources']): { line: number | null; from: string } | null {
  const source = parsed.fieldSources[name];
  return source ? { line: source.line, from: `${formNames[source.form]} "${source.key}"` } : null;
}

function fromTitle(from: ParsedTask['idFrom']): { line: number | null; from: string } {
  return from.from === 'title' ? { line: from.line, from: 'title heading' } : { line: from.line, from: from.from };
}

/** A task read from its own Markdown file, each field with its line and form. */
function fileTask(task: Task, parsed: ParsedTask): DoctorTask {
  const none = (what: string) => ({ line: null, from: what });
  const id = parsed.idFrom.from === 'metadata' ? fromField(parsed, 'id')! : fromTitle(parsed.idFrom);
  const title = parsed.titleFrom.from === 'metadata' ? fromField(parsed, 'title')! : fromTitle(parsed.titleFrom);
  const evidence = task.statusEvidence;
  const status =
    evidence.kind === 'authored'
      ? (fromField(parsed, 'status') ?? none(evidence.summary))
      : { line: null, from: `${evidence.path}${evidence.key ? ` (${evidence.key})` : ''}: ${evidence.summary}` };
  const dependencies = task.dependencies.map((dependency) => dependency.raw).join('; ');
  return {
    id: task.id,
    line: null,
    fields: [
      { field: 'id', value: task.id, ...id },
      { field: 'title', value: task.title, ...title },
      { field: 'status', value: statusValue(task), ...status },
      { field: 'agent', value: task.agent ?? 'unassigned', ...(fromField(parsed, 'agent') ?? none('not given')) },
      {
        field: 'estimate',
        value:
          task.estimateText === null
            ? 'none'
            : task.estimateDays === null
              ? `${task.estimateText} (not read)`
              : `${task.estimateText} (${task.estimateDays} d)`,
        ...(fromField(parsed, 'estimate') ?? none('not given')),
      },
      { field: 'dependencies', value: dependencies === '' ? 'none' : dependencies, ...(fromField(parsed, 'dependencies') ?? none('not given')) },
    ],
  };
}

function statusValue(task: Task): string {
  const status = task.cancelled ? 'cancelled' : task.status.replace('_', ' ');
  return task.statusText === null ? status : `${status} ("${task.statusText}")`;
}

/** The line a list's task was read from, as its evidence names it ("line 12"). */
function taskLine(task: Task): number | null {
  const authored = [task.statusEvidence, task.statusConflict].find((evidence) => evidence?.kind === 'authored' && /^line \d+$/.test(evidence.key ?? ''));
  return authored ? Number(authored.key!.slice(5)) : null;
}

/** The keys of a JSON task list's entry that give each field; `agent` null where the format names no agent. */
const jsonKeys: Record<string, { id: string; title: string; status: string; dependencies: string; agent: string | null }> = {
  taskmaster: { id: 'id', title: 'title', status: 'status', dependencies: 'dependencies', agent: null },
  'claude-flow-tasks': { id: 'taskId', title: 'description', status: 'status', dependencies: 'dependencies', agent: 'assignedTo' },
  'claude-code-tasks': { id: 'id', title: 'subject', status: 'status', dependencies: 'blockedBy', agent: 'owner' },
};

/** A task read from a line of a whole list: every field from that line (a checkbox line, a JSON entry's keys). */
function listTask(task: Task, format: string): DoctorTask {
  const line = taskLine(task);
  const json = task.metadataStyle === 'json-list';
  const keys = jsonKeys[format] ?? jsonKeys.taskmaster!;
  const at = (field: 'id' | 'title' | 'status' | 'dependencies') => ({
    line,
    from: json ? `JSON key "${keys[field]}"` : format === 'bmad' ? 'development_status line' : 'checkbox line',
  });
  const evidence = task.statusEvidence;
  const dependencies = task.dependencies.map((dependency) => dependency.raw).join('; ');
  return {
    id: task.id,
    line,
    fields: [
      { field: 'id', value: task.id, ...at('id') },
      { field: 'title', value: task.title, ...at('title') },
      {
        field: 'status',
        value: statusValue(task),
        ...(evidence.kind === 'authored'
          ? at('status')
          : { line: null, from: `${evidence.path}${evidence.key ? ` (${evidence.key})` : ''}: ${evidence.summary}` }),
      },
      {
        field: 'agent',
        value: task.agent ?? 'unassigned',
        ...(json && keys.agent ? at('id') : { line: null }),
        from: json && keys.agent ? `JSON key "${keys.agent}"` : 'not in the format',
      },
      { field: 'estimate', value: 'none', line: null, from: 'not in the format' },
      {
        field: 'dependencies',
        value: dependencies === '' ? 'none' : dependencies,
        ...(dependencies === ''
          ? { line: null, from: json ? `JSON key "${keys.dependencies}"` : 'none stated' }
          : json
            ? at('dependencies')
            : { line, from: 'a "depends on" sentence (the task\'s line shown)' }),
      },
    ],
    ...(task.startedAt !== null || task.completedAt !== null ? { dates: { started: task.startedAt, completed: task.completedAt } } : {}),
  };
}

/** What a whole list holds that was not read as tasks: its checkbox lines without a task id, or listed twice. */
function listIgnored(text: string, format: string, tasks: readonly Task[]): string[] {
  if (format === 'taskmaster') return [];
  const read = new Set(tasks.map(taskLine));
  const unread = checklistLines(text)
    .map((item) => item.line)
    .filter((line) => !read.has(line));
  const lines = (numbers: readonly number[]) => `line${numbers.length === 1 ? '' : 's'} ${numbers.slice(0, 12).join(', ')}${numbers.length > 12 ? ', …' : ''}`;
  const sentences = format === 'spec-kit' ? specKitDependencyLines(text, new Set(tasks.map((task) => task.id))).unread : [];
  return [
    ...(unread.length === 0 ? [] : [`${count(unread.length, 'checkbox line')} not read as tasks (no task id, or an id listed before): ${lines(unread)}`]),
    ...(sentences.length === 0
      ? []
      : [
          `${count(sentences.length, 'dependency sentence')} of a phase or a user story not read as task dependencies (they pair no two task ids): ${lines(sentences)}`,
        ]),
  ];
}

/** The report as plain text: the phases, one block per file, then the problems and a line of counts. */
export function renderDoctor(report: DoctorReport): string {
  const out: string[] = [];
  for (const phase of report.phases) out.push(`phase ${phase.id} (${phase.dir}): ${phase.reader}, ${count(phase.tasks, 'task')}; ${phase.reason}`);
  if (report.phases.length > 0) out.push('');
  for (const file of report.files) {
    out.push(file.path);
    out.push(`  reader    ${file.reader}: ${file.reader === 'not read' ? file.note.replace(/^not read: /, '') : file.note}`);
    // A whole list's tasks are one row each; a task file's fields one row each.
    if (file.tasks.length > 0 && /^(?:checkbox line|JSON key|development_status line)/.test(file.tasks[0]!.fields.find((row) => row.field === 'id')!.from))
      out.push(...taskTable(file.tasks));
    else for (const task of file.tasks) out.push(...fieldBlock(task));
    for (const ignored of file.ignored) out.push(`  ignored   ${ignored}`);
    out.push('');
  }
  out.push(...(report.problems.length > 0 ? report.problems : ['no problems']));
  out.push(
    '',
    `${count(report.files.length, 'file')}, ${count(
      report.files.reduce((sum, file) => sum + file.tasks.length, 0),
      'task',
    )}, ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')}`,
  );
  return out.join('\n');
}

/** A task file's fields, one aligned row each: field, value, line, where it came from. */
function fieldBlock(task: DoctorTask): string[] {
  const width = Math.min(40, Math.max(...task.fields.map((row) => row.value.length)));
  return task.fields.map((row) =>
    `  ${row.field.padEnd(12)}  ${clip(row.value, 40).padEnd(width)}  ${(row.line === null ? '' : `line ${row.line}`).padEnd(9)}${row.from}`.trimEnd(),
  );
}

/** A list's tasks, one aligned row each; what the format does not give (an estimate, an agent) is said once. */
function taskTable(tasks: readonly DoctorTask[]): string[] {
  const cell = (task: DoctorTask, field: DoctorField) => task.fields.find((row) => row.field === field)!;
  const first = tasks[0]!.fields.find((row) => row.field === 'id')!.from;
  const status = tasks.find((task) => cell(task, 'status').line === null && task.line !== null);
  const key = (field: DoctorField) => cell(tasks[0]!, field).from.replace(/^JSON key /, '');
  // A list that names agents (claude-flow's assignedTo, Claude Code's owner) shows them in a column of their own.
  const withAgent = cell(tasks[0]!, 'agent').from !== 'not in the format';
  // A list that dates its tasks (claude-flow's startedAt, completedAt) shows each start and end, "?" where unknown.
  const withDates = tasks.some((task) => task.dates !== undefined);
  const when = (time: string | null | undefined) => (time ? time.slice(0, 16).replace('T', ' ') : '?');
  const rows = tasks.map((task) => [
    task.line === null ? '?' : String(task.line),
    task.id,
    cell(task, 'status').value,
    ...(withAgent ? [clip(cell(task, 'agent').value, 30)] : []),
    ...(withDates ? [when(task.dates?.started), when(task.dates?.completed)] : []),
    cell(task, 'dependencies').value === 'none' ? '' : clip(cell(task, 'dependencies').value, 30),
    clip(cell(task, 'title').value, 50),
  ]);
  const header = ['line', 'id', 'status', ...(withAgent ? ['agent'] : []), ...(withDates ? ['started', 'completed'] : []), 'depends on', 'title'];
  const widths = header.map((name, index) => Math.max(name.length, ...rows.map((row) => row[index]!.length)));
  const line = (row: string[]) => `  ${row.map((value, index) => value.padEnd(widths[index]!)).join('  ')}`.trimEnd();
  return [
    `  tasks     each from its ${first.startsWith('JSON') ? `JSON entry (keys ${(['id', 'title', 'status', 'dependencies'] as const).map(key).join(', ')})` : first === 'development_status line' ? 'development_status line, the story having no file yet (id and title from the key, status from its value)' : 'checkbox line (id, title, box as status)'}; ${withAgent ? `agent from key ${key('agent')}; estimate: not in the format` : 'agent and estimate: not in the format'}`,
    ...(status ? [`  status    some from the hook logs: ${cell(status, 'status').from}`] : []),
    line(header),
    ...rows.map(line),
  ];
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
