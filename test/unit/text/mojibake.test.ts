import { describe, expect, test } from 'vitest';
import { repairMojibake } from '../../../src/core/text/mojibake.ts';

/** What a UTF-8 string looks like after being decoded as Mac Roman (how the seed package got "üü¢"). */
const garble = (text: string): string => new TextDecoder('macintosh').decode(new TextEncoder().encode(text));

describe('repairMojibake', () => {
  test.each([
    // The seed's own sequences: U+F8FF (Apple logo, invisible in most fonts) + "üü¢" is 🟢, "‚úÖ" is ✅.
    ['\uF8FFüü¢ Ready for Agent Execution', '🟢 Ready for Agent Execution'],
    ['‚úÖ Now', '✅ Now'],
    [garble('⏸️ After 7.3'), '⏸️ After 7.3'],
    [garble('## 📦 Deliverables'), '## 📦 Deliverables'],
    [garble('3–4 days — “quoted”'), '3–4 days — “quoted”'],
  ])('%j → %j', (input, expected) => {
    const result = repairMojibake(input);
    expect(result.text).toBe(expected);
    expect(result.firstLine).toBe(1);
    expect(result.repairs).toBeGreaterThan(0);
  });

  test.each([
    ['café crème', 'genuine accents'],
    ['naïve façade Ü', 'single accented letters'],
    ['🟢 Ready ✅', 'real emoji'],
    ['plain ASCII text', 'ASCII'],
    ['üü', 'Mac Roman letters that are not valid UTF-8 bytes'],
  ])('leaves %j alone (%s)', (input) => {
    expect(repairMojibake(input)).toEqual({ text: input, firstLine: null, repairs: 0 });
  });

  test('counts every repaired run and reports the line of the first', () => {
    const input = ['# Title', '', 'Café stays', `${garble('✅')} done`, `${garble('🔴')} high`].join('\n');
    const result = repairMojibake(input);
    expect(result.text).toBe(['# Title', '', 'Café stays', '✅ done', '🔴 high'].join('\n'));
    expect(result.firstLine).toBe(4);
    expect(result.repairs).toBe(2);
  });
});
