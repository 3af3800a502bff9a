import { countMojibake } from "./screen.js";

/**
 * Turns the bytes of a text file into a string, browser-safe (TextDecoder only, UTF-32 by hand).
 * A byte-order mark decides first; without one, the places of NUL bytes tell UTF-32 and UTF-16
 * (little or big endian) from 8-bit text (see `sniffWideEncoding`). Then UTF-8 is tried strictly;
 * bytes that are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1 and what Norwegian
 * Windows saves as "ANSI").
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be" | "windows-1252";
}

type Wide = "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

function decodeWide(bytes: Uint8Array, encoding: Wide): string {
  if (encoding === "utf-16le" || encoding === "utf-16be") return new TextDecoder(encoding).decode(bytes);
  // TextDecoder has no UTF-32: code points by hand, U+FFFD for what is no character
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = encoding === "utf-32le";
  const parts: string[] = [];
  let units: number[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, little);
    units.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (units.length === 8192) {
      parts.push(String.fromCodePoint(...units));
      units = [];
    }
  }
  parts.push(String.fromCodePoint(...units));
  if (bytes.length % 4 !== 0) parts.push("\uFFFD");
  return parts.join("");
}

/** Share of the sampled code units whose byte at `offset` is NUL. */
function nulShare(bytes: Uint8Array, width: number, offset: number, sample: number): number {
  let nul = 0;
  let count = 0;
  for (let i = offset; i < sample; i += width, count++) if (bytes[i] === 0) nul++;
  return count === 0 ? 0 : nul / count;
}

/**
 * UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes are: text in Latin
 * letters has a NUL in nearly every code unit's high bytes and almost never in its low byte. A file
 * whose length is not a whole number of code units, or with NULs elsewhere, is not such text
 * (binary data stays binary and is refused later).
 */
export function sniffWideEncoding(bytes: Uint8Array): Wide | null {
  const sample = Math.min(bytes.length, 65536);
  if (sample < 4) return null;
  const high = 0.5; // code units with a NUL where a Latin letter has one (Norwegian text: ~1.0)
  const low = 0.1; // NULs where the letter itself is (a rare U+xx00, the low half of an emoji)
  if (bytes.length % 4 === 0) {
    const s = [0, 1, 2, 3].map((o) => nulShare(bytes, 4, o, sample - (sample % 4)));
    // the top byte is NUL in every character, the next one in all but the rare emoji
    if (s[3]! > 0.98 && s[2]! >= 0.9 && s[1]! >= high && s[0]! < low) return "utf-32le";
    if (s[0]! > 0.98 && s[1]! >= 0.9 && s[2]! >= high && s[3]! < low) return "utf-32be";
  }
  if (bytes.length % 2 === 0) {
    const even = nulShare(bytes, 2, 0, sample - (sample % 2));
    const odd = nulShare(bytes, 2, 1, sample - (sample % 2));
    if (odd >= high && even < low) return "utf-16le";
    if (even >= high && odd < low) return "utf-16be";
  }
  return null;
}

const BOMS: readonly [readonly number[], Wide][] = [
  [[0xff, 0xfe, 0x00, 0x00], "utf-32le"], // before UTF-16 LE, whose mark it begins with
  [[0x00, 0x00, 0xfe, 0xff], "utf-32be"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

export function decodeReportBytes(bytes: Uint8Array): DecodedText {
  for (const [bom, encoding] of BOMS) {
    if (bytes.length >= bom.length && bom.every((b, i) => bytes[i] === b)) return { text: decodeWide(bytes.subarray(bom.length), encoding), encoding };
  }
  const wide = sniffWideEncoding(bytes);
  if (wide !== null) return { text: decodeWide(bytes, wide), encoding: wide };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's characters in 0x80–0x9F, by code point, for turning mojibake back into bytes. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * Repairs text that was UTF-8 decoded as Windows-1252 ("BjÃ¸rn" → "Bjørn"): the characters are
 * turned back into the bytes they came from and decoded as UTF-8. Returns null when the text is not
 * such mojibake (a character outside Windows-1252, or bytes that are not UTF-8).
 */
export function repairMojibake(text: string): string | null {
  if (countMojibake(text) === 0) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x100 ? c : CP1252_HIGH[c];
    if (b === undefined) return null;
    bytes[i] = b;
  }
  try {
    const repaired = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return countMojibake(repaired) === 0 ? repaired : null;
  } catch {
    return null;
  }
}
