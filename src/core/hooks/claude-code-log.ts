/**
 * Claude Code's native hook logs, `logs/<event>.json` (the logger disler/claude-code-hooks-mastery popularised):
 * one JSON array of hook payloads per file, rewritten whole on every event. See
 * docs/hook-logs.md#claude-codes-hook-logs.
 */
import type { HookFormat } from '../schema/model.ts';
import { createImport, textOrNull, type ImportCollector } from './import-result.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { isRecord, numberOrNull, type EventData } from './shape.ts';

export const format: HookFormat = 'claude-code-log';

/** Tools whose PostToolUse is an edit of `tool_input.file_path` (or `notebook_path`). */
const editTools = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);

/** Hook events that are read but are not agent progress, with the reason shown under data quality. */
const skippedHookEventToReason: Record<string, string> = {
  // Every PreToolUse has its PostToolUse, which also carries the outcome; counting both would double each call.
  PreToolUse: 'tool call announced; counted from PostToolUse',
  UserPromptSubmit: 'user prompt, not agent progress',
  PreCompact: 'context compaction',
};

/** Longest tool-call summary kept in a command event's message, in characters. */
const maxSummaryLength = 200;

/** The hook event name, written `hook_event_name` by Claude Code or `hookEventName` by a second CLI (see `readPayload`). */
function hookEventName(payload: Record<string, unknown>): string | null {
  const name = payload.hook_event_name ?? payload.hookEventName;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** True when this parsed JSON value has this format's shape: an array holding at least one hook payload. */
export function matches(value: unknown): boolean {
  return Array.isArray(value) && value.some((element) => isRecord(element) && hookEventName(element) !== null);
}

/** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
export function read(value: unknown, path: string): ImportResult {
  const books = createImport(format, path);
  if (!Array.isArray(value)) {
    books.warn('The file is not a JSON array of hook payloads, so nothing was read from it.');
    return books.finish();
  }
  value.forEach((payload, index) => {
    books.record();
    readPayload(books, payload, index);
  });
  return books.finish();
}

/**
 * One array element. The logs have no timestamp at all, so time stays null and the array index gives the order.
 * FellowDalton__teamwork/stop.json and session_start.json mix Claude Code's snake_case payloads with camelCase ones
 * (`hookEventName`, `sessionId`, transcripts under ~/.factory/) from a second agent CLI logging into the same file;
 * both spellings are read.
 */
function readPayload(books: ImportCollector, payload: unknown, index: number): void {
  if (!isRecord(payload)) return books.skip('not a hook payload');
  const name = hookEventName(payload);
  if (name === null) return books.skip('not a hook payload');
  const skipReason = Object.hasOwn(skippedHookEventToReason, name) ? skippedHookEventToReason[name] : undefined;
  if (skipReason !== undefined) return books.skip(skipReason);
  const base = { order: index, time: null, timeSource: 'none' as const, session: textOrNull(payload.session_id) ?? textOrNull(payload.sessionId) };
  const where = { namespace: null, key: name, row: index };
  switch (name) {
    case 'PostToolUse': {
      const tool = textOrNull(payload.tool_name);
      const input = isRecord(payload.tool_input) ? payload.tool_input : {};
      // tool_response is never copied: it holds whole file contents and command output (84 KB for one Edit in
      // Johannes0501__openshrooly__webapp/post_tool_use.json).
      const data: EventData = { tool, toolUseId: textOrNull(payload.tool_use_id) };
      if (tool !== null && editTools.has(tool)) {
        books.event({ ...base, kind: 'edit', file: textOrNull(input.file_path) ?? textOrNull(input.notebook_path), message: tool, data }, where);
      } else {
        books.event({ ...base, kind: 'command', message: summarizeToolCall(tool, input), data }, where);
      }
      return;
    }
    case 'Notification':
      books.event({ ...base, kind: 'notify', message: textOrNull(payload.message), level: textOrNull(payload.notification_type) }, where);
      return;
    case 'SessionStart':
      books.event({ ...base, kind: 'session.start', data: { source: textOrNull(payload.source), model: textOrNull(payload.model) } }, where);
      return;
    case 'Stop': {
      // Claude Code's Stop fires at the end of every turn, not once per session.
      const data: EventData = { turn: true };
      const elapsed = numberOrNull(payload.elapsedTime);
      const toolCalls = numberOrNull(payload.toolExecutionCount);
      if (elapsed !== null) data.elapsedTime = elapsed;
      if (toolCalls !== null) data.toolExecutionCount = toolCalls;
      books.event({ ...base, kind: 'session.end', data }, where);
      return;
    }
    case 'SessionEnd':
      books.event({ ...base, kind: 'session.end', data: { reason: textOrNull(payload.reason) } }, where);
      return;
    case 'SubagentStop': {
      const agent = textOrNull(payload.agent_id);
      books.event({ ...base, kind: 'task.end', taskRef: agent, agent }, where);
      return;
    }
    default:
      books.skip(`unknown hook event ${name}`);
  }
}

/** "Bash: Build Next.js webapp": the tool name and the first of its description, command, path or pattern, shortened. */
function summarizeToolCall(tool: string | null, input: Record<string, unknown>): string | null {
  const detail = [input.description, input.command, input.file_path, input.path, input.pattern, input.url, input.query]
    .map(textOrNull)
    .find((text) => text !== null);
  const summary = [tool, detail?.replace(/\s+/g, ' ').trim()].filter(Boolean).join(': ');
  if (summary === '') return null;
  return summary.length > maxSummaryLength ? `${summary.slice(0, maxSummaryLength - 1)}…` : summary;
}
