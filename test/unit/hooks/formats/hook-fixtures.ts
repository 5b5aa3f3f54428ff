/** The hook-log fixtures the format tests share, read as the importers get them: parsed JSON values. */
import { parseJsonLenient } from '../../../../src/core/text/parse-json-lenient.ts';
import type { ImportResult } from '../../../../src/core/schema/package-files.ts';
import { readFixture } from '../../fixtures.ts';

/** Every fixture under test/fixtures/hooks/ that these tests use, by the format it holds (the folder name). */
export const hookFixtures = {
  'claude-code-log': [
    'big3-notification.json',
    'big3-pre-tool-use-first-20-of-127.json',
    'big3-stop.json',
    'big3-subagent-stop.json',
    'big3-user-prompt-submit.json',
    'fastapi-mqtt-gateway-stop.json',
    'fastapi-mqtt-gateway-user-prompt-submit.json',
    'openshrooly-notification.json',
    'openshrooly-stop.json',
    'openshrooly-webapp-post-tool-use.json',
    'openshrooly-webapp-pre-tool-use.json',
    'openshrooly-webapp-stop.json',
    'teamwork-pre-compact.json',
    'teamwork-pre-tool-use-trailing-bytes.json',
    'teamwork-session-start-camelcase.json',
    'teamwork-stop-camelcase.json',
    'teamwork-subagent-stop.json',
  ],
  'claude-flow-metrics': [
    'agent-metrics-empty.json',
    'dsfr-mcp-performance-old-shape.json',
    'dsfr-mcp-task-metrics.json',
    'hccg-performance-old-shape.json',
    'hccg-task-metrics.json',
    'myclaudeflowsetup-performance-new-shape.json',
    'myclaudeflowsetup-system-metrics.json',
    'myclaudeflowsetup-task-metrics.json',
    'run1-seed-performance-new-shape.json',
    'run1-seed-task-metrics.json',
    'saverly-modern-performance-old-shape.json',
    'saverly-modern-task-metrics.json',
  ],
  'claude-flow-v3-json': [
    'ruflo-learning.json',
    'ruflo-swarm-activity.json',
    'ruflo-v3-progress.json',
    'run3-auto-memory-store.json',
    'run3-neural-patterns.json',
    'run3-neural-stats.json',
  ],
  'claude-flow-data': ['myclaudeflowsetup-alpha-data-empty.json', 'saverly-modern-empty.json'],
  // Shapes of formats other modules read; none of the four JSON modules may claim them.
  'sqlite-json': ['run1-seed-memory-entries.json'],
  'claude-flow-memory-store': [
    'run1-seed-memory-export-coordination.json',
    'run1-seed-memory-export-default-empty.json',
    'run1-seed-memory-store.json',
    'saverly-modern-memory-store.json',
  ],
  'claude-flow-memory-export': ['claude-flow-windows.json'],
} as const;

export type FixtureFormat = keyof typeof hookFixtures;

/** Every fixture as `[format, path under hooks/]`. */
export const allHookFixtures: [FixtureFormat, string][] = Object.entries(hookFixtures).flatMap(([format, names]) =>
  names.map((name): [FixtureFormat, string] => [format as FixtureFormat, `${format}/${name}`]),
);

/** A fixture parsed as the dispatcher parses it (trailing garbage ignored), e.g. readHookJson('claude-code-log/big3-stop.json'). */
export function readHookJson(name: string): unknown {
  const parsed = parseJsonLenient(readFixture(`hooks/${name}`));
  if (!parsed.ok) throw new Error(`fixture hooks/${name} is not JSON: ${parsed.message}`);
  return parsed.value;
}

/** What a test compares: the report's counts and reasons, and events per kind. */
export function summarize({ report, events }: ImportResult) {
  const kinds: Record<string, number> = {};
  for (const event of events) kinds[event.kind] = (kinds[event.kind] ?? 0) + 1;
  return { records: report.records, imported: report.imported, skipped: report.skipped, skippedReasons: report.skippedReasons, kinds };
}

/** How many times each value occurs, e.g. countBy(events.map((event) => event.level)). */
export function countBy(values: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}
