import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { routeNameProblem } from '../../../src/core/io/names.ts';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { lookAlikeProblem, nameKey } from '../../../src/core/text/look-alike.ts';

describe('names that pass for other names', () => {
  test.each([
    ['phase-7'],
    ['Phase 7'],
    ['フェーズ７'], // another script with a fullwidth digit: nothing ASCII to pass for
    ['第7期'],
    ['фаза-7'], // Cyrillic, with an ASCII digit: no word mixes scripts
    ['φάση-7'],
    ['fase-ñ'],
    ['task-7.1-réseau'],
    ['Проект-Alpha'], // a Cyrillic word and a Latin word, each plainly itself
    ['Phase-α'], // α is not in the table: it does not pass for "a"
    ['fase-1ª'], // ª is a Latin-1 ordinal, not a compatibility block
  ])('%j is unambiguous', (name) => {
    expect(routeNameProblem(name)).toBeNull();
  });

  test.each([
    ['phase-1\u202e7', 'its name "phase-1\\u202e7" holds U+202E, a bidirectional control character, which shows the name in another order than it is written'],
    ['phase-7\u2066', 'its name "phase-7\\u2066" holds U+2066, a bidirectional control character, which shows the name in another order than it is written'],
    ['phase\u200e7', 'its name "phase\\u200e7" holds U+200E, a bidirectional control character, which shows the name in another order than it is written'],
    ['phase-\u061c7', 'its name "phase-\\u061c7" holds U+061C, a bidirectional control character, which shows the name in another order than it is written'],
    ['phase\u200b-7', 'its name "phase\\u200b-7" holds U+200B, an invisible character, so it looks like "phase-7" but is another address'],
    ['phase-7\u200d', 'its name "phase-7\\u200d" holds U+200D, an invisible character, so it looks like "phase-7" but is another address'],
    ['pha\u3164se', 'its name "pha\u3164se" holds U+3164, an invisible character, so it looks like "phase" but is another address'],
    [
      'ph\u0430se-7',
      'its name "ph\u0430se-7" mixes Latin letters with U+0430 ("\u0430", a Cyrillic letter drawn like "a") in "ph\u0430se", so it looks like "phase-7" but is another address',
    ],
    [
      '\u0420hase-7',
      'its name "\u0420hase-7" mixes Latin letters with U+0420 ("\u0420", a Cyrillic letter drawn like "P") in "\u0420hase", so it looks like "Phase-7" but is another address',
    ],
    [
      'Alpha-\u039f',
      'its name "Alpha-\u039f" mixes Latin letters with U+039F ("\u039f", a Greek letter drawn like "O") in "\u039f", so it looks like "Alpha-O" but is another address',
    ],
    [
      'phase-\uff17',
      'its name "phase-\uff17" mixes ASCII with U+FF17 ("\uff17", a compatibility form of "7"), so it looks like "phase-7" but is another address',
    ],
    [
      '\u{1d429}hase',
      'its name "\u{1d429}hase" mixes ASCII with U+1D429 ("\u{1d429}", a compatibility form of "p"), so it looks like "phase" but is another address',
    ],
    [
      'phase-\u2460',
      'its name "phase-\u2460" mixes ASCII with U+2460 ("\u2460", a compatibility form of "1"), so it looks like "phase-1" but is another address',
    ],
    [
      'phase\u00a07',
      'its name "phase\u00a07" has characters an address cannot hold: U+00A0 (only letters, digits, spaces, ".", "_" and "-" can be used, starting with a letter or digit)',
    ],
  ])('%j: %s', (name, problem) => {
    expect(routeNameProblem(name)).toBe(problem);
  });

  test('the table maps only Cyrillic and Greek letters, each to one ASCII letter', () => {
    // Every letter the messages name as drawn like a Latin one is outside ASCII and Latin: a typo in the table (an
    // ASCII "a" for a Cyrillic one) would flag every name.
    for (const letter of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') expect(lookAlikeProblem(`phase-${letter}`)).toBeNull();
  });

  test('a task id is named as an id', () => {
    expect(lookAlikeProblem('VC-\u0030\u0030\u2067', 'id')).toBe(
      'its id "VC-00\\u2067" holds U+2067, a bidirectional control character, which shows the id in another order than it is written',
    );
    expect(lookAlikeProblem('\u0405etup', 'id')).toBe(
      'its id "\u0405etup" mixes Latin letters with U+0405 ("\u0405", a Cyrillic letter drawn like "S") in "\u0405etup", so it looks like "Setup" but is another id',
    );
  });

  test('names alike on a case-insensitive file system share a key', () => {
    expect(nameKey('Phase-7')).toBe(nameKey('phase-7'));
    expect(nameKey('fase-n\u0303')).toBe(nameKey('fase-\u00f1'));
    expect(nameKey('phase-7')).not.toBe(nameKey('phase-8'));
  });
});

test('phase folders named in other scripts build without a problem about their names', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-names-'));
  try {
    for (const name of ['フェーズ７', 'фаза-7', 'fase-ñ', 'Проект-Alpha']) {
      mkdirSync(join(root, 'phases', name), { recursive: true });
      writeFileSync(join(root, 'phases', name, 'README.md'), `# ${name}\n`);
      writeFileSync(join(root, 'phases', name, 'task-1.1-setup.md'), '# Task 1.1: Setup\n\n**Agent:** coder\n**Estimate:** 1 day\n');
    }
    const { phases, issues } = loadContent(root, '2025-10-25T18:00:00.000Z');
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(phases.map((phase) => phase.id).toSorted()).toEqual(['fase-ñ', 'Проект-Alpha', 'фаза-7', 'フェーズ７'].toSorted());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
