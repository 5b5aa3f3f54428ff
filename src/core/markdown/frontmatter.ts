import matter from 'gray-matter';
import yaml from 'js-yaml';

/**
 * Frontmatter with every scalar kept as the text written: YAML's own typing would turn `id: 7.10` into 7.1 and
 * `created: 2025-10-23` into a Date. js-yaml's failsafe schema reads strings, lists and maps only.
 */
export function readFrontmatter(text: string): { data: unknown; content: string; matter: string } {
  // Passing options also keeps gray-matter from returning a cached result for text it has seen before.
  const parsed = matter(text, { engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.FAILSAFE_SCHEMA }) as object } });
  return { data: parsed.data, content: parsed.content, matter: parsed.matter };
}

/** Where a YAML error points, as a 1-based line and column of the whole file. */
export function yamlErrorPosition(error: unknown): { line: number; column: number; reason: string } {
  const { mark, reason } = error as { mark?: { line: number; column: number }; reason?: string };
  // gray-matter hands the YAML over starting on the opening "---" line, so its 0-based line is the file's 1-based line minus one.
  return { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, reason: reason ?? String(error) };
}

/** Reads the frontmatter, or reports why it is not valid YAML (at its line and column) and returns null. */
export function readFrontmatterOrReport(text: string, sink: { error(line: number, column: number, message: string, hint?: string): void }): ReturnType<typeof readFrontmatter> | null {
  try {
    return readFrontmatter(text);
  } catch (error) {
    const { line, column, reason } = yamlErrorPosition(error);
    sink.error(line, column, `The frontmatter is not valid YAML: ${reason}.`, 'Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character.');
    return null;
  }
}
