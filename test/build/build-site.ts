/** Runs `npm run build` the way a coordinator does, into a temporary folder, and reads what it wrote. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatusJsonSchema, type StatusJson } from '../../src/core/schema.ts';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  statusJson(): StatusJson;
  page(path: string): string;
}

/** Builds the content folder `content` (relative to the project root) with CAIRN_CONTENT. */
export function buildSite({ content }: { content: string }): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'cairn-build-'));
  const run = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], {
    env: { ...process.env, CAIRN_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return {
    status: run.status,
    output: `${run.stdout}\n${run.stderr}`,
    outDir,
    statusJson: () => StatusJsonSchema.parse(JSON.parse(readFileSync(join(outDir, 'status.json'), 'utf8'))),
    page: (path: string) => readFileSync(join(outDir, path), 'utf8'),
  };
}
