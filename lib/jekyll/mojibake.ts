/**
 * Mojibake: UTF-8 bytes that were once read as a single-byte encoding and saved again as UTF-8.
 * Old blogs are full of it (`üòâ` for 😉, `â€™` for ’). We look for runs of characters whose bytes
 * in Mac Roman or Windows-1252 form one valid UTF-8 sequence, and only accept a repair that yields a
 * plausible character. Never throws; never produces U+FFFD.
 */

// Mac Roman 0x80–0xFF, as decoded by the WHATWG `macintosh` decoder (spelled out: not every Node
// build ships that decoder).
const MAC_ROMAN_HIGH =
  '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8' +
  '\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc' +
  '\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8' +
  '\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8' +
  '\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153' +
  '\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02' +
  '\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4' +
  '\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7';

// Windows-1252 0x80–0x9F; the five undefined bytes stay C1 controls (how most tools pass them on).
// 0xA0–0xFF are Latin-1. (Node 20's own `windows-1252` decoder returns Latin-1 for 0x80–0x9F.)
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

type Charset = { name: 'Mac Roman' | 'Windows-1252'; toByte: Map<string, number>; high: string };

function charset(name: Charset['name'], high: string): Charset {
  const toByte = new Map<string, number>();
  [...high].forEach((c, i) => toByte.set(c, 0x80 + i));
  return { name, toByte, high };
}

const MAC_ROMAN = charset('Mac Roman', MAC_ROMAN_HIGH);
const CP1252 = charset(
  'Windows-1252',
  CP1252_80_9F + Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join(''),
);
const CHARSETS = [MAC_ROMAN, CP1252];

/** Decodes bytes in a single-byte charset (ASCII below 0x80). */
function decodeSingleByte(bytes: Uint8Array, cs: Charset): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : cs.high[b - 0x80];
  return out;
}

/** Windows-1252 text, for files that are not valid UTF-8 at all. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, CP1252);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: number[]): string | null {
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** A repaired character must be something people write: no marks, controls, private use or unassigned. */
function plausible(char: string, byteLength: number): boolean {
  const cp = char.codePointAt(0)!;
  if (/[\p{M}\p{C}]/u.test(char)) return false;
  // Two-byte repairs only for Latin (the usual "Ã©", "Â "): Greek/Cyrillic/Hebrew results are far
  // more often a real quote mark followed by a capital letter.
  if (byteLength === 2) return cp >= 0xa0 && cp <= 0x24f;
  return /[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(char);
}

const lengthForLead = (b: number) => (b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0);
const isContinuation = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

export type MojibakeMatch = { index: number; length: number; original: string; repaired: string; charset: Charset['name'] };

/** The mojibake sequences in `text`, left to right, without overlaps. */
export function findMojibake(text: string): MojibakeMatch[] {
  const chars = [...text];
  // UTF-16 offsets of each code point, for reporting positions in the original string.
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  const found: MojibakeMatch[] = [];
  let i = 0;
  while (i < chars.length) {
    const match = matchAt(chars, i);
    if (match) {
      const original = chars.slice(i, i + match.chars).join('');
      found.push({ index: offsets[i], length: original.length, original, repaired: match.repaired, charset: match.charset });
      i += match.chars;
    } else i++;
  }
  return found;
}

function matchAt(chars: string[], i: number): { chars: number; repaired: string; charset: Charset['name'] } | null {
  if (chars[i].charCodeAt(0) < 0x80) return null;
  for (const cs of CHARSETS) {
    const lead = cs.toByte.get(chars[i]);
    if (lead === undefined) continue;
    const n = lengthForLead(lead);
    if (n > 0) {
      const bytes = [lead];
      for (let k = 1; k < n; k++) bytes.push(cs.toByte.get(chars[i + k] ?? '') ?? -1);
      if (bytes.slice(1).every(isContinuation)) {
        const repaired = decodeUtf8(bytes);
        if (repaired && [...repaired].length === 1 && plausible(repaired, n)) return { chars: n, repaired, charset: cs.name };
      }
    }
    // Mac Roman's 0xF0 is the Apple logo (U+F8FF), which most tools drop: an emoji's F0 9F xx xx
    // then survives as three characters, `üòâ` for 😉. Recognised only for the emoji planes.
    if (cs === MAC_ROMAN && lead === 0x9f) {
      const rest = [chars[i + 1], chars[i + 2]].map((c) => (c === undefined ? -1 : (cs.toByte.get(c) ?? -1)));
      if (rest.every(isContinuation)) {
        const repaired = decodeUtf8([0xf0, 0x9f, ...rest]);
        const cp = repaired?.codePointAt(0) ?? 0;
        if (repaired && cp >= 0x1f000 && cp <= 0x1faff) return { chars: 3, repaired, charset: cs.name };
      }
    }
  }
  return null;
}

/** Repairs every sequence (twice-garbled text needs a second pass; three passes at most). */
export function repairMojibake(text: string): { text: string; count: number } {
  let count = 0;
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const found = findMojibake(current);
    if (found.length === 0) break;
    count += found.length;
    let out = '';
    let last = 0;
    for (const m of found) {
      out += current.slice(last, m.index) + m.repaired;
      last = m.index + m.length;
    }
    current = out + current.slice(last);
  }
  return { text: current, count };
}

/** One warning line describing what was found, with up to three examples and their line numbers. */
export function describeMojibake(text: string, found: MojibakeMatch[], repaired: boolean): string {
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const examples = found
    .slice(0, 3)
    .map((m) => `“${m.original}” → “${m.repaired}” (line ${lineOf(m.index)})`)
    .join(', ');
  const charsets = [...new Set(found.map((m) => m.charset))].join(' and ');
  return repaired
    ? `Repaired ${found.length} mojibake sequence${found.length === 1 ? '' : 's'} (UTF-8 once read as ${charsets}): ${examples}.`
    : `Found ${found.length} mojibake sequence${found.length === 1 ? '' : 's'} (UTF-8 once read as ${charsets}), e.g. ${examples}; import with --repair-encoding (or tick "Repair encoding") to fix ${found.length === 1 ? 'it' : 'them'}.`;
}
