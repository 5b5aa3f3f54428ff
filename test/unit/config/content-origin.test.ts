/**
 * A content folder (or another folder of the config) that is not there is reported where it was named: the config's
 * key at its line and column, the --content flag, CAIRN_CONTENT, or the default ./content; never a hint to set a
 * variable the team did not use.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { closestFolder, missingContentIssue } from '../../../src/core/io/content-origin.ts';
import { listPackageDirs } from '../../../src/core/io/read-package.ts';
import { resolveSettings, settingsEnv } from '../../../src/core/pipeline/settings.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A repository with docs/project-history/phases/ and `config` (as written), messages named from its folder. */
function repository(config: string | null): string {
  const repo = mkdtempSync(join(tmpdir(), 'cairn-content-origin-'));
  mkdirSync(join(repo, 'docs/project-history/phases'), { recursive: true });
  if (config !== null) writeFileSync(join(repo, 'cairn.config.json'), config);
  vi.stubEnv('CAIRN_CWD', repo);
  return repo;
}

/** The error reading the content gives in `dir`, with the variables the `cairn` command passes on, as validate prints it. */
function contentError(dir: string): string {
  const { settings } = resolveSettings({}, dir, {});
  vi.unstubAllEnvs();
  vi.stubEnv('CAIRN_CWD', dir);
  for (const [name, value] of Object.entries(settingsEnv(settings!))) vi.stubEnv(name, value);
  return listPackageDirs(settings!.content).issues.map(formatIssue).join('\n');
}

describe('a content folder that is not there', () => {
  test('named by the config: an error at the value of "content", with the folder it was likely meant to be', () => {
    const repo = repository('{\n  "content": "docs/project-histry",\n  "title": "Riptide"\n}\n');
    const { settings } = resolveSettings({}, repo, {});
    expect(missingContentIssue(settings!.content, settingsEnv(settings!))).toEqual({
      file: 'cairn.config.json',
      line: 2,
      column: 14,
      severity: 'error',
      message: '"content" names docs/project-histry, which does not exist, so there is no content to read. Did you mean docs/project-history?',
      hint: 'Paths in cairn.config.json are relative to it: set "content" to the folder that holds phases/ (or your tool\'s task folder, such as specs/ or .taskmaster/).',
    });
  });

  test('the config in a folder above: its path from here, and the value as written', () => {
    const repo = repository('{"content": "dosc/project-history"}');
    const { settings } = resolveSettings({}, join(repo, 'docs'), {});
    vi.stubEnv('CAIRN_CWD', join(repo, 'docs'));
    expect(formatIssue(missingContentIssue(settings!.content, settingsEnv(settings!))).split('\n')[0]).toBe(
      '../cairn.config.json:1:13 error "content" names dosc/project-history (../dosc/project-history from here), which does not exist, so there is no content to read. Did you mean docs/project-history?',
    );
  });

  test('a file where the folder should be is not a folder', () => {
    const repo = repository('{"content": "cairn.config.json"}');
    const { settings } = resolveSettings({}, repo, {});
    expect(missingContentIssue(settings!.content, settingsEnv(settings!)).message).toBe(
      '"content" names cairn.config.json, which is not a folder, so there is no content to read.',
    );
  });

  test('--content and CAIRN_CONTENT override the config and are named, not the config', () => {
    const repo = repository('{"content": "docs/project-history"}');
    const env = (flags: { content?: string }, vars: Record<string, string>) => {
      const { settings } = resolveSettings(flags, repo, vars);
      return missingContentIssue(settings!.content, settingsEnv(settings!));
    };
    expect(formatIssue(env({ content: 'docs/project-histroy' }, {}))).toBe(
      "--content:1:1 error The content folder docs/project-histroy (--content) does not exist. Did you mean docs/project-history?\n  hint: Give --content the folder that holds phases/ (or your tool's task folder, such as specs/ or .taskmaster/), relative to the folder the command runs in.",
    );
    expect(formatIssue(env({}, { CAIRN_CONTENT: 'elsewhere' }))).toBe(
      'elsewhere:1:1 error The content folder elsewhere (CAIRN_CONTENT) does not exist.\n  hint: Set CAIRN_CONTENT to the folder that holds phases/ (or your tool\'s task folder, such as specs/ or .taskmaster/), or unset it to read the "content" of cairn.config.json.',
    );
  });

  test('the default ./content: a config without "content" is named at its start; without a config, what to run', () => {
    const configured = repository('{"title": "Riptide"}');
    expect(contentError(configured).split('\n')[0]).toBe(
      'cairn.config.json:1:1 error cairn.config.json names no "content", and the default content folder content does not exist.',
    );
    const bare = repository(null);
    expect(contentError(bare)).toBe(
      'content:1:1 error The content folder content does not exist, and no cairn.config.json here or in a folder above names another.\n  hint: Run Cairn in your repository (where its cairn.config.json is), write a config with `cairn init`, or name the folder with --content.',
    );
  });

  test("without the command's word on where it came from (Cairn's scripts run directly), the variable they read is named", () => {
    const repo = repository(null);
    expect(missingContentIssue(join(repo, 'nope'), {}).hint).toBe(
      "Set CAIRN_CONTENT to the folder that holds phases/ (or your tool's task folder, such as specs/ or .taskmaster/).",
    );
  });
});

describe('closestFolder', () => {
  test('each missing step becomes the closest folder beside it; null when none is close or the result is not there', () => {
    const repo = repository(null);
    expect(closestFolder(join(repo, 'docs/project-histry'))).toBe(join(repo, 'docs/project-history'));
    expect(closestFolder(join(repo, 'Dosc/Project_History/phases'))).toBe(join(repo, 'docs/project-history/phases'));
    expect(closestFolder(join(repo, 'docs/roadmap'))).toBeNull();
    expect(closestFolder(join(repo, 'docs/project-history'))).toBeNull();
  });
});

describe("the config's other folders: a warning at the key when one is not there", () => {
  test('"allowOutside" and the fixed part of a "formats" glob', () => {
    const repo = repository(
      '{\n  "content": "docs/project-history",\n  "allowOutside": ["../shared-logs"],\n  "formats": {"docs/project-histroy/*": "spec-kit", "**/specs/*": "kiro"}\n}\n',
    );
    expect(resolveSettings({}, repo, {}).issues.map(formatIssue)).toEqual([
      'cairn.config.json:3:20 warning "allowOutside[0]" names ../shared-logs, which does not exist, so no hook log is read from it.\n  hint: Paths in cairn.config.json are relative to it: list the folder outside the repository that hook logs are read from.',
      'cairn.config.json:4:41 warning "formats" pins "docs/project-histroy/*", but docs/project-histroy does not exist, so no folder is read by it. Did you mean docs/project-history?\n  hint: Globs in "formats" are relative to cairn.config.json and match phase folders, e.g. "specs/**".',
    ]);
  });
});
