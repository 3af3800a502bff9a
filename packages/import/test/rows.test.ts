import { describe, expect, it } from "vitest";
import { readRows } from "../src/rows/rows.js";
import { splitLines } from "../src/source/lines.js";
import { economyRows, unitTable } from "../src/tables/registry.js";

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
