/** Runs `npm run build` the way a coordinator does, into a temporary folder, and reads what it wrote. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatusJsonSchema, type StatusJson } from '../../src/core/schema/status-json.ts';
import { BUILD_AS_OF, cleanEnv, sharedSite, type SharedSite } from '../sites.ts';

export { BUILD_AS_OF };

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  statusJson(): StatusJson;
  page(path: string): string;
  /** Every file written, as absolute paths. */
  files(): string[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Builds the content folder `content` (relative to the project root, or absolute) with CAIRN_CONTENT, into a new folder or `outDir`. */
export function buildSite({
  content,
  asOf = BUILD_AS_OF,
  env = {},
  outDir = mkdtempSync(join(tmpdir(), 'cairn-build-')),
  args = [],
}: {
  content: string;
  asOf?: string | null;
  env?: Record<string, string>;
  outDir?: string;
  /** More flags for `cairn build` ("--at", "v1.0.0"). */
  args?: string[];
}): BuildResult {
  const run = spawnSync('npm', ['run', 'build', '--', '--out', outDir, ...args], {
    // asOf null: no time given, as a team builds; the build finds its own.
    env: {
      ...cleanEnv(),
      ...env,
      CAIRN_CONTENT: content,
      ...(asOf === null ? {} : { CAIRN_AS_OF: asOf }),
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return result(run.status, `${run.stdout}\n${run.stderr}`, outDir);
}

function result(status: number | null, output: string, outDir: string): BuildResult {
  return {
    status,
    output,
    outDir,
    statusJson: () => StatusJsonSchema.parse(JSON.parse(readFileSync(join(outDir, 'status.json'), 'utf8'))),
    page: (path: string) => readFileSync(join(outDir, path), 'utf8'),
    files: () => listFiles(outDir),
  };
}

/**
 * Dates before 2000 in any file of a built site, each with its file: a date no input has (the Unix epoch of an
 * unknown time) must never be shown. Chart.js and the search index's own code are left out: they are not the site's words.
 */
export function earlyDates(build: BuildResult): string[] {
  return build
    .files()
    .filter((file) => /\.(?:html|json|xml|md|txt|csv|svg)$/.test(file) && !file.includes('/pagefind/'))
    .flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /\b(1[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b|\b19[0-9]{2}\b(?=[^<\n]{0,40}(?:UTC|days? early|days? late))|January 1, 1970|Jan 1, 1970|1 Jan 1970/g,
        ),
      ].map((match) => `${file.slice(build.outDir.length + 1)}: ${match[0]}`),
    );
}

/** A site the suites share (test/sites.ts), built once for all of them; read it, never write into it. */
export function sharedBuild(name: SharedSite): BuildResult {
  const { outDir, output } = sharedSite(name);
  return result(0, output, outDir);
}

/** `npm run build` in the background, for tests of builds that run at the same time; resolves with its exit code and output. */
export function startBuild({
  content,
  outDir = mkdtempSync(join(tmpdir(), 'cairn-build-')),
}: {
  content: string;
  outDir?: string;
}): Promise<{ status: number | null; output: string; outDir: string }> {
  const child = spawn('npm', ['run', 'build', '--', '--out', outDir], {
    env: { ...cleanEnv(), CAIRN_CONTENT: content, CAIRN_AS_OF: BUILD_AS_OF, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output, outDir })));
}
