/**
 * The `cairn` command under an older Node: it finds the Node 24 a team installed (`npm install --save-dev node@24`)
 * in the node_modules that holds Cairn, and says what to do when there is none. Runs where an older Node is on the
 * machine (/usr/bin/node); elsewhere there is nothing to test.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const older = '/usr/bin/node';
const version = spawnSync(older, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim() ?? '';
const usable = Number(version.split('.')[0]) > 0 && Number(version.split('.')[0]) < 24;
const work = mkdtempSync(join(tmpdir(), 'cairn-bin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A team repository with Cairn installed (its command, and a stand-in for the compiled CLI that says which Node ran it). */
function team(name: string): string {
  const cairn = join(work, name, 'node_modules', 'cairn-reports');
  mkdirSync(join(cairn, 'bin'), { recursive: true });
  mkdirSync(join(cairn, 'cli'));
  copyFileSync(resolve(import.meta.dirname, '../../bin/cairn.mjs'), join(cairn, 'bin', 'cairn.mjs'));
  writeFileSync(join(cairn, 'cli', 'cli.mjs'), 'console.log(`ran on Node ${process.versions.node}`);\n');
  return cairn;
}

test.runIf(usable)("under an older Node, the Node 24 in the team's node_modules/.bin runs the command", () => {
  const cairn = team('with-node');
  mkdirSync(join(work, 'with-node', 'node_modules', '.bin'));
  symlinkSync(process.execPath, join(work, 'with-node', 'node_modules', '.bin', 'node'));
  const run = spawnSync(older, [join(cairn, 'bin', 'cairn.mjs'), 'build'], { encoding: 'utf8' });
  expect(run.stdout.trim()).toBe(`ran on Node ${process.versions.node}`);
  expect(run.status).toBe(0);
});

test.runIf(usable)('with no Node 24 anywhere, one line says what to install', () => {
  const cairn = team('without-node');
  const run = spawnSync(older, [join(cairn, 'bin', 'cairn.mjs'), 'build'], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toEqual([
    `Cairn needs Node 24 or newer, and this is Node ${version}: install Node 24 (or run \`npm install --save-dev node@24\` in this project) and run the command again.`,
  ]);
});
