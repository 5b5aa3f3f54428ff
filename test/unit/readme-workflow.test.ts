/**
 * The README shows the GitHub workflow `cairn init` writes, whole, as the way to publish: the block under "Use Cairn in
 * your repository" is the text of templates/init/.github/workflows/cairn.yml, so neither changes without the other.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The fenced `yaml` blocks of the README's section `heading`, each as its text. */
function yamlBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `the README has no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

test("the README's workflow is the one cairn init writes, character for character", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const template = readFileSync(join(root, 'templates/init/.github/workflows/cairn.yml'), 'utf8');
  const blocks = yamlBlocks(readme, 'Use Cairn in your repository');
  expect(blocks.length).toBe(1);
  expect(blocks[0]).toBe(template);
  // The README says where it comes from, and how the team installs what it runs.
  expect(readme).toContain('the `.github/workflows/cairn.yml` that `cairn init` writes');
  expect(readme).toMatch(/^npm install --save-dev cairn-reports node@24 /m);
});
