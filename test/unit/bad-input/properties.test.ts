/**
 * Property-based tests: every text parser of the core takes any input without throwing, and what it returns keeps its
 * promises (issues at 1-based positions in the file it was given, records = imported + skipped, numbers finite).
 * Inputs are arbitrary strings (ASCII, any Unicode code point, lone surrogates), arbitrary JSON values, and almost-valid
 * files: real task files, changelogs, notes, metrics and snapshots with a few random edits.
 *
 * Fixed seed, so a failure is reproducible: fast-check prints the seed and path to replay it. The whole file runs in a
 * few seconds; keep it under ~20 s.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeStoredValue } from '../../../src/core/hooks/decode-value.ts';
import * as cairnNdjson from '../../../src/core/hooks/cairn-ndjson.ts';
import { jsonFormats } from '../../../src/core/hooks/detect.ts';
import { namespaceRules, readMemoryEntrySources, type MemoryEntryRow, type MemoryEntrySource } from '../../../src/core/hooks/memory-entries.ts';
import * as memoryStore from '../../../src/core/hooks/memory-store.ts';
import type { ImportResult } from '../../../src/core/schema/package-files.ts';
import { redactText } from '../../../src/core/redact/redact.ts';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { parseMetricsJson } from '../../../src/core/metrics/parse-metrics-json.ts';
import { parseTarget } from '../../../src/core/metrics/parse-target.ts';
import { parseMetricValue } from '../../../src/core/metrics/parse-value.ts';
import { parseOverview } from '../../../src/core/overview/parse-overview.ts';
import { parseChangelog } from '../../../src/core/releases/parse-changelog.ts';
import { parseReleaseNotes } from '../../../src/core/releases/parse-release-notes.ts';
import type { Issue } from '../../../src/core/schema/model.ts';
import { freezeSnapshot, parseSnapshot, serializeSnapshot } from '../../../src/core/versions/snapshot.ts';
import { parseDependencies } from '../../../src/core/tasks/parse-dependencies.ts';
import { parseDuration } from '../../../src/core/tasks/parse-duration.ts';
import { parseStatus } from '../../../src/core/tasks/parse-status.ts';
import { parseTaskFile } from '../../../src/core/tasks/parse-task.ts';
import { repairMojibake } from '../../../src/core/text/mojibake.ts';
import { parseJsonLenient } from '../../../src/core/text/parse-json-lenient.ts';
import { salvageJsonArray } from '../../../src/core/text/salvage-json-array.ts';
import { AS_OF, fixturePath, readFixture } from '../fixtures.ts';

beforeAll(() => {
  fc.configureGlobal({ seed: 42, numRuns: 300 });
  return () => fc.resetConfigureGlobal();
});

// Inputs ------------------------------------------------------------------------------------------------------------

/** Pieces that break parsers when they land in the wrong place. */
const nasty = [
  '---\n',
  '---',
  ':',
  ': ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '|',
  '| ',
  '**',
  '**Status:** ',
  '**Duration:** ',
  '# ',
  '## ',
  '### ',
  '- ',
  '- [ ] ',
  '- [x] ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\uD800',
  '🔄',
  '✅',
  'üîÑ',
  '‚úÖ',
  'constructor',
  '__proto__',
  'toString',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '9'.repeat(400),
  '-',
  '–',
  '..',
  '...',
  'Task 1.',
  'Task 1.1',
  '7.1, 7.2',
  '2.4 days',
  '3 constructor',
  '<',
  '≤ ',
  '≈ 3',
  '%',
  'n/a',
  'TBD',
  '## [1.0.0] - 2025-10-01',
  '## [Unreleased]',
  'version: ',
  'date: ',
  '`a/b/c`',
  '<script>',
  '&amp;',
  '\\',
  '\\u0000',
  ',',
  '}]',
];

/** Arbitrary text: printable ASCII, any code point, or a mix with the pieces above. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
);

/** One edit to a text: insert a piece, delete a range, repeat or drop a line, or cut the text off. Positions wrap around. */
type Edit = (text: string) => string;
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...nasty), fc.string({ unit: 'binary', maxLength: 6 }))).map(
    ([at, piece]): Edit =>
      (text) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + piece + text.slice(i);
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(
    ([at, length]): Edit =>
      (text) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + text.slice(i + length);
      },
  ),
  fc.nat().map(
    (at): Edit =>
      (text) => {
        const lines = text.split('\n');
        const i = at % lines.length;
        return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
      },
  ),
  fc.nat().map(
    (at): Edit =>
      (text) => {
        const lines = text.split('\n');
        return lines.filter((_, index) => index !== at % lines.length).join('\n');
      },
  ),
  fc.nat().map(
    (at): Edit =>
      (text) =>
        text.slice(0, at % (text.length + 1)),
  ),
);

/** A valid text with one to six random edits: almost valid, as hand-edited files are. */
const almost = (...valid: string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => edits.reduce((acc, apply) => apply(acc), text));

const taskFiles = [
  'tasks/frontmatter.md',
  'tasks/bold-keys.md',
  'tasks/bold-keys-in-list.md',
  'tasks/emoji-real-world.md',
  'tasks/mojibake.md',
  'packages/real-world/phases/phase-7/task-7.4-release-prep.md',
].map(readFixture);
const overviews = ['packages/real-world/phases/phase-7/README.md', 'packages/minimal/phases/phase-1/README.md'].map(readFixture);
const changelogs = ['releases/keep-a-changelog-full.md', 'releases/mojibake.md', 'releases/duplicate-version.md'].map(readFixture);
const notesFiles = ['releases/notes-2.0.0.md', 'releases/notes-1.2.0.md', 'releases/notes-unreleased.md'].map(readFixture);
const metricsFiles = ['metrics/well-defined.json', 'metrics/nested.json', 'packages/real-world/phases/phase-7/baseline-metrics.json'].map(readFixture);

/** A JSON value made into text, sometimes pretty-printed. */
const jsonText = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.boolean()).map(([value, pretty]) => JSON.stringify(value, null, pretty ? 2 : undefined));

// Invariants ---------------------------------------------------------------------------------------------------------

/** Every issue is in `file`, at a 1-based whole-number line and column, and says something. */
function expectWellPlaced(issues: readonly Issue[], file: string): void {
  for (const issue of issues) {
    expect(issue.file).toBe(file);
    expect(Number.isInteger(issue.line) && issue.line >= 1, `line of ${issue.message}`).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 1, `column of ${issue.message}`).toBe(true);
    expect(issue.message.trim()).not.toBe('');
  }
}

/** Nothing lost: each record read is imported or skipped, and each skip has a reason. */
function expectBooksBalance(result: ImportResult): void {
  const { records, imported, skipped, skippedReasons } = result.report;
  expect(records).toBe(imported + skipped);
  expect(Object.values(skippedReasons).reduce((sum, count) => sum + count, 0)).toBe(skipped);
  expect(result.events.length).toBeGreaterThanOrEqual(imported);
}

const finiteOrNull = (value: number | null) => value === null || Number.isFinite(value);

// Authored input -----------------------------------------------------------------------------------------------------

describe('authored-input parsers never throw, and place every issue in the file', () => {
  test.each([
    ['arbitrary text', anyText],
    ['almost-valid task files', almost(...taskFiles)],
  ])('parseTaskFile: %s', (_name, text) => {
    fc.assert(
      fc.property(text, fc.constantFrom('task-1.1-x', 'task-x', 'constructor'), (input, slug) => {
        const parsed = parseTaskFile({ text: input, path: 'p/task.md', slug, phaseId: 'p' });
        expectWellPlaced(parsed.issues, 'p/task.md');
        const days = parsed.task?.estimateDays ?? null;
        // An estimate is unknown (null) or a finite number of days, never NaN or Infinity.
        if (days !== null) expect(Number.isFinite(days) && days >= 0).toBe(true);
      }),
    );
  });

  test.each([
    ['arbitrary text', anyText],
    ['almost-valid overviews', almost(...overviews)],
  ])('parseOverview: %s', (_name, text) => {
    fc.assert(
      fc.property(text, (input) => {
        expectWellPlaced(parseOverview(input, 'p/README.md', 'p').issues, 'p/README.md');
      }),
    );
  });

  test.each([
    ['arbitrary text', anyText],
    ['any JSON value', jsonText],
    ['almost-valid metrics files', almost(...metricsFiles)],
  ])('parseMetricsJson: %s', (_name, text) => {
    fc.assert(
      fc.property(text, (input) => {
        const parsed = parseMetricsJson(input, 'p/m.json');
        expectWellPlaced(parsed.issues, 'p/m.json');
        for (const entry of parsed.entries) if (typeof entry.raw === 'number') expect(Number.isFinite(entry.raw)).toBe(true);
      }),
    );
  });

  test.each([
    ['arbitrary text', anyText],
    ['almost-valid changelogs', almost(...changelogs)],
  ])('parseChangelog: %s', (_name, text) => {
    fc.assert(
      fc.property(text, (input) => {
        expectWellPlaced(parseChangelog(input, 'r/CHANGELOG.md').issues, 'r/CHANGELOG.md');
      }),
    );
  });

  test.each([
    ['arbitrary text', anyText],
    ['almost-valid notes', almost(...notesFiles)],
  ])('parseReleaseNotes: %s', (_name, text) => {
    fc.assert(
      fc.property(text, (input) => {
        expectWellPlaced(parseReleaseNotes(input, 'r/2.0.0.md').issues, 'r/2.0.0.md');
      }),
    );
  });

  test('parseSnapshot: arbitrary text, any JSON value, almost-valid snapshots', () => {
    const { phases } = loadContent(fixturePath('packages/minimal'), AS_OF);
    const valid = serializeSnapshot(freezeSnapshot({ version: '1.0.0', phases, releases: ['1.0.0'] }));
    expect(parseSnapshot(valid, 's/1.0.0.json').issues).toEqual([]);
    fc.assert(
      fc.property(fc.oneof(anyText, jsonText, almost(valid)), (input) => {
        const parsed = parseSnapshot(input, 's/1.0.0.json');
        expectWellPlaced(parsed.issues, 's/1.0.0.json');
        expect(parsed.snapshot === null).toBe(parsed.issues.some((issue) => issue.severity === 'error'));
      }),
      { numRuns: 150 },
    );
  });
});

describe('value parsers never throw, and give finite numbers', () => {
  /** Numbers with units, signs, ranges and separators, as metric values, targets and estimates are written. */
  const numberish = fc
    .tuple(
      fc.constantFrom('', '~', '<', '<=', '≥ ', 'at least ', '-', '+', '−'),
      fc.oneof(
        fc.nat().map(String),
        fc.double({ noNaN: false }).map(String),
        fc.constantFrom('1,000', '0.5', '1e400', '9'.repeat(400), '0', '1/0', '626/630 (99.4%)'),
      ),
      fc.constantFrom('', ' ', '%', 's', ' min', 'h', ' days', ' weeks', ' constructor', ' __proto__', ' toString', 'e400', ' to -40%', '-3 days', '.x'),
    )
    .map((parts) => parts.join(''));
  const valueText = fc.oneof(anyText, numberish);

  test('parseTarget', () => {
    fc.assert(
      fc.property(valueText, (text) => {
        const target = parseTarget(text);
        expect(finiteOrNull(target.value) && finiteOrNull(target.upTo)).toBe(true);
      }),
    );
  });

  test('parseMetricValue', () => {
    fc.assert(
      fc.property(fc.oneof(valueText, fc.double(), fc.boolean()), (raw) => {
        const value = parseMetricValue(raw);
        // A number given as a number is kept as written (status.json shows it), with no value when it is not finite.
        expect(finiteOrNull(value.value)).toBe(true);
      }),
    );
  });

  test('parseDuration', () => {
    fc.assert(
      fc.property(fc.oneof(valueText, fc.double()), (text) => {
        const duration = parseDuration(text);
        if (duration.ok) expect(Number.isFinite(duration.days) && duration.days >= 0).toBe(true);
        else expect(duration.reason).not.toBe('');
      }),
    );
  });

  test('parseDependencies and parseStatus', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.array(fc.oneof(anyText, fc.integer()), { maxLength: 5 }), fc.constant(null)), (value) => {
        for (const dependency of parseDependencies(value)) expect(dependency.taskIds.every((id) => id !== '')).toBe(true);
        if (typeof value === 'string') parseStatus(value);
      }),
    );
  });
});

describe('text helpers never throw', () => {
  test('parseJsonLenient, salvageJsonArray', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, jsonText, almost('[{"a": 1}, {"b": [2, 3]}, "x"]', '{"a": {"b": [1, 2]}}')), (text) => {
        const lenient = parseJsonLenient(text);
        if (!lenient.ok) expect(lenient.line >= 1 && lenient.column >= 1).toBe(true);
        salvageJsonArray(text);
      }),
    );
  });

  test('repairMojibake, decodeStoredValue, redactText', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          jsonText,
          jsonText.map((text) => `__compressed__${Buffer.from(text).toString('base64')}`),
        ),
        (text) => {
          const repaired = repairMojibake(text);
          expect(repaired.firstLine === null || repaired.firstLine >= 1).toBe(true);
          decodeStoredValue(text);
          expect(typeof redactText(text)).toBe('string');
        },
      ),
    );
  });
});

describe('hook-log readers never throw, and every record is imported or skipped', () => {
  test('cairn-ndjson readText: arbitrary text, and lines of events with random edits', () => {
    const event = fc.record(
      {
        kind: fc.constantFrom('task.start', 'task.end', 'notify', 'memory.set', 'teleport'),
        time: fc.oneof(
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          anyText,
          fc.integer(),
        ),
        task: anyText,
        message: anyText,
        durationMs: fc.double(),
      },
      { requiredKeys: ['kind'] },
    );
    const lines = fc
      .array(
        fc.oneof(
          event.map((value) => JSON.stringify(value)),
          anyText,
        ),
        { maxLength: 12 },
      )
      .map((all) => all.join('\n'));
    fc.assert(
      fc.property(fc.oneof(anyText, lines), (text) => {
        const result = cairnNdjson.readText(text, 'h/events.ndjson');
        expectBooksBalance(result);
        expect(result.report.records).toBe(text.split('\n').filter((line) => line.trim() !== '').length);
      }),
    );
  });

  const readers: [string, (value: unknown, path: string) => ImportResult][] = [
    ...jsonFormats.map((module): [string, (value: unknown, path: string) => ImportResult] => [module.format, module.read]),
    ['claude-flow-memory-store', memoryStore.read],
    ['claude-flow-memory-export', memoryStore.readExport],
  ];

  /** JSON values shaped like the hook formats, so the readers get past their shape checks. */
  const time = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e20, -1, 0, 8.64e15 + 1),
    fc.string(),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  );
  const loose = fc.oneof(fc.jsonValue({ maxDepth: 2 }), time);
  const formatShaped = fc.oneof(
    fc.array(
      fc.record(
        {
          hook_event_name: fc.oneof(
            fc.constantFrom('PostToolUse', 'Notification', 'Stop', 'SubagentStop', 'PreToolUse', 'constructor', '__proto__'),
            fc.string(),
          ),
          tool_name: loose,
          tool_input: loose,
          session_id: loose,
          message: loose,
        },
        { requiredKeys: ['hook_event_name'] },
      ),
      { minLength: 1, maxLength: 5 },
    ),
    fc.array(
      fc.record(
        { id: fc.string(), content: fc.string(), createdAt: fc.double(), key: loose, namespace: loose, type: loose, metadata: loose },
        { requiredKeys: ['id', 'content', 'createdAt'] },
      ),
      { minLength: 1, maxLength: 5 },
    ),
    fc.record({ agents: fc.array(loose, { maxLength: 4 }), tasks: fc.array(loose, { maxLength: 4 }), lastUpdated: fc.double() }),
    fc.record({ startTime: fc.double(), totalTasks: fc.double(), lastActivity: time, sessionId: loose, nested: fc.jsonValue({ maxDepth: 6 }) }),
    fc.array(fc.record({ id: fc.string().map((id) => `cmd-${id}`), type: fc.string(), success: fc.boolean(), timestamp: fc.double(), duration: loose }), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.dictionary(fc.string(), fc.array(fc.record({ key: fc.string(), value: loose, namespace: loose, timestamp: time }), { maxLength: 4 }), { maxKeys: 3 }),
    fc.record({
      version: fc.string(),
      entries: fc.array(fc.record({ key: fc.string(), value: loose, namespace: loose, createdAt: time, timestamp: time }), { maxLength: 4 }),
    }),
  );

  test.each(readers)('%s read: any JSON value, and values shaped like the formats', (_format, read) => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), formatShaped), (value) => {
        expectBooksBalance(read(value, 'h/file.json'));
      }),
      { numRuns: 200 },
    );
  });

  test('readMemoryEntrySources: arbitrary row-like objects, in one or more sources', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const storedValue = fc.oneof(
      fc.string(),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc
        .record(
          {
            taskId: scalar,
            agentId: scalar,
            description: scalar,
            message: fc.oneof(scalar, fc.constant(true)),
            status: scalar,
            timestamp: time,
            startedAt: time,
            completedAt: time,
            duration: scalar,
            editId: scalar,
            __type__: fc.constantFrom('__Date__', '__NaN__', '__undefined__', '__Map__'),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
      scalar,
      fc.jsonValue({ maxDepth: 2 }),
    );
    const row = fc.record({
      id: fc.oneof(fc.integer({ min: 1, max: 20 }), scalar),
      key: fc.oneof(fc.string(), fc.constantFrom('task:task-1.1-setup:completed', 'session-metrics:s1', 'phase1/setup/status'), scalar),
      value: storedValue,
      namespace: fc.oneof(fc.constantFrom(...Object.keys(namespaceRules), '__proto__', 'constructor', 'toString', 'hasOwnProperty'), fc.string(), scalar),
      metadata: fc.oneof(storedValue, scalar),
      created_at: time,
      updated_at: scalar,
    });
    const sources = fc.array(
      fc.record({
        path: fc.constantFrom('h/memory.db', 'h/memory_entries.json', 'h/other.db'),
        format: fc.constantFrom('claude-flow-sqlite' as const, 'sqlite-json' as const),
        rows: fc.array(row, { maxLength: 8 }),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(sources, (list) => {
        const results = readMemoryEntrySources(list as unknown as MemoryEntrySource[]);
        expect(results).toHaveLength(list.length);
        results.forEach((result, index) => {
          expectBooksBalance(result);
          expect(result.report.records).toBe((list[index]!.rows as unknown as MemoryEntryRow[]).length);
        });
      }),
      { numRuns: 200 },
    );
  });
});
