import { describe, expect, test } from 'vitest';
import { isBreakingText, isIsoDate, readReleaseHeading, readVersion } from '../../../src/core/releases/release-text.ts';

describe('readVersion', () => {
  test.each([
    ['1.2.0', { version: '1.2.0', unreleased: false }],
    ['v1.2.0', { version: '1.2.0', unreleased: false }],
    ['[1.2.0]', { version: '1.2.0', unreleased: false }],
    ['[ v2.0.0-rc.1+build.5 ]', { version: '2.0.0-rc.1+build.5', unreleased: false }],
    ['1.x', { version: '1.x', unreleased: false }],
    ['Unreleased', { version: 'Unreleased', unreleased: true }],
    ['[unreleased]', { version: 'unreleased', unreleased: true }],
    ['next release', null],
    ['Release notes', null],
    ['[]', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readVersion(text)).toEqual(expected);
  });
});

describe('isIsoDate', () => {
  test.each([
    ['2025-10-26', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-10-26T10:00:00Z', false],
    ['26/10/2025', false],
    ['2025-1-5', false],
  ])('%j → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('readReleaseHeading', () => {
  test.each([
    ['[1.2.0] - 2025-10-26', { version: '1.2.0', unreleased: false, dateText: '2025-10-26', yanked: false, breaking: false }],
    ['[1.1.0] - 2025-10-01 [YANKED]', { version: '1.1.0', unreleased: false, dateText: '2025-10-01', yanked: true, breaking: false }],
    ['[Unreleased]', { version: 'Unreleased', unreleased: true, dateText: null, yanked: false, breaking: false }],
    ['v0.3.0 – 2025-03-01', { version: '0.3.0', unreleased: false, dateText: '2025-03-01', yanked: false, breaking: false }],
    ['0.2.0 (2025-02-01)', { version: '0.2.0', unreleased: false, dateText: '2025-02-01', yanked: false, breaking: false }],
    ['[2.0.0] - 2025-10-27 ⚠️ BREAKING', { version: '2.0.0', unreleased: false, dateText: '2025-10-27', yanked: false, breaking: true }],
    ['[1.0.0]', { version: '1.0.0', unreleased: false, dateText: null, yanked: false, breaking: false }],
    ['[1.2.0] - 26/10/2025', { version: '1.2.0', unreleased: false, dateText: '26/10/2025', yanked: false, breaking: false }],
  ])('%j', (heading, expected) => {
    expect(readReleaseHeading(heading)).toMatchObject({ ok: true, ...expected });
  });

  test.each(['Release notes', '[] - 2025-10-01', 'Upcoming'])('%j has no version', (heading) => {
    expect(readReleaseHeading(heading)).toEqual({ ok: false });
  });

  test('the date offset points at the date as written', () => {
    const heading = '[1.2.0] - 2025-13-01';
    const read = readReleaseHeading(heading);
    expect(read.ok && heading.slice(read.dateOffset)).toBe('2025-13-01');
  });
});

describe('isBreakingText', () => {
  test.each([
    ['BREAKING: the config file moved', true],
    ['**BREAKING** the config file moved', true],
    ['**BREAKING:** the config file moved', true],
    ['⚠️ BREAKING: `Pool::new` takes a `PoolConfig`', true],
    ['_BREAKING_ renamed the binary', true],
    ['Logging defaults to JSON (a BREAKING CHANGE for log parsers)', true],
    ['Non-breaking fix for the pool', false],
    ['Breaking news: nothing changed', false],
    ['A fix for a BREAKING bug', false],
  ])('%j → %s', (text, expected) => {
    expect(isBreakingText(text)).toBe(expected);
  });
});
