import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanLeftovers, entriesUnder, prepareStaging, stageSite, swapInto } from '../../../scripts/lib/publish.ts';
import { readSiteMark, SITE_MARK } from '../../../scripts/lib/output-folder.ts';

/** A built site of `count` pages, each saying which generation it is. */
function pagesOf(generation: string, count: number, extra: string[] = []): string {
  const pages = mkdtempSync(join(tmpdir(), `cairn-pages-${generation}-`));
  for (let index = 0; index < count; index += 1) {
    mkdirSync(join(pages, 'phase', `task-${index}`), { recursive: true });
    writeFileSync(join(pages, 'phase', `task-${index}`, 'index.html'), `<p>${generation} ${index}</p>`);
  }
  for (const file of extra) writeFileSync(join(pages, file), `${generation} ${file}`);
  return pages;
}

function publish(pages: string, outDir: string, keep: string[] = []): ReturnType<typeof stageSite> {
  cleanLeftovers(outDir);
  const staging = prepareStaging(outDir);
  const staged = stageSite(pages, staging, outDir, null, keep);
  swapInto(staging, outDir);
  return staged;
}

const siteFiles = (dir: string) =>
  entriesUnder(dir)
    .files.filter((file) => file !== SITE_MARK)
    .toSorted();

describe('publishing a site whole', () => {
  test('the new site replaces the old, files Cairn did not write are carried over and said, and nothing is left beside it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'cairn-publish-'));
    const outDir = join(parent, 'site');
    publish(pagesOf('old', 3, ['gone.html']), outDir);
    expect(readSiteMark(outDir)?.files).toEqual(['gone.html', 'phase/task-0/index.html', 'phase/task-1/index.html', 'phase/task-2/index.html']);
    // The team's own files: a custom domain, a verification page, a file named by `keep` that the site also writes.
    writeFileSync(join(outDir, 'CNAME'), 'status.example.org');
    writeFileSync(join(outDir, 'google1234.html'), 'google-site-verification');
    mkdirSync(join(outDir, 'extra'));
    writeFileSync(join(outDir, 'extra', 'notes.txt'), 'by hand');
    writeFileSync(join(outDir, 'robots.txt'), 'team robots');

    const staged = publish(pagesOf('new', 2, ['robots.txt']), outDir, ['robots.txt']);
    expect(staged.kept).toEqual(['CNAME', 'extra/notes.txt', 'google1234.html', 'robots.txt']);
    expect(siteFiles(outDir)).toEqual(['CNAME', 'extra/notes.txt', 'google1234.html', 'phase/task-0/index.html', 'phase/task-1/index.html', 'robots.txt']);
    expect(readFileSync(join(outDir, 'phase/task-0/index.html'), 'utf8')).toBe('<p>new 0</p>');
    expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toBe('team robots');
    expect(readFileSync(join(outDir, 'CNAME'), 'utf8')).toBe('status.example.org');
    // The mark lists what Cairn wrote; the team's files stay the team's through the next build too.
    expect(readSiteMark(outDir)?.files).toEqual(['phase/task-0/index.html', 'phase/task-1/index.html']);
    expect(publish(pagesOf('third', 1), outDir).kept).toEqual(['CNAME', 'extra/notes.txt', 'google1234.html', 'robots.txt']);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  test('unchanged files are hard links to the published ones, changed ones new files: the published site is never written into', () => {
    const parent = mkdtempSync(join(tmpdir(), 'cairn-publish-'));
    const outDir = join(parent, 'site');
    const pages = pagesOf('one', 2);
    const last = { outDir, at: Date.now() + 1000 };
    const old = new Date(Date.now() - 60_000);
    for (const file of entriesUnder(pages).files) utimesSync(join(pages, file), old, old);
    swapInto(
      (() => {
        const staging = prepareStaging(outDir);
        stageSite(pages, staging, outDir, null);
        return staging;
      })(),
      outDir,
    );
    const held = readFileSync(join(outDir, 'phase/task-1/index.html'), 'utf8');
    writeFileSync(join(pages, 'phase/task-1/index.html'), '<p>two 1</p>');
    utimesSync(join(pages, 'phase/task-1/index.html'), new Date(last.at + 1), new Date(last.at + 1));
    const staging = prepareStaging(outDir);
    const staged = stageSite(pages, staging, outDir, last);
    expect([staged.linked, staged.copied]).toEqual([1, 1]);
    // Before the swap the published page is as it was; after it, the new page is there.
    expect(readFileSync(join(outDir, 'phase/task-1/index.html'), 'utf8')).toBe(held);
    swapInto(staging, outDir);
    expect(readFileSync(join(outDir, 'phase/task-1/index.html'), 'utf8')).toBe('<p>two 1</p>');
  });

  test("a build killed between its two renames is put back by the next; leftovers of dead builds are removed, a running build's are not", () => {
    const parent = mkdtempSync(join(tmpdir(), 'cairn-publish-'));
    const outDir = join(parent, 'site');
    publish(pagesOf('old', 2), outDir);
    // As a build that died (pid 2^22 + 1 is above Linux's pid limit) leaves them.
    renameSync(outDir, join(parent, '.site.cairn-previous-4194305'));
    mkdirSync(join(parent, '.site.cairn-staging-4194305'));
    mkdirSync(join(parent, `.site.cairn-staging-${process.pid}`));
    expect(cleanLeftovers(outDir)).toEqual({ removed: ['.site.cairn-staging-4194305'], restored: true });
    expect(siteFiles(outDir)).toEqual(['phase/task-0/index.html', 'phase/task-1/index.html']);
    expect(readdirSync(parent).toSorted()).toEqual([`.site.cairn-staging-${process.pid}`, 'site']);
  });

  // A publish killed at any moment (as CI cancels a job): the folder holds the old site or the new one, whole, and no
  // temporary file; the next build cleans what was left beside it.
  test('killed at any moment of publishing, the output holds one whole site and no temporary file', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cairn-killed-'));
    const oldPages = pagesOf('old', 600);
    const newPages = pagesOf('new', 700);
    const driver = join(parent, 'driver.ts');
    writeFileSync(
      driver,
      `import { cleanLeftovers, prepareStaging, stageSite, swapInto } from ${JSON.stringify(resolve('scripts/lib/publish.ts'))};
const [pages, outDir] = process.argv.slice(2);
cleanLeftovers(outDir);
const staging = prepareStaging(outDir);
process.stdout.write('start\\n');
stageSite(pages, staging, outDir, null);
swapInto(staging, outDir);
process.stdout.write('done\\n');
`,
    );
    const run = (pages: string, outDir: string, killAfter: number | null) =>
      new Promise<string>((done) => {
        const child = spawn(process.execPath, [driver, pages, outDir]);
        let said = '';
        child.stdout.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (killAfter !== null && said.includes('start')) setTimeout(() => child.kill('SIGKILL'), killAfter);
        });
        child.on('close', () => done(said));
      });
    const outcomes = new Set<string>();
    for (const killAfter of [0, 10, 25, 45, 70, 100]) {
      const outDir = join(parent, `site-${killAfter}`);
      expect(await run(oldPages, outDir, null)).toContain('done');
      const said = await run(newPages, outDir, killAfter);
      if (!existsSync(outDir)) {
        outcomes.add('between the renames');
        expect(cleanLeftovers(outDir).restored).toBe(true);
      }
      const files = siteFiles(outDir);
      const generations = new Set(files.map((file) => readFileSync(join(outDir, file), 'utf8').split(' ')[0]));
      expect(generations.size, `killed after ${killAfter} ms`).toBe(1);
      const generation = [...generations][0]!;
      outcomes.add(said.includes('done') ? 'finished' : `killed: ${generation}`);
      expect(files).toHaveLength(generation === '<p>new' ? 700 : 600);
      expect(files.filter((file) => file.includes('.cairn-'))).toEqual([]);
      cleanLeftovers(outDir);
      expect(readdirSync(parent).filter((name) => name.startsWith(`.site-${killAfter}.`))).toEqual([]);
    }
    // The kills fell both before the swap and after it (or the publish finished): both ends were checked.
    expect([...outcomes].some((outcome) => outcome.includes('old'))).toBe(true);
  }, 60_000);
});
