/** Builds HookEvents for tests of matching, status and activity: only the fields a test sets, the rest null. */
import type { HookEvent } from '../../src/core/schema/model.ts';

let counter = 0;

/** An event with a unique id; `order` counts up with each call, so events built in sequence keep their order. */
export function hookEvent(fields: Partial<HookEvent> & Pick<HookEvent, 'kind'>): HookEvent {
  counter += 1;
  return {
    id: `event-${counter}`,
    time: null,
    timeSource: fields.time ? 'value' : 'none',
    order: counter,
    session: null,
    taskRef: null,
    description: null,
    agent: null,
    file: null,
    memoryKey: null,
    message: null,
    level: null,
    status: null,
    durationMs: null,
    data: {},
    source: { format: 'claude-flow-sqlite', path: 'hooks/memory.db', namespace: null, key: null, row: counter },
    ...fields,
  };
}
