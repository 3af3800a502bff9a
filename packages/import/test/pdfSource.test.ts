import { describe, expect, it } from "vitest";
import { pdfLayout } from "@bydel/core";
import { cellText, groupLines } from "../src/source/pdf/lines.js";
import { layoutLines } from "../src/source/pdf/layout.js";
import { dropFurniture } from "../src/source/pdf/furniture.js";
import { positionedItems } from "../src/source/pdf/items.js";
import type { PositionedText } from "../src/source/pdf/items.js";

const item = (text: string, x0: number, x1: number, y: number, size = 10): PositionedText => ({ text, x0, x1, y, size });

describe("PDF source: words → lines → cells", () => {
  it("joins runs split inside a number or a label, and keeps cells apart", () => {
    const [line] = groupLines([
      item("Funksjons", 50, 95, 100),
      item("område 2A", 95.5, 140, 100.2),
      item("649", 300, 315, 100),
      item("876", 317, 332, 100), // narrow gap inside the cell
      item("651 313", 390, 425, 100),
    ]);
    expect(line!.tokens.map((t) => t.text)).toEqual(["Funksjonsområde 2A", "649\u00A0876", "651\u00A0313"]);
    expect(line!.tokens.map((t) => t.numeric)).toEqual([false, true, true]);
  });

  it("reads every space and minus a producer puts in a number the same way", () => {
    expect(cellText("1\u2009234\u2009567")).toBe("1\u00A0234\u00A0567");
    expect(cellText("\u2013 15 743")).toBe("-15\u00A0743");
    expect(cellText("\u201215 743")).toBe("-15\u00A0743");
    expect(cellText("\u2212 2 583")).toBe("\u22122\u00A0583");
    expect(cellText("Sum 9 589")).toBe("Sum 9 589"); // a label is kept as printed
    expect(cellText("1 787899", true)).toBe("1\u00A0787\u00A0899"); // runs split anywhere inside one cell
    expect(cellText("5 525 5 400")).toBe("5\u00A0525 5\u00A0400"); // one run may hold several cells: never regrouped
  });

  it("puts items on one line by their baselines, top to bottom", () => {
    const lines = groupLines([item("b", 50, 60, 120), item("a", 50, 60, 100), item("c", 200, 210, 101.5)]);
    expect(lines.map((l) => l.tokens.map((t) => t.text).join("|"))).toEqual(["a|c", "b"]);
  });

  it("lays numbers out by their right edge, so a column's numbers end in one character column and an empty cell is a gap", () => {
    const rows = groupLines([
      item("Funksjonsområde 1", 50, 140, 100),
      item("49 377", 280, 310, 100),
      item("88 800", 350, 380, 100),
      item("Div. fellesutgifter", 50, 140, 115),
      item("1", 305, 310, 115),
      item("0", 375, 380, 130 - 15),
    ]);
    const text = layoutLines(rows, 50);
    expect(text[0]!.indexOf("49\u00A0377") + 6).toBe(text[1]!.indexOf("1") + 1);
    expect(text[0]!.indexOf("88\u00A0800") + 6).toBe(text[1]!.lastIndexOf("0") + 1);
    expect(text[0]!.trim().split(/ {2,}/u)).toEqual(["Funksjonsområde 1", "49\u00A0377", "88\u00A0800"]); // cells two spaces apart or more
  });

  it("keeps a paragraph break as a blank line: a sentence's end, a wider gap than the text's usual pitch, a capital (Vestre Aker: 14,2 pt lines, 20,2 pt between paragraphs)", () => {
    const y = [100, 114.2, 128.4, 148.6, 162.8, 183, 197.2];
    const words = ["Dette gir en økning av merforbruket med 50 mill.", "sammenlignet med 2023, da bydelen hadde et avvik", "på ordinær drift med 55 mill.", "Bydelen hadde i budsjett 2024 lagt inn et", "planlagt merforbruk på 41 mill.", "tabellens rad uten punktum", "Sum 1 234"];
    const lines = groupLines(words.map((w, k) => item(w, 50, 50 + w.length * 5, y[k]!, 11)));
    const text = layoutLines(lines, 50);
    // a blank line only after «55 mill.» (a sentence's end before a capital, 20,2 pt); «41 mill.» to a lower-case line stays one paragraph
    expect(text.map((t) => t.trim())).toEqual([words[0], words[1], words[2], "", words[3], words[4], words[5], words[6]]);
  });

  it("never lets a long label run into the next cell", () => {
    const [line] = groupLines([item("A label wider than its cell", 50, 120, 100), item("7", 120 + pdfLayout.cellGap * 10 + 1, 127 + pdfLayout.cellGap * 10, 100)]);
    const [text] = layoutLines([line!], 50);
    expect(text).toMatch(/cell {2,}7$/u);
  });

  it("joins a word and its number a monospaced space apart («maks 67 %»), and a number and its «%»", () => {
    // Courier: every character 0.6 em, the space too; the cells stand two spaces and more apart
    const em = 10;
    const mono = (text: string, x0: number) => item(text, x0, x0 + 0.6 * em * text.length, 100);
    const [line] = groupLines([mono("innen", 50), mono("6", 50 + 6 * 6), mono("mnd.", 50 + 8 * 6), mono("maks", 200), mono("67", 200 + 5 * 6), mono("%", 200 + 8 * 6), mono("12", 300)]);
    expect(line!.tokens.map((t) => t.text)).toEqual(["innen 6 mnd.", "maks 67 %", "12"]);
    // in a proportional font the same gap before a number is a cell gap
    const [prop] = groupLines([item("maks", 50, 70, 100), item("67", 76, 86, 100)]);
    expect(prop!.tokens.map((t) => t.text)).toEqual(["maks", "67"]);
  });

  it("drops running headers, footers and page numbers by position, and keeps the same words in the body", () => {
    const page = (n: number) => ({
      height: 842,
      lines: groupLines([
        item(`Årsberetning 2024 – Bydel Sagene`, 400, 520, 30, 8),
        item(`Årsberetning 2024 – Bydel Sagene`, 60, 200, 400),
        item(String(n), 297, 302, 815, 9),
        item("Body", 60, 90, 300),
      ]),
    });
    const kept = dropFurniture([page(1), page(2), page(3), page(4)]);
    for (const lines of kept) expect(lines.map((l) => l.tokens[0]!.text)).toEqual(["Body", "Årsberetning 2024 – Bydel Sagene"]);
  });

  it("drops control characters (U+0000 for an unmapped glyph) and counts them", () => {
    const { items, dropped } = positionedItems([{ str: "Bel\u0000p", transform: [10, 0, 0, 10, 50, 700], width: 20, height: 10 }, { type: "beginMarkedContent" }], [0, 0, 595, 842]);
    expect(items.map((i) => i.text)).toEqual(["Belp"]);
    expect(dropped).toBe(1);
  });

  it("reads a run drawn twice a hair's breadth apart (bold by overprinting) once, and the same text elsewhere on the page twice", () => {
    const run = (str: string, e: number, f: number) => ({ str, transform: [10, 0, 0, 10, e, f], width: 30, height: 10 });
    const { items } = positionedItems([run("Sum netto", 50, 700), run("-52 159", 500, 700), run("Sum netto", 50.4, 700.3), run("-52 159", 500.4, 700.3), run("-52 159", 500, 686)], [0, 0, 595, 842]);
    expect(items.map((i) => [i.text, i.x0, 842 - i.y])).toEqual([
      ["Sum netto", 50, 700],
      ["-52 159", 500, 700],
      ["-52 159", 500, 686],
    ]);
  });

  it("reads a page whose text runs up or down it (a landscape table on a portrait page) as if turned to it, and leaves out a margin note that runs another way", () => {
    const run = (str: string, a: number, b: number, e: number, f: number, width = 40) => ({ str, transform: [a, b, -b, a, e, f], width, height: 10 });
    // up the page (pdf.js: [0, 10, -10, 0, e, f]): later lines stand further right, the text goes on upwards
    const up = positionedItems([run("Funksjonsområde 1", 0, 10, 57, 50, 88), run("1 234", 0, 10, 57, 300, 25), run("Funksjonsområde 2", 0, 10, 77, 50, 88), run("Note", 10, 0, 20, 400)], [0, 0, 595, 842]);
    expect(up.height).toBe(595);
    expect(up.items.map((i) => [i.text, i.x0, i.y])).toEqual([
      ["Funksjonsområde 1", 50, 57],
      ["1 234", 300, 57],
      ["Funksjonsområde 2", 50, 77],
    ]);
    // down the page: later lines stand further left, the text goes on downwards
    const down = positionedItems([run("Funksjonsområde 1", 0, -10, 538, 792, 88), run("1 234", 0, -10, 538, 542, 25), run("Funksjonsområde 2", 0, -10, 518, 792, 88)], [0, 0, 595, 842]);
    expect(down.items.map((i) => [i.text, i.x0, i.y])).toEqual([
      ["Funksjonsområde 1", 50, 57],
      ["1 234", 300, 57],
      ["Funksjonsområde 2", 50, 77],
    ]);
    // most of the page upright: the turned run is the margin note, left out
    const upright = positionedItems([run("Funksjonsområde 1", 10, 0, 50, 700, 88), run("Utkast", 0, 10, 20, 400)], [0, 0, 595, 842]);
    expect(upright.items.map((i) => i.text)).toEqual(["Funksjonsområde 1"]);
    expect(upright.height).toBe(842);
  });
});
