import { expect, test } from 'vitest';
import { environmentProblems } from '../../src/core/pipeline/environment.ts';
import { resolveBuildAsOf } from '../../src/core/pipeline/load-content.ts';

test('usable values give no problem', () => {
  expect(
    environmentProblems({ SITE: 'https://owner.github.io', BASE: '/repo/', SOURCE_DATE_EPOCH: '1761400000', CAIRN_AS_OF: '2025-10-25T18:00:00Z' }),
  ).toEqual([]);
  expect(environmentProblems({ BASE: '/' })).toEqual([]);
  expect(environmentProblems({ BASE: '/a/b' })).toEqual([]);
  expect(environmentProblems({})).toEqual([]);
});

test.each([
  [{ SITE: 'owner.github.io' }, 'SITE is "owner.github.io": it must be the site\'s origin, such as https://owner.github.io.'],
  [{ SITE: 'ftp://host' }, 'SITE is "ftp://host": it must be the site\'s origin, such as https://owner.github.io.'],
  [{ BASE: 'repo/' }, 'BASE is "repo/": it must be a path such as /repo/ (starting with "/", letters, digits, ".", "_", "~" and "-" between the slashes).'],
  [
    { BASE: '/re po/<x>' },
    'BASE is "/re po/<x>": it must be a path such as /repo/ (starting with "/", letters, digits, ".", "_", "~" and "-" between the slashes).',
  ],
  [{ SOURCE_DATE_EPOCH: '99999999999999999' }, 'SOURCE_DATE_EPOCH is "99999999999999999": it must be whole seconds since 1970, such as 1761400000.'],
  [{ SOURCE_DATE_EPOCH: '-5' }, 'SOURCE_DATE_EPOCH is "-5": it must be whole seconds since 1970, such as 1761400000.'],
  [{ CAIRN_AS_OF: 'yesterday' }, 'CAIRN_AS_OF is "yesterday": it must be an ISO 8601 time, such as 2025-10-25T18:00:00Z.'],
])('%j', (env, message) => {
  expect(environmentProblems(env)).toEqual([message]);
});

test('a BASE of many segments and a bad end is judged at once, not after an exponential search', () => {
  expect(environmentProblems({ BASE: `/${'a'.repeat(5000)}!` })).toHaveLength(1);
});

test('a time a date cannot hold never throws where the build reads it', () => {
  expect(resolveBuildAsOf({ SOURCE_DATE_EPOCH: '99999999999999999' })).toBeNull();
});
