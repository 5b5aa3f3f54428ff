/**
 * Cairn's own event format, for teams that write their own hook scripts: one JSON object per line (NDJSON).
 * The schema below is the contract; schemas/cairn-event.schema.json is generated from it (`npm run schemas`).
 *
 *   {"kind":"task.start","time":"2025-10-23T08:30:00Z","task":"7.1","agent":"cicd-engineer"}
 *   {"kind":"notify","time":"2025-10-23T09:10:00Z","task":"7.1","message":"sccache installed","level":"info"}
 */
import { z } from 'zod';
import { createImport } from './import-result.ts';
import { type ImportResult } from '../schema/package-files.ts';
import { HookEventKindSchema, type HookFormat } from '../schema/model.ts';

export const format: HookFormat = 'cairn-ndjson';

/** One line of a Cairn event log. */
export const CairnEventLineSchema = z
  .object({
    kind: HookEventKindSchema.describe('What happened.'),
    time: z.iso.datetime({ offset: true }).describe('When, as ISO 8601 with a time zone, e.g. 2025-10-23T08:30:00Z.'),
    task: z.string().min(1).optional().describe('The task: its id ("7.1"), a task id such as "task-7.1-build-infra", or its description.'),
    agent: z.string().min(1).optional().describe('The agent that reports, e.g. "cicd-engineer".'),
    session: z.string().min(1).optional().describe('A session id, to group events.'),
    file: z.string().min(1).optional().describe('The file edited (kind "edit").'),
    memoryKey: z.string().min(1).optional().describe('The memory key written, e.g. "phase7/build_infra/status".'),
    message: z.string().optional().describe('Free text (kind "notify"), or the value written (kind "memory.set").'),
    level: z.string().min(1).optional().describe('Notification level: info, success, warning, error.'),
    status: z.string().min(1).optional().describe('A status: pending, in_progress, complete, blocked (kinds "memory.set", "task.end").'),
    durationMs: z.number().nonnegative().optional().describe('Duration in milliseconds (kind "task.end").'),
  })
  .describe('One Cairn hook event: a single line of a .ndjson file in a phase\'s hooks/ folder.');
export type CairnEventLine = z.output<typeof CairnEventLineSchema>;

/** The JSON Schema of one line, as committed in schemas/cairn-event.schema.json. */
export function cairnEventJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CairnEventLineSchema);
}

/** Text whose first non-empty line is a JSON object with a "kind" field. */
export function matchesText(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '');
  if (!first) return false;
  try {
    const value = JSON.parse(first) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && 'kind' in value;
  } catch {
    return false;
  }
}

/**
 * Reads every line; a line that is not valid JSON or breaks the schema is skipped with the reason and its number. A
 * line that repeats an earlier event exactly (a hook that fired twice, a log appended to itself) is skipped too, so
 * the event is counted once; one warning per file says how many.
 */
export function readText(text: string, path: string): ImportResult {
  const collector = createImport(format, path);
  const seen = new Map<string, number>(); // line text → first line number
  const repeats: [line: number, first: number][] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    collector.record();
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      collector.warn(`line ${line}: not valid JSON`);
      return collector.skip('line is not valid JSON');
    }
    const parsed = CairnEventLineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // zod says "expected string, received undefined" for a field left out: say "missing".
      const reason = issue?.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)') ?? 'invalid';
      collector.warn(`line ${line}: ${issue?.path.join('.') || 'event'}: ${reason}`);
      return collector.skip('line does not match the Cairn event schema');
    }
    const first = seen.get(raw.trim());
    if (first !== undefined) {
      repeats.push([line, first]);
      return collector.skip('repeats an earlier line exactly');
    }
    seen.set(raw.trim(), line);
    const event = parsed.data;
    collector.event(
      {
        kind: event.kind,
        time: new Date(event.time).toISOString(),
        timeSource: 'value',
        order: line,
        taskRef: event.task ?? null,
        agent: event.agent ?? null,
        session: event.session ?? null,
        file: event.file ?? null,
        memoryKey: event.memoryKey ?? null,
        message: event.message ?? null,
        level: event.level ?? null,
        status: event.status ?? null,
        durationMs: event.durationMs ?? null,
      },
      { namespace: null, key: event.kind, row: line },
    );
  });
  const [repeat] = repeats;
  if (repeat) collector.warn(`${repeats.length} line(s) repeat an earlier event exactly (first: line ${repeat[0]} = line ${repeat[1]}); each event was imported once.`);
  return collector.finish();
}
