/**
 * One count of records for one hook log, wherever it is shown: the terminal's line (`cairn build`, `cairn validate`),
 * the phase's data-quality panel, the site's /data-quality/ page and status.json's dataQuality. A repository-wide log
 * (cairn.config.json's `hooks`) is counted whole in each; a phase's share of it is its events, said beside them.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { sourceLine } from '../../scripts/lib/check-content.ts';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { buildDataQualityView } from '../../src/core/views/data-quality.ts';
import { buildSiteDataQualityView } from '../../src/core/views/site-data-quality.ts';
import { buildStatusJson } from '../../src/core/views/status-json.ts';
import { AS_OF } from './fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'cairn-counts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

type Counts = [records: number, imported: number, skipped: number];

/** The counts each place gives, by the log's file name. */
function everywhere(root: string, hooks: string[] = [], configFile: string | null = null) {
  const content = loadContent(root, AS_OF, { hooks, configFile, hooksFrom: null });
  const terminal = new Map<string, Counts>();
  for (const line of [
    ...content.phases.flatMap((phase) => phase.dataQuality.sources.filter((source) => !source.shared).map(sourceLine)),
    ...(content.shared?.sources ?? []).map(sourceLine),
  ]) {
    const [, path, records, imported, skipped] = /^(\S+): [\w-]+, (\d+) records, (\d+) imported, (\d+) skipped/.exec(line)!;
    terminal.set(path!.split('/').at(-1)!, [Number(records), Number(imported), Number(skipped)]);
  }
  const byName = (sources: readonly { path: string; records: number | string; imported: number | string; skipped: number | string }[]) =>
    new Map(sources.map((source) => [source.path.split('/').at(-1)!, [source.records, source.imported, source.skipped].map(Number) as Counts]));
  return {
    content,
    terminal,
    panel: content.phases.map((phase) => byName(buildDataQualityView(phase).sources)),
    status: buildStatusJson(content.phases).phases.map((phase) => byName(phase.dataQuality.sources)),
    page: content.shared ? byName(buildSiteDataQualityView(content.shared, content.phases).sources) : new Map<string, Counts>(),
  };
}

describe('the counts of a hook log', () => {
  test("the example's own logs: the terminal, the panel and status.json say the same", () => {
    const { terminal, panel, status } = everywhere(resolve('content'));
    expect(Object.fromEntries(terminal)).toEqual({ 'memory-store.json': [4, 4, 0], 'memory.db': [81, 43, 38] });
    expect(panel).toEqual([terminal]);
    expect(status).toEqual([terminal]);
  });

  test("a repository-wide store: counted whole in the terminal, on the phase's panel, on /data-quality/ and in status.json", () => {
    // The example, its memory.db moved to the repository's .swarm/ as claude-flow keeps it (named from the config's folder).
    const repo = join(temp, 'shared');
    cpSync('content/phases/phase-7', join(repo, 'docs/phases/phase-7'), { recursive: true });
    mkdirSync(join(repo, '.swarm'));
    for (const name of ['memory.db', 'memory.db-wal']) renameSync(join(repo, 'docs/phases/phase-7/hooks', name), join(repo, '.swarm', name));
    vi.stubEnv('CAIRN_REPO_ROOT', repo);
    const { content, terminal, panel, status, page } = everywhere(join(repo, 'docs'), [join(repo, '.swarm/memory.db')], join(repo, 'cairn.config.json'));
    expect(Object.fromEntries(terminal)).toEqual({ 'memory-store.json': [4, 4, 0], 'memory.db': [81, 43, 38] });
    expect(panel).toEqual([terminal]);
    expect(status).toEqual([terminal]);
    expect(page.get('memory.db')).toEqual(terminal.get('memory.db'));
    // The phase's share is its events, the same on its panel, in the terminal and on the site's page.
    const [phase] = content.phases;
    const share = buildDataQualityView(phase!).sources.find((source) => source.shared)!;
    expect(share.share).toBe("repository log, counted whole: 35 of its events went to this phase's tasks");
    expect(sourceLine(content.shared!.sources[0]!)).toBe(
      '.swarm/memory.db: claude-flow-sqlite, 81 records, 43 imported, 38 skipped (repository log, its events: 35 to phase-7, 8 about the whole run)',
    );
    expect(buildSiteDataQualityView(content.shared!, content.phases).sources[0]!.phases.map((each) => [each.id, each.events])).toEqual([['phase-7', '35']]);
  });
});
