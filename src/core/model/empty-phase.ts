/**
 * A phase in which no reader found a task says nothing about progress; shown, it would read "pending" with nothing
 * behind it. It is an error naming what was seen and which readers were tried, unless the team allows empty phases.
 */
import type { PackageFiles } from '../schema/package-files.ts';
import type { Issue } from '../schema/model.ts';
import { taskReaders } from '../formats/readers.ts';

/** Files named in the message at most; the rest are counted. */
const named = 8;

export function emptyPhaseIssue(files: PackageFiles, allowEmpty: boolean): Issue {
  const seen = [
    ...new Set(
      [files.overview, ...files.tasks, files.taskList?.file ?? null, files.baseline, files.final]
        .flatMap((file) => (file ? [file.path] : []))
        .concat((files.otherFiles ?? []).map((other) => other.path)),
    ),
  ];
  const prefix = `${files.dir}/`;
  const shown = seen.slice(0, named).map((path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path));
  const list =
    seen.length === 0
      ? 'no file'
      : `${seen.length === 1 ? 'one file' : `${seen.length} files`} (${shown.join(', ')}${seen.length > named ? `, and ${seen.length - named} more` : ''})`;
  const readers = taskReaders.map((reader) => reader.label).join(', ');
  return {
    file: files.overview?.path ?? files.taskList?.file.path ?? files.dir,
    line: 1,
    column: 1,
    severity: allowEmpty ? 'warning' : 'error',
    message: `No task was found in ${files.dir}: Cairn saw ${list} and tried every reader (${readers}); none found a task, so the phase would be shown with nothing to judge.`,
    hint: allowEmpty
      ? 'The phase is built as empty, as "allowEmpty" in cairn.config.json asks. Add one Markdown file per task ("# Task 7.1: Build"), or a task list your tool writes, when work is planned.'
      : 'Add one Markdown file per task ("# Task 7.1: Build"), point the content at your tool\'s own folder (specs/, .kiro/specs/, .taskmaster/, backlog/, .claude/epics/), or set "allowEmpty": true in cairn.config.json to build phases that have no tasks yet. `cairn doctor` shows what each file was read as.',
  };
}
