import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeReportBytes, importReport, isNotAReportError, NotAReportError, repairMojibake, type NotAReportReason } from "../src/index.js";

const sagene = readFileSync(fileURLToPath(new URL("../../../tests/fixtures/reports/sagene-2024.txt", import.meta.url)), "utf8");

function reasonOf(fn: () => unknown): NotAReportReason | "no error" {
  try {
    fn();
    return "no error";
  } catch (e) {
    if (!isNotAReportError(e)) throw e;
    expect(e.message.length).toBeGreaterThan(10);
    return e.reason;
  }
}

/** Windows-1252 bytes for test input (characters outside it become "?"). */
function toCp1252(text: string): Uint8Array {
  const high = new Map<number, number>();
  const dec = new TextDecoder("windows-1252");
  for (let b = 0x80; b < 0xa0; b++) high.set(dec.decode(new Uint8Array([b])).charCodeAt(0), b);
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x80 || (c >= 0xa0 && c < 0x100) ? c : (high.get(c) ?? 0x3f);
  });
}

describe("input that is not a report", () => {
  it("rejects empty and whitespace-only text", () => {
    expect(reasonOf(() => importReport(""))).toBe("empty");
    expect(reasonOf(() => importReport(" \n\t\n"))).toBe("empty");
  });

  it("rejects binary data (NUL bytes throughout)", () => {
    expect(reasonOf(() => importReport(`Årsberetning Bydel Sagene${"\u0000\u0001\u0002ab".repeat(50)}`))).toBe("binary");
  });

  it("drops a few control characters from an extractor (U+0000 for an unmapped glyph) with an info finding", () => {
    const withNul = sagene.replace("Funksjonsområde 1", "Funksjonsomr\u0000de 1");
    const r = importReport(withNul);
    const f = r.findings.find((x) => x.code === "CONTROL_CHARACTERS_DROPPED");
    expect(f?.severity).toBe("info");
    expect(r.budgetTables.length).toBe(importReport(sagene).budgetTables.length);
  });

  it("says a PDF passed as text must be given as a file", () => {
    const e = (() => {
      try {
        importReport("%PDF-1.7\n%âãÏÓ\n1 0 obj");
      } catch (err) {
        return err as NotAReportError;
      }
      return null;
    })();
    expect(e?.reason).toBe("pdf");
    expect(e?.message).toContain("bydel import rapport.pdf");
  });

  it("rejects text that is not an annual report", () => {
    expect(reasonOf(() => importReport("Handleliste\nmelk 2\nbrød 1\n"))).toBe("not-a-report");
  });

  it("refuses oversized input at once, without reading it", () => {
    const started = performance.now();
    expect(reasonOf(() => importReport("x".repeat(2_000_001), { maxChars: 2_000_000 }))).toBe("too-large");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("encodings", () => {
  it("reads Windows-1252 bytes (invalid UTF-8) as Windows-1252, and the import finds the same tables", () => {
    const decoded = decodeReportBytes(toCp1252(sagene));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("Funksjonsområde 2A");
    const a = importReport(decoded.text);
    const b = importReport(sagene);
    expect(a.budgetTables.map((t) => t.rows.map((r) => r.variance))).toEqual(b.budgetTables.map((t) => t.rows.map((r) => r.variance)));
    expect(a.district).toBe("Sagene");
  });

  it("reads UTF-8 strictly, with or without a byte-order mark, and UTF-16 by its mark", () => {
    const utf8 = new TextEncoder().encode("Økonomi");
    expect(decodeReportBytes(utf8)).toEqual({ text: "Økonomi", encoding: "utf-8" });
    expect(decodeReportBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe("Økonomi");
    const utf16 = new Uint8Array([0xff, 0xfe, 0xd8, 0x00, 0x6b, 0x00]);
    expect(decodeReportBytes(utf16)).toEqual({ text: "Øk", encoding: "utf-16le" });
  });

  it("repairs UTF-8 that was decoded as Windows-1252 (mojibake) and says so in an info finding", () => {
    const mojibake = new TextDecoder("windows-1252").decode(new TextEncoder().encode(sagene));
    expect(mojibake).toContain("Funksjonsomr\u00c3\u00a5de");
    expect(repairMojibake(mojibake)).toBe(sagene);
    const r = importReport(mojibake);
    expect(r.findings.some((f) => f.code === "ENCODING_REPAIRED" && f.severity === "info")).toBe(true);
    expect(r.budgetTables.flatMap((t) => t.rows).length).toBe(importReport(sagene).budgetTables.flatMap((t) => t.rows).length);
  });

  it("rejects mojibake it cannot repair", () => {
    const broken = `${"BjÃ¸rn og Ã¥r og Ã¦ ".repeat(3)} → ${sagene.slice(0, 2000)}`;
    expect(repairMojibake(broken)).toBeNull();
    expect(reasonOf(() => importReport(broken))).toBe("mojibake");
  });
});
