/**
 * The README is the front door and docs/ holds the rest: every relative link and anchor in them, and every docs/ page
 * a comment in src/ or scripts/ names, must lead somewhere; the README stays short and keeps the test command CI runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const docs = join(root, 'docs');
const pages = [
  join(root, 'README.md'),
  ...readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docs, name)),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; a repeated one gets -1, -2… */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of outsideFences(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

/** The lines of a Markdown text that are not inside a fenced code block. */
function outsideFences(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence === null) lines.push(line);
  }
  return lines;
}

/** Each link and image target of a Markdown text, with its line, outside code blocks and code spans. */
function links(markdown: string): { target: string; text: string }[] {
  const found: { target: string; text: string }[] = [];
  for (const line of outsideFences(markdown)) {
    const prose = line.replace(/(`+)[\s\S]*?\1/g, '');
    for (const match of prose.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push({ target: match[1]!, text: match[0] });
  }
  return found;
}

/** Why a relative target from `file` leads nowhere, or null when it leads to a file and, if named, its heading. */
function broken(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: and the like are not checked here
  const [path, anchor] = target.split('#', 2);
  const to = path === '' || path === undefined ? file : resolve(dirname(file), decodeURIComponent(path));
  if (!existsSync(to)) return `${relative(root, to)} does not exist`;
  if (anchor === undefined) return null;
  if (!statSync(to).isFile() || !to.endsWith('.md')) return `#${anchor} points into ${relative(root, to)}, which is not a Markdown file`;
  return anchors(readFileSync(to, 'utf8')).has(anchor) ? null : `${relative(root, to)} has no heading #${anchor}`;
}

describe('anchors and links', () => {
  test('anchors follow GitHub: punctuation and code marks dropped, repeats numbered', () => {
    expect([
      ...anchors('# The `cairn` command and `cairn.config.json`\n## Outputs\n```\n# not a heading\n```\n## Outputs\n### What’s read: A/B, 2.1\n'),
    ]).toEqual(['the-cairn-command-and-cairnconfigjson', 'outputs', 'outputs-1', 'whats-read-ab-21']);
  });

  test('links in code spans and code blocks are not links', () => {
    expect(links('See [a](x.md#b) and `[c](y.md)`.\n```\n[d](z.md)\n```\n![e](p.png "t")').map((link) => link.target)).toEqual(['x.md#b', 'p.png']);
  });

  test('a missing file or heading is found', () => {
    const readme = join(root, 'README.md');
    expect(broken(readme, 'docs/no-such-page.md')).toBe('docs/no-such-page.md does not exist');
    expect(broken(readme, 'docs/outputs.md#no-such-heading')).toBe('docs/outputs.md has no heading #no-such-heading');
    expect(broken(readme, '#commands')).toBeNull();
  });
});

describe('README.md and docs/*.md', () => {
  test.each(pages.map((page) => [relative(root, page)]))('every relative link in %s leads to a file and heading', (page) => {
    const file = join(root, page);
    const problems = links(readFileSync(file, 'utf8'))
      .map((link) => ({ link: link.text, problem: broken(file, link.target) }))
      .filter((entry) => entry.problem !== null);
    expect(problems).toEqual([]);
  });

  test('every docs/ page is linked from the README', () => {
    const linked = new Set(links(readFileSync(join(root, 'README.md'), 'utf8')).map((link) => link.target.split('#')[0]));
    const unlinked = pages
      .slice(1)
      .map((page) => relative(root, page))
      .filter((page) => !linked.has(page));
    expect(unlinked).toEqual([]);
  });

  test('the README is a front door: at most 150 lines', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });

  test('the README keeps the test command that .ci/run runs', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8').trimEnd().split('\n');
    const command = ci[ci.length - 1];
    expect(command).toBe('npm test');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/```sh\nnpm ci && npm run build +# install, then build the example package into dist\/\nnpm test +# every test/);
  });
});

describe('comments point at documents in the repository', () => {
  const sources = ['src/core', 'scripts'].flatMap((folder) => walk(join(root, folder)));

  test('no comment in src/core or scripts points at DESIGN.md or FORMATS.md, which are not in the repository', () => {
    const outside = sources.filter((file) => /DESIGN\.md|FORMATS(\.md| §)/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(outside).toEqual([]);
  });

  test('every docs/ page and heading a source file names exists', () => {
    const named = [...new Set([...sources, ...walk(join(root, 'src'))])].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bdocs\/([a-z][a-z-]*\.md)(#[\w-]+)?/g)].map((match) => ({
        file: relative(root, file),
        target: `${match[1]}${match[2] ?? ''}`,
      })),
    );
    expect(named.length).toBeGreaterThan(0);
    const problems = named.map((entry) => ({ ...entry, problem: broken(join(docs, 'index'), entry.target) })).filter((entry) => entry.problem !== null);
    expect(problems).toEqual([]);
  });
});

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return walk(path);
    return /\.(ts|mts|mjs|js|astro)$/.test(entry.name) ? [path] : [];
  });
}
