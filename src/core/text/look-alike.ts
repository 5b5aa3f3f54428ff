/**
 * Names that pass for other names. A phase folder's name, a task file's name and a task's id are shown to readers and
 * become addresses; one that looks like another name but is not would mislead them. A name "looks like another" when
 * it holds a bidirectional control (it is shown in another order than it is written), an invisible character (a
 * zero-width space or joiner, a soft hyphen, a filler), a word that mixes ASCII letters with a Cyrillic or Greek letter
 * drawn like a Latin one (the table below: "phаse-7" with a Cyrillic "а"), or, in a name that also has ASCII letters or
 * digits, a compatibility form of an ASCII letter or digit (fullwidth "７", mathematical "𝐩", circled "①", Roman "Ⅰ").
 * Names in another script ("フェーズ７", "фаза-7", "fase-ñ") and names with a word of each ("Проект-Alpha") are left
 * alone: only mixing inside a word, or such forms beside ASCII, deceives.
 */

/** Bidirectional controls: marks, embeddings, overrides and isolates. */
const bidiControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Characters that show as nothing: format characters (zero-width space and joiners, word joiner, soft hyphen, BOM), variation selectors, the combining grapheme joiner and the Hangul fillers (which count as letters). */
const invisible = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]/u;

/** Cyrillic and Greek letters drawn like a Latin letter in common fonts, with the letter they pass for. */
const homoglyphs: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Cyrillic
    а: 'a',
    е: 'e',
    о: 'o',
    р: 'p',
    с: 'c',
    у: 'y',
    х: 'x',
    ѕ: 's',
    і: 'i',
    ј: 'j',
    ԁ: 'd',
    һ: 'h',
    ԛ: 'q',
    ԝ: 'w',
    ӏ: 'l',
    А: 'A',
    В: 'B',
    Е: 'E',
    К: 'K',
    М: 'M',
    Н: 'H',
    О: 'O',
    Р: 'P',
    С: 'C',
    Т: 'T',
    Х: 'X',
    Ѕ: 'S',
    І: 'I',
    Ј: 'J',
    Ԛ: 'Q',
    Ԝ: 'W',
    // Greek
    Α: 'A',
    Β: 'B',
    Ε: 'E',
    Ζ: 'Z',
    Η: 'H',
    Ι: 'I',
    Κ: 'K',
    Μ: 'M',
    Ν: 'N',
    Ο: 'O',
    Ρ: 'P',
    Τ: 'T',
    Υ: 'Y',
    Χ: 'X',
    ο: 'o',
  }),
);

/** "U+0430". */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Blocks of compatibility forms: letterlike symbols, number forms, enclosed alphanumerics, fullwidth forms, mathematical alphanumerics. */
const compatibilityBlocks = /[\u2100-\u218F\u2460-\u24FF\uFF00-\uFFEF\u{1D400}-\u{1D7FF}]/u;

/** The ASCII letter or digit a character is a compatibility form of (fullwidth "７" → "7", "𝐩" → "p"), or null. */
function compatibilityOf(char: string): string | null {
  if (!compatibilityBlocks.test(char)) return null;
  const plain = char.normalize('NFKC');
  return /^[A-Za-z0-9]$/.test(plain) ? plain : null;
}

/** Why a name (or a task's id) could pass for another, or null when it cannot. */
export function lookAlikeProblem(name: string, what: 'name' | 'id' = 'name'): string | null {
  const chars = [...name];
  const another = what === 'name' ? 'another address' : 'another id';
  const bidi = chars.find((char) => bidiControl.test(char));
  if (bidi)
    return `its ${what} "${printable(name)}" holds ${codePoint(bidi)}, a bidirectional control character, which shows the ${what} in another order than it is written`;
  const hidden = chars.find((char) => invisible.test(char));
  if (hidden)
    return `its ${what} "${printable(name)}" holds ${codePoint(hidden)}, an invisible character, so it looks like "${printable(chars.filter((char) => !invisible.test(char)).join(''))}" but is ${another}`;
  const shown = printable(name);
  const compatible = chars.find((char) => compatibilityOf(char) !== null);
  if (compatible && /[A-Za-z0-9]/.test(name)) {
    const plain = chars.map((char) => compatibilityOf(char) ?? char).join('');
    return `its ${what} "${shown}" mixes ASCII with ${codePoint(compatible)} ("${compatible}", a compatibility form of "${compatibilityOf(compatible)}"), so it looks like "${plain}" but is ${another}`;
  }
  // A word: a run of letters. "phаse" mixes scripts in a word, and "Alpha-Ο" has a word made only of letters drawn like
  // Latin ones beside a Latin word; "Проект-Alpha" is two words, each plainly in its own script.
  const words = name.match(/\p{L}+/gu) ?? [];
  const latin = /[A-Za-z]/.test(name);
  const word = words.find(
    (letters) =>
      [...letters].some((char) => homoglyphs.has(char)) && (/[A-Za-z]/.test(letters) || (latin && [...letters].every((char) => homoglyphs.has(char)))),
  );
  if (word) {
    const homoglyph = [...word].find((char) => homoglyphs.has(char))!;
    const plain = chars.map((char) => homoglyphs.get(char) ?? char).join('');
    return `its ${what} "${shown}" mixes Latin letters with ${codePoint(homoglyph)} ("${homoglyph}", a ${/[\u0370-\u03FF]/.test(homoglyph) ? 'Greek' : 'Cyrillic'} letter drawn like "${homoglyphs.get(homoglyph)}") in "${word}", so it looks like "${plain}" but is ${another}`;
  }
  return null;
}

/**
 * The key under which two names are one on a case-insensitive file system or host (macOS, Windows, many web
 * servers): upper and lower case, and composed and decomposed accents, are alike.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The name with control characters shown as \u escapes, so a message never carries them to a terminal. */
export function printable(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}]/gu, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
