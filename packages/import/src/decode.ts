import { countMojibake } from "./screen.js";

/**
 * Turns the bytes of a text file into a string, browser-safe (TextDecoder only). UTF-8 is tried
 * strictly first; bytes that are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1
 * and what Norwegian Windows saves as "ANSI"). UTF-16 files are recognised by their byte-order mark.
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

export function decodeReportBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
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
