import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeReportBytes } from "../src/source/decode.js";
import { sniffWideEncoding } from "../src/source/decode.js";
import { splitLines } from "../src/source/lines.js";

function encode(text: string, encoding: "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be"): Uint8Array {
  if (encoding.startsWith("utf-16")) {
    const b = Buffer.from(text, "utf16le");
    return encoding === "utf-16be" ? b.swap16() : b;
  }
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (encoding === "utf-32le" ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
  return b;
}

/** Report-like text: mostly Norwegian letters, digits, spaces, punctuation, line ends; now and then a dash, a euro sign or an emoji (the sniffing needs at least half its code units in Latin-1, as any report has). */
const reportText = fc
  .array(fc.oneof({ weight: 30, arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzæøåÆØÅ0123456789 ,.-%\n") }, { weight: 1, arbitrary: fc.constantFrom("–", "€", "😀", "\u00a0") }), { minLength: 20, maxLength: 400 })
  .map((cs) => cs.join(""));

describe("UTF-16 and UTF-32 without a byte-order mark", () => {
  for (const encoding of ["utf-16le", "utf-16be", "utf-32le", "utf-32be"] as const) {
    it(`reads ${encoding} back to the same text`, () => {
      fc.assert(
        fc.property(reportText, (text) => {
          const decoded = decodeReportBytes(encode(text, encoding));
          expect(decoded.encoding).toBe(encoding);
          expect(decoded.text).toBe(text);
        }),
        { numRuns: 200, seed: 11 },
      );
    });
  }

  it("leaves UTF-8 and 8-bit text alone, and odd-length NUL data is not UTF-16", () => {
    fc.assert(
      fc.property(reportText, (text) => {
        expect(sniffWideEncoding(new TextEncoder().encode(text))).toBeNull();
      }),
      { numRuns: 200, seed: 12 },
    );
    expect(sniffWideEncoding(new Uint8Array([0x41, 0x00, 0x42, 0x00, 0xff]))).toBeNull();
    // NULs spread over every position are binary, not text
    expect(sniffWideEncoding(new Uint8Array([0, 1, 0, 0, 2, 0, 3, 0, 0, 0, 4, 5]))).toBeNull();
  });

  it("reads a UTF-32 byte-order mark before the UTF-16 one it begins with", () => {
    expect(decodeReportBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0xd8, 0, 0, 0]))).toEqual({ text: "Ø", encoding: "utf-32le" });
    expect(decodeReportBytes(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0xd8]))).toEqual({ text: "Ø", encoding: "utf-32be" });
    // a code point beyond Unicode is U+FFFD, not a thrown error
    expect(decodeReportBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0, 0, 0x11, 0])).text).toBe("\uFFFD");
  });
});

describe("line ends", () => {
  it("U+2028, U+2029, CR, CRLF and LF all end a line", () => {
    expect(splitLines("a\u2028b\u2029c\rd\r\ne\nf").map((l) => l.text)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(splitLines("a\u2028").map((l) => l.no)).toEqual([1]);
  });
});
