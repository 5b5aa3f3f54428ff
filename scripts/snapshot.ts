/**
 * `npm run snapshot -- <version> [--force | --if-missing]`: freezes the current content as a version in
 * content/snapshots/. A version already frozen is an error, unless --force replaces it or --if-missing keeps it (as CI
 * does, where the file may already be committed).
 */
import { countChanges, diffSnapshots, type ChangeCounts } from '../src/core/versions/diff.ts';
import { displayPath } from '../src/core/io/display-path.ts';
import { relativeToRoot } from '../src/core/io/root-relative.ts';
import { loadContent, resolveBuildAsOf } from '../src/core/pipeline/load-content.ts';
import { openPhaseCache } from '../src/core/pipeline/phase-cache.ts';
import { warmPhaseCache } from '../src/core/pipeline/warm-phase-cache.ts';
import { contentRoot } from '../src/core/io/read-package.ts';
import { readReleases } from '../src/core/io/read-releases.ts';
import { checkVersionName, readSnapshots, snapshotsDir, writeSnapshot } from '../src/core/pipeline/snapshots.ts';
import { formatIssue, hasErrors, sortIssues } from '../src/core/text/issues.ts';
import { freezeSnapshot, newVersionProblem, previousVersion } from '../src/core/versions/snapshot.ts';

const usage = 'usage: cairn snapshot <version> [--force | --if-missing]\n  e.g. cairn snapshot 1.0.0';

function fail(message: string, hint?: string): never {
  console.error(hint ? `${message}\n  hint: ${hint}` : message);
  process.exit(1);
}

/** "2 task statuses, 1 metric, 0 criteria, …": every kind, so a quiet version reads as such. */
function summarize(counts: ChangeCounts): string {
  const parts: [number, string, string][] = [
    [counts.tasks, 'task status', 'task statuses'],
    [counts.metrics, 'metric', 'metrics'],
    [counts.criteria, 'criterion', 'criteria'],
    [counts.deliverables, 'deliverable', 'deliverables'],
    [counts.releases, 'release', 'releases'],
    [counts.phasesAdded, 'phase added', 'phases added'],
    [counts.phasesRemoved, 'phase removed', 'phases removed'],
  ];
  return parts.map(([count, one, many]) => `${count} ${count === 1 ? one : many}`).join(', ');
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const ifMissing = args.includes('--if-missing');
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--force' && arg !== '--if-missing');
if (force && ifMissing) fail(`--force replaces a frozen version and --if-missing keeps it: give one of them.\n${usage}`);
const positional = args.filter((arg) => !arg.startsWith('--'));
if (unknown.length > 0) fail(`Unknown option ${unknown.join(', ')}.\n${usage}`);
if (positional.length === 0) fail(`No version given.\n${usage}`);
if (positional.length > 1) fail(`One version at a time; got ${positional.join(', ')}.\n${usage}`);
// A tag's name ("v1.2.0") names the version without its "v".
const version = /^v\d/.test(positional[0]!) && newVersionProblem(positional[0]!.slice(1)) === null ? positional[0]!.slice(1) : positional[0]!;
const invalid = checkVersionName(version) ?? newVersionProblem(version);
if (invalid) fail(invalid, 'Use a semantic version, e.g. 1.0.0, 2.0.0-rc.1 or 2025.10.26.');
if (version !== positional[0]) console.log(`Freezing version ${version} (${positional[0]} without its "v").`);

const root = contentRoot();
try {
  const existing = readSnapshots(root);
  if (ifMissing && existing.snapshots.some((snapshot) => snapshot.version === version)) {
    console.log(`Version ${version} is already frozen in ${displayPath(snapshotsDir(root))}; it was kept as it is.`);
    process.exit(0);
  }
  if (!force && existing.snapshots.some((snapshot) => snapshot.version === version)) {
    fail(
      `Version ${version} already exists in ${displayPath(snapshotsDir(root))}.`,
      `Pick a new version, or replace it with \`cairn snapshot ${version} --force\`.`,
    );
  }
  const cache = openPhaseCache();
  await warmPhaseCache(root, cache);
  const { phases, issues: contentIssues } = loadContent(root, resolveBuildAsOf(), { cache });
  const releases = readReleases(root);
  const issues = sortIssues([...contentIssues, ...releases.issues]);
  if (hasErrors(issues)) {
    for (const issue of issues) console.error(formatIssue(issue));
    fail(`\nNothing was frozen: fix the errors above and run again.`);
  }
  const versions = releases.releases.filter((release) => !release.unreleased).map((release) => release.version);
  // Frozen as the site shows it: paths from the content root, so a version reads the same wherever it was made.
  const snapshot = freezeSnapshot({ version, phases: relativeToRoot(phases, root), releases: versions });
  const { written, issues: writeIssues } = writeSnapshot(root, snapshot, { force });
  if (!written) {
    for (const issue of writeIssues) console.error(formatIssue(issue));
    process.exit(1);
  }
  const tasks = phases.reduce((sum, phase) => sum + phase.tasks.length, 0);
  console.log(
    `${written.replaced ? 'Replaced' : 'Wrote'} ${written.path} (${written.bytes} bytes): ${phases.length} phase(s), ${tasks} task(s), as of ${snapshot.frozenAt}.`,
  );
  // Other snapshots that cannot be read do not stop this one; the build reports them.
  for (const issue of existing.issues) console.error(formatIssue({ ...issue, severity: 'warning' }));
  const previous = previousVersion(
    existing.snapshots.filter((entry) => entry.version !== version),
    version,
  );
  if (previous) console.log(`Changes since ${previous.version}: ${summarize(countChanges(diffSnapshots(previous, snapshot)))}.`);
} catch (error) {
  // Bad input never lands here (parsers return issues); a file-system failure or a bug in Cairn does, so say which.
  console.error(
    `Cairn could not freeze version ${version} under ${displayPath(root)}: ${(error as Error).message}\n  hint: check that the folder exists and is writable; if it is, this is a bug in Cairn, please report it.`,
  );
  process.exit(2);
}
