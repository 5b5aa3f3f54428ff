import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { expandHookPatterns } from '../../../src/core/io/hook-patterns.ts';
import { readHookFiles, readHookSources } from '../../../src/core/io/read-hooks.ts';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { resolveSettings, settingsEnv } from '../../../src/core/pipeline/settings.ts';
import { HookFormatSchema } from '../../../src/core/schema/model.ts';
import { detectBytes, hookFormatLabel } from '../../../src/core/hooks/formats.ts';
import { makeStore, type StoreCase } from '../../fixtures/hooks/claude-flow-v3-stores/make-stores.ts';
import { fixturePath } from '../fixtures.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A case's stores, written afresh into a temp folder. */
function store(name: StoreCase): string {
  const dir = mkdtempSync(join(tmpdir(), `cairn-v3-${name}-`));
  scratch.push(dir);
  makeStore(name, dir);
  return dir;
}

interface FileFacts {
  file: string;
  format: string;
  records: number;
  imported: number;
  skipped: number;
  skippedReasons: Record<string, number>;
  warnings: string[];
  events: Record<string, unknown>[];
}

const facts = (name: string) =>
  JSON.parse(readFileSync(fixturePath(`hooks/claude-flow-v3-stores/${name}/facts.json`), 'utf8')) as {
    files: FileFacts[];
    hooks?: string[];
    issue?: Record<string, unknown>;
  };

/** What a reader got from a folder, in the words of facts.json (the folder's shown path as "<dir>"). */
function got(dir: string): FileFacts[] {
  const shown = displayPath(dir);
  const swap = (text: string) => text.replaceAll(shown, '<dir>');
  return readHookSources(dir).map(({ report, events }) => ({
    file: relative(shown, report.path),
    format: report.format,
    records: report.records,
    imported: report.imported,
    skipped: report.skipped,
    skippedReasons: Object.fromEntries(Object.entries(report.skippedReasons).map(([reason, count]) => [swap(reason), count])),
    warnings: report.warnings.map(swap),
    events: events.map((event) => ({
      format: event.source.format,
      kind: event.kind,
      memoryKey: event.memoryKey,
      taskRef: event.taskRef,
      message: event.message,
      status: event.status,
      time: event.time,
      timeSource: event.timeSource,
      agent: event.agent,
      provenance: event.data.provenance ?? null,
    })),
  }));
}

describe('claude-flow v3 stores, against their hand-written facts', () => {
  test.each(['sqljs-with-agentdb', 'hybrid-v2-v3', 'encrypted'] as const)('%s', (name) => {
    const read = got(store(name));
    const expected = facts(name).files;
    expect(read.map(({ events, ...report }) => report)).toEqual(expected.map(({ events, ...report }) => report));
    // Each expected event field as written; fields a fact leaves out are not judged.
    read.forEach((file, at) => {
      expect(file.events).toHaveLength(expected[at]!.events.length);
      file.events.forEach((event, index) => expect(event).toMatchObject(expected[at]!.events[index]!));
    });
  });

  test('the stores are the same bytes each time they are written (reproducible fixtures)', () => {
    const hashes = (dir: string) =>
      readdirSync(join(dir, '.swarm'))
        .toSorted()
        .map((file) => [
          file,
          createHash('sha256')
            .update(readFileSync(join(dir, '.swarm', file)))
            .digest('hex'),
        ]);
    for (const name of ['sqljs-with-agentdb', 'hybrid-v2-v3', 'encrypted'] as const) {
      const first = hashes(store(name));
      // Written again in the next second of the clock: a column whose default is SQLite's "now" would differ.
      const second = Math.floor(Date.now() / 1000);
      while (Math.floor(Date.now() / 1000) === second) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      expect(hashes(store(name)), name).toEqual(first);
    }
  });

  test('sql.js leaves one whole file: no -wal beside memory.db, and the copy read leaves none either', () => {
    const dir = store('sqljs-with-agentdb');
    readHookSources(dir);
    expect(readdirSync(join(dir, '.swarm')).toSorted()).toEqual(['agentdb-memory.db', 'memory.db']);
  });

  test('a row in both stores is imported once whichever store is named first', () => {
    const dir = store('sqljs-with-agentdb');
    const results = readHookFiles([join(dir, '.swarm/memory.db'), join(dir, '.swarm/agentdb-memory.db')], dir);
    const keys = results.flatMap((result) => result.events.map((event) => event.memoryKey)).toSorted();
    expect(keys).toEqual([
      'notes/first-plan',
      'phase7/build_infra/status',
      'phase7/config_system/status',
      'phase7/release_prep/status',
      'task-7.3-code-quality',
    ]);
  });
});

describe('an encrypted store', () => {
  test('"RFE1" and nothing else is still an encrypted store, listed and never read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-rfe1-'));
    scratch.push(dir);
    writeFileSync(join(dir, 'memory.db'), 'RFE1');
    const [result] = readHookSources(dir);
    expect(result!.events).toEqual([]);
    expect(result!.report).toMatchObject({ format: 'claude-flow-v3-sqlite', records: 1, skipped: 1, skippedReasons: { 'encrypted: cannot be read': 1 } });
    expect(result!.report.warnings).toHaveLength(1);
  });

  test('the header test: RFE1 only at the start', () => {
    const refused = (text: string) => detectBytes(Buffer.from(text))?.read.by === 'refused';
    expect(refused('RFE1rest')).toBe(true);
    expect(refused('RFE')).toBe(false);
    expect(refused('xRFE1')).toBe(false);
    expect(refused('SQLite format 3\0')).toBe(false);
  });
});

describe('the one list of hook formats', () => {
  test('every format id Cairn reports but "unknown" is in the list: each is named by a label of its own', () => {
    expect(HookFormatSchema.options.filter((id) => hookFormatLabel(id) === id)).toEqual([]);
    expect(hookFormatLabel('unknown')).toBe('not a format Cairn reads');
  });

  test('first bytes: an encrypted store before SQLite, a WAL by its magic, text by nothing', () => {
    expect(detectBytes(Buffer.from('RFE1abcd'))?.read.by).toBe('refused');
    expect(detectBytes(Buffer.from('SQLite format 3\0'))?.read.by).toBe('database');
    expect(detectBytes(Buffer.from([0x37, 0x7f, 0x06, 0x83]))?.read.by).toBe('with-database');
    expect(detectBytes(Buffer.from('[{"a":1}]'))).toBeUndefined();
  });

  test('the data-quality page names each format in words', () => {
    expect(hookFormatLabel('claude-flow-v3-sqlite')).toContain('agentdb-memory.db');
    expect(hookFormatLabel('claude-flow-sqlite')).toContain('.swarm/memory.db');
    expect(hookFormatLabel('unknown')).toBe('not a format Cairn reads');
  });
});

describe('the hook store from claude-flow.config.json', () => {
  test('memory.persistPath names the store when cairn.config.json names no hooks, with a warning at the key', () => {
    const dir = store('persist-path');
    const expected = facts('persist-path');
    const { settings, issues } = resolveSettings({}, dir, {});
    const { files } = expandHookPatterns(settings!.hooks, settings!.configPath, { boundary: dir, name: 'the repository', allowOutside: [] });
    expect(files.map((file) => relative(dir, file))).toEqual(expected.hooks);
    expect(issues.map(({ file, line, column, severity }) => ({ file, line, column, severity }))).toEqual([
      { ...expected.issue, file: displayPath(join(dir, 'claude-flow.config.json')) },
    ]);
    expect(issues[0]!.message).toContain('hook store comes from claude-flow.config.json memory.persistPath');
    const [result] = readHookFiles(files, dir);
    expect(result!.events.map((event) => [event.source.format, event.memoryKey])).toEqual([['claude-flow-v3-sqlite', 'phase7/build_infra/status']]);
  });

  test('the data-quality page says where the store came from (CAIRN_HOOKS_FROM to the build)', () => {
    const dir = store('persist-path');
    const { settings, issues } = resolveSettings({}, dir, {});
    const env = settingsEnv(settings!);
    expect(env.CAIRN_HOOKS_FROM).toBe(issues[0]!.message);
    const { shared } = loadContent(join(dir, 'content'), null, { hooks: settings!.hooks, configFile: settings!.configPath, hooksFrom: env.CAIRN_HOOKS_FROM });
    expect(shared!.warnings[0]).toBe(issues[0]!.message);
  });

  test('hooks in cairn.config.json win: claude-flow.config.json is not read', () => {
    const dir = store('persist-path');
    writeFileSync(join(dir, 'cairn.config.json'), JSON.stringify({ hooks: ['logs/*.ndjson'] }));
    const { settings, issues } = resolveSettings({}, dir, {});
    expect(settings!.hooks).toEqual([join(dir, 'logs/*.ndjson')]);
    expect(issues.filter((issue) => issue.file.endsWith('claude-flow.config.json'))).toEqual([]);
  });

  test('a persistPath that does not exist is a warning and reads nothing', () => {
    const dir = store('persist-path');
    writeFileSync(join(dir, 'claude-flow.config.json'), JSON.stringify({ memory: { persistPath: './gone/memory.db' } }));
    const { settings, issues } = resolveSettings({}, dir, {});
    expect(settings!.hooks).toEqual([]);
    expect(issues.map((issue) => [issue.severity, issue.message])).toEqual([
      [
        'warning',
        'claude-flow.config.json\'s memory.persistPath names "./gone/memory.db", which does not exist, so no hook store is read (cairn.config.json names no "hooks").',
      ],
    ]);
  });
});
