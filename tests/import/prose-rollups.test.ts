import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report, Statement } from "@bydel/core";
import { importReport } from "@bydel/import";

// Earmarked funds stated for a whole (the district, an area) against those stated for its parts
// (areas, functions): said only where the parts sum to the whole within their rounding, since a
// part the text leaves out may be negative.
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const load = (n: string): Report => importReport(readFileSync(`${root}${n}.txt`, "utf8"));
const rollUps = (r: Report): Statement[] => r.statements.filter((s) => s.subject === "arithmetic" && s.reference?.table === "text" && /«/u.test(s.reference.note ?? "") && /\bFO\d|funksjon \d/u.test(s.reference.note ?? ""));

describe("the fixtures", () => {
  it("Grünerløkka: the district's 20,9 against its areas' 20,95, FO2A's 7,2 against 6,2 + 1, FO2C's 7,1 against 4,9 + 2,2", () => {
    expect(rollUps(load("grunerlokka-2024")).map((s) => [s.line, s.stated.value, s.reference!.value, s.verdict])).toEqual([
      [198, 20900, 20950, "agrees"],
      [619, 7200, 7200, "agrees"],
      [1693, 7100, 7100, "agrees"],
    ]);
  });

  it("leaves out FO4A's 3,3, whose one stated function (2,3) is short of it", () => {
    expect(rollUps(load("grunerlokka-2024")).some((s) => s.line === 3042)).toBe(false);
  });
});

const AREAS = [
  ["FO1", "1"],
  ["FO2A", "2A"],
  ["FO2B", "2B"],
  ["FO2C", "2C"],
  ["FO3", "3"],
] as const;
const mill = (tenths: number): string => (tenths / 10).toFixed(1).replace(".", ",");

/** A district paragraph stating `whole` tenths of millions carried over, then one chapter per area stating its part. */
function report(whole: number, parts: readonly number[]): string {
  let t = `Årsberetning 2024 for Bydel Testbyen\n\n1 Bydelens vurderinger\n\nBydelens regnskap viser et positivt resultat på 2,7 millioner i 2024. Etter korrigering for ${mill(whole)} millioner i særskilte øremerkede tilskuddsmidler som skal overføres til 2025, er det endelige resultatet et merforbruk på ${mill(whole - 27)} millioner i 2024.\n\n`;
  parts.forEach((p, i) => {
    const name = AREAS[i]![1];
    t += `${i + 2} Funksjonsområde ${name}\n\nFunksjonsområde ${name} har et merforbruk i forhold til regulert budsjett på 0,5 millioner. Når det korrigeres for ${mill(p)} millioner i øremerkede tilskuddsmidler som skal overføres til 2025, har funksjonsområdet et merforbruk på ${mill(p + 5)} millioner.\n\n`;
  });
  return t;
}

const parts = fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 2, maxLength: 5 });

describe("generated reports", () => {
  it("parts that sum to the whole agree, and the reference is their sum", () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const total = ps.reduce((a, b) => a + b, 0);
        const found = rollUps(importReport(report(total, ps)));
        expect(found.map((s) => [s.line, s.stated.value, s.reference!.value, s.verdict])).toEqual([[5, total * 100, total * 100, "agrees"]]);
      }),
      { numRuns: 60 },
    );
  });

  it("parts short of or beyond the whole by more than their rounding say nothing, and nothing is an error", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 5, max: 200 }), fc.boolean(), (ps, off, up) => {
        const total = ps.reduce((a, b) => a + b, 0) + (up ? off + ps.length : -(off + ps.length));
        if (total <= 27) return;
        const r = importReport(report(total, ps));
        expect(rollUps(r)).toEqual([]);
        expect(r.findings.filter((f) => f.code === "PROSE_MISMATCH" && f.severity === "error")).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
