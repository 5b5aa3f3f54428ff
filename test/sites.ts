/**
 * Sites that several suites look at, built once per change of their inputs. The build tests and the end-to-end
 * tests both read the example as of the same time; each asks for it here, and the first to ask builds it into a
 * folder of its own under node_modules/.cache. Cairn's code, its config and the content are hashed into a stamp
 * beside the folder: while the stamp holds, the built site is the one these inputs give, and it is used as is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const project = resolve(import.meta.dirname, '..');

/** The build's as-of time in tests: fixed, so staleness and elapsed times do not follow the clock. */
export const BUILD_AS_OF = '2025-10-25T18:00:00Z';

/** The shared sites: a content folder each, built with CAIRN_AS_OF = BUILD_AS_OF and no SITE or BASE. */
export const sharedSites = {
  example: 'content',
  hostile: 'test/fixtures/packages/hostile',
  /** The seed package as real projects write it (bold lines, emoji, the README with its mojibake), without hook logs. */
  seed: 'test/fixtures/packages/real-world',
} as const;
export type SharedSite = keyof typeof sharedSites;

/**
 * The environment of a build run from a test: vitest puts Vite's own variables (BASE_URL, MODE, DEV, PROD, SSR) into
 * process.env, and a child Astro build would take BASE_URL from there instead of from BASE.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const skip = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV', 'SITE', 'BASE', 'CAIRN_CONTENT', 'CAIRN_AS_OF']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !skip.has(key) && !key.startsWith('VITEST')));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** What a build's output depends on: Cairn's code and config, the installed packages, the content, the as-of time. */
function stampOf(content: string): string {
  const hash = createHash('sha256').update(`${BUILD_AS_OF}\0`);
  const inputs = ['src', 'scripts', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json', content].flatMap((path) => listFiles(resolve(project, path)));
  for (const file of inputs.toSorted()) hash.update(`${relative(project, file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

export interface SharedBuild {
  outDir: string;
  /** The build's output, from the run that built it. */
  output: string;
}

interface Plan {
  name: SharedSite;
  outDir: string;
  stampFile: string;
  stamp: string;
  /** The saved build, when it is still the one these inputs give. */
  current: SharedBuild | null;
}

function plan(name: SharedSite): Plan {
  const outDir = resolve(project, 'node_modules/.cache/cairn-test/sites', name);
  const stampFile = `${outDir}.stamp.json`;
  const stamp = stampOf(sharedSites[name]);
  let current: SharedBuild | null = null;
  if (existsSync(stampFile) && existsSync(outDir)) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8')) as { stamp: string; output: string };
    if (saved.stamp === stamp) current = { outDir, output: saved.output };
  }
  return { name, outDir, stampFile, stamp, current };
}

const buildArgs = (outDir: string) => ['run', 'build', '--', '--out', outDir];
const buildEnv = (name: SharedSite) => ({
  ...cleanEnv(),
  CAIRN_CONTENT: sharedSites[name],
  CAIRN_AS_OF: BUILD_AS_OF,
  ASTRO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
});

function finish({ name, outDir, stampFile, stamp }: Plan, status: number | null, output: string): SharedBuild {
  if (status !== 0) throw new Error(`The shared site "${name}" (${sharedSites[name]}) did not build:\n${output}`);
  writeFileSync(stampFile, JSON.stringify({ stamp, output }));
  return { outDir, output };
}

function start(site: Plan): void {
  rmSync(site.stampFile, { force: true });
  mkdirSync(site.outDir, { recursive: true });
}

/**
 * The shared site `name`, built now unless its folder already holds what the current inputs give. A failed build
 * throws with its output: every suite that shares a site needs it.
 */
export function sharedSite(name: SharedSite): SharedBuild {
  const site = plan(name);
  if (site.current) return site.current;
  start(site);
  const run = spawnSync('npm', buildArgs(site.outDir), { cwd: project, env: buildEnv(name), encoding: 'utf8', timeout: 240_000 });
  return finish(site, run.status, `${run.stdout}\n${run.stderr}`);
}

/** Builds every shared site that is not current, at the same time (the test runs' global setup). */
export async function prepareSharedSites(): Promise<void> {
  const stale = (Object.keys(sharedSites) as SharedSite[]).map(plan).filter((site) => !site.current);
  await Promise.all(
    stale.map((site) => {
      start(site);
      const child = spawn('npm', buildArgs(site.outDir), { cwd: project, env: buildEnv(site.name) });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      return new Promise<SharedBuild>((resolve, reject) =>
        child.on('close', (status) => {
          try {
            resolve(finish(site, status, output));
          } catch (error) {
            reject(error);
          }
        }),
      );
    }),
  );
}
