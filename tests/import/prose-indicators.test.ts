import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "@bydel/core";
import { importReport } from "@bydel/import";

// Indicators stated in running text (kind "prose"). The full set per report is pinned, so any
// change to the prose reader shows here: a new indicator must be read and judged, never slip in.
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;
const report = (name: string): Report => importReport(readFileSync(`${root}${name}.txt`, "utf8"));

/** line, area, label, target as printed, result as printed, result − target, met */
type Pinned = [number, string | null, string, string, string, number | null, boolean | null];

const pinned: Record<(typeof names)[number], Pinned[]> = {
  "sagene-2024": [
    [2023, "FO3", "Sykefravær – Enhet for tilrettelagte tjenester", "7 %", "ca. 11,8 %", 4.8, false],
    [3719, null, "Andel personell i brukerrettede tjenester som er autorisert helsepersonell", "minimum 85 %", "81,6%", -3.4, false],
  ],
  "vestre-aker-2024": [
    [2256, "FO3", "Antall plasser ved utgangen av desember", "351", "351", 0, true],
    [3906, null, "Saksbehandlingsfrister ved innsynsbegjæringer", "3 dager", "i hovedsak", null, null],
    [4610, null, "H3/2024 Fagdekning hjemmesykepleie", "85%", "87,79%", 2.79, true],
  ],
  "grunerlokka-2024": [
    [2064, "FO3", "Ledige plasser på fastlegelistene (listekapasitet)", "4 %", "under grenseverdien på 4 %", null, false],
    [3584, "FO4", "Antall deltakere", "måltall for antall deltakere", "litt under måltall", null, null],
    [4031, null, "Saksbehandlingstid", "3 uker", "i hovedsak", null, null],
    [4031, null, "Foreløpig svar", "2 uker", "i hovedsak", null, null],
    [4034, null, "Saksbehandlingsfrister ved innsynsbegjæringer", "3 dager", "i hovedsak", null, null],
    [4513, null, "Andel av stillingene som arbeider direkte med barn som er pedagogisk leder", "50 %", "48 %", -2, false],
    [4517, null, "Andel av stillingene som arbeider direkte med barn som er barne- og ungdomsarbeidere", "25 %", "23%", -2, false],
  ],
};

describe.each(names)("prose indicators of %s", (name) => {
  const r = report(name);
  const prose = r.indicators.filter((i) => i.kind === "prose");

  it("are exactly the pinned ones", () => {
    expect(prose.map((i) => [i.line, i.area, i.label, i.target?.raw, i.result?.raw, i.deviation, i.met])).toEqual(pinned[name]);
  });

  it("are marked for review, with no printed deviation, and a deviation only between two numbers in one unit", () => {
    for (const i of prose) {
      expect(i.needsReview, i.label).toBe(true);
      expect(i.statedDeviation, i.label).toBeNull();
      if (i.result?.value == null || i.target?.value == null) expect(i.deviation, i.label).toBeNull();
      else expect(i.deviation, i.label).toBeCloseTo(i.result.value - i.target.value, 9);
    }
  });

  it("give no finding above info, and leave the table indicators as they were", () => {
    const lines = new Set(prose.map((i) => i.line));
    expect(r.findings.filter((f) => f.line !== null && lines.has(f.line) && f.severity !== "info")).toEqual([]);
    const tableLines = new Set(r.indicators.filter((i) => i.kind !== "prose").map((i) => i.line));
    expect(prose.filter((i) => tableLines.has(i.line))).toEqual([]);
  });
});
