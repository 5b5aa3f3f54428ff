import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { resolveSettings, settingsEnv } from '../../../src/core/pipeline/settings.ts';
import { defaultReading } from '../../../src/core/config/reading.ts';

function repository(config: object | null): string {
  const repo = mkdtempSync(join(tmpdir(), 'cairn-settings-'));
  mkdirSync(join(repo, 'docs/deep'), { recursive: true });
  if (config) writeFileSync(join(repo, 'cairn.config.json'), JSON.stringify(config));
  return repo;
}

describe('resolveSettings', () => {
  test('the config is found from a folder below it; its paths are relative to it', () => {
    const repo = repository({
      content: 'docs/project-history',
      hooks: ['.swarm/memory.db', '.claude-flow/metrics/*.json'],
      out: 'site',
      site: 'https://owner.github.io',
      base: '/repo/',
    });
    const cwd = join(repo, 'docs/deep');
    expect(resolveSettings({}, cwd, {})).toEqual({
      settings: {
        configPath: join(repo, 'cairn.config.json'),
        content: join(repo, 'docs/project-history'),
        contentFrom: 'config',
        out: join(repo, 'site'),
        outFrom: `"out" at ${displayPath(join(repo, 'cairn.config.json'))}:1:100`,
        hooks: [join(repo, '.swarm/memory.db'), join(repo, '.claude-flow/metrics/*.json')],
        site: 'https://owner.github.io',
        base: '/repo/',
        asOf: null,
        at: null,
        tags: null,
        title: null,
        gates: null,
        keep: [],
        allowOutside: [],
        reading: defaultReading,
        repoRoot: null,
      },
      issues: [],
    });
  });

  test('flags override the environment, the environment overrides the config; flag paths are relative to the working folder', () => {
    const repo = repository({ content: 'docs/project-history', asOf: '2025-10-25T18:00:00Z', base: '/repo/' });
    const cwd = join(repo, 'docs');
    const { settings } = resolveSettings({ content: 'other', asOf: '2025-11-01T00:00:00Z' }, cwd, {
      CAIRN_AS_OF: '2025-10-30T00:00:00Z',
      BASE: '/env/',
      CAIRN_CONTENT: 'ignored',
    });
    expect([settings!.content, settings!.asOf, settings!.base, settings!.out]).toEqual([
      join(cwd, 'other'),
      '2025-11-01T00:00:00Z',
      '/env/',
      join(cwd, 'dist'),
    ]);
    expect(resolveSettings({}, cwd, { CAIRN_CONTENT: 'from-env' }).settings!.content).toBe(join(cwd, 'from-env'));
  });

  test('defaults for a project site (the GitHub Action) yield to the config, and apply without one', () => {
    const env = { CAIRN_DEFAULT_SITE: 'https://owner.github.io', CAIRN_DEFAULT_BASE: '/repo/' };
    expect(resolveSettings({}, repository({ base: '/docs/' }), env).settings).toMatchObject({ site: 'https://owner.github.io', base: '/docs/' });
    expect(resolveSettings({}, repository(null), env).settings).toMatchObject({ site: 'https://owner.github.io', base: '/repo/' });
  });

  test('without a config: ./content and ./dist of the working folder', () => {
    const repo = repository(null);
    expect(resolveSettings({}, repo, {}).settings).toMatchObject({ configPath: null, content: join(repo, 'content'), out: join(repo, 'dist'), hooks: [] });
  });

  test('a named config that is missing, or broken, gives issues and no settings', () => {
    const repo = repository({ out: 7 });
    expect(resolveSettings({ config: 'nope.json' }, repo, {}).issues.map((issue) => issue.message)).toEqual(['The config file does not exist.']);
    const broken = resolveSettings({}, repo, {});
    expect([broken.settings, broken.issues.map((issue) => [issue.line, issue.column, issue.severity])]).toEqual([null, [[1, 8, 'error']]]);
  });

  test('the environment a build runs with', () => {
    const repo = repository({ content: 'docs', title: 'Riptide' });
    expect(settingsEnv(resolveSettings({}, repo, {}).settings!)).toEqual({
      CAIRN_CONTENT: join(repo, 'docs'),
      CAIRN_CONTENT_FROM: 'config',
      CAIRN_OUT_DIR: join(repo, 'dist'),
      CAIRN_CONFIG: join(repo, 'cairn.config.json'),
      CAIRN_TITLE: 'Riptide',
    });
  });
});
