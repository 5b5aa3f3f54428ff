import { expect, test } from 'vitest';
import { relativeToRoot } from '../../../src/core/io/root-relative.ts';

test('paths under the content root lose its folder, at any depth; other text stays', () => {
  const model = {
    file: 'site/content/phases/p1/task-1.1.md',
    nested: [{ path: 'site/content/phases/p1/hooks/memory.db', note: 'read from "site/content/phases/p1/hooks" (2 files)' }],
    map: new Map([['site/content/phases/p1/a.md', 'x']]),
    untouched: 'my-site/content/phases is not the root; nor is site/contents/x',
    count: 3,
  };
  expect(relativeToRoot(model, 'site/content')).toEqual({
    file: 'phases/p1/task-1.1.md',
    nested: [{ path: 'phases/p1/hooks/memory.db', note: 'read from "phases/p1/hooks" (2 files)' }],
    map: new Map([['phases/p1/a.md', 'x']]),
    untouched: 'my-site/content/phases is not the root; nor is site/contents/x',
    count: 3,
  });
});

test('a root that is the working directory leaves everything as it is', () => {
  const model = { file: 'phases/p1/task-1.1.md' };
  expect(relativeToRoot(model, '.')).toBe(model);
});
