/**
 * The line `npm ci` ends with in a checkout of Cairn when npm itself runs on a Node older than 24
 * (scripts/npm-node-notice.mjs, the prepare script): what npm's EBADENGINE warnings mean there, or what is missing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { npmNodeNotice } from '../../scripts/npm-node-notice.mjs';

const root = resolve(import.meta.dirname, '../..');
const npm20 = 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false';

test('npm on Node 20, the commands on the pinned Node 24: one line saying the warnings are about the Node npm runs on', () => {
  expect(npmNodeNotice({ userAgent: npm20, command: 'ci', runtime: '24.21.0' })).toBe(
    "Cairn: npm runs on Node 20.20.2, so its EBADENGINE warnings above are true of that Node; Cairn's commands (npm run …, npx cairn) run on Node 24.21.0, installed in node_modules as a dev dependency. Nothing to do.",
  );
});

test('npm on Node 20 and no Node 24 installed: the line says so, with what to run', () => {
  expect(npmNodeNotice({ userAgent: npm20, command: 'install', runtime: '20.20.2' })).toBe(
    "Cairn: npm runs on Node 20.20.2, and the Node 24 that Cairn's commands run on was not installed (its install script did not run): run `npm rebuild node`, or install Node 24 and run `npm ci` with it.",
  );
});

test('nothing to say when npm runs on Node 24, on a pack or publish, or without a user agent', () => {
  expect(npmNodeNotice({ userAgent: 'npm/11.19.1 node/v24.21.0 linux x64 workspaces/false', command: 'ci', runtime: '24.21.0' })).toBeNull();
  expect(npmNodeNotice({ userAgent: npm20, command: 'pack', runtime: '24.21.0' })).toBeNull();
  expect(npmNodeNotice({ userAgent: undefined, command: 'ci', runtime: '24.21.0' })).toBeNull();
});

test('package.json runs it as prepare (npm runs no prepare for a package installed from the registry), and it prints its line', () => {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.prepare).toBe('node scripts/npm-node-notice.mjs');
  const run = spawnSync(process.execPath, [join(root, 'scripts/npm-node-notice.mjs')], {
    env: { PATH: process.env.PATH, npm_config_user_agent: npm20, npm_command: 'ci' },
    encoding: 'utf8',
  });
  expect([run.status, run.stdout, run.stderr]).toEqual([0, `${npmNodeNotice({ userAgent: npm20, command: 'ci', runtime: process.versions.node })}\n`, '']);
});
