import { describe, expect, test } from 'vitest';
import { allSections, boldFields, findSection, findTable, listItems, parseMarkdown } from '../../../src/core/markdown/parse-markdown.ts';

describe('a section key: a heading matched without emoji, punctuation or case', () => {
  test.each([
    ['📋 Deliverables Checklist', 'deliverables checklist'],
    ['✅ Success Criteria', 'success criteria'],
    ['Task 7.1 Deliverables', 'task 7.1 deliverables'],
    ["📦 What's in This Package", 'what s in this package'],
    ['  Memory   Storage!! ', 'memory storage'],
    ['Über-Ziele', 'über ziele'],
  ])('%j → %j', (title, key) => {
    expect(parseMarkdown(`## ${title}`).sections[0]?.key).toBe(key);
  });
});

describe('parseMarkdown sections', () => {
  const doc = parseMarkdown(
    ['# Task 7.1: Build', '', 'Intro.', '', '## 🎯 Objectives', '', '- one', '', '### Detail', '', '- two', '', '## 📦 Deliverables', '', '- [x] done'].join(
      '\n',
    ),
  );

  test('nests headings and keeps their lines', () => {
    expect(allSections(doc.sections).map((s) => [s.depth, s.title, s.key, s.line])).toEqual([
      [1, 'Task 7.1: Build', 'task 7.1 build', 1],
      [2, '🎯 Objectives', 'objectives', 5],
      [3, 'Detail', 'detail', 9],
      [2, '📦 Deliverables', 'deliverables', 13],
    ]);
  });

  test('a section holds its sub-sections’ blocks in nodes but only its own in ownNodes', () => {
    const objectives = findSection(doc, (key) => key === 'objectives')!;
    expect(listItems(objectives.nodes).map((item) => item.text)).toEqual(['one', 'two']);
    expect(listItems(objectives.ownNodes).map((item) => item.text)).toEqual(['one']);
  });
});

describe('listItems', () => {
  test('reads checkbox state, folds nested items and keeps lines', () => {
    const doc = parseMarkdown(['- [x] Done thing', '- [ ] Open thing', '- Plain bullet', '  - nested detail', '1. Numbered `code`'].join('\n'));
    expect(listItems(doc.root.children)).toEqual([
      { text: 'Done thing', checked: true, line: 1 },
      { text: 'Open thing', checked: false, line: 2 },
      { text: 'Plain bullet', checked: null, line: 3 },
      { text: 'Numbered code', checked: null, line: 5 },
    ]);
  });
});

describe('findTable', () => {
  const doc = parseMarkdown(
    [
      '| File | Purpose |',
      '|---|---|',
      '| a.md | x |',
      '',
      '| Metric | Baseline | Target |',
      '|---|---|---|',
      '| **Clippy Warnings** | 12 | <20 |',
      '| Env Variables | 0 | 93 |',
    ].join('\n'),
  );

  test('returns the first table whose header passes, with trimmed cells and row lines', () => {
    expect(findTable(doc.root.children, (header) => header.includes('Metric'))).toEqual({
      header: ['Metric', 'Baseline', 'Target'],
      rows: [
        { cells: ['Clippy Warnings', '12', '<20'], line: 7 },
        { cells: ['Env Variables', '0', '93'], line: 8 },
      ],
    });
  });

  test('returns undefined when no header passes', () => {
    expect(findTable(doc.root.children, (header) => header.includes('Owner'))).toBeUndefined();
  });
});

describe('boldFields', () => {
  test.each([
    ['**Agent Type:** cicd-engineer', 'Agent Type', 'cicd-engineer', 17],
    ['**Status**: Ready to execute', 'Status', 'Ready to execute', 13],
    ['- **Duration:** 2.4 days', 'Duration', '2.4 days', 17],
    ['  * **Dependencies:**   Task 7.3 COMPLETE ⚠️', 'Dependencies', 'Task 7.3 COMPLETE ⚠️', 25],
    ['**Priority:** 🔴 High', 'Priority', '🔴 High', 15],
    ['**Notes:**', 'Notes', '', 11],
  ])('%j → %s = %j at column %i', (line, key, value, column) => {
    expect(boldFields(parseMarkdown(line))).toEqual([{ key, value, line: 1, column }]);
  });

  test.each([['**START HERE** - Executive summary'], ['⚠️ **Task 7.4 is blocked on this task** - update memory when done!'], ['Some **bold:** in the middle']])(
    'ignores %j',
    (line) => {
      expect(boldFields(parseMarkdown(line))).toEqual([]);
    },
  );

  test('skips lines inside code fences and honours the line range', () => {
    const doc = parseMarkdown(['**Agent:** coder', '```', '**Agent:** fake', '```', '**Status:** Done'].join('\n'));
    expect(boldFields(doc).map((field) => [field.key, field.line])).toEqual([
      ['Agent', 1],
      ['Status', 5],
    ]);
    expect(boldFields(doc, 2).map((field) => field.line)).toEqual([5]);
    expect([...doc.codeLines]).toEqual([2, 3, 4]);
  });
});
