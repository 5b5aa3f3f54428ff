/**
 * Subtasks a task file nests as its own sections: "### Sub-Task 8.0.1: Damage Assessment" in task 8.0's file, with
 * its own "**Status:**", "**Duration:**" and "**Owner:**" lines under the heading. The file states the nesting (the
 * heading says sub-task and the id extends the task's), so each is a subtask of the file's task, read from its
 * section as a task file is read. A number alone ("8.0.1" in a list) makes none.
 */
import type { Task } from '../schema/model.ts';
import { allSections, parseMarkdown } from '../markdown/parse-markdown.ts';
import { parseTaskFile } from './parse-task.ts';

const subtaskWords = /sub[^a-z0-9]{0,6}task/i;
const subtaskHeading = /^\s*(?:[\p{Extended_Pictographic}\uFE0F]+\s*)?sub[-\s]?task\s+(\d+(?:\.\d+)+)\s*[:\-–—.|]\s*(\S.*)$/iu;

/**
 * The subtasks the task's file body nests as "Sub-Task <id>: Title" sections; `offset` is the number of lines before
 * the body (its frontmatter), so lines are the file's.
 */
export function subtaskSections(parent: Task, body: string, offset = 0): { task: Task; content: string }[] {
  // Every subtask heading says "sub-task" (perhaps escaped or emphasized): a body without the words has none, and is
  // not parsed a second time.
  if (!subtaskWords.test(body)) return [];
  const doc = parseMarkdown(body);
  const sections = allSections(doc.sections);
  const starts = sections.map((section) => section.line).toSorted((a, b) => a - b);
  const found: { task: Task; content: string }[] = [];
  for (const section of sections) {
    const match = subtaskHeading.exec(section.title);
    const id = match?.[1];
    if (!match || !id?.startsWith(`${parent.id}.`) || found.some((sub) => sub.task.id === id)) continue;
    const end = (starts.find((line) => line > section.line) ?? doc.lines.length + 1) - 1;
    const content = doc.lines.slice(section.line, end).join('\n');
    const parsed = parseTaskFile({
      text: `# Task ${id}: ${match[2]!.trim()}\n\n${content}\n`,
      path: parent.file,
      slug: `${parent.slug}--${id}`,
      phaseId: parent.phaseId,
    });
    if (!parsed.task) continue;
    const line = section.line + offset;
    const summary =
      parsed.task.statusText === null
        ? 'no status in its section of the task file, so pending'
        : `"${parsed.task.statusText}" in its section of the task file (line ${line})`;
    found.push({
      task: { ...parsed.task, id, parentId: parent.id, statusEvidence: { ...parsed.task.statusEvidence, key: `line ${line}`, summary } },
      content: parsed.content,
    });
  }
  return found;
}
