import { describe, expect, test } from 'vitest';
import { escapeMarks, guardMarkdown } from '../../../src/core/markdown/guard.ts';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.ts';
import { toString } from 'mdast-util-to-string';
import { createIssueSink, formatIssue } from '../../../src/core/text/issues.ts';

/** The limits the warnings name: most marks of one kind, and most lazy lines, in one paragraph. */
const maxMarks = 200;
const maxLazyLines = 200;

function guard(text: string): { text: string; issues: string[] } {
  const sink = createIssueSink('task.md');
  const guarded = guardMarkdown(text, sink);
  return { text: guarded, issues: sink.issues.map(formatIssue) };
}

describe('guardMarkdown: crowded marks', () => {
  test('a paragraph of 20,000 "*a" is shown as written, as code, with a warning at its line', () => {
    const body = '*a'.repeat(20_000);
    const { text, issues } = guard(`# Task 1.1: Stars\n\nIntro with *one* emphasis.\n\n${body}\n`);
    expect(issues).toMatchInlineSnapshot(`
      [
        "task.md:5:1 warning This paragraph holds 20,000 emphasis and link marks ("*", "_", "~", "[", "]"); more than 200 in one paragraph would take the Markdown reader minutes, so the paragraph is shown as written.
        hint: Split the paragraph, or put the text in a code block (between "\`\`\`" lines) if it is data.",
      ]
    `);
    const doc = parseMarkdown(text);
    // The other paragraph keeps its emphasis; the crowded one is a code span of the text as written.
    expect(doc.root.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(JSON.stringify(doc.root.children[1])).toContain('"emphasis"');
    expect(doc.root.children[2]).toMatchObject({ children: [{ type: 'inlineCode', value: body }] });
  });

  test(`up to ${maxMarks} marks in a paragraph are left to Markdown; one more makes it code`, () => {
    const at = '*a '.repeat(maxMarks);
    expect(guard(at)).toEqual({ text: at, issues: [] });
    expect(guard(`${at}_`).text).toBe(`\` ${at}_ \``);
    // The fence is longer than any backtick run inside; with runs of two, each mark is escaped instead.
    expect(guard(`\`x\` ${at}_`).text).toBe(`\`\` \`x\` ${at}_ \`\``);
    expect(guard(`\`\`x\`\` ${at}_`).text).toBe(`\`\`x\`\` ${'\\*a '.repeat(maxMarks)}\\_`);
    // Underscores render slowly even as code: a paragraph crowded with them is escaped.
    expect(guard('_a'.repeat(maxMarks + 1)).text).toBe('\\_a'.repeat(maxMarks + 1));
  });

  test('marks are counted per paragraph, heading and table cell, not per stretch between blank lines', () => {
    const table = `| Task | Owner |\n| --- | --- |\n${'| [7.1](task-7.1.md) | **coder** |\n'.repeat(300)}`;
    const list = '- **Agent:** coder, see [the notes](notes.md)\n'.repeat(300);
    for (const text of [table, list, `## Tasks\n${table}`]) expect(guard(text)).toEqual({ text, issues: [] });
  });

  test('frontmatter is not Markdown: its aliases and quotes are left alone', () => {
    const front = `---\nnote: "${'*a '.repeat(300)}"\nquotes: [${'"x", '.repeat(300)}"y"]\n---\n`;
    expect(guard(`${front}# Task\n`)).toEqual({ text: `${front}# Task\n`, issues: [] });
    expect(guard(`${front}${'_b'.repeat(300)}\n`).issues[0]).toMatch(/^task\.md:5:1 warning This paragraph holds 300 emphasis/);
  });

  test('quotes, dashes and dots the renderer would make typographic: as code, or each escaped', () => {
    const prose = '"a" it\'s -- b... c-d e.f '.repeat(60).trim();
    const { text, issues } = guard(`${prose}\n`);
    expect(issues[0]).toMatch(/^task\.md:1:1 warning This paragraph holds 300 quotes, apostrophes, dashes and dots; .* so the paragraph is shown as written\./);
    expect(text).toBe(`\` ${prose} \`\n`);
    expect(escapeMarks('"a" it\'s -- b... c-d e.f', ['punctuation'])).toBe('\\"a\\" it\\\'s \\-\\- b\\.\\.\\. c-d e.f');
    expect(toString(parseMarkdown(escapeMarks(prose, ['punctuation'])).root)).toBe(prose);
  });

  test('code spans, tags, autolinks, web addresses and escapes are left as they are', () => {
    // "`*b* ``c`" is one code span (a run closes at the next run of its length); the last "`" opens nothing.
    expect(escapeMarks('*a* `*b* ``c` *d*` <span title="*e*"> <https://f.g/*h*> https://i.j/k_l_m \\*n *o*', ['emphasis'])).toBe(
      '\\*a\\* `*b* ``c` \\*d\\*` <span title="*e*"> <https://f.g/*h*> https://i.j/k_l_m \\*n \\*o\\*',
    );
    // An unmatched backtick run opens nothing.
    expect(escapeMarks('`a *b*', ['emphasis'])).toBe('`a \\*b\\*');
  });

  test('a setext heading keeps its underline', () => {
    const { text } = guard(`${'*a'.repeat(300)}\n---\n`);
    expect(text.endsWith('\n---\n')).toBe(true);
    expect(parseMarkdown(text).root.children[0]?.type).toBe('heading');
  });
});

describe('guardMarkdown: lazy lines', () => {
  test(`more than ${maxLazyLines} lines continuing a quote without ">" each get the marker, with a warning`, () => {
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i}`);
    const { text, issues } = guard(`# Title\n\n> > quoted\n${lines.join('\n')}\n\nAfter.\n`);
    expect(issues).toMatchInlineSnapshot(`
      [
        "task.md:4:1 warning 300 lines here and below continue a block quote or list without its marker; more than 200 in one paragraph would take the Markdown reader minutes, so each was given the marker of the line it continues.
        hint: Start each line of a quote with ">", and indent the lines of a list item as far as its text.",
      ]
    `);
    expect(text).toBe(`# Title\n\n> > quoted\n${lines.map((line) => `> > ${line}`).join('\n')}\n\nAfter.\n`);
  });

  test("list items: lazy lines are indented to the item's text; and the tree is the same as before", () => {
    const input = `1. item\n${'more\n'.repeat(250)}\nAfter.\n`;
    const { text } = guard(input);
    expect(text).toBe(`1. item\n${'   more\n'.repeat(250)}\nAfter.\n`);
    const shape = (markdown: string) => JSON.stringify(parseMarkdown(markdown).root, (key, value) => (key === 'position' ? undefined : value));
    expect(shape(text)).toBe(shape(input));
  });

  test(`${maxLazyLines} lazy lines, or lines after a quote that holds nothing, are left as written`, () => {
    const few = `> quoted\n${'more\n'.repeat(maxLazyLines)}`;
    const empty = '>\nnot quoted\n'.repeat(300);
    for (const text of [few, empty]) expect(guard(text)).toEqual({ text, issues: [] });
  });
});
