import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pruneSiteStates } from '../../../scripts/lib/publish.ts';

const DAY = 24 * 60 * 60 * 1000;

test('a build marks its site state used and removes the states no build used for a week', () => {
  const sites = mkdtempSync(join(tmpdir(), 'cairn-sites-'));
  const now = Date.now();
  const make = (name: string, daysAgo: number) => {
    mkdirSync(join(sites, name, 'pages'), { recursive: true });
    writeFileSync(join(sites, name, 'pages', 'index.html'), '<p>x</p>');
    const at = new Date(now - daysAgo * DAY);
    utimesSync(join(sites, name), at, at);
  };
  make('old', 8);
  make('recent', 6);
  make('this', 30);
  expect(pruneSiteStates(join(sites, 'this'), now)).toEqual(['old']);
  expect(readdirSync(sites).toSorted()).toEqual(['recent', 'this']);
  // Used now: the next build a week later keeps it.
  expect(pruneSiteStates(join(sites, 'recent'), now + 6 * DAY)).toEqual([]);
});
