/** Spec Kit's dependency statements: edges only where a line pairs task ids; a phase's or a story's sentence names no task. */
import { describe, expect, test } from 'vitest';
import { specKitDependencyLines } from '../../../src/core/formats/task-lists.ts';

const text = `# Tasks: Route log

- [x] T001 Create the layout
- [ ] T002 Add the parser
- [ ] T003 Add the menu

## Dependencies

- **Foundational (Phase 2)**: Depends on Setup - BLOCKS all user stories
- **User Story 2 (P2)**: Depends on US5 and US1
- T003 depends on T001-T002 complete
- T002 requires a running database

\`\`\`text
T003 depends on T002
\`\`\`
`;

describe('specKitDependencyLines', () => {
  const ids = new Set(['T001', 'T002', 'T003']);
  test('a line pairing task ids is an edge, ranges expanded', () => {
    expect(Object.fromEntries(specKitDependencyLines(text, ids).found)).toEqual({ T003: { on: ['T001', 'T002'], raw: 'depends on T001-T002 complete' } });
  });
  test('sentences of a phase or a story, and a task that depends on no task, are left unread by line; a fenced example is not a statement', () => {
    expect(specKitDependencyLines(text, ids).unread).toEqual([9, 10, 12]);
  });
});
