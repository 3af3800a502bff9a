import { describe, expect, it } from "vitest";
import { importReport } from "../src/importReport.js";
import { enumerateReadings } from "../src/cells/readings.js";
import { numericTail } from "../src/tokens/tokens.js";

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

describe("more rows the generator found", () => {
  it("'655  (240157) …' is a row's numbers (a negative in parentheses), not a KOSTRA code and a label", () => {
    const { table, values } = fo3(["241 Diagnose, behandling", "og rehabilitering", "655  (240157)  (240157)  774    (240 931)", "Sum FO3 655 -240 157 -240 157 774 -240 931"]);
    expect(table!.rows).toHaveLength(2);
    expect(values(first + 2)).toEqual([655, -240157, -240157, 774, -240931]);
  });

  it("an accounting dash is a printed zero, so a total over dashes is checked ('Sum FO3 905 688 - - 6 285 -')", () => {
    const { report, values } = fo3(["281 Ytelser til", "livsopphold   905 688  -   -    -    -", "Sum FO3   905 688    -    -  6 285   -"]);
    expect(values(first + 1)).toEqual([905688, 0, 0, 0, 0]);
    // the total contradicts itself however it is read: reported, never passed as read
    expect(report.findings.some((f) => (f.severity === "error" || f.code === "AMBIGUOUS_NUMBERS") && f.line === first + 2)).toBe(true);
  });

  it("the spaces after an accounting sign are inside the cell, not a column gap that marks a blank ('-   279 925')", () => {
    const readings = enumerateReadings(numericTail("276 Kvalifiseringsordningen 617 747 617 747 897 672 -   279 925", 1).groups, { columns: 5, alwaysPrinted: 4 }).readings;
    const right = readings.find((r) => r.values.join() === ",617747,617747,897672,-279925")!;
    expect(right.layoutCost).toBe(0);
    expect(right.hinted).toBe(false);
  });

  it("a wide gap marks the blank only in a table that sets its other numbers one space apart", () => {
    const padded = fo3(["100 Politisk styring 12  34  56  50  6", "110 Kontroll 2 2  745 -743", "Sum FO3 14 36 58 795 -737"]);
    // the sums tell blank | 2 | 2 from 2 | 2 | blank here; what matters is that the padded table gives no layout decision
    expect(padded.report.findings.some((f) => f.code === "UNCONFIRMED_READING")).toBe(false);
    const single = fo3(["100 Politisk styring 1 067 1 775 1 775 1 495 280", "180 Div. fellesutgifter 1 0 0  0", "Sum FO3 1 068 1 775 1 775 1 495 280"]);
    expect(single.values(first + 1)).toEqual([1, 0, 0, null, 0]);
  });

  it("a withheld row needs review: its nulls are unknown, not blank", () => {
    const { row } = fo3(["276 X 12 345 678 1 0 1", "Sum FO3 12 345 678 1 0 1"]);
    expect(row(first)!.revisedBudget).toBeNull();
    expect(row(first)!.needsReview).toBe(true);
  });
});

describe("FO4 printed as three tables", () => {
  it("FO4B and FO4C, each undecided alone, decide each other through Tabell 0.1 B's FO4 row", () => {
    const t01 = [
      "Tabell 0.1 B Netto driftsutgifter i 1000 kr",
      "Netto driftsutgifter",
      "Regnskap 2023 Oppr. budsjett 2024 Regulert budsjett 2024 Regnskap 2024 Avvik 2024",
      "Funksjonsområde 1 10 10 10 10 0",
      "Sum netto utgifter, drift 10 10 10 10 0",
      "Funksjonsområde 4 1 671 716 1 189 255 1 117 698 1 455 199 -337 501",
      "Sum netto utgift + sosialhjelp 1 671 726 1 189 265 1 117 708 1 455 209 -337 501",
      "",
    ];
    const part = (caption: string, rows: string[]) => [caption, ...HEAD.slice(5), ...rows, ""];
    const text = [
      ...HEAD.slice(0, 3),
      ...t01,
      "3.7.4 Hovedoversikt økonomi FO4 – netto driftsutgifter",
      ...part("FO4A Sosiale tjenester Tall i 1000 kr", ["273 Arbeidsrettede tiltak 1 671 716 929 373 819 698 876 029 -56 331", "Sum FO4A 1 671 716 929 373 819 698 876 029 -56 331"]),
      ...part("FO4B Kvalifiseringsprogram Tall i 1000 kr", ["276 Kvalifiseringsordningen 617 747 617 747 897 672 -   279 925", "Sum FO4B - 617 747 617 747 897 672 -279 925"]),
      ...part("FO4C Økonomisk sosialhjelp Tall i 1000 kr", ["281 Ytelser til livsopphold -   357 865 -319 747 -   318 502 -  1 245", "Sum FO4C *) - -  357 865 -  319 747 -  318 502 -1 245"]),
      "Bydelens vurderinger.",
    ].join("\n");
    const report = importReport(text);
    const total = (id: string) => {
      const r = report.budgetTables.find((t) => t.id === id)!.rows.at(-1)!;
      return [r.previousActual ?? 0, r.originalBudget, r.revisedBudget, r.actual, r.variance];
    };
    expect(total("FO4B")).toEqual([0, 617747, 617747, 897672, -279925]);
    expect(total("FO4C")).toEqual([0, -357865, -319747, -318502, -1245]);
    expect(report.findings.filter((f) => f.code === "AMBIGUOUS_NUMBERS")).toEqual([]);
  });
});

describe("page breaks inside a table", () => {
  it("a page number under a row of blanks is not read as that row's number when the sums say the row is blank", () => {
    const { table, values, row } = fo3(["261 Institusjonslokaler", " 41 ", "", "253 Helse 1 2 3 4 -1", "Sum FO3 1 2 3 4 -1"]);
    expect(table!.rows).toHaveLength(3);
    expect(values(first)).toEqual([null, null, null, null, null]);
    expect(row(first)!.label).toBe("261 Institusjonslokaler");
  });

  it("a page footer or number after a label that ends in a period does not end the table", () => {
    const { values } = fo3([
      "234 Aktivisering 228 239 236 249 -13",
      "med funksjonsnedsettelser mv.",
      " 19 ",
      "258 Hjemmetjenester - ambulerende 10 20 30 40 -10",
      "mv.",
      "Bydel Sagene • Årsberetning 2024 • 65",
      "261 Institusjonslokaler 1 2 3 4 -1",
      "Sum FO3 239 261 269 293 -24",
    ]);
    expect(values(first + 7)).toEqual([239, 261, 269, 293, -24]);
    expect(values(first + 6)).toEqual([1, 2, 3, 4, -1]);
  });
});

describe("a table continued on the next page under its header", () => {
  const header = HEAD.slice(5);
  it("a row of blanks before the break keeps its label: the header printed again is not label text, its year not a number", () => {
    const { table, values, row } = fo3(["253 Helse 1 2 3 4 -1", "254 Helse- og omsorgstj. til hjemmeboende", "", "Bydel Sagene • Årsberetning 2024 • 59", "", ...header, "258 Hjemmetjenester 5 6 7 8 -1", "Sum FO3 6 8 10 12 -2"]);
    expect(table!.rows.map((r) => r.label)).toEqual(["253 Helse", "254 Helse- og omsorgstj. til hjemmeboende", "258 Hjemmetjenester", "Sum FO3"]);
    expect(values(first + 1)).toEqual([null, null, null, null, null]);
    expect(row(first + 1 + 4 + header.length + 1)!.sumOf).toHaveLength(3);
  });

  it("a first part of only blank rows joins the next part instead of being dropped as an image", () => {
    const { table } = fo3(["201 Barnehage", "", " 75 ", "", ...header, "211 Styrket tilbud 5 6 7 8 -1", "Sum FO3 5 6 7 8 -1"]);
    expect(table!.rows.map((r) => r.label)).toEqual(["201 Barnehage", "211 Styrket tilbud", "Sum FO3"]);
  });

  it("the parts together name the table: FO4 rows 242 … and 276 are FO4, not FO4B", () => {
    const text = [
      ...HEAD.slice(0, 3),
      "3.7.4 Hovedoversikt økonomi FO4 – netto driftsutgifter",
      ...header,
      "242 Råd, veiledning 842 726 825 776 49",
      "Bydel Alna • Årsberetning 2024 • 112",
      ...header,
      "276 Kvalifiseringsordningen 100 200 300 250 50",
      "Sum FO4 942 926 1 125 1 026 99",
      "Bydelens vurderinger.",
    ].join("\n");
    const ids = importReport(text).budgetTables.map((t) => `${t.id}:${t.rows.length}`);
    expect(ids).toEqual(["FO4:3"]);
  });
});

describe("'§' and its number belong to the label", () => {
  it("'… etter § 31 899 699 …' and '… etter §' / '31 899 699 …' read 899 699, not 31 899 699", () => {
    const same = fo3(["242 Råd etter § 31 899 699 1 104 463 933 672  1 016 767 -83 095", "243 Tilbud etter §", "31 10 20 30 40 -10", "Sum FO3 899 709 1 104 483 933 702 1 016 807 -83 105"]);
    expect(same.values(first)).toEqual([899699, 1104463, 933672, 1016767, -83095]);
    expect(same.row(first)!.label).toBe("242 Råd etter § 31");
    expect(same.values(first + 2)).toEqual([10, 20, 30, 40, -10]);
    expect(same.row(first + 2)!.label).toBe("243 Tilbud etter § 31");
  });

  it("a label going on with '§ 31' or '… etter § 31' after the numbers keeps the table going", () => {
    const { values } = fo3(["180 Diverse fellesutgifter etter 179 174 206 202 4", "§ 31", "257 Hjemmetjenester 1 2 3 4 -1", "bofellesskap etter § 31", "190 Interne serviceenheter 267 283 226 57", "Sum FO3 180 443 492 432 60"]);
    expect(values(first + 4)).toEqual([null, 267, 283, 226, 57]);
    expect(values(first + 5)).toEqual([180, 443, 492, 432, 60]);
  });
});

describe("sums that do not close decide nothing in their broken columns", () => {
  it("a misprinted total does not pick a wrong split of the row above ('849 901 978 887 91' under 'Sum 849 901 15 976 887 91')", () => {
    const { values, report } = fo3(["281 Ytelser til livsopphold 849 901 978 887 91", "Sum FO3 849 901 15 976 887 91"]);
    const row = values(first);
    expect(row === undefined || row.every((v) => v === null) || row.join() === "849,901,978,887,91").toBe(true);
    expect(report.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === first)).toBe(row!.every((v) => v === null));
  });

  it("a total over a blank row that keeps its identity only by reading a dash as a sign is withheld ('Sum -  - - 37 326 -')", () => {
    const { values, report } = fo3(["276 Kvalifiseringsordningen", "Sum FO3 -  - - 37 326 - "]);
    expect(values(first + 1)).toEqual([null, null, null, null, null]);
    expect(report.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === first + 1)).toBe(true);
  });
});
