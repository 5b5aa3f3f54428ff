/**
 * The reach of `hooks`: hook logs are read from the repository (or, without one, the config's folder) only, unless a
 * folder outside it is listed in `allowOutside`. A pattern that leads out of it, and a matched file or -wal that is a
 * link out of it, are errors at the config's `hooks` entry (or the --hooks flag); nothing outside is read.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { expandHookPatterns, hookPatternIssues, settingsReach } from '../../../src/core/io/hook-patterns.ts';
import { resolveSettings } from '../../../src/core/pipeline/settings.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';

const temp = mkdtempSync(join(tmpdir(), 'cairn-hook-reach-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;

/** A repository (with .git) holding cairn.config.json, and a private folder beside it holding a hook log. */
function layout(config: string | null, { git = true } = {}): { repo: string; outside: string } {
  const root = join(temp, String(count++));
  const repo = join(root, 'repo');
  const outside = join(root, 'private');
  mkdirSync(join(repo, 'docs'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  if (git) mkdirSync(join(repo, '.git'));
  writeFileSync(join(outside, 'events.ndjson'), '{"kind": "notify", "time": "2025-10-25T09:00:00Z", "message": "private"}\n');
  if (config !== null) writeFileSync(join(repo, 'cairn.config.json'), config);
  return { repo, outside };
}

/** The issues as `cairn` prints them, with the temporary folder's path shown as <tmp>. */
const printed = (issues: Parameters<typeof formatIssue>[0][]) => issues.map((issue) => formatIssue(issue).replaceAll(displayPath(temp), '<tmp>'));

describe('resolveSettings: hook patterns outside the repository', () => {
  test('"../private/*.ndjson" is an error at its line and column; the settings are kept, the command stops on the error', () => {
    const { repo } = layout('{\n  "content": "docs",\n  "hooks": [\n    ".swarm/memory.db",\n    "../private/*.ndjson"\n  ]\n}\n');
    const { settings, issues } = resolveSettings({}, join(repo, 'docs'), {});
    expect(settings?.repoRoot).toBe(repo);
    expect(printed(issues)).toEqual([
      `<tmp>/0/repo/cairn.config.json:5:5 error The hook log <tmp>/0/private/*.ndjson ("hooks[1]") is outside the repository (<tmp>/0/repo); Cairn does not read it.\n  hint: Hook logs are read from the repository only. Copy the logs into it, or list their folder in the config's "allowOutside" (e.g. "allowOutside": ["../shared-logs"]) to read them where they are.`,
    ]);
  });

  test('an absolute path outside is an error too; the same path is allowed once its folder is in "allowOutside"', () => {
    const { repo, outside } = layout(null);
    writeFileSync(join(repo, 'cairn.config.json'), JSON.stringify({ hooks: [join(outside, 'events.ndjson')] }));
    expect(resolveSettings({}, repo, {}).issues.map((issue) => [issue.line, issue.column, issue.message.replace(temp, '<tmp>')])).toEqual([
      [1, 11, expect.stringMatching(/^The hook log .*private\/events\.ndjson \("hooks\[0\]"\) is outside the repository \(/)],
    ]);
    writeFileSync(join(repo, 'cairn.config.json'), JSON.stringify({ hooks: [join(outside, 'events.ndjson')], allowOutside: ['../private'] }));
    const allowed = resolveSettings({}, repo, {});
    expect([allowed.issues, allowed.settings?.allowOutside]).toEqual([[], [outside]]);
  });

  test('a folder link out of the repository (".swarm" -> ../private) is followed and refused', () => {
    const { repo, outside } = layout('{"hooks": [".swarm/*.ndjson"]}');
    symlinkSync(outside, join(repo, '.swarm'));
    expect(printed(resolveSettings({}, repo, {}).issues)).toEqual([
      `<tmp>/2/repo/cairn.config.json:1:12 error The hook log <tmp>/2/repo/.swarm/*.ndjson ("hooks[0]") leads through a link to <tmp>/2/private, outside the repository (<tmp>/2/repo); Cairn does not read it.\n  hint: Hook logs are read from the repository only. Copy the logs into it, or list their folder in the config's "allowOutside" (e.g. "allowOutside": ["../shared-logs"]) to read them where they are.`,
    ]);
  });

  test("without a repository the config's folder is the boundary; without a config, the working folder", () => {
    const { repo } = layout('{"hooks": ["../private/events.ndjson"]}', { git: false });
    expect(resolveSettings({}, repo, {}).issues.map((issue) => issue.message.replaceAll(displayPath(temp), '<tmp>'))).toEqual([
      `The hook log <tmp>/3/private/events.ndjson ("hooks[0]") is outside the config's folder (<tmp>/3/repo); Cairn does not read it.`,
    ]);
    const bare = layout(null, { git: false });
    expect(printed(resolveSettings({ hooks: ['../private/*.ndjson'] }, bare.repo, {}).issues)).toEqual([
      `--hooks:1:1 error The hook log <tmp>/4/private/*.ndjson (--hooks) is outside the working folder (<tmp>/4/repo); Cairn does not read it.\n  hint: Hook logs are read from the working folder only. Copy the logs into it, or list their folder in the config's "allowOutside" (e.g. "allowOutside": ["../shared-logs"]) to read them where they are.`,
    ]);
  });

  test('paths inside the repository, globs and a link that stays inside are fine', () => {
    const { repo } = layout('{"hooks": [".swarm/memory.db", ".claude-flow/metrics/*.json", "**/*.ndjson", "logs/*.ndjson"]}');
    mkdirSync(join(repo, 'store'));
    symlinkSync('store', join(repo, 'logs'));
    expect(resolveSettings({}, repo, {}).issues).toEqual([]);
  });

  test('a path flag holding a control character is an error naming the flag and the code point', () => {
    const { repo } = layout('{}');
    expect(printed(resolveSettings({ out: 'di\nst', content: 'docs', hooks: ['a\u001b[31m.db'] }, repo, {}).issues)).toEqual([
      '--out:1:1 error The path given with --out holds a control character (U+000A), which a path Cairn reads or writes must not.\n  hint: Give the path as printable text.',
      '--hooks:1:1 error The path given with --hooks holds a control character (U+001B), which a path Cairn reads or writes must not.\n  hint: Give the path as printable text.',
    ]);
    expect(resolveSettings({ config: 'cairn.config.json\u0007' }, repo, {}).settings).toBeNull();
  });
});

describe('expandHookPatterns: matches that leave the repository', () => {
  test('a matched file that is a link out of the repository is an error and is not read; the rest are', () => {
    const { repo, outside } = layout('{\n  "hooks": ["logs/*.ndjson"]\n}\n');
    mkdirSync(join(repo, 'logs'));
    writeFileSync(join(repo, 'logs/own.ndjson'), '{}\n');
    symlinkSync(join(outside, 'events.ndjson'), join(repo, 'logs/leak.ndjson'));
    const settings = resolveSettings({}, repo, {}).settings!;
    const { files, issues } = expandHookPatterns(settings.hooks, settings.configPath, settingsReach(settings, repo));
    expect(files).toEqual([join(repo, 'logs/own.ndjson')]);
    expect(printed(issues)).toEqual([
      `<tmp>/7/repo/cairn.config.json:2:13 error The hook log <tmp>/7/repo/logs/leak.ndjson (matched by "hooks[0]") leads through a link to <tmp>/7/private/events.ndjson, outside the repository (<tmp>/7/repo); Cairn does not read it.\n  hint: Hook logs are read from the repository only. Copy the logs into it, or list their folder in the config's "allowOutside" (e.g. "allowOutside": ["../shared-logs"]) to read them where they are.`,
    ]);
    // Listed in allowOutside, the same link is read.
    expect(expandHookPatterns(settings.hooks, settings.configPath, { ...settingsReach(settings, repo), allowOutside: [outside] })).toEqual({
      files: [join(repo, 'logs/leak.ndjson'), join(repo, 'logs/own.ndjson')],
      issues: [],
    });
  });

  test("a database's -wal that is a link out of the repository is refused, the database itself read", () => {
    const { repo, outside } = layout('{"hooks": [".swarm/memory.db"]}');
    mkdirSync(join(repo, '.swarm'));
    writeFileSync(join(repo, '.swarm/memory.db'), 'SQLite format 3\u0000');
    writeFileSync(join(outside, 'memory.db-wal'), 'wal');
    symlinkSync(join(outside, 'memory.db-wal'), join(repo, '.swarm/memory.db-wal'));
    const settings = resolveSettings({}, repo, {}).settings!;
    const { files, issues } = expandHookPatterns(settings.hooks, settings.configPath, settingsReach(settings, repo));
    expect(files).toEqual([join(repo, '.swarm/memory.db')]);
    expect(issues.map((issue) => issue.message.replaceAll(displayPath(temp), '<tmp>'))).toEqual([
      `The hook log <tmp>/8/repo/.swarm/memory.db-wal (matched by "hooks[0]") leads through a link to <tmp>/8/private/memory.db-wal, outside the repository (<tmp>/8/repo); Cairn does not read it.`,
    ]);
  });

  test('a pattern is judged by its fixed part, the folder every match lies in', () => {
    const inside = (pattern: string, repoRoot: string) =>
      hookPatternIssues([pattern], null, settingsReach({ repoRoot, configPath: null, allowOutside: [] }, repoRoot)).length === 0;
    expect(inside('/r/.swarm/memory.db', '/r/.swarm/memory.db')).toBe(true);
    expect(inside('/r/.claude-flow/metrics/*.json', '/r/.claude-flow/metrics')).toBe(true);
    expect(inside('/r/logs/**/x-?.ndjson', '/r/logs')).toBe(true);
    expect(inside('/r/logs/**/x-?.ndjson', '/r/logs/a')).toBe(false);
    expect(inside('/*.db', '/r')).toBe(false);
    // "/r/a*" matches /r/ab as well as a folder of that very name: the matches lie anywhere under /r.
    expect(inside('/r/a*/x.json', '/r/a*')).toBe(false);
  });
});
