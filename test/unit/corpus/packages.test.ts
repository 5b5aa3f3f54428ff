/**
 * The corpus of real package shapes (test/fixtures/packages/shape-*, each with a SOURCE.md naming the repository and
 * commit whose shape it follows): what Cairn reads from each, pinned in its facts.json; the same facts when every
 * file is saved with Windows line endings; and the hook store copied the way claude-flow writes it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { buildStatusJson } from '../../../src/core/views/status-json.ts';
import { fixturePath } from '../fixtures.ts';
import { packageFacts } from './package-facts.ts';

const AS_OF = '2026-01-01T00:00:00.000Z';
const shapes = readdirSync(fixturePath('packages'))
  .filter((name) => name.startsWith('shape-'))
  .toSorted();

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

test('the corpus holds at least 8 packages from different repositories, each naming its source and commit', () => {
  const sources = shapes.map((name) => readFileSync(fixturePath(`packages/${name}/SOURCE.md`), 'utf8'));
  const repositories = sources.map((text) => /\b([\w.-]+\/[\w.-]+)\b.*?\b[0-9a-f]{40}\b|`([\w.-]+\/[\w.-]+)`/s.exec(text)?.slice(1).find(Boolean));
  expect(shapes.length).toBeGreaterThanOrEqual(8);
  expect(sources.every((text) => /\b[0-9a-f]{40}\b/.test(text))).toBe(true);
  expect(new Set(repositories).size).toBe(shapes.length);
});

describe.each(shapes)('%s', (name) => {
  const root = fixturePath(`packages/${name}`);
  const { phases, issues } = loadContent(root, AS_OF);
  const facts = packageFacts(root, phases, issues);
  const expected = JSON.parse(readFileSync(join(root, 'facts.json'), 'utf8'));

  test('tasks, ids, agents or unassigned, estimates, dependencies, statuses and the critical path are as facts.json says', () => {
    expect(facts.phases).toEqual(expected.phases);
  });

  test('its errors and warnings are as facts.json says', () => {
    expect({ errors: facts.errors, warnings: facts.warnings }).toEqual({ errors: expected.errors, warnings: expected.warnings });
  });

  test('every Markdown file under a phase is a task, the overview, listed as not read, or named by an error', () => {
    for (const phase of phases) {
      const dir = join(root, 'phases', phase.id);
      const markdown = filesUnder(dir).filter((file) => /\.md$/i.test(file) && !/\/(?:hooks|\.swarm|\.claude-flow|\.hive-mind)\//.test(file));
      const errors = issues.filter((issue) => issue.severity === 'error').map((issue) => issue.file);
      const accounted = new Set(
        [...phase.tasks.map((task) => task.file), ...phase.dataQuality.otherFiles.map((file) => file.path), phase.file, ...errors].map((path) =>
          join(process.cwd(), path),
        ),
      );
      expect(markdown.filter((file) => !accounted.has(file))).toEqual([]);
    }
  });
});

describe('saved with Windows line endings', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-crlf-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  test.each(shapes)('%s gives the same status.json', (name) => {
    const source = fixturePath(`packages/${name}`);
    const copy = join(temp, name);
    cpSync(source, copy, { recursive: true });
    for (const file of filesUnder(copy).filter((path) => /\.(?:md|json)$/i.test(path) && statSync(path).isFile())) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    const normalize = (root: string) => JSON.stringify(buildStatusJson(loadContent(root, AS_OF).phases)).replaceAll(displayPath(root), '<root>');
    const crlf = normalize(copy);
    expect(crlf).not.toContain('\\r');
    expect(crlf).toBe(normalize(source));
  });
});

describe('a hook store copied as claude-flow writes it (hooks/.swarm/, hooks/.claude-flow/metrics/)', () => {
  const { phases } = loadContent(fixturePath('packages/hooks-dot-folders'), AS_OF);
  const sources = phases[0]?.dataQuality.sources ?? [];
  const named = (end: string) => sources.find((source) => source.path.endsWith(end));

  test('memory.db is read with its WAL and index, named on its line: all 39 rows, none lost', () => {
    expect(named('hooks/.swarm/memory.db')).toMatchObject({ format: 'claude-flow-sqlite', records: 39, readWith: ['memory.db-shm', 'memory.db-wal'] });
    expect(sources.every((source) => source.records === source.imported + source.skipped)).toBe(true);
  });

  test('every metrics file is a source, the one holding only {} with no records', () => {
    expect(
      sources
        .filter((source) => source.path.includes('/.claude-flow/metrics/'))
        .map((source) => [source.path.split('/').at(-1), source.format, source.records]),
    ).toEqual([
      ['agent-metrics.json', 'claude-flow-metrics', 0],
      ['performance.json', 'claude-flow-metrics', 1],
      ['system-metrics.json', 'claude-flow-metrics', 1],
      ['task-metrics.json', 'claude-flow-metrics', 1],
    ]);
  });
});
