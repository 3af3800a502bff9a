import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErrorCode, StubCustomFunctionsError, thrown } from "./custom-functions-stub.js";
import { avvik, avvikprosent, korrigert, maalnaadd, ordinaer, pp, realendring, tall } from "../src/functions/functions.js";

interface ExpectedRow {
  line: number;
  values: (number | null)[];
  isTotal: boolean;
}
const expected = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../tests/fixtures/expected/${name}.json`, import.meta.url), "utf8")) as {
    budgetRows: ExpectedRow[];
    indicators: { target: string; result: string; higherIsBetter: boolean | null }[];
    varianceSplits?: { values: (number | null)[] }[];
  };

const cell = (x: unknown) => [[x]];
/** What Excel passes for an omitted optional argument. */
const omitted = null as unknown as undefined;
const col = (xs: unknown[]) => xs.map((x) => [x]);
/** The result, or the error a one-cell call threw. */
const attempt = (f: () => unknown) => {
  try {
    return f();
  } catch (e) {
    return e;
  }
};
const one = (m: unknown[][]) => {
  expect(m).toHaveLength(1);
  expect(m[0]).toHaveLength(1);
  return m[0]![0];
};

describe("BYDEL.AVVIK", () => {
  it("is regulert budsjett − regnskap (Sagene, Tabell 0.1 B, FO1: 50 560 − 38 774 = 11 786)", () => {
    expect(one(avvik(cell(50560), cell(38774)))).toBe(11786);
  });

  it("spills one result per row for ranges: every row of the three reports", () => {
    for (const name of ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"]) {
      const rows = expected(name).budgetRows;
      const revised = col(rows.map((r) => r.values[2] ?? ""));
      const actual = col(rows.map((r) => r.values[3] ?? ""));
      const out = avvik(revised, actual);
      expect(out).toHaveLength(rows.length);
      rows.forEach((r, i) => {
        const [, , rb, a] = r.values;
        // Whole thousands: plain subtraction is exact, so it is an independent oracle here.
        expect(out[i]![0], `${name} line ${r.line}`).toBe(rb === null || a === null ? "" : rb! - a!);
      });
    }
  });

  it("is exact where doubles are not, and reads Norwegian number text", () => {
    expect(one(avvik(cell(0.3), cell(0.1)))).toBe(0.2);
    expect(one(avvik(cell(1234567.891), cell(1000000)))).toBe(234567.891);
    expect(one(avvik(cell("1 234,5"), cell("−234,4")))).toBe(1468.9);
    expect(one(avvik(cell("(1 337)"), cell(0)))).toBe(-1337);
  });

  it("gives an empty result for an empty cell (web: null or \"\"), not 0", () => {
    expect(avvik(cell(null), cell(5))).toEqual([[""]]);
    expect(avvik(cell(5), cell(""))).toEqual([[""]]);
  });

  it("spreads a single cell over a range, and rejects ranges of different sizes", () => {
    expect(avvik(col([10, 20, 30]), cell(1))).toEqual([[9], [19], [29]]);
    expect(avvik([[10, 20]], col([1, 2]))).toEqual([
      [9, 19],
      [8, 18],
    ]);
    const e = thrown(() => avvik(col([1, 2]), col([1, 2, 3])));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toMatch(/regulert_budsjett: området er 2×1 celler, men må være én celle eller 3×1/);
  });

  it("returns #VALUE! with a Norwegian message for text that is no number and for SANN/USANN", () => {
    const e = thrown(() => avvik(cell("abc"), cell(1)));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toMatch(/«abc» er ikke et gyldig tall/);
    const b = thrown(() => avvik(cell(true), cell(1)));
    expect(b.code).toBe(ErrorCode.invalidValue);
    expect(b.message).toMatch(/^regulert_budsjett: Beløpet/);
  });

  it("puts the error in its own cell inside a range, the other cells computed", () => {
    const out = avvik(col([10, "x", 30]), cell(1));
    expect(out[0]![0]).toBe(9);
    expect(out[1]![0]).toBeInstanceOf(StubCustomFunctionsError);
    expect((out[1]![0] as StubCustomFunctionsError).code).toBe(ErrorCode.invalidValue);
    expect(out[2]![0]).toBe(29);
  });
});

describe("BYDEL.AVVIKPROSENT", () => {
  it("is a fraction of the revised budget, for percent formatting", () => {
    expect(one(avvikprosent(cell(50560), cell(38774)))).toBeCloseTo(11786 / 50560, 15);
    expect(one(avvikprosent(cell(1000), cell(967.7)))).toBe(0.0323);
    expect(one(avvikprosent(cell(200), cell(250)))).toBe(-0.25);
  });

  it("is #DIV/0! for a zero budget, alone or inside a range", () => {
    expect(thrown(() => avvikprosent(cell(0), cell(5))).code).toBe(ErrorCode.divisionByZero);
    const out = avvikprosent(col([100, 0, "-"]), col([50, 5, 5]));
    expect(out[0]![0]).toBe(0.5);
    expect((out[1]![0] as StubCustomFunctionsError).code).toBe(ErrorCode.divisionByZero);
    expect((out[2]![0] as StubCustomFunctionsError).code).toBe(ErrorCode.divisionByZero); // "-" is 0 kr
  });

  it("is empty for an empty budget cell", () => {
    expect(avvikprosent(cell(""), cell(5))).toEqual([[""]]);
  });
});

describe("BYDEL.ORDINÆR", () => {
  it("takes the earmarked variance out (the three reports' district totals)", () => {
    expect(one(ordinaer(cell(28682), cell(10373)))).toBe(18309); // Sagene
    expect(one(ordinaer(cell(-85141), cell(20039)))).toBe(-105180); // Vestre Aker
    expect(one(ordinaer(cell(2667), cell(20900)))).toBe(-18233); // Grünerløkka
  });

  it("recomputes Vestre Aker's split table row by row", () => {
    const splits = expected("vestre-aker-2024").varianceSplits ?? [];
    expect(splits.length).toBeGreaterThan(5);
    const rows = splits.filter((s) => s.values.every((v) => v !== null));
    const out = ordinaer(
      col(rows.map((s) => s.values[0])),
      col(rows.map((s) => s.values[1])),
    );
    rows.forEach((s, i) => expect(out[i]![0]).toBe(s.values[0]! - s.values[1]!));
  });
});

describe("BYDEL.KORRIGERT", () => {
  it("adds back a planned overspend (Vestre Aker: −105 + 41 = −64 mill.)", () => {
    expect(one(korrigert(-105, [[41, "planlagt"]]))).toBe(-64);
  });

  it("chains kinds with their signs, exactly (Vestre Aker FO3: −96,7 + 41 − 11)", () => {
    expect(one(korrigert(-96.7, [
      [41, "planlagt merforbruk"],
      [11, "risikoavsetning"],
    ]))).toBe(-66.7);
    // St. Hanshaugen 2023: −40,342 + 5,8 = −34,542 (plain doubles give −34.542000000000002).
    expect(one(korrigert("-40,342", [[5.8, "inndekning"]]))).toBe(-34.542);
  });

  it("accepts the type in the first column, a label column and blank rows", () => {
    expect(one(korrigert(28682, [
      ["øremerket", 10373, "Ubrukte øremerkede midler"],
      ["", "", ""],
      ["annet", -500, "Refusjon lavere enn anslått"],
    ]))).toBe(17809);
  });

  it("returns the bridge step by step with trinn = SANN", () => {
    expect(korrigert(-105, [[41, "planlagt"], [11, "risiko"]], true)).toEqual([
      ["Rapportert avvik", -105],
      ["Planlagt merforbruk", -64],
      ["Frigjort risikoavsetning", -75],
    ]);
    expect(korrigert(-105, [[41, "planlagt", "Vedtatt merforbruk"]], true)).toEqual([
      ["Rapportert avvik", -105],
      ["Vedtatt merforbruk", -64],
    ]);
  });

  it("says which row is wrong", () => {
    expect(thrown(() => korrigert(1, [[5, "okonomi"]])).message).toBe(
      "korreksjoner, rad 1: ukjent type «okonomi». Bruk øremerket, inndekning, planlagt, risiko eller annet.",
    );
    expect(thrown(() => korrigert(1, [[5, "planlagt"], ["", "risiko"]])).message).toBe("korreksjoner, rad 2: beløpet mangler.");
    expect(thrown(() => korrigert(1, [[5]])).message).toMatch(/to kolonner/);
    expect(thrown(() => korrigert("x", [[5, "planlagt"]])).message).toMatch(/^avvik: «x» er ikke et gyldig tall/);
  });

  it("is empty when there is no deviation to correct", () => {
    expect(korrigert(null, [[5, "planlagt"]])).toEqual([[""]]);
  });
});

describe("BYDEL.PP", () => {
  it("is result − target in the target's unit, exactly", () => {
    expect(one(pp(cell(51), cell("50 %")))).toBe(1); // Sagene FO2A
    expect(one(pp(cell(63), cell(">74")))).toBe(-11);
    expect(one(pp(cell("4,8"), cell("4,7")))).toBe(0.1);
    expect(one(pp(cell("87,4 %"), cell("≥ 90 %")))).toBe(-2.6);
  });

  it("computes every indicator of the three reports that has a numeric target", () => {
    let n = 0;
    for (const name of ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"]) {
      const inds = expected(name).indicators;
      const out = pp(col(inds.map((i) => i.result)), col(inds.map((i) => i.target)));
      out.forEach((r, i) => {
        const v = r[0];
        if (typeof v === "number") {
          n++;
          expect(Number.isFinite(v)).toBe(true);
        } else if (v instanceof StubCustomFunctionsError) {
          expect(v.message, `${name}: ${inds[i]!.target}`).toMatch(/^(mål|resultat): «/);
        } else expect(v).toBe("");
      });
    }
    expect(n).toBeGreaterThan(40);
  });

  it("is #VALUE! for a target that is no number and #N/A for a year reference", () => {
    expect(thrown(() => pp(cell(5), cell("ikke fastsatt"))).code).toBe(ErrorCode.invalidValue);
    const year = thrown(() => pp(cell(5), cell("> 2022")));
    expect(year.code).toBe(ErrorCode.notAvailable);
    expect(year.message).toMatch(/resultatet i 2022/);
  });
});

describe("BYDEL.MÅLNÅDD", () => {
  it("takes the direction from the target's operator", () => {
    expect(one(maalnaadd(cell(63), cell(">74")))).toBe(false);
    expect(one(maalnaadd(cell(80), cell(">74")))).toBe(true);
    expect(one(maalnaadd(cell(8), cell("maks 8 %")))).toBe(true);
    expect(one(maalnaadd(cell(74), cell(">74")))).toBe(false);
  });

  it("uses høyere_er_bedre for a bare target, and is #N/A without it", () => {
    expect(thrown(() => maalnaadd(cell(5.9), cell("6 %"), omitted)).code).toBe(ErrorCode.notAvailable);
    expect(one(maalnaadd(cell(73), cell("73 %"), true))).toBe(true);
    expect(one(maalnaadd(cell(5.9), cell("6 %"), false))).toBe(true); // sick leave: lower is better
    const e = thrown(() => maalnaadd(cell(5.9), cell("6 %")));
    expect(e.code).toBe(ErrorCode.notAvailable);
    expect(e.message).toMatch(/høyere_er_bedre/);
  });

  it("agrees with the hand-checked direction of every indicator in the fixtures", () => {
    let checked = 0;
    for (const name of ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"]) {
      for (const i of expected(name).indicators) {
        if (i.higherIsBetter === null) continue;
        const out = attempt(() => maalnaadd(cell(i.result), cell(i.target), i.higherIsBetter ?? omitted)[0]![0]);
        if (typeof out === "boolean") {
          const dev = pp(cell(i.result), cell(i.target))[0]![0] as number;
          // A target without an operator is met when reached in the better direction.
          if (!/^[<>≤≥]|maks|minst|min\./i.test(i.target.trim())) {
            expect(out).toBe(i.higherIsBetter ? dev >= 0 : dev <= 0);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("BYDEL.REALENDRING", () => {
  it("subtracts price growth as an amount (St. Hanshaugen FO2B: +3,3 − 3,9 mill.)", () => {
    expect(one(realendring(cell(100), cell(103.3), cell(3.9), omitted))).toBe(-0.6);
  });

  it("applies a deflator rate to last year", () => {
    expect(one(realendring(cell(100), cell(110), omitted, cell(0.043)))).toBe(5.7);
    expect(one(realendring(cell(100), cell(110), cell(""), cell("4,3 %")))).toBe(5.7); // text with % is a percent
    expect(one(realendring(cell(100), cell(110), cell(""), cell("0,043")))).toBe(5.7);
  });

  it("needs exactly one of prisvekst and deflator", () => {
    expect(thrown(() => realendring(cell(1), cell(2), omitted, omitted)).message).toMatch(/^Oppgi prisvekst/);
    expect(thrown(() => realendring(cell(1), cell(2), cell(1), cell(0.1))).message).toMatch(/ikke begge/);
  });

  it("spills over ranges", () => {
    expect(realendring(col([100, 200]), col([110, 190]), cell(5), omitted)).toEqual([[5], [-15]]);
  });
});

describe("BYDEL.TALL", () => {
  it("reads numbers as the reports print them", () => {
    expect(tall(col(["−2 642", "(1 337)", "26,550 mill.", "87,4 %", "-10410", "1 234 567,5", "-   2 642"]))).toEqual(
      col([-2642, -1337, 26.55, 87.4, -10410, 1234567.5, -2642]),
    );
  });

  it("treats a lone dash by context and a star as not available", () => {
    expect(one(tall(cell("-")))).toBe(0);
    expect(thrown(() => tall(cell("-"), "indikator")).code).toBe(ErrorCode.notAvailable);
    expect(thrown(() => tall(cell("*"))).code).toBe(ErrorCode.notAvailable);
    expect(one(tall(cell(12.5)))).toBe(12.5);
    expect(tall(cell(""))).toEqual([[""]]);
  });

  it("explains text that is no number, and an unknown kontekst", () => {
    const e = thrown(() => tall(cell("11 74 589")));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toMatch(/tusenskille/);
    expect(thrown(() => tall(cell("1"), "prosent")).message).toMatch(/kontekst: «prosent» er ukjent/);
  });
});
