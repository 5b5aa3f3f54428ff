import { describe, expect, test } from 'vitest';
import { jsonFormats } from '../../../../src/core/hooks/detect.ts';
import { allHookFixtures, readHookJson } from './hook-fixtures.ts';

describe('jsonFormats', () => {
  test('lists the four JSON formats, most specific first', () => {
    expect(jsonFormats.map((module) => module.format)).toEqual(['claude-code-log', 'claude-flow-v3-json', 'claude-flow-data', 'claude-flow-metrics']);
  });

  test.each(allHookFixtures)('%s fixture %s: exactly its own module matches, or none for other formats', (fixtureFormat, name) => {
    const value = readHookJson(name);
    const matching = jsonFormats.filter((module) => module.matches(value)).map((module) => module.format);
    expect(matching).toEqual(jsonFormats.some((module) => module.format === fixtureFormat) ? [fixtureFormat] : []);
  });
});
