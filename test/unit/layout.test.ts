/**
 * The core is a pipeline, and imports only go down it: parsers never reach into the model, the model never into the
 * views, file reading never into what is built from the files, and nothing in the core knows about Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const core = resolve(import.meta.dirname, '../../src/core');

const parsers = ['tasks', 'overview', 'metrics', 'releases', 'hooks', 'formats'];
const base = ['schema', 'format', 'text', 'redact', 'markdown'];

/** Each folder of src/core and the folders it may import from (besides itself), lowest first. */
const mayImport: Record<string, string[]> = {
  schema: [],
  format: ['schema'],
  text: ['schema', 'format'],
  redact: ['schema', 'format', 'text'],
  markdown: ['schema', 'format', 'text', 'redact'],
  tasks: [...base],
  overview: [...base, 'tasks'],
  metrics: [...base, 'tasks', 'overview'],
  releases: [...base, 'tasks'],
  hooks: ['schema', 'format', 'text'],
  formats: [...base, 'tasks'],
  config: ['schema', 'format', 'text'],
  io: [...base, ...parsers, 'config'],
  model: [...base, ...parsers, 'config'],
  versions: [...base, ...parsers, 'model'],
  report: [...base, ...parsers, 'model'],
  views: [...base, ...parsers, 'model', 'versions', 'report'],
  pipeline: [...base, ...parsers, 'config', 'io', 'model', 'versions'],
};

/** Only these folders touch the machine (files, workers, the clock of the process). */
const mayUseNode = new Set(['io', 'pipeline']);
/**
 * Node modules any folder may use: they compute, and touch nothing of the machine (a hash of a line). And one file
 * that needs Node's module resolution to reach the copy of micromark that mdast uses, which it makes linear.
 */
const pureNode = new Set(['node:crypto']);
const nodeExceptions: Record<string, string[]> = { 'markdown/micromark-linear.ts': ['node:module', 'node:path'] };

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const files = listFiles(core).filter((file) => file.endsWith('.ts'));
const folderOf = (file: string) => relative(core, file).split('/')[0]!;
const specifiers = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3]!);

describe('the layout of src/core', () => {
  it('has no file at its top level, and every folder has its place in the pipeline', () => {
    expect(files.filter((file) => dirname(file) === core).map((file) => relative(core, file))).toEqual([]);
    expect([...new Set(files.map(folderOf))].filter((folder) => !(folder in mayImport))).toEqual([]);
  });

  it('imports only go down the pipeline', () => {
    const wrong = files.flatMap((file) => {
      const from = folderOf(file);
      return specifiers(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => folderOf(resolve(dirname(file), spec)))
        .filter((to) => to !== from && !mayImport[from]!.includes(to))
        .map((to) => `${relative(core, file)} imports ${to}/`);
    });
    expect(wrong).toEqual([]);
  });

  it('knows nothing about Astro, and only io and pipeline use Node', () => {
    const wrong = files.flatMap((file) =>
      specifiers(file)
        .filter(
          (spec) =>
            /^astro(:|$|\/)|^@astrojs\//.test(spec) ||
            (spec.startsWith('node:') && !mayUseNode.has(folderOf(file)) && !pureNode.has(spec) && !nodeExceptions[relative(core, file)]?.includes(spec)),
        )
        .map((spec) => `${relative(core, file)} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the checks above can fail: they see the imports of a real file', () => {
    const buildPhase = files.find((file) => file.endsWith('model/build-phase.ts'))!;
    expect(specifiers(buildPhase).some((spec) => spec.includes('/schedule.ts'))).toBe(true);
  });
});

describe('the pages', () => {
  const site = resolve(import.meta.dirname, '../../src');
  const pageFiles = [...listFiles(join(site, 'pages')), ...listFiles(join(site, 'components')), ...listFiles(join(site, 'layouts'))].filter((file) =>
    /\.(astro|ts)$/.test(file),
  );
  /** Imports of the core that are not `import type`, from the frontmatter or module of a page or component. */
  const coreImports = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]*\/core\/[^'"]+)['"]/gm)].map((match) => match[1]!);

  /** Imports of the site's own modules (src/lib), as above. */
  const libImports = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]*\/lib\/[^'"]+)['"]/gm)].map((match) => match[1]!);

  it('render the view of their route: from the core they take only the words for numbers, dates and codes', () => {
    const wrong = pageFiles.flatMap((file) =>
      coreImports(file)
        .filter((spec) => !/\/core\/format\//.test(spec))
        .map((spec) => `${relative(site, file)} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('every page takes its view from the route table (lib/site.ts), and reads nothing else of the site', () => {
    const pages = listFiles(join(site, 'pages')).filter((file) => /\.(astro|ts)$/.test(file));
    const without = pages.filter((file) => !libImports(file).some((spec) => spec.endsWith('/lib/site.ts'))).map((file) => relative(site, file));
    expect(without).toEqual([]);
    const other = pages.flatMap((file) =>
      libImports(file)
        .filter((spec) => !/\/lib\/(site|paths|feed|markdown)\.ts$/.test(spec))
        .map((spec) => `${relative(site, file)} imports ${spec}`),
    );
    expect(other).toEqual([]);
  });

  it("the checks see a page's imports", () => {
    expect(libImports(join(site, 'pages/index.astro'))).toContain('../lib/site.ts');
    expect(coreImports(join(site, 'layouts/Base.astro'))).toContain('../core/format/format.ts');
  });
});
