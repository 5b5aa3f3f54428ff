/**
 * `cairn init` into folders that are not plain empty ones: a folder on the way that is a link out of the target, a
 * link at a file's place, a file where a folder goes, a read-only folder. Each is refused with a clear message (one
 * line where it is the folder itself), nothing is written anywhere, and no stack trace is shown.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cleanEnv } from '../sites.ts';

const bin = resolve('bin/cairn.mjs');
const temp = mkdtempSync(join(tmpdir(), 'cairn-init-target-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function init(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, 'init', ...args], { cwd, env: { ...cleanEnv(), NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file and link under `dir`, relative to it. */
const listed = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).toSorted();

/** A fresh folder under the temporary one, holding `elsewhere/` (outside the target) and `target/`. */
function place(name: string): { target: string; elsewhere: string } {
  const target = join(temp, name, 'target');
  const elsewhere = join(temp, name, 'elsewhere');
  mkdirSync(target, { recursive: true });
  mkdirSync(elsewhere, { recursive: true });
  return { target, elsewhere };
}

test('a folder on the way that is a link out of the target is refused, naming the link; nothing is written on either side', () => {
  const { target, elsewhere } = place('link-out');
  symlinkSync('../elsewhere', join(target, 'coordination'));
  const run = init(target);
  expect([run.status, run.stdout, run.stderr]).toEqual([
    1,
    '',
    'Nothing was written: coordination is a link to ../elsewhere, outside the folder cairn init writes to (.).\n  hint: remove the link, or run `cairn init` in the folder it leads to.\n',
  ]);
  expect([listed(target), listed(elsewhere)]).toEqual([['coordination'], []]);
});

test('the same link named from above the target, and a link deeper down (.github/workflows)', () => {
  const { target, elsewhere } = place('link-deep');
  mkdirSync(join(target, '.github'));
  symlinkSync(elsewhere, join(target, '.github/workflows'));
  const run = init(join(target, '..'), 'target');
  expect([run.status, run.stderr]).toEqual([
    1,
    'Nothing was written: target/.github/workflows is a link to elsewhere, outside the folder cairn init writes to (target).\n  hint: remove the link, or run `cairn init` in the folder it leads to.\n',
  ]);
  expect(listed(elsewhere)).toEqual([]);
});

test('a link that stays inside the target is written through', () => {
  const { target } = place('link-in');
  mkdirSync(join(target, 'docs/coordination'), { recursive: true });
  symlinkSync('docs/coordination', join(target, 'coordination'));
  const run = init(target);
  expect(run.status, run.stderr).toBe(0);
  expect(listed(join(target, 'docs/coordination'))).toEqual([
    'phases',
    'phases/phase-1',
    'phases/phase-1/README.md',
    'phases/phase-1/baseline-metrics.json',
    'phases/phase-1/task-1.1-build-setup.md',
    'phases/phase-1/task-1.2-test-harness.md',
  ]);
});

test("a link to nothing at a file's place is a file that exists; a file where a folder goes is refused", () => {
  const { target, elsewhere } = place('file-places');
  symlinkSync(join(elsewhere, 'config.json'), join(target, 'cairn.config.json'));
  const dangling = init(target);
  expect([dangling.status, dangling.stderr]).toEqual([
    1,
    'Nothing was written: this file exists in .:\n  cairn.config.json\n  hint: run `cairn init <empty folder>`, or move the files away first.\n',
  ]);
  expect(listed(elsewhere)).toEqual([]);
  rmSync(join(target, 'cairn.config.json'));
  writeFileSync(join(target, 'coordination'), 'notes\n');
  const file = init(target);
  expect([file.status, file.stderr]).toEqual([
    1,
    'Nothing was written: this file exists in .:\n  coordination (a file, not a folder)\n  hint: run `cairn init <empty folder>`, or move the files away first.\n',
  ]);
});

test('a target that is a file is one line', () => {
  const { target } = place('target-file');
  writeFileSync(join(target, 'notes.md'), '# Notes\n');
  const run = init(target, 'notes.md');
  expect([run.status, run.stderr]).toEqual([1, 'Nothing was written: notes.md is not a folder.\n']);
});

/** Makes `dir` read-only, as a read-only disk is (root ignores permission bits); null where mounts cannot be made. */
function readOnly(dir: string): (() => void) | null {
  if (spawnSync('mount', ['--bind', dir, dir]).status !== 0) return null;
  if (spawnSync('mount', ['-o', 'remount,ro,bind', dir]).status !== 0) {
    spawnSync('umount', [dir]);
    return null;
  }
  return () => void spawnSync('umount', [dir]);
}

test('a read-only folder (EROFS), or one without write permission (EACCES), is one line without a stack trace', (context) => {
  const { target } = place('read-only');
  const release = readOnly(target);
  // Root writes anywhere whatever the permission bits: without a read-only mount there is nothing to test as root.
  if (!release && process.getuid?.() === 0) return context.skip();
  if (!release) spawnSync('chmod', ['555', target]);
  try {
    const run = init(target, 'sub/project');
    const reason = release ? 'the file system is read-only, EROFS' : 'permission denied, EACCES';
    expect([run.status, run.stdout, run.stderr]).toEqual([1, '', `Nothing was written: the folder . cannot be written (${reason}).\n`]);
  } finally {
    release?.();
  }
  expect(listed(target)).toEqual([]);
});
