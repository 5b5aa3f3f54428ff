/**
 * Repairs UTF-8 text that was decoded as Mac Roman somewhere on its way (the seed package has "üü¢" for 🟢 and
 * "‚úÖ" for ✅). Each run of non-ASCII characters is mapped back to Mac Roman bytes and decoded as UTF-8; a run
 * is replaced only when those bytes are valid UTF-8, so genuine accents ("café") stay as they are.
 */

const macRomanDecoder = new TextDecoder('macintosh');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Mac Roman's upper half: character → byte (0x80–0xFF). */
const macRomanByte: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 128 }, (_, i) => [macRomanDecoder.decode(Uint8Array.of(0x80 + i)), 0x80 + i] as const),
);

const nonAsciiRun = /[^\x00-\x7f]{2,}/g;

interface MojibakeRepair {
  text: string;
  /** 1-based line of the first repaired run, or null when nothing was repaired. */
  firstLine: number | null;
  repairs: number;
}

/** Returns `text` with Mac Roman mojibake runs decoded back to UTF-8. */
export function repairMojibake(text: string): MojibakeRepair {
  let repairs = 0;
  let firstIndex = -1;
  const repaired = text.replace(nonAsciiRun, (run, index: number) => {
    const fixed = decodeRun(run);
    if (fixed === null) return run;
    repairs += 1;
    if (firstIndex < 0) firstIndex = index;
    return fixed;
  });
  const firstLine = firstIndex < 0 ? null : text.slice(0, firstIndex).split('\n').length;
  return { text: repaired, firstLine, repairs };
}

function decodeRun(run: string): string | null {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = macRomanByte.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  try {
    return utf8Strict.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** Repairs `text` and, when anything was garbled, warns once at the first repaired line. */
export function repairWithWarning(text: string, warn: (line: number, column: number, message: string, hint?: string) => void): string {
  const repaired = repairMojibake(text);
  if (repaired.firstLine !== null) {
    warn(
      repaired.firstLine,
      1,
      `Repaired ${repaired.repairs} garbled character sequences (UTF-8 read as Mac Roman).`,
      'Save the file as UTF-8 to keep emoji and symbols intact.',
    );
  }
  return repaired.text;
}
