import { describe, expect, it } from "vitest";
import { enumerateReadings } from "../src/cells/readings.js";
import { solveTable } from "../src/solve/solve.js";
import { sumStructure } from "../src/solve/tables.js";
import { numericTail } from "../src/tokens/tokens.js";

const identity = (v: readonly (number | null)[]) => Math.abs((v[2] ?? 0) - (v[3] ?? 0) - (v[4] ?? 0)) <= 2;
/** The solver's mechanics are tested with the loosest cap (10⁹), so that the cap itself decides nothing here. */
const rowsOf = (lines: string[], maxValue = 999_999_999) =>
  lines.map((l, i) => enumerateReadings(numericTail(l, i + 1).groups, { columns: 5, alwaysPrinted: 4, maxValue }));

describe("solveTable", () => {
  it("resolves a row the identity leaves open with the column sums (Vestre Aker FO1 '335 … 1 281 0 175 438 -263')", () => {
    const lines = ["100 Politisk styring 2 231 3 859 1 626 1 576 49", "335 Rekreasjon i tettsted 1 281 0 175 438 -263", "Sum 3 512 3 859 1 801 2 014 -214"];
    const equations = sumStructure([{ isTotal: false }, { isTotal: false }, { isTotal: true }]);
    const s = solveTable(rowsOf(lines), equations, { columns: 5, identity });
    expect(s.rows[1]!.chosen!.values).toEqual([1281, 0, 175, 438, -263]);
    expect(s.sumsClose).toBe(true);
  });

  it("uses the sums to decide between '10 447 816' as 10 447 | 816 and 10 | 447 816", () => {
    const lines = ["265 Boliger 10 447 816 1 607 9 862 -8 255", "273 Tiltak 10 512 10 957 11 763 11 174 589", "Sum 20 959 11 773 13 370 21 036 -7 666"];
    const s = solveTable(rowsOf(lines), sumStructure([{ isTotal: false }, { isTotal: false }, { isTotal: true }]), { columns: 5, identity });
    expect(s.rows[0]!.chosen!.values).toEqual([10447, 816, 1607, 9862, -8255]);
    expect(s.rows[0]!.decision).toBe("sums");
  });

  it("leaves a row ambiguous, with its candidates, when nothing decides and the readings differ in money", () => {
    // a single row and its repeated Sum row: the identity fixes the last three columns only, and
    // 12 | 345 678 and 12 345 | 678 are equally plausible in size
    const lines = ["276 X 12 345 678 1 0 1", "Sum 12 345 678 1 0 1"];
    const s = solveTable(rowsOf(lines), sumStructure([{ isTotal: false }, { isTotal: true }]), { columns: 5, identity });
    expect(s.rows[0]!.decision).toBe("ambiguous");
    expect(s.rows[0]!.chosen).toBeNull();
    expect(s.rows[0]!.candidates.map((c) => c.values.slice(0, 2))).toEqual(expect.arrayContaining([[12, 345678], [12345, 678]]));
  });

  it("does not let magnitude alone pick between amounts: the row stays ambiguous (single-row table '224 861 206 000 …')", () => {
    const lines = ["281 Ytelser 224 861 206 000 247 550 276 073 -28 523", "Sum 224 861 206 000 247 550 276 073 -28 523"];
    const s = solveTable(rowsOf(lines), sumStructure([{ isTotal: false }, { isTotal: true }]), { columns: 5, identity });
    expect(s.rows[0]!.chosen).toBeNull();
    expect(s.rows[0]!.decision).toBe("ambiguous");
  });

  it("reads '224 861 206 000 …' once amounts of 100 billion kr and more are ruled out (the default cap)", () => {
    const lines = ["281 Ytelser 224 861 206 000 247 550 276 073 -28 523", "Sum 224 861 206 000 247 550 276 073 -28 523"];
    const s = solveTable(rowsOf(lines, 99_999_999), sumStructure([{ isTotal: false }, { isTotal: true }]), { columns: 5, identity });
    expect(s.rows[0]!.chosen!.values).toEqual([224861, 206000, 247550, 276073, -28523]);
  });

  it("lets a blank the text shows (a lone wide gap) decide where the sums cannot ('180 Div. fellesutgifter 1 0 0  0')", () => {
    const s = solveTable(rowsOf(["180 Div. fellesutgifter 1 0 0  0", "Sum 1 0 0  0"]), sumStructure([{ isTotal: false }, { isTotal: true }]), { columns: 5, identity });
    expect(s.rows[0]!.decision).toBe("layout");
    expect(s.rows[0]!.chosen!.values).toEqual([1, 0, 0, null, 0]);
  });

  it("leaves '-1 192 -997 -1 047 50' ambiguous when only a column within rounding (±1) and a misprinted one could tell -1 | 192 from blank | -1 192", () => {
    const lines = ["243 Tilbud 432 155  420 464 403 857 377 022 26 835", "275 Introduksjonsordningen -1 192 -997 -1 047 50", "Sum 432 155 463 278 402 860 375 975 26 885"];
    const s = solveTable(rowsOf(lines, 99_999_999), sumStructure([{ isTotal: false }, { isTotal: false }, { isTotal: true }]), { columns: 5, identity });
    expect(s.rows[1]!.chosen).toBeNull();
    expect(s.rows[1]!.candidates.map((c) => c.values)).toEqual(expect.arrayContaining([[-1, 192, -997, -1047, 50], [null, -1192, -997, -1047, 50]]));
  });

  it("counts a row without numbers as blank in the sums, not as unknown", () => {
    const lines = ["253 A 335 815 335 255 338 538 362 666 -24 128", "261 Institusjonslokaler", "733 B 24 204 22 096 22 083 25 953 -3 870", "Sum 360 019 357 351 360 621 388 619 -27 998"];
    const inputs = rowsOf(lines).map((r, i) => ({ ...r, blank: i === 1 }));
    const s = solveTable(inputs, sumStructure([false, false, false, true].map((isTotal) => ({ isTotal }))), { columns: 5, identity });
    expect(s.rows[0]!.decision).toBe("sums");
    expect(s.rows[0]!.chosen!.values).toEqual([335815, 335255, 338538, 362666, -24128]);
  });

  it("keeps a row whose printed variance is wrong, marked as breaking its identity", () => {
    const s = solveTable(rowsOf(["Sum netto utgifter, drift 1 474 016  1 541 008 1 567 441 1 569 095 -10410"]), [], { columns: 5, identity });
    expect(s.rows[0]!.chosen!.values).toEqual([1474016, 1541008, 1567441, 1569095, -10410]);
    expect(s.rows[0]!.identityBroken).toBe(true);
  });

  it("falls back to ambiguity when the combination bound is hit", () => {
    const lines = Array.from({ length: 6 }, () => "X 538 477 563 412 1 0 1");
    const s = solveTable(rowsOf(lines), [], { columns: 5, identity, bound: 10 });
    expect(s.boundHit).toBe(true);
    expect(s.rows.every((r) => r.decision === "ambiguous")).toBe(true);
  });
});

describe("sumStructure", () => {
  it("makes a total after a total cascade: grand total = previous total + the rows between", () => {
    const rows = [false, false, true, false, true].map((isTotal) => ({ isTotal }));
    expect(sumStructure(rows)).toEqual([
      { total: 2, addends: [0, 1] },
      { total: 4, addends: [2, 3] },
    ]);
  });
});
