import { describe, expect, it } from "vitest";
import { splitLines } from "../src/source/lines.js";
import { joinLoneCodes } from "../src/source/text/codes.js";
import { orphanRows, unaccountedRows } from "../src/rows/unaccounted.js";

describe("a KOSTRA code alone on its label's first line", () => {
  it("goes before its label, on the line with the numbers, keeping that line's number", () => {
    const lines = joinLoneCodes(splitLines(["  221", "Barnehagelokaler og      43 822    41 253", "skyss"].join("\n")));
    expect(lines.map((l) => [l.no, l.text])).toEqual([
      [2, "221 Barnehagelokaler og      43 822    41 253"],
      [3, "skyss"],
    ]);
  });

  it("goes before a label printed under its numbers, the numbers staying in their columns", () => {
    const lines = joinLoneCodes(splitLines(["  301", "                              957      1 997", "Plansaksbehandling"].join("\n")));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.no).toBe(2);
    expect(lines[0]!.text.trimEnd()).toBe("301 Plansaksbehandling        957      1 997");
  });

  it("goes before a label printed under the code and its numbers", () => {
    const lines = joinLoneCodes(splitLines(["  365                 0          -13", "Kulturminneforvaltning"].join("\n")));
    expect(lines.map((l) => [l.no, l.text])).toEqual([[1, "365 Kulturminneforvaltning  0          -13"]]);
  });

  it("leaves a number at the margin and a number before prose alone", () => {
    const text = ["653", "Bydelen har 12 ansatte.", "  120", "og så videre"].join("\n");
    expect(joinLoneCodes(splitLines(text)).map((l) => l.text)).toEqual(text.split("\n"));
  });
});

describe("every row accounted for", () => {
  it("reports the lines with a row's numbers that no row took, inside a table and after its last row", () => {
    const lines = splitLines(
      [
        "Tabell 0.1 B",
        "Funksjonsområde 1     1 000    2 000    1 000",
        "  302                 3 000    4 000    1 000",
        "Funksjonsområde 3     5 000    6 000    1 000",
        "Sum                   9 000   12 000    3 000",
        "",
        "Bydelen har hatt et godt år, og tjenestene er levert innenfor rammene bystyret har vedtatt.",
        "  7 000  8 000  9 000",
      ].join("\n"),
    );
    const read = [{ id: "0.1B", title: "Tabell 0.1 B", line: 1, rowLines: [{ firstLine: 2, line: 2 }, { firstLine: 4, line: 4 }] }];
    const [f] = unaccountedRows(read, lines, (l) => l.no === 1).findings;
    expect(f?.code).toBe("TABLE_INCOMPLETE");
    expect(f?.message).toContain("linjene 3, 5");
    expect(f?.message).not.toContain("8"); // the text goes on: numbers after prose are no row of this table
  });
});

describe("budget rows outside every table read", () => {
  it("are reported, one finding a run, and rows a table took are not", () => {
    const lines = splitLines(
      [
        "Tekst om økonomien.",
        "201 Barnehage        560 905   607 942   601 727   598 806   2 921",
        "211 Styrket tilbud    33 760    37 518    36 043    33 655   2 388",
        "Mer tekst, og så en tabell som ble lest:",
        "244 Barneverntjeneste  45 133  45 139  46 727  44 663  2 064",
      ].join("\n"),
    );
    const read = [{ id: "FO2B", title: "FO2B", line: 4, rowLines: [{ firstLine: 5, line: 5 }] }];
    const found = orphanRows(read, lines, new Set());
    expect(found.map((f) => [f.code, f.line])).toEqual([["TABLE_INCOMPLETE", 2]]);
    expect(found[0]!.message).toContain("Linjene 2, 3");
  });
});
