/**
 * cairn.config.json: where a team's package and hook logs are, and how its site is published. Every path in it is
 * relative to the file, so the same config works from any working directory. Problems are issues at the field's
 * line and column, like the content's; an unknown key is a warning (a typo must not silently do nothing).
 */
import { z } from 'zod';
import type { Issue } from '../schema/model.ts';
import { createIssueSink } from '../text/issues.ts';
import { jsonErrorReason, locateJsonError } from '../text/json-position.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { codePoint } from '../text/look-alike.ts';
import { fieldNames, formatIds, statusMeanings } from './reading.ts';

/** A path in the config: not empty, and no control character (a NUL would crash the file system calls; none names a file a team meant). */
const relativePath = z
  .string()
  .trim()
  .min(1, 'it is empty')
  .superRefine((path, context) => {
    const char = /\p{Cc}/u.exec(path)?.[0];
    if (char !== undefined) context.addIssue({ code: 'custom', message: `it holds a control character (${codePoint(char)}), which a path must not` });
  });

/** Quality gates for `cairn check` in CI: each a limit every phase must keep (model/gates.ts). */
const GatesSchema = z.strictObject({
  /** Blocked tasks a phase may have. */
  maxBlocked: z.int().nonnegative().optional(),
  /** Days the forecast may end after the stated completion date. */
  maxLateDays: z.number().nonnegative().optional(),
  /** The share of estimated work that must be complete, in percent. */
  minProgress: z.number().min(0).max(100).optional(),
  /** Targets that may be missed. */
  missedTargets: z.int().nonnegative().optional(),
  /**
   * How long an open phase may go without new evidence (a hook event, a commit, a dated line), measured to the real
   * time: false (the default) a day, a number that many days, true any time.
   */
  stale: z.union([z.boolean(), z.number().nonnegative()]).optional(),
});
export type Gates = z.output<typeof GatesSchema>;

const ConfigSchema = z.object({
  /** The folder that holds phases/, releases/ and snapshots/. */
  content: relativePath.optional(),
  /** Hook logs read for every phase: paths or globs (`*`, `**`), e.g. ".swarm/memory.db", ".claude-flow/metrics/*.json". */
  hooks: z.array(relativePath, { error: 'it must be a list of paths, such as [".swarm/memory.db"]' }).optional(),
  /** The address the site is published at (SITE), e.g. https://owner.github.io. */
  site: z.url({ protocol: /^https?$/, message: 'it is not an http(s) address' }).optional(),
  /** The path under the site (BASE), e.g. /repo/. */
  base: z.string().startsWith('/', 'it must start with "/"').optional(),
  /** The site's name in page titles. */
  title: z.string().trim().min(1, 'it is empty').optional(),
  /** Where the site is written: a folder Cairn made (it holds Cairn's mark), or a new or empty one. */
  out: relativePath.optional(),
  /** Files in the output folder that Cairn keeps through every build (paths or globs relative to it); CNAME and .nojekyll always are. */
  keep: z.array(relativePath, { error: 'it must be a list of paths in the output folder, such as ["CNAME"]' }).optional(),
  /** Folders outside the repository that `hooks` may read from (relative to the config file, or absolute). */
  allowOutside: z.array(relativePath, { error: 'it must be a list of folders, such as ["../shared-logs"]' }).optional(),
  /** Limits `cairn check` enforces. */
  gates: GatesSchema.optional(),
  /** A phase in which no reader found a task is a warning instead of an error. */
  allowEmpty: z.boolean({ error: 'it must be true or false' }).optional(),
  /** A team's own status words → what each means: {"Parked": "blocked", "Shipped": "complete"}. */
  statusWords: z
    .record(z.string().trim().min(1, 'a status word is empty'), z.enum(statusMeanings, { error: `a status word must mean ${statusMeanings.join(', ')}` }), {
      error: 'it must be an object of words and what they mean, such as {"Parked": "blocked"}',
    })
    .optional(),
  /** A team's own metadata keys → the field each names: {"Owner": "agent", "Size": "estimate"}. */
  fields: z
    .record(z.string().trim().min(1, 'a key is empty'), z.enum(fieldNames, { error: `a key must name one of the fields ${fieldNames.join(', ')}` }), {
      error: 'it must be an object of keys and the fields they name, such as {"Owner": "agent"}',
    })
    .optional(),
  /** Phase folders (globs relative to the config) → the task format they are read as: {"specs/**": "spec-kit"}. */
  formats: z
    .record(relativePath, z.enum(formatIds, { error: `a format must be one of ${formatIds.join(', ')}` }), {
      error: 'it must be an object of folder globs and formats, such as {"specs/**": "spec-kit"}',
    })
    .optional(),
  /** The build's "now" (CAIRN_AS_OF), ISO 8601. */
  asOf: z.iso.datetime({ offset: true, message: 'it is not an ISO 8601 time such as 2025-10-25T18:00:00Z' }).optional(),
  /** Which of the repository's tags are versions: a glob of tag names ("v*" by default; "release-*"). */
  tags: z
    .string()
    .trim()
    .min(1, 'it is empty')
    .regex(/^[^\s~^:\\[]+$/, 'it must be a glob of tag names, such as "v*"')
    .optional(),
});
export type Config = z.output<typeof ConfigSchema>;

const knownKeys = new Set(Object.keys(ConfigSchema.shape));
const hint = "See Cairn's docs/configuration.md for every key.";

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : `${index === 0 ? '' : '.'}${String(step)}`)).join('');
}

/** The known key (or command) a mistyped one was most likely meant to be ("allowempty", "hook", "biuld"), or null when none is close. */
export function closestKey(key: string, known: readonly string[]): string | null {
  const folded = key.toLowerCase().replace(/[-_\s]/g, '');
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(folded, name.toLowerCase());
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/** Edits (insert, delete, replace, swap two neighbours: "contnet") from one short key to another. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/** Reads the text of a config file; `config` is null when it has errors (they are in `issues`). */
export function parseConfig(text: string, path: string): { config: Config | null; issues: Issue[] } {
  const sink = createIssueSink(path);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { line, column } = locateJsonError(text, error);
    sink.error(line, column, `The config is not valid JSON: ${jsonErrorReason(error)}.`, hint);
    return { config: null, issues: sink.issues };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.error(1, 1, 'The config must be a JSON object, such as {"content": "docs/phases"}.', hint);
    return { config: null, issues: sink.issues };
  }
  for (const key of Object.keys(data).filter((name) => !knownKeys.has(name))) {
    const { line, column } = locateJsonPath(text, [key]);
    const near = closestKey(key, [...knownKeys]);
    sink.warning(line, column, `Unknown key "${key}"; it is ignored.${near ? ` Did you mean "${near}"?` : ''}`, `Cairn reads ${[...knownKeys].join(', ')}.`);
  }
  const result = ConfigSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { line, column } = locateJsonPath(text, issue.path);
      sink.error(line, column, `"${fieldName(issue.path)}" is not valid: ${issue.message}.`, hint);
    }
    return { config: null, issues: sink.issues };
  }
  return { config: result.data, issues: sink.issues };
}
