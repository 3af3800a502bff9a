import { describe, expect, it } from "vitest";
import { columnAnchors, enumerateReadings } from "../src/cells/readings.js";
import { columnAnchor } from "@bydel/core";
import { numericTail } from "../src/tokens/tokens.js";

const budget = { columns: 5, alwaysPrinted: 4 } as const;
const identity = (v: readonly (number | null)[]) => Math.abs((v[2] ?? 0) - (v[3] ?? 0) - (v[4] ?? 0)) <= 2;
const read = (text: string) => enumerateReadings(numericTail(text, 1).groups, budget).readings;
const values = (text: string) => read(text).map((r) => r.values);

describe("numericTail", () => {
  it("keeps the label apart from the trailing digit groups", () => {
    const t = numericTail("120 Administrasjon 25 704  -18 247 -17 583 25 312 -42 895", 7);
    expect(t.label).toBe("120 Administrasjon");
    expect(t.groups.map((g) => g.digits)).toEqual(["25", "704", "18", "247", "17", "583", "25", "312", "42", "895"]);
    expect(t.groups[2]!.gap).toBe(2);
    expect(t.groups[2]!.negative).toBe(true);
  });

  it("treats a dash after label text with no number as part of the label", () => {
    expect(numericTail("257 Hjemmetjenester - ", 1)).toEqual({ label: "257 Hjemmetjenester -", groups: [] });
  });

  it("reads a line of one dash as a placeholder", () => {
    expect(numericTail("-    ", 1).groups.map((g) => g.kind)).toEqual(["dash"]);
  });

  it("reads nb-NO formatting (no-break spaces, U+2212) as whole numbers", () => {
    const t = numericTail("Sum \u22121\u00A0234\u00A0567 12", 1);
    expect(t.groups[0]).toMatchObject({ digits: "1234567", negative: true, whole: true });
  });
});

describe("enumerateReadings", () => {
  it("reads '0 241 034 266 094 315 231 -49 137' as five numbers, the only split that keeps the row identity", () => {
    const ok = values("0 241 034 266 094 315 231 -49 137").filter(identity);
    expect(ok).toEqual([[0, 241034, 266094, 315231, -49137]]);
  });

  it("never joins across a double space and never continues a 4-digit token", () => {
    expect(values("1 474 016  1 541 008 1 567 441 1 569 095 -10410")).toEqual([[1474016, 1541008, 1567441, 1569095, -10410]]);
  });

  it("enumerates blank positions for a row with fewer numbers than columns, placing the blank first by default", () => {
    const rs = read("0 0 332 -332").filter((r) => identity(r.values));
    const best = [...rs].sort((a, b) => a.layoutCost - b.layoutCost)[0]!;
    expect(best.values).toEqual([null, 0, 0, 332, -332]);
  });

  it("places the blank where a lone wide gap among single gaps shows it", () => {
    const rs = read("1 0 0  0").filter((r) => identity(r.values));
    const best = [...rs].sort((a, b) => a.layoutCost - b.layoutCost)[0]!;
    expect(best.values).toEqual([1, 0, 0, null, 0]);
  });

  it("tries a lone dash both as a blank cell and as a sign", () => {
    const vs = values("- 0 109 028 246 964 -137 936").filter(identity);
    expect(vs).toContainEqual([null, 0, 109028, 246964, -137936]);
  });

  it("keeps at most three digit groups per number", () => {
    for (const v of values("1 234 567 890 1 2 3 4")) for (const x of v) expect(Math.abs(x ?? 0)).toBeLessThan(1e9);
  });

  it("reports the bound instead of running away", () => {
    const many = Array.from({ length: 40 }, () => "123").join(" ");
    const r = enumerateReadings(numericTail(many, 1).groups, { columns: 20, alwaysPrinted: null, limit: 100, maxValue: 999_999_999 });
    expect(r.overflow).toBe(true);
  });
});

describe("columnAnchors", () => {
  // a row laid out by pdftotext -layout: cells right-aligned at these character columns
  const at = (label: string, cells: [string, number][]): string => {
    let line = label;
    for (const [text, end] of cells) line = line.padEnd(end - text.length) + text;
    return line;
  };
  const ends = [69, 92, 113, 135, 156];
  const full = (i: number) => at(`${100 + i} Funksjon`, ends.map((e, c) => [String(1000 + 7 * i + c), e]));
  const anchorsOf = (lines: string[]) =>
    columnAnchors(lines.map((l) => numericTail(l, 1).groups), 5, columnAnchor.slack, columnAnchor.minRows);

  it("anchors the columns at the right edges most full rows agree on", () => {
    expect(anchorsOf([full(1), full(2), full(3)])).toEqual(ends);
  });

  it("keeps them when a lone zero stands a few columns off (Grünerløkka's FO1 avvik)", () => {
    const zeroOff = at("385 Andre", [["39", 69], ["0", 92], ["0", 113], ["0", 135], ["0", 159]]);
    expect(anchorsOf([full(1), full(2), full(3), zeroOff])).toEqual(ends);
    // and the positions then settle a row with a blank cell: 1 | 0 | 0 | blank | 0
    const row = numericTail(at("180 Div.", [["1", 69], ["0", 92], ["0", 113], ["0", 159]]), 1).groups;
    const placed = enumerateReadings(row, { ...budget, anchors: anchorsOf([full(1), full(2), full(3), zeroOff])!, slack: columnAnchor.slack });
    expect(placed.readings.map((r) => r.values)).toEqual([[1, 0, 0, null, 0]]);
  });

  it("gives none when edges disagree: past the slack, or most rows off", () => {
    const far = at("385 Andre", [["39", 69], ["0", 92], ["0", 113], ["0", 135], ["0", 161]]);
    expect(anchorsOf([full(1), full(2), full(3), far])).toBeNull();
    const off = (i: number) => at(`${200 + i} X`, ends.map((e, c) => [String(10 + c), c === 4 ? e + 2 : e]));
    expect(anchorsOf([full(1), full(2), full(3), off(1), off(2), off(3)])).toBeNull();
    expect(anchorsOf([full(1), full(2)])).toBeNull(); // too few rows to call it a layout
  });
});
