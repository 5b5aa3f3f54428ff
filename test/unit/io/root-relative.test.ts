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

test('what holds no path under the root is the same object, not a copy; the input is never changed', () => {
  const task = { id: '1.1', title: 'Setup', tags: ['a', 'b'] };
  const event = { source: { path: 'site/content/phases/p1/hooks/memory.db' }, data: { n: 1 } };
  const model = { tasks: [task], events: [event], map: new Map([['k', 'v']]) };
  const rewritten = relativeToRoot(model, 'site/content');
  expect(rewritten.tasks).toBe(model.tasks);
  expect(rewritten.map).toBe(model.map);
  expect(rewritten.events[0]!.data).toBe(event.data);
  expect(rewritten.events[0]!.source.path).toBe('phases/p1/hooks/memory.db');
  expect(event.source.path).toBe('site/content/phases/p1/hooks/memory.db');
});

test('a key named "__proto__" in hook data stays a key of the copy', () => {
  const data = JSON.parse('{"__proto__": "site/content/phases/p1/x.md", "other": 1}') as Record<string, unknown>;
  const rewritten = relativeToRoot({ data }, 'site/content').data;
  expect(Object.getPrototypeOf(rewritten)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(rewritten, '__proto__')?.value).toBe('phases/p1/x.md');
  expect(rewritten.other).toBe(1);
});
