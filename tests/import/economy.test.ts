import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importReport } from "@bydel/import";

const dir = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const lines = (n: string) => readFileSync(`${dir}${n}.txt`, "utf8").split("\n");
/** The fixture with 1-based lines [from, to] replaced. */
function without(n: string, from: number, to: number, insert: string[] = []): string {
  const l = lines(n);
  l.splice(from - 1, to - from + 1, ...insert.concat(Array(Math.max(0, to - from + 1 - insert.length)).fill("")));
  return l.join("\n");
}

describe("a heading whose table is missing (printed as an image)", () => {
  it("is reported as TABLE_MISSING at the heading, and no table is invented", () => {
    // Sagene FO1: heading on line 973, header and rows on 976–1057; keep the heading, blank the table
    const r = importReport(without("sagene-2024", 976, 1057));
    expect(r.budgetTables.some((t) => t.id === "FO1")).toBe(false);
    const missing = r.findings.filter((f) => f.code === "TABLE_MISSING");
    expect(missing.map((f) => f.line)).toEqual([973]);
    expect(missing[0]!.message).toMatch(/mangler/);
    // the rest is read as before, and no cross-table error is made up for the missing table
    expect(r.budgetTables.map((t) => t.id)).toEqual(["0.1", "0.1B", "FO2A", "FO2B", "FO2C", "FO3", "FO4A", "FO4B", "FO4C"]);
    // (4650: the text's percent deviation for a unit that its per-unit table contradicts, PROSE_MISMATCH;
    // 6815: «22 personer … Av disse er 3, 2, 1, 5 og 13», which make 24)
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.line)).toEqual([248, 2119, 2298, 2309, 2318, 4650, 6815]);
  });

  it("finds no missing table in the complete fixtures", () => {
    for (const n of ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"]) {
      expect(importReport(lines(n).join("\n")).findings.filter((f) => f.code === "TABLE_MISSING")).toEqual([]);
    }
  });
});

describe("tables across a page break", () => {
  it("joins a table whose header is printed again on the next page", () => {
    // Grünerløkka FO3 rows 2274–2295: a page number and the header block again before row 253, as a new page prints them
    const l = lines("grunerlokka-2024");
    const header = l.slice(2250, 2273); // "Netto driftsutgifter pr." … "2024"
    const text = [...l.slice(0, 2281), " 55", "", ...header, ...l.slice(2281)].join("\n");
    const r = importReport(text);
    const fo3 = r.budgetTables.filter((t) => t.id === "FO3");
    expect(fo3).toHaveLength(1);
    const rows = fo3[0]!.rows;
    expect(rows.filter((x) => !x.isTotal).map((x) => x.kostra)).toEqual(["233", "234", "241", "253", "254", "257", "258", "261", "733"]);
    expect(rows.find((x) => x.isTotal)!.previousActual).toBe(700748);
    expect(rows.some((x) => x.needsReview)).toBe(false);
  });
});

describe("rows the arithmetic of one table cannot decide", () => {
  it("uses Tabell 0.1 B's FO4 row to read the single-row FO4C table (Grünerløkka '224 861 206 000 …')", () => {
    const r = importReport(lines("grunerlokka-2024").join("\n"));
    const fo4c = r.budgetTables.find((t) => t.id === "FO4C")!;
    expect(fo4c.rows.map((x) => [x.previousActual, x.originalBudget])).toEqual([
      [224861, 206000],
      [224861, 206000],
    ]);
    expect(fo4c.rows.some((x) => x.needsReview)).toBe(false);
  });

  it("marks a row whose blank was placed by layout alone as needing review", () => {
    const r = importReport(lines("grunerlokka-2024").join("\n"));
    const row = r.budgetTables.find((t) => t.id === "FO1")!.rows.find((x) => x.kostra === "180")!;
    expect([row.previousActual, row.originalBudget, row.revisedBudget, row.actual, row.variance]).toEqual([1, 0, 0, null, 0]);
    expect(row.needsReview).toBe(true);
  });

  it("reports a row with amounts it cannot read instead of importing it as blank", () => {
    // decimals in a 1000-kr table: "1 234,5" is no whole-thousand amount
    const text = without("sagene-2024", 1001, 1001, ["120 Administrasjon 25 704,5  -18 247 -17 583 25 312 -42 895,5"]);
    const r = importReport(text);
    const f = r.findings.find((x) => x.line === 1001 && x.code === "UNREADABLE_ROW");
    expect(f?.severity).toBe("warning");
    const row = r.budgetTables.find((t) => t.id === "FO1")!.rows.find((x) => x.line === 1001)!;
    expect(row.variance).toBeNull();
  });
});

describe("a table printed as an image with its labels as text", () => {
  it("is missing, not an empty table", () => {
    // keep the FO1 header and labels but drop every number, as when only the numbers are an image
    const l = lines("sagene-2024");
    for (let i = 994; i < 1057; i++) l[i] = l[i]!.replace(/(?:^|\s+)-?\d+(?:\s+-?\d+)*\s*$/u, "");
    const r = importReport(l.join("\n"));
    expect(r.budgetTables.some((t) => t.id === "FO1")).toBe(false);
    expect(r.findings.filter((f) => f.code === "TABLE_MISSING").map((f) => f.line)).toEqual([973]);
  });
});

describe("readings the arithmetic cannot confirm", () => {
  it("are listed as info findings (merknader) with their alternatives, so `bydel check --all` shows them", () => {
    const r = importReport(lines("grunerlokka-2024").join("\n"));
    const budgetLines = new Set(r.budgetTables.flatMap((t) => t.rows.map((row) => row.line)));
    const f = r.findings.filter((x) => x.code === "UNCONFIRMED_READING" && budgetLines.has(x.line!));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[396, "info"]]);
    expect(f[0]!.candidates).toContainEqual([null, 1, 0, 0, 0]);
  });
  it("a key-figure series split only by its similar magnitudes is marked for review, with the other readings", () => {
    const r = importReport(lines("sagene-2024").join("\n"));
    // "226 786 242 169 253 631 259 153  *": kroner per child, no arithmetic ties the years together.
    const series = r.indicators.find((i) => i.line === 1354)!;
    expect(series.series?.map((s) => s.value)).toEqual([226786, 242169, 253631, 259153, null]);
    expect(series.needsReview).toBe(true);
    const f = r.findings.find((x) => x.code === "UNCONFIRMED_READING" && x.line === 1354)!;
    expect(f.severity).toBe("info");
    expect(f.candidates![0]).toEqual([226786, 242169, 253631, 259153, null]);
    expect(f.candidates).toContainEqual([226786, 242169253, 631, 259153, null]);
    // Counts read one per column need no such note ("781 846 786 734 780").
    expect(r.findings.some((x) => x.line === 1836)).toBe(false);
  });
});

describe("a total's label, whatever word it starts with", () => {
  // core's TOTAL_WORDS: one list for the budget tables' Sum rows, the plan's sum row and the text's lists
  const text = readFileSync(`${dir}sagene-2024.txt`, "utf8");
  const read = (word: string) => {
    const r = importReport(text.replace(/^Sum (?=netto|brutto|FO)/gmu, `${word} `));
    return {
      rows: r.budgetTables.map((t) => [t.id, t.rows.map((x) => [x.isTotal, x.previousActual, x.originalBudget, x.revisedBudget, x.actual, x.variance])]),
      errors: r.findings.filter((f) => f.severity === "error" && f.code !== "PROSE_MISMATCH").map((f) => `${f.code} ${f.line}`),
    };
  };
  const baseline = read("Sum");

  it.each(["Totalt", "Total", "Totalsum", "I alt", "Samlet", "SUM"])("«%s» as «Sum»: the same rows, the same totals and the report's own errors", (word) => {
    expect(read(word)).toEqual(baseline);
  });

  it("the fixture's totals are twelve, and «Summen»/«Samlede» start no total", () => {
    expect(baseline.rows.flatMap(([, rows]) => (rows as unknown[][]).filter((r) => r[0] === true))).toHaveLength(12);
    expect(read("Summen").rows).not.toEqual(baseline.rows);
  });
});
