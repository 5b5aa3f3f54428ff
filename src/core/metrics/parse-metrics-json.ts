import { createIssueSink } from '../text/issues.ts';
import type { Issue } from '../schema/model.ts';
import { jsonErrorReason, locateJsonError } from '../text/json-position.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { normalizeKey } from './normalize-key.ts';

/** Keys that describe the file rather than measure anything. */
const metadataKeys = new Set([
  'timestamp',
  'generated_at',
  'generatedat',
  'measured_at',
  'measuredat',
  'date',
  'created',
  'created_at',
  'updated_at',
  'phase',
  'phase_id',
  'notes',
  'note',
  'description',
  'source',
  'commit',
  'session',
  'schema',
  '_comment',
]);
const timestampKeys = new Set(['timestamp', 'generated_at', 'generatedat', 'measured_at', 'measuredat', 'date', 'created', 'created_at', 'updated_at']);

export interface MetricEntry {
  /** Normalized key, nested objects joined with "_". */
  key: string;
  /** The name as written, nested names joined with ".": "build_time.clean". */
  name: string;
  raw: number | string | boolean;
}

export interface ParsedMetricsFile {
  entries: MetricEntry[];
  /** The file's own timestamp (ISO 8601), if it has one. */
  timestamp: string | null;
  issues: Issue[];
}

/**
 * Reads baseline-metrics.json or final-metrics.json: an object of free-form values. Nested objects are flattened
 * ({"build_time": {"clean": "17s"}} → build_time_clean); arrays cannot be one metric and are reported.
 */
export function parseMetricsJson(input: string, path: string): ParsedMetricsFile {
  const sink = createIssueSink(path);
  // A byte order mark ("UTF-8 with BOM") is not JSON, but it is no mistake in the metrics either.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line, column } = locateJsonError(text, error);
    sink.error(
      line,
      column,
      `The file is not valid JSON: ${jsonErrorReason(error)}.`,
      'Fix the JSON syntax (a missing comma or quote is the usual cause); validate with `npx json5 --validate` or an editor.',
    );
    return { entries: [], timestamp: null, issues: sink.issues };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.error(
      1,
      1,
      'The file must hold one JSON object of metric names and values.',
      'Write it as {"clippy_warnings": 12, "test_pass_rate": "626/630 (99.4%)"}.',
    );
    return { entries: [], timestamp: null, issues: sink.issues };
  }
  const entries: MetricEntry[] = [];
  let timestamp: string | null = null;
  const walk = (object: Record<string, unknown>, prefix: string, namePrefix: string, jsonPath: readonly string[]) => {
    for (const [name, value] of Object.entries(object)) {
      const key = normalizeKey(prefix ? `${prefix}_${name}` : name);
      const written = namePrefix ? `${namePrefix}.${name}` : name;
      // The line of this very key: a name used twice ({"a": {"x": 1}, "b": {"x": [1]}}) is found by its path.
      const line = () => locateJsonPath(text, [...jsonPath, name]).line;
      if (!prefix && timestampKeys.has(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
        timestamp = new Date(value).toISOString();
        continue;
      }
      if (!prefix && metadataKeys.has(key)) continue;
      if (value === null) entries.push({ key, name: written, raw: 'null' });
      else if (Array.isArray(value)) {
        sink.warning(
          line(),
          1,
          `"${written}" is a list, not one value, so it is not shown as a metric.`,
          'Give each measured value its own key, or nest them in an object.',
        );
      } else if (typeof value === 'number' && !Number.isFinite(value)) {
        sink.warning(
          line(),
          1,
          `"${written}" is too large for a number (it reads as ${value}), so it is not shown as a metric.`,
          'Write the value as text ("1e400") or in a larger unit.',
        );
      } else if (typeof value === 'object') {
        // Past any real nesting, and before the stack runs out on a file nested thousands of levels deep.
        if (jsonPath.length + 1 >= maxDepth)
          sink.warning(
            line(),
            1,
            `"${written}" is nested more than ${maxDepth} levels deep; what is inside it is not read.`,
            'Flatten the file: nest metrics one or two levels at most.',
          );
        else walk(value as Record<string, unknown>, key, written, [...jsonPath, name]);
      } else entries.push({ key, name: written, raw: value as number | string | boolean });
    }
  };
  walk(data as Record<string, unknown>, '', '', []);
  return { entries, timestamp, issues: sink.issues };
}

/** How deep nested objects are followed. */
const maxDepth = 16;
