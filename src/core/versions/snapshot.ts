/**
 * Frozen versions: the whole phase model at one moment, minus the per-event list, written as stable JSON so the same
 * content always gives the same bytes. Pure: reading and writing the files is in io/snapshots.ts.
 */
import { compare as compareSemver, parse as parseSemver } from 'semver';
import { z } from 'zod';
import { isStale } from '../model/freshness.ts';
import { agentReports, judgeHealth } from '../model/judge.ts';
import { createIssueSink } from '../text/issues.ts';
import { emptyActivity, EventViewSchema, PhaseSchema, type Issue, type Phase } from '../schema/model.ts';
import { jsonErrorReason, locateJsonError } from '../text/json-position.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
import { siteAsOf } from '../model/freshness.ts';

/** A phase as a snapshot keeps it: everything but the hook events and their summaries, which are what makes a model big. */
const FrozenPhaseSchema = PhaseSchema.extend({
  /** Always empty in a snapshot; per-task event counts, evidence and timings stay on the tasks. */
  events: z.array(EventViewSchema).max(0),
});
export type FrozenPhase = z.output<typeof FrozenPhaseSchema>;

/** content/snapshots/<version>.json. */
const SnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  /** The version name, also the file name: "1.0.0", "2.0.0-rc.1". */
  version: z.string().min(1),
  /** The content's own as-of (newest input time, ISO 8601 UTC), never the clock. */
  frozenAt: z.iso.datetime(),
  /** Release versions known when the snapshot was taken, oldest first. */
  releases: z.array(z.string()),
  /** Every phase, in the model's order. */
  phases: z.array(FrozenPhaseSchema),
});
export type Snapshot = z.output<typeof SnapshotSchema>;

/** Text compare by code point: locale-independent, so every machine orders alike. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Orders two version names, negative when `a` is older. Semver when both parse ("1.10.0" after "1.9.0",
 * "2.0.0-rc.1" before "2.0.0"); a name that is not semver sorts before every semver name, and such names compare
 * by text among themselves. Keeping the two groups apart keeps the order transitive.
 */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseSemver(a), parseSemver(b)];
  if (x && y) return compareSemver(x, y) || byText(a, b); // "v1.0.0" and "1.0.0" are equal to semver
  if (x || y) return x ? 1 : -1;
  return byText(a, b);
}

/** MAJOR.MINOR.PATCH, then an optional -prerelease and +build (semver.org's own expression). */
const semanticVersion =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Why `version` cannot be frozen as a new version, or null when it can: it must be a semantic version, so that it
 * sorts among the others as a release does ("1.1" would sort before "1.0.0", every name that is not semver does).
 */
export function newVersionProblem(version: string): string | null {
  if (semanticVersion.test(version)) return null;
  const parts = /^v?(\d+)(?:\.(\d+))?$/.exec(version);
  const instead = parts ? ` (${[parts[1], parts[2] ?? '0', '0'].join('.')}?)` : '';
  return `The version "${version}" is not a semantic version${instead}: write MAJOR.MINOR.PATCH, optionally with -prerelease or +build, so it sorts among the other versions as a release does.`;
}

/** Snapshots oldest → newest by version; the input is not changed. */
export function orderSnapshots<T extends { version: string }>(list: readonly T[]): T[] {
  return list.toSorted((a, b) => compareVersions(a.version, b.version)); // oldest first
}

/** The newest entry of `list` older than `version` (which need not be in the list), or null when there is none. */
export function previousVersion<T extends { version: string }>(list: readonly T[], version: string): T | null {
  return orderSnapshots(list).findLast((entry) => compareVersions(entry.version, version) < 0) ?? null;
}

interface FreezeInput {
  version: string;
  phases: readonly Phase[];
  /** Release versions known now; deduplicated and ordered oldest first. */
  releases: readonly string[];
}

/**
 * Freezes the live model. Each phase keeps everything but its events. Its "now" becomes the snapshot's own as-of
 * (`frozenAt`), and staleness is judged against it, so the snapshot does not depend on when it was taken.
 */
export function freezeSnapshot({ version, phases, releases }: FreezeInput): Snapshot {
  const frozenAt = new Date(
    siteAsOf(phases) ??
      phases
        .map((phase) => phase.buildAsOf)
        .toSorted()
        .at(-1) ??
      Date.now(),
  ).toISOString();
  return {
    schemaVersion: 1,
    version,
    frozenAt,
    releases: [...new Set(releases)].toSorted(compareVersions), // oldest first
    phases: phases.map((phase) => freezePhase(phase, frozenAt)),
  };
}

function freezePhase(phase: Phase, frozenAt: string): FrozenPhase {
  // Measured to the version's as-of instead of the build's.
  const stale = isStale(phase.dataQuality.newestEvent, phase.tasks, frozenAt);
  // The files each task edited are a long list on a big phase, and no frozen page shows them. Of the activity, only
  // the agents' warnings and errors are kept: the judge reads them, so the version lists the risks the live page does.
  const activity = { ...emptyActivity(), notifications: agentReports(phase) };
  return judgeHealth({
    ...phase,
    tasks: phase.tasks.map((task) => ({ ...task, files: [] })),
    events: [],
    activity,
    buildAsOf: frozenAt,
    dataQuality: { ...phase.dataQuality, stale },
  });
}

/**
 * The snapshot as file text: JSON, 2-space indent, trailing newline. Parsing through the schema puts keys in schema
 * order; arrays keep the model's order (tasks by id, metrics in table order), so equal content gives equal bytes.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(SnapshotSchema.parse(snapshot), null, 2)}\n`;
}

const rewriteHint = 'Snapshots are written by `cairn snapshot <version>`: restore this file from git, or freeze the version again with `--force`.';

/** "phases[0].tasks[2].status". */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : `${index === 0 ? '' : '.'}${String(step)}`)).join('');
}

/** Reads snapshot text. Bad JSON, another schemaVersion or fields that break the schema become issues; never throws. */
export function parseSnapshot(text: string, path: string): { snapshot: Snapshot | null; issues: Issue[] } {
  const sink = createIssueSink(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line, column } = locateJsonError(text, error);
    sink.error(line, column, `The snapshot is not valid JSON: ${jsonErrorReason(error)}.`, rewriteHint);
    return { snapshot: null, issues: sink.issues };
  }
  const schemaVersion = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>).schemaVersion : undefined;
  if (schemaVersion !== undefined && schemaVersion !== 1) {
    const { line, column } = locateJsonPath(text, ['schemaVersion']);
    sink.error(
      line,
      column,
      `The snapshot has schemaVersion ${JSON.stringify(schemaVersion)}; this version of Cairn reads schemaVersion 1.`,
      `Build with the Cairn that wrote it, or freeze the version again with \`cairn snapshot <version> --force\`.`,
    );
    return { snapshot: null, issues: sink.issues };
  }
  const result = SnapshotSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { line, column } = locateJsonPath(text, issue.path);
      const field = issue.path.length > 0 ? `The field ${formatPath(issue.path)}` : 'The snapshot';
      sink.error(line, column, `${field} does not fit the snapshot schema: ${issue.message}.`, rewriteHint);
    }
    return { snapshot: null, issues: sink.issues };
  }
  // Judged again by this version of Cairn's rules at the version's own time, so a version frozen by an older Cairn
  // says what its live pages would have said, and nothing on its pages disagrees.
  return { snapshot: { ...result.data, phases: result.data.phases.map((phase) => judgeHealth(phase)) }, issues: [] };
}
