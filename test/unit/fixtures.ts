/** Reads test fixtures by their path under test/fixtures, and names them as messages do (relative to the root). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Absolute path of a fixture, e.g. fixturePath('packages/cycle'). */
export function fixturePath(name: string): string {
  return `${root}${name}`;
}

/** Text of a fixture file. */
export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** The build's as-of time in tests: fixed, so elapsed times and staleness do not depend on the clock. */
export const AS_OF = '2025-10-25T18:00:00.000Z';
