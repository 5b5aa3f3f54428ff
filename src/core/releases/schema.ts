/**
 * Release notes as zod schemas: one release (from a Keep a Changelog file, a notes file, or both merged) and a
 * parsed changelog file. Types are derived from them, as in ../schema.ts.
 * Format: Keep a Changelog 1.1.0, https://keepachangelog.com/en/1.1.0/
 */
import { z } from 'zod';

/** The six change types Keep a Changelog names, in its order. */
export const ChangeTypeSchema = z.enum(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']);

/** One changelog entry: a top-level list item. */
const ReleaseItemSchema = z.object({
  /**
   * The entry as Markdown, as written, without its list marker. Continuation lines and nested lists are kept,
   * dedented by the marker's width so the text stands on its own ("Foo\n- nested").
   */
  text: z.string(),
  /** Starts with "BREAKING" ("**BREAKING**", "⚠️ BREAKING"), contains "BREAKING CHANGE", or sits under a "Breaking" heading. */
  breaking: z.boolean(),
});
export type ReleaseItem = z.output<typeof ReleaseItemSchema>;

/** A "### Added" group of entries. */
const ReleaseSectionSchema = z.object({
  /** One of the six Keep a Changelog types (matched ignoring case and a trailing colon), else the heading as written; "Other" for entries under no heading. */
  type: z.union([ChangeTypeSchema, z.string()]),
  /** The heading text as written ("Added", "added:", "🔒 Security"), or null for entries under no "###" heading. */
  title: z.string().nullable(),
  /** Markdown between the heading and the first entry, as written, or null. */
  description: z.string().nullable(),
  items: z.array(ReleaseItemSchema),
});
export type ReleaseSection = z.output<typeof ReleaseSectionSchema>;

/** One version, from the changelog, a notes file, or both. */
const ReleaseSchema = z.object({
  /** As written, without brackets or a leading "v": "1.2.0", "2.0.0-rc.1", "1.x"; "Unreleased" for the unreleased section. */
  version: z.string(),
  /** YYYY-MM-DD, or null when the heading or notes file gives none. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Marked "[YANKED]" in the changelog, or `yanked: true` in its notes file. */
  yanked: z.boolean(),
  /** True for "## [Unreleased]": changes not yet in any version. */
  unreleased: z.boolean(),
  /** Entries grouped by change type, in the changelog's order. Empty for a release known only from its notes file. */
  sections: z.array(ReleaseSectionSchema),
  /** Any entry is breaking, or the heading or notes carry a "BREAKING" marker. */
  breaking: z.boolean(),
  /** One line from the notes file's frontmatter (`summary:`), or null. */
  summary: z.string().nullable(),
  /** Markdown under the changelog's version heading before its first "###" section, as written, or null. */
  description: z.string().nullable(),
  /** Phase ids from the notes file (`phases: [phase-7]`). */
  phases: z.array(z.string()),
  /** Task ids from the notes file (`tasks: ["7.1", "7.2"]`). */
  tasks: z.array(z.string()),
  /** The notes file's Markdown body (after the frontmatter), or null when there is no notes file or it is empty. */
  body: z.string().nullable(),
  /** The link reference definition for this version (`[1.2.0]: https://…`), or null. */
  url: z.string().nullable(),
  /** The changelog heading text as written after "## ", kept so an unchanged release renders as it was; null when not from a changelog. */
  heading: z.string().nullable(),
  /** Paths of the files this release was read from (changelog first, then the notes file). */
  sources: z.array(z.string()),
});
export type Release = z.output<typeof ReleaseSchema>;

/** A link reference definition, e.g. `[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0`. */
const LinkDefinitionSchema = z.object({
  /** The label as written, without brackets. */
  label: z.string(),
  url: z.string(),
  /** The optional quoted title, or null. */
  title: z.string().nullable(),
});
export type LinkDefinition = z.output<typeof LinkDefinitionSchema>;

/** A parsed CHANGELOG.md. */
const ChangelogSchema = z.object({
  /** Text of the leading "# Changelog" heading, or null when the file has none. */
  title: z.string().nullable(),
  /** Markdown between the title and the first "##" release heading, as written, or null. */
  preamble: z.string().nullable(),
  /** Releases in file order (Keep a Changelog puts the newest first). */
  releases: z.array(ReleaseSchema),
  /** Link reference definitions after the first release, in file order. */
  links: z.array(LinkDefinitionSchema),
  /** The list marker the file uses for entries, so rendering keeps it. */
  bullet: z.enum(['-', '*', '+']),
});
export type Changelog = z.output<typeof ChangelogSchema>;
