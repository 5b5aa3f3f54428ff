import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.ts';
import { formatIds } from '../../../src/core/config/reading.ts';
import { taskReaders } from '../../../src/core/formats/readers.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';

const path = 'cairn.config.json';
const messages = (text: string) => parseConfig(text, path).issues.map(formatIssue);

describe('parseConfig', () => {
  test('a whole config, as a team writes it', () => {
    const text = `{
  "content": "docs/project-history",
  "hooks": [".swarm/memory.db", ".claude-flow/metrics/*.json"],
  "site": "https://owner.github.io",
  "base": "/repo/",
  "title": "Riptide phases",
  "out": "site",
  "asOf": "2025-10-25T18:00:00Z"
}
`;
    expect(parseConfig(text, path)).toEqual({
      config: {
        content: 'docs/project-history',
        hooks: ['.swarm/memory.db', '.claude-flow/metrics/*.json'],
        site: 'https://owner.github.io',
        base: '/repo/',
        title: 'Riptide phases',
        out: 'site',
        asOf: '2025-10-25T18:00:00Z',
      },
      issues: [],
    });
  });

  test('an empty object is a config with every default; a byte-order mark and CRLF are fine', () => {
    expect(parseConfig('\uFEFF{\r\n}\r\n', path)).toEqual({ config: {}, issues: [] });
  });

  test('invalid JSON: the position and what to do', () => {
    expect(messages('{\n  "content": "docs",\n  "hooks": [".swarm/memory.db",]\n}\n')).toMatchInlineSnapshot(`
      [
        "cairn.config.json:3:32 error The config is not valid JSON: Unexpected token ']'.
        hint: See Cairn's docs/configuration.md for every key.",
      ]
    `);
  });

  test('wrong values: one error per field, at its line and column', () => {
    const text = '{\n  "content": "",\n  "hooks": ".swarm/memory.db",\n  "site": "owner.github.io",\n  "base": "repo/",\n  "asOf": "yesterday"\n}\n';
    expect(parseConfig(text, path).config).toBeNull();
    expect(messages(text)).toMatchInlineSnapshot(`
      [
        "cairn.config.json:2:14 error "content" is not valid: it is empty.
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:3:12 error "hooks" is not valid: it must be a list of paths, such as [".swarm/memory.db"].
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:4:11 error "site" is not valid: it is not an http(s) address.
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:5:11 error "base" is not valid: it must start with "/".
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:6:11 error "asOf" is not valid: it is not an ISO 8601 time such as 2025-10-25T18:00:00Z.
        hint: See Cairn's docs/configuration.md for every key.",
      ]
    `);
  });

  test("reading rules: allowEmpty, a team's status words and its metadata keys", () => {
    const text =
      '{\n  "allowEmpty": true,\n  "statusWords": {"Parked": "blocked", "Shipped": "complete"},\n  "fields": {"Owner": "agent", "T-shirt size": "estimate"}\n}\n';
    expect(parseConfig(text, path)).toEqual({
      config: { allowEmpty: true, statusWords: { Parked: 'blocked', Shipped: 'complete' }, fields: { Owner: 'agent', 'T-shirt size': 'estimate' } },
      issues: [],
    });
  });

  test('reading rules with wrong values: the field, its line, and what it may be', () => {
    const text = '{\n  "allowEmpty": "yes",\n  "statusWords": {"Parked": "sleeping"},\n  "fields": {"Owner": "boss"}\n}\n';
    expect(parseConfig(text, path).config).toBeNull();
    expect(messages(text).map((message) => message.split('\n')[0])).toEqual([
      'cairn.config.json:2:17 error "allowEmpty" is not valid: it must be true or false.',
      'cairn.config.json:3:29 error "statusWords.Parked" is not valid: a status word must mean pending, in_progress, blocked, complete, cancelled.',
      'cairn.config.json:4:23 error "fields.Owner" is not valid: a key must name one of the fields id, title, agent, estimate, dependencies, status, priority, started, completed, created, updated, labels, parent.',
    ]);
  });

  test('formats: folder globs pinned to a format; a format Cairn has no reader for is an error naming the formats', () => {
    expect(parseConfig('{"formats": {"specs/**": "spec-kit", "docs/tasks": "task-files"}}', path)).toEqual({
      config: { formats: { 'specs/**': 'spec-kit', 'docs/tasks': 'task-files' } },
      issues: [],
    });
    expect(messages('{"formats": {"specs/**": "speckit"}}').map((message) => message.split('\n')[0])).toEqual([
      'cairn.config.json:1:26 error "formats.specs/**" is not valid: a format must be one of spec-kit, kiro, taskmaster, claude-flow-tasks, claude-code-tasks, backlog-md, bmad, ccpm, status-folders, task-files.',
    ]);
  });

  test('the formats a folder may be pinned to are the ids of the readers, every one', () => {
    expect([...formatIds].toSorted()).toEqual(taskReaders.map((reader) => reader.id).toSorted());
  });

  test('a mistyped key is named with the key it was most likely meant to be; a key like no other is not', () => {
    const warnings = (key: string) => messages(`{"${key}": true}`).map((message) => message.split('\n')[0]);
    expect(warnings('allowempty')).toEqual(['cairn.config.json:1:16 warning Unknown key "allowempty"; it is ignored. Did you mean "allowEmpty"?']);
    expect(warnings('hook')).toEqual(['cairn.config.json:1:10 warning Unknown key "hook"; it is ignored. Did you mean "hooks"?']);
    expect(warnings('status_words')).toEqual(['cairn.config.json:1:18 warning Unknown key "status_words"; it is ignored. Did you mean "statusWords"?']);
    expect(warnings('colour')).toEqual(['cairn.config.json:1:12 warning Unknown key "colour"; it is ignored.']);
  });

  test('an unknown key is a warning naming the keys Cairn reads; the rest still applies', () => {
    const result = parseConfig('{\n  "contnet": "docs",\n  "out": "site"\n}\n', path);
    expect(result.config).toEqual({ out: 'site' });
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "cairn.config.json:2:14 warning Unknown key "contnet"; it is ignored. Did you mean "content"?
        hint: Cairn reads content, hooks, site, base, title, out, keep, allowOutside, gates, allowEmpty, statusWords, fields, formats, asOf, tags.",
      ]
    `);
  });

  test('a path with a NUL or another control character is an error at its line and column, never a crash later', () => {
    const text =
      '{\n  "content": "docs\\u0000x",\n  "out": "si\\nte",\n  "hooks": [".swarm/memory.db", "logs/\\u001b[31m*.json"],\n  "allowOutside": ["../logs\\u007f"],\n  "keep": ["CN\\tAME", "CNAME\\n"]\n}\n';
    expect(parseConfig(text, path).config).toBeNull();
    expect(messages(text)).toMatchInlineSnapshot(`
      [
        "cairn.config.json:2:14 error "content" is not valid: it holds a control character (U+0000), which a path must not.
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:4:33 error "hooks[1]" is not valid: it holds a control character (U+001B), which a path must not.
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:3:10 error "out" is not valid: it holds a control character (U+000A), which a path must not.
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:6:12 error "keep[0]" is not valid: it holds a control character (U+0009), which a path must not.
        hint: See Cairn's docs/configuration.md for every key.",
        "cairn.config.json:5:20 error "allowOutside[0]" is not valid: it holds a control character (U+007F), which a path must not.
        hint: See Cairn's docs/configuration.md for every key.",
      ]
    `);
  });

  test('not an object', () => {
    expect(messages('["docs"]')).toMatchInlineSnapshot(`
      [
        "cairn.config.json:1:1 error The config must be a JSON object, such as {"content": "docs/phases"}.
        hint: See Cairn's docs/configuration.md for every key.",
      ]
    `);
  });
});
