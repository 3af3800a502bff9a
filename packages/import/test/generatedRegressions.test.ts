import { describe, expect, it } from "vitest";
import { importReport } from "../src/importReport.js";
import { numericTail } from "../src/tokens.js";

/**
 * Rows the generated-table test (tests/import/generated-tables.test.ts) found read wrong or lost,
 * each reduced to one small FO table. The rule each one pins is in the test name.
 */

const HEAD = [
  "Årsberetning 2024",
  "Bydel Sagene",
  "",
  "3.6.4 Hovedoversikt økonomi FO3 – netto driftsutgifter",
  "Tall i 1000 kr",
  "Netto driftsutgifter pr. KOSTRA-funksjon",
  "Regnskap 2023",
  "Oppr. Budsjett 2024",
  "Regulert budsjett 2024",
  "Regnskap 2024",
  "Avvik reg.bud - regnskap 2024",
];

function fo3(rows: string[]) {
  const text = [...HEAD, ...rows, "", "Bydelens vurderinger."].join("\n");
  const report = importReport(text);
  const table = report.budgetTables.find((t) => t.id === "FO3");
  const values = (line: number) => {
    const r = table?.rows.find((x) => x.line === line);
    return r ? [r.previousActual, r.originalBudget, r.revisedBudget, r.actual, r.variance] : undefined;
  };
  return { report, table, values, row: (line: number) => table?.rows.find((x) => x.line === line) };
}

const first = HEAD.length + 1;

describe("rows the generator found", () => {
  it("a label line ending in digits that goes on before the numbers: the digits are the label's", () => {
    const { values, row } = fo3([
      "241 Diagnose, behandling 100 200 300 250 50",
      "281 Ytelse til livsopphold for 2",
      "barn",
      "138 426 162 605 168 026 153 615 14 411",
      "Sum FO3 138 526 162 805 168 326 153 865 14 461",
    ]);
    expect(values(first + 3)).toEqual([138426, 162605, 168026, 153615, 14411]);
    expect(row(first + 3)!.label).toBe("281 Ytelse til livsopphold for 2 barn");
    expect(values(first + 4)).toEqual([138526, 162805, 168326, 153865, 14461]);
  });

  it("the same with the numbers after the label's last words", () => {
    const { values, row } = fo3(["281 Ytelse til livsopphold for 2", "barn 138 426 162 605 168 026 153 615 14 411", "Sum FO3 138 426 162 605 168 026 153 615 14 411"]);
    expect(values(first + 1)).toEqual([138426, 162605, 168026, 153615, 14411]);
    expect(row(first + 1)!.label).toBe("281 Ytelse til livsopphold for 2 barn");
  });

  it("a blank row whose label line ends in '1 000' is not read as 1 000 when the sums say it is blank", () => {
    const { values, row } = fo3([
      "100 Politisk styring 269 463 234 910 284 178 236 115 48 063",
      "120 Administrasjon pr 1 000",
      "innbyggere",
      "121 Forvaltningsutgifter 311 415 339 506 295 051 319 241 -24 190",
      "Sum FO3 580 878 574 416 579 229 555 356 23 873",
    ]);
    const blank = values(first + 1);
    expect(blank).toEqual([null, null, null, null, null]);
    expect(row(first + 1)!.label).toBe("120 Administrasjon pr 1 000 innbyggere");
  });

  it("a wrapped label line ending in a period ('mv.') still leads to the row's numbers on their own line, and to the next row", () => {
    const { values } = fo3([
      "234 Aktivisering og",
      "servicetjenester til eldre og personer mv.",
      "149 693 693 724 -31",
      "257 Hjemmetjenester - personellbase knyttet til",
      "bofellesskap mv.",
      "258 Hjemmetjenester 10 20 30 40 -10",
      "Sum FO3 159 713 723 764 -41",
    ]);
    expect(values(first + 2)).toEqual([149, 693, 693, 724, -31]);
    expect(values(first + 3)).toEqual([null, null, null, null, null]);
    expect(values(first + 5)).toEqual([10, 20, 30, 40, -10]);
    expect(values(first + 6)).toEqual([159, 713, 723, 764, -41]);
  });

  it("a label going on after the numbers ('mv.', '§ 31 i loven', '- ambulerende …', '1 000 innbyggere') keeps the table going", () => {
    const { values } = fo3([
      "257 Hjemmetjenester 1 2 3 4 -1",
      "mv.",
      "258 Hjemmetjenester etter 5 6 7 8 -1",
      "§ 31 i loven",
      "261 Institusjonslokaler 9 10 11 12 -1",
      "- ambulerende virksomhet mv.",
      "234 Aktivisering pr 13 14 15 16 -1",
      "1 000 innbyggere",
      "Sum FO3 28 32 36 40 -4",
    ]);
    expect(values(first + 8)).toEqual([28, 32, 36, 40, -4]);
    expect(values(first + 6)).toEqual([13, 14, 15, 16, -1]);
  });

  it("'Sum netto driftsutgifter' / 'FO3': a total's label wrapped before its area name is one row", () => {
    const { table, values } = fo3(["241 Diagnose 567 265  719 399 697 708 629 901 67 807", "Sum netto driftsutgifter", "FO3", "567 265  719 399 697 708 629 901 67 807"]);
    expect(table!.rows).toHaveLength(2);
    expect(table!.rows[1]!.label).toBe("Sum netto driftsutgifter FO3");
    expect(values(first + 3)).toEqual([567265, 719399, 697708, 629901, 67807]);
  });

  it("a dash right after the label may be the label's ('Hjemmetjenester - 792 …'): the sums decide, not the sign", () => {
    const { values } = fo3(["254 Helse- og omsorgstj. 901 744 1 008 369  930 400 928 584 1 816", "258 Hjemmetjenester - 792  812  746 744 2", "Sum FO3 902 536 1 009 181 931 146 929 328 1 818"]);
    expect(values(first + 1)).toEqual([792, 812, 746, 744, 2]);
  });

  it("the same dash as a blank placeholder still reads ('omsorgsboliger - 0 109 028 246 964 -137 936')", () => {
    const { values } = fo3(["257 Hjemmetjenester - omsorgsboliger - 0 109 028 246 964 -137 936", "Sum FO3 0 0 109 028 246 964 -137 936"]);
    expect((values(first) ?? []).map((v) => v ?? 0)).toEqual([0, 0, 109028, 246964, -137936]);
  });

  it("a run of dashes after a label is a row of zeros in accounting style, not label text", () => {
    expect(numericTail("243 Tilbud til personer med rusproblemer   -    -  -  -  - ", 1).groups.map((g) => g.kind)).toEqual(["dash", "dash", "dash", "dash", "dash"]);
    expect(numericTail("257 Hjemmetjenester - ", 1)).toEqual({ label: "257 Hjemmetjenester -", groups: [] });
  });
});
