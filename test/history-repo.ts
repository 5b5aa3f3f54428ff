/**
 * A team's repository with three weeks of work and nothing else to date it: no hook logs, no snapshots/, no dates in
 * the task files. Three phases in three formats, each changed the way its tool changes it: a Spec Kit feature whose
 * tasks.md checkboxes are ticked, a free-form phase whose task files' bold `**Status:**` lines move from Pending to
 * Complete, and a board of status folders whose files move from backlog/ to in_progress/ to completed/. Two tags,
 * v1.0.0 and v1.1.0. Every commit has its own author and time, so each date on the site can be traced to one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One commit of the script: when, by whom, and what it changes in the work tree. */
interface Step {
  time: string;
  author: string;
  message: string;
  change: (work: Work) => void;
  tag?: string;
}

interface Work {
  write(path: string, text: string): void;
  edit(path: string, from: string | RegExp, to: string): void;
  move(from: string, to: string): void;
}

const specTasks = `# Tasks: Checkout flow

**Input**: Design documents from \`/specs/001-checkout/\`

## Phase 1: Setup

- [ ] T001 Create the checkout module in src/checkout/
- [ ] T002 [P] Add the payment provider client in src/checkout/pay.ts

## Phase 2: User Story 1 - Pay for a basket (Priority: P1)

- [ ] T003 [US1] Show the basket total in src/checkout/total.tsx
- [ ] T004 [US1] Send the payment in src/checkout/send.ts
`;

const freeTask = (id: string, title: string, status: string, dependsOn: string) => `# Task ${id}: ${title}

**Agent:** backend-dev
**Estimate:** 2 days
**Dependencies:** ${dependsOn}
**Status:** ${status}

## Objectives

- ${title}
`;

const boardTask = (id: string, title: string) => `---
id: ${id}
title: "${title}"
priority: high
---

# ${id}: ${title}

What is to be done, in a sentence.
`;

/** The commits, oldest first, from Monday 2 March 2026 to Friday 20 March 2026. */
export const HISTORY: readonly Step[] = [
  {
    time: '2026-03-02T09:00:00Z',
    author: 'Ada Park',
    message: 'Plan the checkout, the search phase and the board',
    change: (work) => {
      work.write('specs/001-checkout/spec.md', '# Feature: Checkout flow\n\nA customer pays for a basket.\n');
      work.write('specs/001-checkout/plan.md', '# Plan: Checkout flow\n\nOne module, one provider.\n');
      work.write('specs/001-checkout/tasks.md', specTasks);
      work.write('work/phases/phase-2/README.md', '# Phase 2: Search\n\n**Coordinator:** Ada Park\n\n## Objectives\n\n- Search the catalogue\n');
      work.write('work/phases/phase-2/task-2.1-index.md', freeTask('2.1', 'Build the search index', 'Pending', 'None'));
      work.write('work/phases/phase-2/task-2.2-query.md', freeTask('2.2', 'Answer search queries', 'Pending', '2.1'));
      work.write('work/phases/board/backlog/TASK-001-login.md', boardTask('TASK-001', 'Log in with a passkey'));
      work.write('work/phases/board/backlog/TASK-002-logout.md', boardTask('TASK-002', 'Log out everywhere'));
    },
  },
  {
    time: '2026-03-04T14:30:00Z',
    author: 'Ben Osei',
    message: 'Start the index, the checkout module and the login',
    change: (work) => {
      work.edit('specs/001-checkout/tasks.md', '- [ ] T001', '- [x] T001');
      work.edit('work/phases/phase-2/task-2.1-index.md', '**Status:** Pending', '**Status:** In Progress');
      work.move('work/phases/board/backlog/TASK-001-login.md', 'work/phases/board/in_progress/TASK-001-login.md');
    },
  },
  {
    time: '2026-03-09T10:15:00Z',
    author: 'Ada Park',
    message: 'Index built; queries started; payment client in',
    tag: 'v1.0.0',
    change: (work) => {
      work.edit('specs/001-checkout/tasks.md', '- [ ] T002', '- [x] T002');
      work.edit('work/phases/phase-2/task-2.1-index.md', '**Status:** In Progress', '**Status:** Complete');
      work.edit('work/phases/phase-2/task-2.2-query.md', '**Status:** Pending', '**Status:** In Progress');
    },
  },
  {
    time: '2026-03-13T16:45:00Z',
    author: 'Ben Osei',
    message: 'Login done; a task for receipts',
    change: (work) => {
      work.edit('specs/001-checkout/tasks.md', /\n$/, '\n- [ ] T005 [US1] Email the receipt in src/checkout/receipt.ts\n');
      work.move('work/phases/board/in_progress/TASK-001-login.md', 'work/phases/board/completed/TASK-001-login.md');
    },
  },
  {
    time: '2026-03-18T11:00:00Z',
    author: 'Ada Park',
    message: 'Totals and receipts; queries answered',
    change: (work) => {
      work.edit('specs/001-checkout/tasks.md', '- [ ] T003', '- [x] T003');
      work.edit('specs/001-checkout/tasks.md', '- [ ] T005', '- [x] T005');
      work.edit('work/phases/phase-2/task-2.2-query.md', '**Status:** In Progress', '**Status:** Complete');
    },
  },
  {
    time: '2026-03-20T15:20:00Z',
    author: 'Ben Osei',
    message: 'Payment sent; log out everywhere',
    tag: 'v1.1.0',
    change: (work) => {
      work.edit('specs/001-checkout/tasks.md', '- [ ] T004', '- [x] T004');
      work.move('work/phases/board/backlog/TASK-002-logout.md', 'work/phases/board/completed/TASK-002-logout.md');
    },
  },
];

/** Makes the repository in `dir` (which must be empty or missing), with `HISTORY` up to `upTo` commits; the content roots are `work/` (the free-form phase and the board) and `specs/` (the Spec Kit feature). */
export function makeHistoryRepo(dir: string, upTo = HISTORY.length): string {
  mkdirSync(dir, { recursive: true });
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  git(['init', '--quiet', '--initial-branch=main']);
  const work: Work = {
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    edit: (path, from, to) => {
      const before = readFileSync(join(dir, path), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`${path} has no ${String(from)}`);
      writeFileSync(join(dir, path), after);
    },
    move: (from, to) => {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      renameSync(join(dir, from), join(dir, to));
    },
  };
  for (const step of HISTORY.slice(0, upTo)) {
    step.change(work);
    const email = `${step.author.split(' ')[0]!.toLowerCase()}@example.com`;
    const env = {
      GIT_AUTHOR_NAME: step.author,
      GIT_AUTHOR_EMAIL: email,
      GIT_AUTHOR_DATE: step.time,
      GIT_COMMITTER_NAME: step.author,
      GIT_COMMITTER_EMAIL: email,
      GIT_COMMITTER_DATE: step.time,
    };
    git(['add', '--all'], env);
    git(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', step.message], env);
    if (step.tag) git(['-c', 'tag.gpgsign=false', 'tag', '-a', step.tag, '-m', `Release ${step.tag}`], env);
  }
  return dir;
}
