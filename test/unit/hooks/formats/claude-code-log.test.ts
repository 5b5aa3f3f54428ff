import { describe, expect, test } from 'vitest';
import { format, matches, read } from '../../../../src/core/hooks/claude-code-log.ts';
import { HookEventSchema, SourceReportSchema } from '../../../../src/core/schema/model.ts';
import { parseJsonLenient } from '../../../../src/core/text/parse-json-lenient.ts';
import { readFixture } from '../../fixtures.ts';
import { allHookFixtures, countBy, readHookJson, summarize } from './hook-fixtures.ts';

const readCase = (name: string) => read(readHookJson(`claude-code-log/${name}`), `logs/${name}`);

const announced = 'tool call announced; counted from PostToolUse';

describe('claude-code-log: one test per sample file', () => {
  test.each([
    // [fixture, records, imported, skippedReasons, events per kind]
    ['big3-notification.json', 11, 11, {}, { notify: 11 }],
    ['big3-pre-tool-use-first-20-of-127.json', 20, 0, { [announced]: 20 }, {}],
    ['big3-stop.json', 11, 11, {}, { 'session.end': 11 }],
    ['big3-subagent-stop.json', 55, 55, {}, { 'task.end': 55 }],
    ['big3-user-prompt-submit.json', 13, 0, { 'user prompt, not agent progress': 13 }, {}],
    ['fastapi-mqtt-gateway-stop.json', 1, 1, {}, { 'session.end': 1 }],
    ['fastapi-mqtt-gateway-user-prompt-submit.json', 1, 0, { 'user prompt, not agent progress': 1 }, {}],
    ['openshrooly-notification.json', 1, 1, {}, { notify: 1 }],
    ['openshrooly-stop.json', 5, 5, {}, { 'session.end': 5 }],
    ['openshrooly-webapp-post-tool-use.json', 18, 18, {}, { command: 15, edit: 3 }],
    ['openshrooly-webapp-pre-tool-use.json', 19, 0, { [announced]: 19 }, {}],
    ['openshrooly-webapp-stop.json', 1, 1, {}, { 'session.end': 1 }],
    ['teamwork-pre-compact.json', 5, 0, { 'context compaction': 5 }, {}],
    ['teamwork-pre-tool-use-trailing-bytes.json', 6, 0, { [announced]: 6 }, {}],
    ['teamwork-session-start-camelcase.json', 299, 299, {}, { 'session.start': 299 }],
    ['teamwork-stop-camelcase.json', 482, 482, {}, { 'session.end': 482 }],
    ['teamwork-subagent-stop.json', 103, 103, {}, { 'task.end': 103 }],
  ])('%s: %i records, %i imported', (name, records, imported, skippedReasons, kinds) => {
    const result = readCase(name);
    const skipped = Object.values(skippedReasons).reduce((sum, count) => sum + count, 0);
    expect(summarize(result)).toEqual({ records, imported, skipped, skippedReasons, kinds });
    expect(records).toBe(imported + skipped);
    expect(SourceReportSchema.parse(result.report)).toEqual(result.report);
    for (const event of result.events) expect(HookEventSchema.parse(event)).toEqual(event);
  });
});

describe('claude-code-log: fields', () => {
  test('has no time: order and row are the array index, time is null', () => {
    const { events } = readCase('openshrooly-stop.json');
    expect(events.map((event) => [event.order, event.source.row, event.time, event.timeSource])).toEqual(
      [0, 1, 2, 3, 4].map((index) => [index, index, null, 'none']),
    );
    expect(events[0]!.source).toEqual({ format: 'claude-code-log', path: 'logs/openshrooly-stop.json', namespace: null, key: 'Stop', row: 0 });
    expect(events[0]!.session).toBe('04c2be8b-aa6b-4b11-b2f4-26623c099ab1');
  });

  test('stop.json: 365 snake_case and 117 camelCase turns, all with a session', () => {
    const { events } = readCase('teamwork-stop-camelcase.json');
    expect(events.every((event) => event.session !== null && event.data.turn === true)).toBe(true);
    // Only the camelCase producer writes elapsedTime (ms) and toolExecutionCount.
    expect(events.filter((event) => 'elapsedTime' in event.data)).toHaveLength(117);
    expect(events.filter((event) => 'toolExecutionCount' in event.data)).toHaveLength(117);
    expect(events[229]!.session).toBe('3cf0c2eb-d5b5-4674-9bfb-3e340d5bb195');
    expect(events.filter((event) => event.data.elapsedTime === 57000)).toHaveLength(1);
  });

  test('session_start.json: 288 snake_case and 11 camelCase starts, with source and model', () => {
    const { events } = readCase('teamwork-session-start-camelcase.json');
    expect(events.every((event) => event.session !== null)).toBe(true);
    expect(countBy(events.map((event) => event.data.source))).toEqual({ startup: 275, clear: 13, resume: 6, compact: 5 });
    expect(countBy(events.map((event) => event.data.model))).toEqual({ null: 298, 'claude-opus-4-5-20251101': 1 });
    expect(events[298]!.data).toEqual({ source: 'startup', model: 'claude-opus-4-5-20251101' });
    expect(events[196]!.session).toBe('4a069672-8777-4d0f-ba2f-44856ea4d11d');
  });

  test('post_tool_use.json: Edit is an edit of file_path, the rest are commands summarized without tool_response', () => {
    const { events } = readCase('openshrooly-webapp-post-tool-use.json');
    const webServer = '/Users/jh/Development/Shrooms/openshrooly/esphome/external_components/web_server/web_server.cpp';
    const edits = events.filter((event) => event.kind === 'edit');
    expect(edits.map((event) => [event.order, event.file, event.agent, event.message])).toEqual([
      [9, webServer, null, 'Edit'],
      [10, webServer, null, 'Edit'],
      [17, '/Users/jh/Development/Shrooms/openshrooly/esphome/openshrooly.yaml', null, 'Edit'],
    ]);
    expect(events.slice(0, 2).map((event) => event.message)).toEqual(['Bash: Install webapp dependencies', 'Bash: Build Next.js webapp']);
    expect(events[5]!.message).toBe(`Grep: ${webServer}`);
    expect(events[6]!.message).toBe(`Read: ${webServer}`);
    expect(events[0]!.data).toEqual({ tool: 'Bash', toolUseId: expect.stringMatching(/^toolu_/) });
    expect(events.every((event) => event.file === null || event.kind === 'edit')).toBe(true);
    expect(JSON.stringify(events).length).toBeLessThan(20_000); // the file is 202 KB, almost all tool_response
  });

  test('notification.json: message and notification_type as the level', () => {
    const { events } = readCase('big3-notification.json');
    expect(countBy(events.map((event) => event.level))).toEqual({ permission_prompt: 2, idle_prompt: 9 });
    expect(events[0]!.message).toBe('Claude Code needs your approval for the plan');
  });

  test('subagent_stop.json: the agent id is the task reference and the agent', () => {
    const { events } = readCase('big3-subagent-stop.json');
    expect([events[0]!.taskRef, events[0]!.agent]).toEqual(['98eb30ed', '98eb30ed']);
    expect(new Set(events.map((event) => event.agent)).size).toBe(55);
  });

  test('pre_tool_use.json with 7 trailing bytes: the first complete array is read', () => {
    const parsed = parseJsonLenient(readFixture('hooks/claude-code-log/teamwork-pre-tool-use-trailing-bytes.json'));
    expect(parsed).toMatchObject({ ok: true, trailing: 7 });
    expect(() => JSON.parse(readFixture('hooks/claude-code-log/teamwork-pre-tool-use-trailing-bytes.json'))).toThrow();
    const result = read(parsed.ok ? parsed.value : null, 'logs/pre_tool_use.json');
    expect(summarize(result)).toEqual({ records: 6, imported: 0, skipped: 6, skippedReasons: { [announced]: 6 }, kinds: {} });
  });
});

test('SessionEnd (no sample has one) is a session end with its reason', () => {
  const { events } = read([{ session_id: 's-9', hook_event_name: 'SessionEnd', reason: 'exit' }], 'logs/session_end.json');
  expect(events.map((event) => [event.kind, event.session, event.data])).toEqual([['session.end', 's-9', { reason: 'exit' }]]);
});

describe('claude-code-log: payloads no sample has', () => {
  const session = { session_id: 's-1' };
  const longCommand = `npm run test -- ${'x'.repeat(300)}`;
  const result = read(
    [
      'a string',
      null,
      ['nested'],
      { ...session, cwd: '/repo' },
      { ...session, hook_event_name: 'Heartbeat' },
      { ...session, hook_event_name: 'PostToolUse', tool_name: 'NotebookEdit', tool_input: { notebook_path: '/repo/a.ipynb' } },
      { ...session, hook_event_name: 'PostToolUse', tool_name: 'MultiEdit', tool_input: { file_path: '/repo/b.ts', edits: [] } },
      { ...session, hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: '/repo/c.ts', content: 'secret' } },
      { ...session, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: longCommand } },
      { ...session, hook_event_name: 'PostToolUse', tool_name: 'TodoWrite', tool_input: { todos: [] } },
      { sessionId: 's-2', hookEventName: 'SubagentStop' },
      { ...session, hook_event_name: 'PreCompact', trigger: 'auto' },
    ],
    'logs/mixed.json',
  );

  test('counts every element: non-objects and nameless objects are not hook payloads, unknown events say their name', () => {
    expect(summarize(result)).toEqual({
      records: 12,
      imported: 6,
      skipped: 6,
      skippedReasons: { 'not a hook payload': 4, 'unknown hook event Heartbeat': 1, 'context compaction': 1 },
      kinds: { edit: 3, command: 2, 'task.end': 1 },
    });
  });

  test.each([
    [5, 'edit', '/repo/a.ipynb', 'NotebookEdit'],
    [6, 'edit', '/repo/b.ts', 'MultiEdit'],
    [7, 'edit', '/repo/c.ts', 'Write'],
    [9, 'command', null, 'TodoWrite'],
  ])('element %i is %s of %s', (order, kind, file, message) => {
    expect(result.events.find((event) => event.order === order)).toMatchObject({ kind, file, message, session: 's-1' });
  });

  test('a long command is cut to 200 characters', () => {
    const message = result.events.find((event) => event.order === 8)!.message!;
    expect(message).toHaveLength(200);
    expect(message.startsWith('Bash: npm run test -- xxx')).toBe(true);
    expect(message.endsWith('…')).toBe(true);
  });

  test('a camelCase SubagentStop without agent_id has no task reference', () => {
    expect(result.events.find((event) => event.order === 10)).toMatchObject({ kind: 'task.end', taskRef: null, agent: null, session: 's-2' });
  });

  test('a value that is not an array gives no records and a warning', () => {
    const { report } = read({ hook_event_name: 'Stop' }, 'logs/stop.json');
    expect([report.records, report.warnings]).toEqual([0, ['logs/stop.json: The file is not a JSON array of hook payloads, so nothing was read from it.']]);
  });
});

describe('claude-code-log: matches', () => {
  test.each(allHookFixtures)('%s fixture %s', (fixtureFormat, name) => {
    expect(matches(readHookJson(name))).toBe(fixtureFormat === format);
  });

  test.each([[[]], [[1, 2]], [[{ session_id: 'x' }]], [[{ hook_event_name: 7 }]], [{ hook_event_name: 'Stop' }], ['Stop'], [null]])('not %j', (value) => {
    expect(matches(value)).toBe(false);
  });
});
