import { tableReading } from "@bydel/core";
import { describe, expect, it } from "vitest";
import { importReport } from "../src/importReport.js";
import { readRows } from "../src/rows/rows.js";
import { splitLines } from "../src/source/lines.js";
import { continuesLabel, goesOn, isGroupRow, startsLabel } from "../src/tables/grammar.js";
import { economyRows, indicatorRows, unitTable } from "../src/tables/registry.js";

/** The one row reader on a text: each row's label and its numbers as printed. */
function read(text: string, grammar: typeof economyRows) {
  const { rows, end } = readRows(splitLines(text), 0, grammar);
  return { rows: rows.map((r) => ({ label: r.label, numbers: r.groups.map((g) => (g.kind === "dash" ? "-" : g.digits)), line: r.line, firstLine: r.firstLine })), end };
}

describe("the one row reader, by the kind's row grammar", () => {
  it("reads budget rows: a KOSTRA code or a total starts a row, a label wraps before its numbers, an area's digit is the label's", () => {
    const text = ["201 Barnehage 1 000 2 000", "211 Styrket tilbud til", "førskolebarn 300 400", "Funksjonsområde 1 500 600", "Sum 1 800 3 000", "", "", "", "", "", "", "Etter tabellen 12"].join("\n");
    const { rows, end } = read(text, economyRows);
    expect(rows.map((r) => r.label)).toEqual(["201 Barnehage", "211 Styrket tilbud til førskolebarn", "Funksjonsområde 1", "Sum"]);
    expect(rows[1]).toMatchObject({ firstLine: 2, line: 3 });
    // «Funksjonsområde 1 500 600»: the 1 names the area, it is no amount
    expect(rows[2]!.numbers).toEqual(["500", "600"]);
    // a run of six blank lines ends the table at its sixth (index 10): the line after them is not read
    expect(end).toBe(10);
  });

  it("reads unit rows by their names: no code starts them, a name wraps over a few lines, after a total only a total", () => {
    const text = ["Enhet for", "barn og unge 10 20 -10", "Helse 5 5 0", "Totalt 15 25 -10", "Sum bydel 15 25 -10", "Annet 1 2 3"].join("\n");
    const { rows } = read(text, unitTable.rows);
    expect(rows.map((r) => r.label)).toEqual(["Enhet for barn og unge", "Helse", "Totalt", "Sum bydel"]);
    expect(rows[0]).toMatchObject({ firstLine: 1, line: 2 });
    // a name wrapped over lines reads as one on a line: spaces in a run are one
    expect(read(["Enhet  for", "barn  og unge 10 20 -10"].join("\n"), unitTable.rows).rows[0]!.label).toBe(read("Enhet for barn og unge 10 20 -10", unitTable.rows).rows[0]!.label);
    // the budget grammar reads none of these: no line starts a budget row
    expect(read(text, economyRows).rows).toEqual([]);
  });

  it("ends unit rows at a line with one number or at a sentence, and drops a name without numbers", () => {
    expect(read(["Helse 5 5 0", "Side 12"].join("\n"), unitTable.rows).rows.map((r) => r.label)).toEqual(["Helse"]);
    expect(read(["Helse 5 5 0", "Resultatet ble bedre enn ventet.", "Barn 1 2 3"].join("\n"), unitTable.rows).rows.map((r) => r.label)).toEqual(["Helse"]);
    expect(read(["Helse 5 5 0", "Barn", "og", "unge", "i", "bydelen 1 2 3"].join("\n"), unitTable.rows).rows.map((r) => r.label)).toEqual(["Helse"]);
  });
});

/** An indicator table read by its words: the given rows under a full header. */
function indicatorLabels(rows: string[]) {
  const lines = ["Årsberetning 2024", "Bydel Sagene", "", "3.2.5 Mål, tiltak og resultatindikatorer", "", "Resultatindikatorer Resultat 2022 Resultat 2023 Måltall 2024 Resultat 2024 Avvik 2024", "", ...rows, "", "3.3 Funksjonsområde 2A: Barnehager", "Tekst."];
  return importReport(lines.join("\n"))
    .indicators.filter((i) => i.kind !== "prose")
    .map((i) => [i.label, i.result?.raw]);
}

describe("one label grammar for every row reader", () => {
  // a label of n lines without numbers, its numbers on the line after them
  const wrapped = (first: string, n: number) => [first, ...Array.from({ length: n - 1 }, (_, j) => `del ${"abcdefgh"[j]}`)];

  it("counts a row's label lines the same way in each reader, its first included, up to its rows' maxLabelLines", () => {
    const { budget, unit, indicator } = tableReading.maxLabelLines;
    expect([economyRows.maxLabelLines, unitTable.rows.maxLabelLines, indicatorRows.maxLabelLines]).toEqual([budget, unit, indicator]);
    for (let n = 1; n <= budget + 1; n++) {
      const { rows, end } = read([...wrapped("201 Barnehage", n), "1 000 2 000"].join("\n"), economyRows);
      // one line more than the grammar allows ends the table there, the row without its numbers
      expect([rows[0]!.numbers, end]).toEqual(n <= budget ? [["1", "000", "2", "000"], n + 1] : [[], budget]);
    }
    for (let n = 1; n <= unit + 1; n++) {
      const { rows } = read([...wrapped("Enhet", n), "10 20 -10"].join("\n"), unitTable.rows);
      expect(rows.map((r) => r.label)).toEqual(n <= unit ? [wrapped("Enhet", n).join(" ")] : []);
    }
    for (let n = 1; n <= indicator + 1; n++) {
      const label = wrapped("Andel barn", n);
      expect(indicatorLabels([...label, "45,7 % 55,0 % 40 % 47,1 % 7,1 %"])).toEqual(n <= indicator ? [[label.join(" "), "47,1 %"]] : []);
    }
  });

  it("goes on with a label after its numbers in lower case, short, and with a sentence end only where the rows' labels may end one", () => {
    expect(continuesLabel("og ytelser (brutto utg.)", economyRows)).toBe(true);
    expect(continuesLabel("bolig fra institusjon.", indicatorRows)).toBe(true);
    expect(continuesLabel("bolig fra institusjon.", economyRows)).toBe(false);
    expect(continuesLabel("Andel barn", indicatorRows)).toBe(false);
    expect(continuesLabel(`bolig ${"x".repeat(60)}`, indicatorRows)).toBe(false);
    // in the word-based indicator reader: the period is the label's, the row above goes on with it
    expect(indicatorLabels(["Personer med rusutfordringer bosatt i", "108 106 100 121 21", "bolig fra institusjon."])).toEqual([["Personer med rusutfordringer bosatt i bolig fra institusjon.", "121"]]);
  });

  it("starts a label with a capital, past marks; a one-word line so, before a label, is a group row; a colon goes on", () => {
    expect([startsLabel("- Barn i bydelen"), startsLabel("«Trygg»"), startsLabel("barn"), startsLabel("2 Barn")]).toEqual([true, true, false, false]);
    expect(isGroupRow(["Barnevern"], "Andel barn")).toBe(true);
    expect(isGroupRow(["Barnevern"], "- Andel barn")).toBe(true);
    expect(isGroupRow(["Barnevern"], "andel barn")).toBe(false);
    expect(isGroupRow(["Barne vern"], "Andel barn")).toBe(false);
    expect(isGroupRow(["Barnevern", "Tiltak"], "Andel barn")).toBe(false);
    expect([goesOn("Foreldreundersøkelse:"), goesOn("Foreldreundersøkelse")]).toEqual([true, false]);
    // in the word-based indicator reader: the group row heads the row, no part of its label
    expect(indicatorLabels(["Barnevern", "Andel barn med tiltak", "45,7 % 55,0 % 40 % 47,1 % 7,1 %"])).toEqual([["Andel barn med tiltak", "47,1 %"]]);
  });
});
