import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { reportSchema, type BudgetRow, type Report } from "@bydel/core";
import { importReport, isNotAReportError } from "@bydel/import";
import { importFixtureSources } from "./fixture-sources.js";

/**
 * The three fixture reports as PDFs (read by the import's own PDF source), as `pdftotext -layout`
 * text and as pdf.js's text joined into lines (no page breaks, no column gaps, a header cell per
 * line): the same budget rows, splits and report errors as the original extractions. Line numbers
 * differ, so rows are matched by their values and splits by theirs, as acceptance scores them.
 */
const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;

interface Expected {
  budgetRows: { label: string; values: (number | null)[] }[];
  varianceSplits: { values: number[] }[];
}
const expected = (name: string): Expected => JSON.parse(readFileSync(`${root}expected/${name}.json`, "utf8")) as Expected;
const values = (r: BudgetRow) => [r.previousActual, r.originalBudget, r.revisedBudget, r.actual, r.variance];
const same = (e: (number | null)[], g: (number | null)[]) => e.every((v, i) => (v === null ? g[i] === null || g[i] === 0 : g[i] === v));
const BUDGET_CODES = new Set(["SUM_MISMATCH", "CROSS_TABLE_MISMATCH", "ROW_VARIANCE_MISMATCH", "SPLIT_MISMATCH"]);
const budgetErrors = (r: Report) =>
  r.findings
    .filter((f) => f.severity === "error" && BUDGET_CODES.has(f.code))
    .map((f) => `${f.code} ${f.message.replace(/\s*\(side \d+\)$/u, "").replace(/\(linje [^)]*\)/gu, "(linje …)").replace(/linje \d+/gu, "linje #")}`)
    .sort();

let reports = new Map<string, Report>();
beforeAll(async () => {
  reports = await importFixtureSources();
}, 120_000);

describe.each(names.flatMap((n) => [[n, "pdf"], [n, "layout"], [n, "lines"]] as const))("%s as %s", (name, source) => {
  const report = () => reports.get(`${name}:${source}`)!;

  it("validates against the report schema", () => {
    expect(reportSchema.safeParse(report()).success).toBe(true);
    expect(report().district).toBe(reports.get(`${name}:text`)!.district);
  });

  it("reads every expected budget row with exactly its values, or withholds it with a warning; no row breaks its identity", () => {
    const all = report().budgetTables.flatMap((t) => t.rows);
    const rows = all.map(values);
    const missing = expected(name).budgetRows.filter((e) => !rows.some((g) => same(e.values, g)));
    const warned = new Set(report().findings.filter((f) => f.code === "AMBIGUOUS_NUMBERS").map((f) => f.line));
    const withheld = all.filter((r) => r.needsReview && values(r).every((v) => v === null) && warned.has(r.line));
    if (source === "lines") {
      // text without column gaps: a row with a blank cell («180 Div. fellesutgifter 1 0 0 0») is withheld with its warning, never lost
      const norm = (l: string) => l.replace(/\s+/gu, " ").trim();
      expect(missing.map((e) => norm(e.label)).filter((l) => !withheld.some((w) => norm(w.label) === l))).toEqual([]);
      expect(missing.length).toBeLessThanOrEqual(1);
    } else {
      // the PDF source and pdftotext -layout both read every row (a lone zero a few columns off keeps the anchors)
      expect(missing).toEqual([]);
      expect(withheld).toEqual([]);
    }
    const wrong = rows.filter((g) => g[2] !== null && g[3] !== null && g[4] !== null && Math.abs(g[2]! - g[3]! - g[4]!) > 2 && !expected(name).budgetRows.some((e) => same(e.values, g)));
    expect(wrong).toEqual([]);
  });

  it("reads every earmarked/ordinary split row", () => {
    const rows = report().varianceSplits.filter((s) => s.id !== "enhet").flatMap((s) => s.rows).map((r) => [r.variance, r.earmarkedVariance, r.ordinaryVariance]);
    for (const e of expected(name).varianceSplits) expect(rows, JSON.stringify(e.values)).toContainEqual(e.values);
  });

  it("flags the report's own budget errors, and only those", () => {
    expect(budgetErrors(report())).toEqual(budgetErrors(reports.get(`${name}:text`)!));
  });

  it("reports no table as missing", () => {
    expect(report().findings.filter((f) => f.code === "TABLE_MISSING")).toEqual([]);
  });
});

describe("a PDF's findings", () => {
  it("name the page of the line they are on", () => {
    const r = reports.get("sagene-2024:pdf")!;
    const sum = r.findings.find((f) => f.code === "SUM_MISMATCH");
    expect(sum?.message).toMatch(/\(side \d+\)$/u);
  });
});

describe("plain pdftotext of a fixture PDF", () => {
  it("is refused with the advice to give the PDF itself", () => {
    let reason: string | null = null;
    try {
      importReport(readFileSync(`${root}plain/grunerlokka-2024.txt`, "utf8"));
    } catch (e) {
      reason = isNotAReportError(e) ? e.reason : String(e);
    }
    expect(reason).toBe("cells-as-paragraphs");
  });
});
