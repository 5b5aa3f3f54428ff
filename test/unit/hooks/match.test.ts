import { describe, expect, test } from 'vitest';
import { matchEvents } from '../../../src/core/model/match.ts';
import type { HookEvent } from '../../../src/core/schema/model.ts';
import { hookEvent } from '../hook-event.ts';

/** The seed's Phase 7. Only 7.1 declares Memory Storage keys (one in a folder of its own); the others get theirs from the file name. */
const tasks = [
  {
    id: '7.1',
    slug: 'task-7.1-build-infra',
    title: 'Build Infrastructure',
    memoryKeys: ['phase7/build_infra/status', 'swarm/cicd/sccache'],
    phaseId: 'phase-7',
  },
  { id: '7.2', slug: 'task-7.2-config-system', title: 'Configuration System', memoryKeys: [], phaseId: 'phase-7' },
  { id: '7.3', slug: 'task-7.3-code-quality', title: 'Code Quality', memoryKeys: [], phaseId: 'phase-7' },
  { id: '7.4', slug: 'task-7.4-release-prep', title: 'Release Preparation', memoryKeys: [], phaseId: 'phase-7' },
];

const event = hookEvent;
const matchOne = (fields: Partial<HookEvent> & Pick<HookEvent, 'kind'>) => {
  const one = event(fields);
  return matchEvents(tasks, [one]).byEvent.get(one.id) ?? null;
};

describe('the name a task file gives its memory keys and messages', () => {
  test.each([
    ['task-7.1-build-infra', '7.1', 'build_infra'],
    ['task-7.4-release-prep', '7.4', 'release_prep'],
    ['task_7.2_config-system', '7.2', 'config_system'],
    ['task-T3-docs', 'T3', 'docs'],
    ['task-7.3', '7.3', ''],
  ])('%s (id %s) → %j', (slug, id, name) => {
    const task = { id, slug, title: 'Some work', memoryKeys: [], phaseId: 'phase-7' };
    const [byKey, byMessage] = [event({ kind: 'memory.set', memoryKey: `phase7/${name}/status` }), event({ kind: 'notify', message: `${name}: done` })];
    const { byEvent } = matchEvents([task], [byKey, byMessage]);
    // A file name that is the id alone gives no name: neither event names the task.
    expect([byEvent.get(byKey.id) ?? null, byEvent.get(byMessage.id) ?? null]).toEqual(
      name === ''
        ? [null, null]
        : [
            { taskId: id, rule: 'memory-key' },
            { taskId: id, rule: 'message' },
          ],
    );
  });

  test('declared key folders, then phase7/<name>/ and phase7/<id>/ from the file name', () => {
    const folders: [string, string[]][] = [
      ['7.1', ['phase7/build_infra/', 'swarm/cicd/', 'phase7/7.1/']],
      ['7.2', ['phase7/config_system/', 'phase7/7.2/']],
      ['7.3', ['phase7/code_quality/', 'phase7/7.3/']],
      ['7.4', ['phase7/release_prep/', 'phase7/7.4/']],
    ];
    for (const [taskId, prefixes] of folders)
      for (const prefix of prefixes) expect(matchOne({ kind: 'memory.set', memoryKey: `${prefix}x` }), prefix).toEqual({ taskId, rule: 'memory-key' });
    expect(matchOne({ kind: 'memory.set', memoryKey: 'phase7/docs/x' })).toBeNull();
  });
});

describe('matchEvents: one event, one rule', () => {
  test.each([
    ['post-task key reference', { kind: 'task.end', taskRef: 'task-7.1-build-infra' }, { taskId: '7.1', rule: 'task-ref' }],
    ['reference by slug, any case', { kind: 'task.end', taskRef: 'TASK-7.3-Code-Quality' }, { taskId: '7.3', rule: 'task-ref' }],
    ['reference that names the id', { kind: 'task.end', taskRef: '7.2' }, { taskId: '7.2', rule: 'task-ref' }],
    [
      'description with the id',
      { kind: 'task.start', taskRef: 'task-1', description: 'Task 7.1: Build Infrastructure' },
      { taskId: '7.1', rule: 'description' },
    ],
    ['description with the title only', { kind: 'task.start', description: 'Configuration System' }, { taskId: '7.2', rule: 'description' }],
    ['description "Task: <title>"', { kind: 'task.start', description: 'Task: release  preparation!' }, { taskId: '7.4', rule: 'description' }],
    ['declared Memory Storage folder', { kind: 'edit', memoryKey: 'swarm/cicd/sccache' }, { taskId: '7.1', rule: 'memory-key' }],
    ['folder from the file name', { kind: 'edit', memoryKey: 'phase7/build_infra/target_dir' }, { taskId: '7.1', rule: 'memory-key' }],
    ['folder from the file name, no declared keys', { kind: 'memory.set', memoryKey: 'phase7/config_system/status' }, { taskId: '7.2', rule: 'memory-key' }],
    ['id folder', { kind: 'memory.set', memoryKey: 'phase7/7.4/status' }, { taskId: '7.4', rule: 'memory-key' }],
    ['nested key under a task folder', { kind: 'memory.set', memoryKey: 'phase7/release_prep/notes/draft' }, { taskId: '7.4', rule: 'memory-key' }],
    ['message led by the key name', { kind: 'notify', message: 'build_infra: sccache installed (10GB cap)' }, { taskId: '7.1', rule: 'message' }],
    ['message led by the id', { kind: 'notify', message: '7.1: CI cache wired' }, { taskId: '7.1', rule: 'message' }],
    ['message led by "Task <id>"', { kind: 'notify', message: 'Task 7.3: clippy clean' }, { taskId: '7.3', rule: 'message' }],
    [
      'the reference wins over the other fields',
      { kind: 'notify', taskRef: 'task-7.3-code-quality', memoryKey: 'phase7/build_infra/status', message: 'config_system: x' },
      { taskId: '7.3', rule: 'task-ref' },
    ],
    [
      'the memory key wins over the message',
      { kind: 'edit', memoryKey: 'phase7/code_quality/clippy', message: 'build_infra: x' },
      { taskId: '7.3', rule: 'memory-key' },
    ],
  ] as const)('%s', (_name, fields, expected) => {
    expect(matchOne(fields)).toEqual(expected);
  });

  test.each([
    ['a made-up id never started', { kind: 'task.end', taskRef: 'task-1795523619627-vquslt32a' }],
    ['an unknown title', { kind: 'task.start', description: 'Deploy the docs' }],
    ['a key of no task folder', { kind: 'edit', memoryKey: 'phase7/status' }],
    ['a key outside the phase', { kind: 'edit', memoryKey: 'swarm/coder/device-binding-green' }],
    ['a message with no lead word', { kind: 'notify', message: 'sccache installed' }],
    ['a lead word of no task', { kind: 'notify', message: 'docs: updated' }],
    ['an id of another phase', { kind: 'notify', message: '8.1: started' }],
  ] as const)('no match: %s', (_name, fields) => {
    expect(matchOne(fields)).toBeNull();
  });
});

describe('matchEvents: a whole log', () => {
  test('a made-up id is learned from its start, and matches the end even when the end comes first in the input', () => {
    const end = event({ kind: 'task.end', taskRef: 'task-1795523619627-vquslt32a', status: 'completed' });
    const start = event({ kind: 'task.start', taskRef: 'task-1795523619627-vquslt32a', description: 'Task 7.1: Build Infrastructure' });
    const { byEvent, unmatched } = matchEvents(tasks, [end, start]);
    expect([byEvent.get(start.id), byEvent.get(end.id), unmatched]).toEqual([{ taskId: '7.1', rule: 'description' }, { taskId: '7.1', rule: 'task-ref' }, []]);
  });

  test('unmatched task events are kept in input order; session, metrics and command events are never unmatched', () => {
    const events = [
      event({ kind: 'notify', message: 'first: nobody' }),
      event({ kind: 'session.end', session: 'session-1' }),
      event({ kind: 'task.start', taskRef: 'task-999-x', description: 'Something else' }),
      event({ kind: 'metrics', session: 'session-1' }),
      event({ kind: 'task.end', taskRef: 'task-999-x' }),
      event({ kind: 'command', message: 'cargo build' }),
      event({ kind: 'edit', memoryKey: 'phase7/build_infra/sccache' }),
      event({ kind: 'memory.set', memoryKey: 'misc/note' }),
      event({ kind: 'session.restore' }),
      event({ kind: 'agent.spawn', agent: 'coder' }),
    ];
    const { byEvent, unmatched } = matchEvents(tasks, events);
    expect(unmatched.map((one) => one.id)).toEqual([events[0], events[2], events[4], events[7]].map((one) => one!.id));
    expect([...byEvent.entries()]).toEqual([[events[6]!.id, { taskId: '7.1', rule: 'memory-key' }]]);
  });

  test('the run 1 log: every task event finds its task', () => {
    const run1 = [
      event({ kind: 'task.start', taskRef: 'task-1795523619627-vquslt32a', description: 'Task 7.1: Build Infrastructure' }),
      event({ kind: 'task.start', taskRef: 'task-1795523623166-46t3s34oa', description: 'Task 7.2: Configuration System' }),
      event({ kind: 'edit', file: '.cargo/config.toml', memoryKey: 'phase7/build_infra/sccache' }),
      event({ kind: 'notify', message: 'config_system: schema draft done, see <script>alert(1)</script>' }),
      event({ kind: 'task.end', taskRef: 'task-7.1-build-infra' }),
      event({ kind: 'task.start', taskRef: 'task-1795523646585-hsxt4skrw', description: 'Task 7.4: Release Preparation' }),
      event({ kind: 'edit', file: 'CHANGELOG.md', memoryKey: 'phase7/release_prep/status' }),
      event({ kind: 'task.end', taskRef: 'task-7.3-code-quality' }),
    ];
    const { byEvent, unmatched } = matchEvents(tasks, run1);
    expect(run1.map((one) => byEvent.get(one.id)?.taskId)).toEqual(['7.1', '7.2', '7.1', '7.2', '7.1', '7.4', '7.4', '7.3']);
    expect(unmatched).toEqual([]);
  });
});
