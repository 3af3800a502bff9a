import { describe, expect, it } from "vitest";
import {
  adjustmentKindOf,
  adjustmentKinds,
  adjustmentLabelWithQualifier,
  adjustmentWords,
  budgetTableIds,
  budgetTableName,
  FO4,
  FO4_PART_BY_FUNCTION,
  FO4_PARTS,
  higherIsBetterBySubject,
  isDistrictTable,
  isFo4Part,
  isOperatorAlone,
  isUnitAlone,
  tableBasis,
  higherIsBetterOf,
  isYearTarget,
  lowerIsBetterBySubject,
  mainTotalRow,
  parseTarget,
  refersToYearResult,
  serviceAreaOf,
  serviceAreaOfRow,
  serviceAreas,
  severityCount,
  severityLabel,
  severityOrder,
  severityWords,
  findingSeverities,
  tableIds,
  type BudgetRow,
  type BudgetTable,
} from "@bydel/core";

// The domain's vocabulary has one home in the core; these pin what the import, the layout and the add-in rely on.

describe("service areas and tables", () => {
  it("lists the areas, FO4's parts and the table ids in the report JSON's order", () => {
    expect([...serviceAreas]).toEqual(["FO1", "FO2A", "FO2B", "FO2C", "FO3", "FO4"]);
    expect([...FO4_PARTS]).toEqual(["FO4A", "FO4B", "FO4C"]);
    expect([...budgetTableIds]).toEqual(["0.1", "0.1B", "FO1", "FO2A", "FO2B", "FO2C", "FO3", "FO4", "FO4A", "FO4B", "FO4C"]);
    expect(tableIds).toEqual({ gross: "0.1", net: "0.1B", units: "enhet" });
    expect(budgetTableName("0.1B")).toBe("Tabell 0.1 B netto driftsutgifter");
    expect(budgetTableName("FO3")).toBe("Hovedoversikt økonomi FO3");
  });

  it("tells the district's summaries, a table's basis and FO4's parts", () => {
    expect(budgetTableIds.filter(isDistrictTable)).toEqual(["0.1", "0.1B"]);
    expect(budgetTableIds.map(tableBasis)).toEqual(["gross", ...Array(budgetTableIds.length - 1).fill("net")]);
    expect(budgetTableIds.filter(isFo4Part)).toEqual([...FO4_PARTS]);
    expect(isFo4Part(FO4)).toBe(false);
    // each part named by a KOSTRA function is a part of FO4, and no two functions name one part
    expect(Object.values(FO4_PART_BY_FUNCTION).every(isFo4Part)).toBe(true);
    expect(new Set(Object.values(FO4_PART_BY_FUNCTION)).size).toBe(Object.keys(FO4_PART_BY_FUNCTION).length);
  });

  it("reads an area from a label anywhere, and from a row's label only at its start", () => {
    expect(serviceAreaOf("Sum FO4A *)")).toBe("FO4A");
    expect(serviceAreaOfRow("Sum FO4A *)")).toBeNull();
    expect(serviceAreaOfRow("Funksjonsområde 2A Oppvekst")).toBe("FO2A");
    expect(serviceAreaOfRow("Funk.omr. 4, Sosiale tjenester")).toBe("FO4");
    expect(serviceAreaOfRow("F02C")).toBe("FO2C");
  });

  it("takes «Sum netto utgift + sosialhjelp» as the main total, else the last Sum row", () => {
    const row = (line: number, label: string, isTotal: boolean) => ({ line, label, isTotal }) as BudgetRow;
    const table = (rows: BudgetRow[]) => ({ id: "0.1B", title: "", basis: "net", line: 1, rows }) as BudgetTable;
    const rows = [row(2, "Funksjonsområde 1", false), row(3, "Sum netto utgift + sosialhjelp", true), row(4, "Sum netto utgifter, drift", true)];
    expect(mainTotalRow(table(rows))?.line).toBe(3);
    expect(mainTotalRow(table(rows.filter((r) => r.line !== 3)))?.line).toBe(4);
  });
});

describe("adjustment kinds", () => {
  it("names each kind in Norwegian and reads it back", () => {
    expect(adjustmentWords).toBe("øremerket, inndekning, planlagt, risiko eller annet");
    expect(adjustmentKinds.map((k) => adjustmentKindOf(k))).toEqual([...adjustmentKinds]);
    expect(adjustmentKindOf(" Øremerkede midler")).toBe("earmarked");
    expect(adjustmentKindOf("Inndekning av fjorårets merforbruk")).toBe("priorYearOverspend");
    expect(adjustmentKindOf("ukjent")).toBeNull();
    expect(adjustmentLabelWithQualifier("earmarked")).toBe("Øremerkede midler (ubrukt)");
    expect(adjustmentLabelWithQualifier("riskReserveRelease")).toBe("Frigjort risikoavsetning");
  });
});

describe("indicator direction and year targets", () => {
  it("takes the direction from the operator, else from what is measured", () => {
    expect([">", ">=", "<", "<=", null].map((op) => higherIsBetterOf(op as never))).toEqual([true, true, false, false, null]);
    expect(lowerIsBetterBySubject("Sykefravær i %")).toBe(true);
    expect(higherIsBetterBySubject("Fagdekning hjemmesykepleie")).toBe(true);
  });

  it("knows a year target by its unit or its text, and in a table by the years around it", () => {
    expect(isYearTarget({ raw: "> 2022" })).toBe(true);
    expect(isYearTarget({ raw: "> 2022", unit: "number" })).toBe(false);
    const years = { yearsAllowed: true };
    const target = parseTarget("> 2022", years)!;
    expect(refersToYearResult(target, { reportYear: 2024, printedYears: [] })).toBe(true);
    expect(refersToYearResult(parseTarget("< 2085", years), { reportYear: 2024, printedYears: [2023, 2024] })).toBe(false);
    expect(refersToYearResult(parseTarget("> 2010", years), { reportYear: 2024, printedYears: [2010] })).toBe(true);
    expect(refersToYearResult(parseTarget("> 74"), { reportYear: 2024, printedYears: [] })).toBe(false);
    // a year only where the caller says a target may name one
    expect(refersToYearResult(parseTarget("> 2022"), { reportYear: 2024, printedYears: [2022] })).toBe(false);
  });
});

describe("a target's words alone", () => {
  it("knows an operator or a unit set on a line of its own (a narrow cell wrapped), and nothing with a number", () => {
    expect(["minst", "maks", "min.", "≥", "<", "over", "mer enn", "ikke under"].map(isOperatorAlone)).toEqual([true, true, true, true, true, true, true, true]);
    expect(["minst 16", "100%", "", "Bydelen har", "mindre"].map(isOperatorAlone)).toEqual([false, false, false, false, false]);
    expect(["%", "pp", "prosentpoeng", "dager", " % "].map(isUnitAlone)).toEqual([true, true, true, true, true]);
    expect(["16 %", "minst", "ikke tall", ""].map(isUnitAlone)).toEqual([false, false, false, false]);
  });
});

describe("severity words", () => {
  it("has one word per severity, singular and plural, for every severity the JSON knows", () => {
    expect(Object.keys(severityWords).sort()).toEqual([...findingSeverities].sort());
    expect([...severityOrder]).toEqual(["error", "warning", "info"]);
    expect(severityOrder.map(severityLabel)).toEqual(["Feil", "Advarsel", "Merknad"]);
    expect(severityOrder.map((s) => severityCount(s, 1))).toEqual(["1 feil", "1 advarsel", "1 merknad"]);
    expect(severityOrder.map((s) => severityCount(s, 0))).toEqual(["0 feil", "0 advarsler", "0 merknader"]);
    expect(severityCount("info", 30)).toBe("30 merknader");
  });
});
