import yaml from 'js-yaml';

/**
 * Most values frontmatter may repeat through aliases (`*name`), counted as they would be written out. An alias
 * stands for its whole anchored value, so nine lines of lists of aliases stand for a billion values: js-yaml shares
 * them in memory, but everything that walks the data afterwards (checks, copies, pages) would walk every one.
 * Real frontmatter uses no aliases at all.
 */
const maxAliasedValues = 10_000;

/** Deepest a value may nest once its aliases are expanded; js-yaml's own maxDepth counts only what is written. */
const maxAliasedDepth = 100;

/** Thrown when the frontmatter's aliases go past a limit; `mark` is where, as in js-yaml's own errors (0-based). */
class AliasLimitError extends Error {
  readonly mark: { line: number; column: number };
  constructor(source: string, offset: number, message: string) {
    super(message);
    const before = source.slice(0, offset);
    this.mark = { line: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1) };
  }
}

// What may come between the start of a node and its alias: spaces, line breaks and comments.
const gap = /(?:\s|#[^\n]*)*/y;

/**
 * A js-yaml listener that sizes every value as it is closed (children close first, so each value is sized once from
 * its children's sizes) and throws, at the alias, once aliases have repeated more than `maxAliasedValues` values or
 * nested a value deeper than `maxAliasedDepth`. Linear in the YAML's length, whatever the aliases stand for.
 */
function aliasLimit(source: string): (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }) => void {
  const sizes = new WeakMap<object, { values: number; depth: number }>();
  const sizeOf = (value: unknown) => (typeof value === 'object' && value !== null ? (sizes.get(value) ?? { values: 1, depth: 1 }) : { values: 1, depth: 0 });
  const opened: number[] = [];
  let aliased = 0;
  return (event, state) => {
    if (event === 'open') {
      opened.push(state.position);
      return;
    }
    const start = opened.pop() ?? state.position;
    const value = state.result;
    if (typeof value !== 'object' || value === null) return;
    // An alias leaves the node's kind unset and hands over the anchored value, already sized.
    if (state.kind === null) {
      const { values, depth } = sizeOf(value);
      gap.lastIndex = start;
      gap.exec(source);
      const at = gap.lastIndex;
      aliased += values;
      if (aliased > maxAliasedValues) {
        throw new AliasLimitError(
          source,
          at,
          `The frontmatter's aliases ("*name") repeat more than ${maxAliasedValues.toLocaleString('en-US')} values by this one, so it was not read.`,
        );
      }
      if (depth > maxAliasedDepth)
        throw new AliasLimitError(
          source,
          at,
          `This alias nests the frontmatter's values ${depth} levels deep, more than ${maxAliasedDepth}, so it was not read.`,
        );
      return;
    }
    if (sizes.has(value)) return;
    let values = 1;
    let depth = 0;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      const size = sizeOf(child);
      values += size.values;
      depth = Math.max(depth, size.depth);
    }
    sizes.set(value, { values, depth: depth + 1 });
  };
}

/**
 * Frontmatter with every scalar kept as the text written: YAML's own typing would turn `id: 7.10` into 7.1 and
 * `created: 2025-10-23` into a Date. js-yaml's failsafe schema reads strings, lists and maps only. Aliases are
 * limited (see `maxAliasedValues`); past the limit this throws a YAML error at the alias.
 *
 * The text opens with a "---" line (a fourth "-" makes it a thematic break instead); the frontmatter runs to the
 * next line that starts with "---", or to the end. `matter` is the YAML from the newline after the opening "---", so
 * its line i is the file's line i + 1; `content` is what follows the closing line. Found in one pass: gray-matter,
 * which this replaces, stripped comment lines with a pattern that took 45 s over 200 KB of blank lines, and would
 * run a "---js" block as JavaScript.
 */
function readFrontmatter(text: string, { repeatedKeys = false }: { repeatedKeys?: boolean } = {}): { data: unknown; content: string; matter: string } {
  if (!text.startsWith('---') || text[3] === '-') return { data: {}, content: text, matter: '' };
  // Anything after the opening "---" on its line (gray-matter read it as a language name) is not YAML.
  const lineEnd = text.indexOf('\n', 3);
  const start = lineEnd < 0 ? text.length : lineEnd;
  const close = text.indexOf('\n---', start);
  const matter = text.slice(start, close < 0 ? text.length : close);
  const content = close < 0 ? '' : text.slice(close + 4).replace(/^\r?\n?/, '');
  // Only blank and comment lines: no YAML to read.
  if (!/^[ \t]*[^\s#]/m.test(matter)) return { data: {}, content, matter };
  // js-yaml's json mode reads a key written twice (the last one) instead of throwing.
  const data: unknown = yaml.load(matter, { schema: yaml.FAILSAFE_SCHEMA, listener: aliasLimit(matter), json: repeatedKeys });
  return { data: data ?? {}, content, matter };
}

/**
 * The 0-based index of the line of `yaml` where each top-level key is written (`key:`, `"key":`, `'key':` at the
 * start of a line; the first such line), or -1. One pass over the lines, so frontmatter of thousands of keys is not
 * searched once per key.
 */
export function keyLineIndex(yaml: string): (key: string) => number {
  const lines = new Map<string, number>();
  for (const [index, line] of yaml.split('\n').entries()) {
    const quote = line[0];
    // A plain key ends at the first ":" followed by a space or the end of the line; a quoted one at its quote and ":".
    const end = quote === '"' || quote === "'" ? line.indexOf(`${quote}:`, 1) : line.search(/:(?:\s|$)/);
    if (end < 0) continue;
    const key = quote === '"' || quote === "'" ? line.slice(1, end) : line.slice(0, end);
    if (!lines.has(key)) lines.set(key, index);
  }
  return (key) => lines.get(key) ?? -1;
}

/** Where a YAML error points, as a 1-based line and column of the whole file. */
function yamlErrorPosition(error: unknown): { line: number; column: number; reason: string } {
  const { mark, reason } = error as { mark?: { line: number; column: number }; reason?: string };
  // The YAML starts with the newline that ends the opening "---" line, so its 0-based line is the file's 1-based line minus one.
  return { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, reason: reason ?? String(error) };
}

/**
 * Top-level keys written more than once, each with the 1-based lines of the file it is on, when every one of them is
 * written with the same value each time (a sync tool appending "updated:" again); null when one differs or none repeats.
 */
function sameValueRepeats(text: string): { key: string; lines: number[] }[] | null {
  const lines = text.split(/\r?\n/);
  const seen = new Map<string, { value: string; lines: number[] }>();
  for (let index = 1; index < lines.length && !lines[index]!.startsWith('---'); index++) {
    const match = /^([^\s#'"-][^:]*?):(?:\s+(.*?))?\s*$/.exec(lines[index]!);
    if (!match) continue;
    const entry = seen.get(match[1]!);
    if (!entry) seen.set(match[1]!, { value: match[2] ?? '', lines: [index + 1] });
    else if (entry.value !== (match[2] ?? '') || entry.value === '') return null;
    else entry.lines.push(index + 1);
  }
  const repeats = [...seen].filter(([, entry]) => entry.lines.length > 1).map(([key, entry]) => ({ key, lines: entry.lines }));
  return repeats.length > 0 ? repeats : null;
}

/** Reads the frontmatter, or reports why it is not valid YAML (at its line and column) and returns null. */
export function readFrontmatterOrReport(
  text: string,
  sink: {
    error(line: number, column: number, message: string, hint?: string): void;
    warning?(line: number, column: number, message: string, hint?: string): void;
  },
): ReturnType<typeof readFrontmatter> | null {
  try {
    return readFrontmatter(text);
  } catch (error) {
    const { line, column, reason } = yamlErrorPosition(error);
    // A key written twice with one value says one thing: it is read, with a warning at the second line.
    const repeats = reason.startsWith('duplicated mapping key') && sink.warning ? sameValueRepeats(text) : null;
    if (repeats) {
      try {
        const read = readFrontmatter(text, { repeatedKeys: true });
        for (const { key, lines } of repeats)
          sink.warning!(
            lines[1]!,
            1,
            `The frontmatter key "${key}" is written ${lines.length} times (lines ${lines.join(', ')}), each with the same value; it is read once.`,
            `Delete the repeated "${key}:" line.`,
          );
        return read;
      } catch {
        // Another problem besides the repeated key: reported below.
      }
    }
    if (error instanceof AliasLimitError) {
      sink.error(
        line,
        column,
        error.message,
        'Write the values out instead of repeating them through anchors and aliases ("&name", "*name"): aliases of lists of aliases multiply.',
      );
      return null;
    }
    sink.error(
      line,
      column,
      `The frontmatter is not valid YAML: ${reason}.`,
      'Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character.',
    );
    return null;
  }
}

/**
 * Markdown for a renderer that reads frontmatter off its start (Astro's renderMarkdown, with its own YAML reader and
 * no limit on aliases): an empty frontmatter block in front, so a body that starts with "---" is rendered as written,
 * never read as YAML.
 */
export function withEmptyFrontmatter(markdown: string): string {
  return `---\n---\n${markdown}`;
}
