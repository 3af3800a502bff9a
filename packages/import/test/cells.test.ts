import { describe, expect, it } from "vitest";
import { cellReadings, cellTail } from "../src/cells/cells.js";

describe("cellTail", () => {
  it("keeps comparators and units with their numbers", () => {
    const t = cellTail("mnd. etter bosetting 2) 17 % 51 % > 66 % > 66 %");
    expect(t.label).toBe("mnd. etter bosetting 2)");
    expect(t.atoms.map((a) => a.raw)).toEqual(["17 %", "51 %", "> 66 %", "> 66 %"]);
  });

  it("reads glued units, decimal points and placeholders", () => {
    expect(cellTail("49.35% 80,0 % 80 % 68% -12pp").atoms.map((a) => a.raw)).toEqual(["49.35%", "80,0 %", "80 %", "68%", "-12pp"]);
    expect(cellTail("- 50 - - -").atoms.map((a) => a.raw)).toEqual(["-", "50", "-", "-", "-"]);
    expect(cellTail("Dekningsgrad 1-5 åringer 93 % 95 % 93 % * *").atoms.map((a) => a.raw)).toEqual(["93 %", "95 %", "93 %", "*", "*"]);
  });

  it("reads a footnote mark among the numbers as a cell, and after a word as the label's", () => {
    expect(cellTail(" 2 780   2 829   2 970  1) * ").atoms.map((a) => a.raw)).toEqual(["2", "780", "2", "829", "2", "970", "1)", "*"]);
    const t = cellTail("år som er kartlagt for ernæringsmessig risiko 2) 46,7 % 73.9 % 60 % 64,33 % 4,33 %");
    expect(t.label).toBe("år som er kartlagt for ernæringsmessig risiko 2)");
    expect(t.atoms).toHaveLength(5);
  });

  it("stops at a label word, so a label's own number stays in the label", () => {
    expect(cellTail("Andel avsluttede undersøkelser innen 3").atoms.map((a) => a.raw)).toEqual(["3"]);
    expect(cellTail("pr 1 000 innbyggere").atoms).toEqual([]);
  });
});

describe("cellReadings", () => {
  it("offers '1 006' both as one number and as two cells, and never a cell with a leading zero", () => {
    const rs = cellReadings(cellTail("1365 986 900 1 006 +106").atoms, 5);
    expect(rs).toContainEqual(["1365", "986", "900", "1 006", "+106"]);
    expect(rs).toContainEqual(["1365", "986 900", "1 006", "+106"]);
    expect(rs.every((r) => r.every((c) => !/^0\d/.test(c)))).toBe(true);
  });
});
