/**
 * A repository for the history benchmark: one free-form phase of `tasks` task files and `commits` commits, an hour
 * apart, each changing one task file (every third moves its status a step: Pending → In Progress → Complete), written
 * with `git fast-import` (a few seconds for thousands of commits). Deterministic: the same arguments give the same
 * commits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const statuses = ['Pending', 'In Progress', 'Complete'] as const;

function taskFile(task: number, status: string, revision: number): string {
  return [
    `# Task 1.${task}: Part ${task} of the work`,
    '',
    '**Agent:** coder',
    `**Estimate:** ${1 + (task % 4)} days`,
    `**Dependencies:** ${task > 1 ? `1.${task - 1}` : 'None'}`,
    `**Status:** ${status}`,
    '',
    '## Objectives',
    '',
    `- Do part ${task} (revision ${revision})`,
    '',
  ].join('\n');
}

/** Writes the repository into `dir` (emptied first); its content root is `dir/content`. */
export function makeHistoryWorkspace(dir: string, { commits, tasks }: { commits: number; tasks: number }): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir });
  const state = Array.from({ length: tasks }, () => 0);
  const start = Date.parse('2025-01-06T09:00:00Z') / 1000;
  const file = (path: string, text: string) => `M 644 inline content/phases/phase-1/${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  let stream = '';
  for (let commit = 0; commit < commits; commit++) {
    const changes: string[] = [];
    if (commit === 0) {
      changes.push(file('README.md', '# Phase 1: History\n\n**Coordinator:** bench\n'));
      for (let task = 1; task <= tasks; task++) changes.push(file(`task-1.${task}.md`, taskFile(task, statuses[0], 0)));
    } else {
      const task = 1 + ((commit * 37) % tasks);
      if (commit % 3 === 0 && state[task - 1]! < statuses.length - 1) state[task - 1]! += 1;
      changes.push(file(`task-1.${task}.md`, taskFile(task, statuses[state[task - 1]!]!, commit)));
    }
    const message = `Change ${commit}`;
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.com> ${start + commit * 3600} +0000\ndata ${message.length}\n${message}\n${changes.join('')}\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '--quiet', 'main'], { cwd: dir });
  return join(dir, 'content');
}

/** One more commit: a line added to one task file, an hour after the last. */
export function addHistoryCommit(dir: string): void {
  const last = Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: dir, encoding: 'utf8' }).trim());
  const time = `${last + 3600} +0000`;
  const path = 'content/phases/phase-1/task-1.1.md';
  const text = `${execFileSync('git', ['show', `HEAD:${path}`], { cwd: dir, encoding: 'utf8' })}\nOne more line.\n`;
  const stream = `commit refs/heads/main\ncommitter Bench <bench@example.com> ${time}\ndata 8\nOne more\nfrom refs/heads/main^0\nM 644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
  execFileSync('git', ['reset', '--quiet', '--hard', 'main'], { cwd: dir });
}
