import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importReport } from "../src/index.js";
import { splitLines } from "../src/source/lines.js";
import { runningFurniture } from "../src/source/text/runningLines.js";
import { isColumnHeader, stackedHeader } from "../src/tables/grammar.js";
import { amountsIn } from "../src/prose/amounts.js";

/**
 * Text without form feeds (pdf.js text joined into lines): page breaks are found at a running header
 * or footer beside a page number that runs with the pages, and a table header set one cell per line.
 */

const headerCells = ["Beløp i 1000 kr", "Regnskap", "2023", "Opprinnelig", "budsjett", "2024", "Regulert", "budsjett", "2024", "Regnskap", "2024 Avvik"];

/** A budget table of `rows` area rows broken by a page after `breakAt` rows, with the footer above or below its number. */
function brokenTable(rows: number, breakAt: number, footerFirst: boolean, page: number): string[] {
  const row = (n: number) => `Funksjonsområde ${n} 1 ${String(100 + n).padStart(3, "0")} 1 000 1 000 1 000 0`;
  const furniture = footerFirst ? ["Årsberetning 2024 – Bydel X", String(page)] : [String(page), "Årsberetning 2024 – Bydel X"];
  const body = Array.from({ length: rows }, (_, n) => row(n + 1));
  return ["Tabell 0.1 B Netto driftsutgifter i 1000 kr", ...headerCells, ...body.slice(0, breakAt), ...furniture, ...headerCells, ...body.slice(breakAt)];
}

const furnitureTexts = (text: string): string[] => {
  const lines = splitLines(text);
  return [...runningFurniture(lines)].map((no) => lines[no - 1]!.text);
};

describe("running headers and footers in text without form feeds", () => {
  it("are each running line beside its page number, and nothing else", () => {
    const prose = (p: number) => [`Side ${p} har litt tekst om bydelen.`, "Årsberetning 2024 – Bydel X", String(p)];
    const text = [...prose(1), ...prose(2), ...brokenTable(4, 2, true, 3), ...prose(4), ...prose(5)].join("\n");
    expect(furnitureTexts(text).sort()).toEqual([...Array(5).fill("Årsberetning 2024 – Bydel X"), "1", "2", "3", "4", "5"].sort());
  });

  it("finds the page number inside the running line («Bydel X • Årsberetning 2024 • 7»), and takes no row of figures for one", () => {
    const text = [1, 2, 3, 4].flatMap((p) => [`Tekst på side ${p}.`, `Bydel X • Årsberetning 2024 • ${p + 6}`]).join("\n");
    expect(furnitureTexts(text)).toEqual([1, 2, 3, 4].map((p) => `Bydel X • Årsberetning 2024 • ${p + 6}`));
    // a row repeated in several tables, its figures differing, with a page number above it that rises by chance
    const rows = [16, 20, 31].flatMap((p, k) => [String(p), `Årsverk jordmødre ${k + 4},3 4,5 3,54 5,4 4,5`, "Prosa."]).join("\n");
    expect(furnitureTexts(rows)).toEqual([]);
    // Sagene's text: «plass 12405423 1», «plass 12405423 7», «plass 1 600» rise, yet stand on 3 of the 600 pages they would span
    expect(furnitureTexts(["plass 12405423 1", "Tekst.", "plass 12405423 7", "Tekst.", "Mer tekst.", "plass 1 600"].join("\n"))).toEqual([]);
  });

  it("leaves text with form feeds, and text whose repeated lines stand beside numbers that do not run, as it is", () => {
    expect(furnitureTexts(["a", "\fÅrsberetning", "2", "\fÅrsberetning", "3", "\fÅrsberetning", "4"].join("\n"))).toEqual([]);
    // a row label repeated beside its cells («Resultat» / «2023»), years and shuffled numbers: no page numbers
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 3, maxLength: 12 }), (numbers) => {
        const falling = [...numbers].sort((a, b) => b - a);
        const text = falling.flatMap((n) => ["Antall brukere", String(n), "Resultat", String(2020 + (n % 5)), "Prosa."]).join("\n");
        expect(furnitureTexts(text)).toEqual([]);
      }),
    );
  });

  it("reads every row of a budget table broken by a page, its header one cell per line, whatever the break's place and the footer's order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), fc.boolean(), (breakAt, footerFirst) => {
        const rows = 8;
        const pages = [1, 2].flatMap((p) => [`Side ${p}.`, "Årsberetning 2024 – Bydel X", String(p)]);
        const text = [...pages, ...brokenTable(rows, breakAt, footerFirst, 3), "Sum netto utgifter, drift 8 836 8 000 8 000 8 000 0", "Årsberetning 2024 – Bydel X", "4", "Slutt."].join("\n");
        const report = importReport(text);
        const table = report.budgetTables.find((t) => t.id === "0.1B");
        expect(table?.rows.map((r) => r.label)).toEqual([...Array.from({ length: rows }, (_, n) => `Funksjonsområde ${n + 1}`), "Sum netto utgifter, drift"]);
        expect(report.findings.filter((f) => f.code === "TABLE_INCOMPLETE" || f.code === "SUM_MISMATCH")).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});

describe("a table header set one cell per line", () => {
  it("is read as one header when the rows follow at once, and not when a blank line or prose parts them", () => {
    const lines = (t: string[]) => t.map((text, i) => ({ no: i + 1, text }));
    const header = stackedHeader(lines([...headerCells, "Funksjonsområde 1 1 000 1 000 1 000 1 000 0"]), 0);
    expect(header).not.toBeNull();
    expect(isColumnHeader(header!)).toBe(true);
    expect(stackedHeader(lines([...headerCells, "", "Funksjonsområde 1 1 000 1 000 1 000 1 000 0"]), 0)).toBeNull();
    expect(stackedHeader(lines([...headerCells, "Bydelen har i år hatt et godt samarbeid med frivillige."]), 0)).toBeNull();
  });
});

describe("«i 1000 kr»", () => {
  it("is a unit, not an amount of 1 000 kroner, on its line or after a line break", () => {
    expect(amountsIn("Tall i 1000 kr.")).toEqual([]);
    expect(amountsIn("Tall i 1 000 kroner")).toEqual([]);
    expect(amountsIn("Avvik vedtatt og regulert budsjett Tall i\n1000 kr.")).toEqual([]);
    expect(amountsIn("en egenandel på 1000 kr.").map((a) => a.amount.value)).toEqual([1]);
  });
});
