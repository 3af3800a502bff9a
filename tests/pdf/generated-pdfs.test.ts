import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "@bydel/core";
import { importPdf, readPdf } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";
import { budgetBar, describeProblems, errorKey, expectedByTable, falseErrors, knownErrors, loadExpected, score, type Score } from "./check.js";
import { generatePdf, loadTruth, STYLES, type Style } from "./generator.js";

/**
 * The PDF import over generated PDFs: each fixture report's economy tables (tests/fixtures/pdf/
 * *.truth.json) rendered by pdfkit in several styles (tests/pdf/generator.ts) and imported as the
 * command imports a PDF. The hard bar: no row with numbers other than the expected ones, and no
 * row beyond them, unless it is withheld (values null, needsReview) with a warning at its line.
 * Every expected row is read exactly or withheld; the table drawn as a picture is reported missing;
 * the errors are the report's own (those the import finds in the fixture text). The share of rows
 * read exactly has a floor per style, so that a regression shows.
 */

const NAMES = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;

/**
 * Least share of rows read exactly, per style and report: measured, then rounded down. (Courier's
 * space is 0.6 em: the PDF source joins words and thousands groups across gaps up to
 * `pdfLayout.wordGap`, so its rows read as in any other font.)
 */
const EXACT_FLOOR: Record<string, number> = {
  "helvetica-9-bottom-nbsp": 0.95,
  "times-10-top-space-splitruns": 0.95,
  "courier-8-middle-nbsp": 0.95,
  "dejavu-8.5-middle-thinspace-minus": 0.9,
  "dejavu-11-mixed-space-minus": 0.9,
  "helvetica-8-narrow-3line-breaks": 0.95,
};

/**
 * Styles whose tables the import cannot yet finish, where it says so (TABLE_INCOMPLETE or
 * TABLE_MISSING for the table): measured 2026-12-02. Their rows are reported, never silently lost,
 * but the reading is not good enough for the exact-share floor, and the lost rows break their sums.
 * DejaVu 11 sets a KOSTRA code alone on a label's first line, beside or above the numbers, and
 * repeats a header whose wording differs from the first page's («Oppr.» for «Opprinnelig»).
 */
const REPORTED_LOSS: Record<string, number> = {
  "dejavu-11-mixed-space-minus sagene-2024": 4,
  "dejavu-11-mixed-space-minus vestre-aker-2024": 3,
  "dejavu-11-mixed-space-minus grunerlokka-2024": 4,
};

const summary: string[] = [];
const perStyle = new Map<string, { rows: number; exact: number; withheld: number; bad: number }>();

describe.each(STYLES.map((s) => [s.name, s] as [string, Style]))("generated PDF, style %s", (styleName, style) => {
  it.each(NAMES)("%s: every row exact or withheld, never wrong", async (name) => {
    const pdfjs = await loadNodePdfjs();
    const truth = loadTruth(name);
    const pdf = await generatePdf(truth, style);
    const report: Report = await importPdf(pdf.bytes, { pdfjs });
    const byTable = expectedByTable(truth, loadExpected(name), pdf.textTables);
    const s: Score = score(report, byTable);
    const { wrong, missing, missingAll } = budgetBar(report, s);
    const agg = perStyle.get(styleName) ?? { rows: 0, exact: 0, withheld: 0, bad: 0 };
    perStyle.set(styleName, { rows: agg.rows + s.rows, exact: agg.exact + s.exact, withheld: agg.withheld + s.withheld, bad: agg.bad + s.problems.length });
    summary.push(
      `${styleName} ${name}: ${s.exact}/${s.rows} exact, ${s.withheld} withheld, ${wrong.length} wrong/extra, ${missing.length} missing (${pdf.pages} pages, picture ${pdf.imageTable})`,
    );
    const text = s.problems.length > 0 ? (await readPdf(pdf.bytes, { pdfjs })).text : "";

    // the hard bar: never a number other than the expected ones
    expect(wrong, describeProblems(wrong, text)).toEqual([]);
    // every expected row is read exactly, withheld, or reported with its table: none is lost silently
    expect(missing, describeProblems(missing, text)).toEqual([]);
    const reportedLoss = REPORTED_LOSS[`${styleName} ${name}`];
    const lost = reportedLoss ?? 0;
    expect(missingAll.length, describeProblems(missingAll, text)).toBeLessThanOrEqual(lost);
    const struggling = reportedLoss !== undefined;

    // the picture: its caption stands without numbers
    const missingTables = report.findings.filter((f) => f.code === "TABLE_MISSING");
    expect(missingTables.some((f) => f.severity === "warning" && f.message.includes(pdf.imageTable)), `TABLE_MISSING for ${pdf.imageTable}`).toBe(true);
    expect(report.budgetTables.some((t) => t.id === pdf.imageTable)).toBe(false);
    const unread = new Set(missingAll.map((p) => p.table));
    for (const id of pdf.textTables) if (!unread.has(id)) expect(missingTables.some((f) => new RegExp(`\\b${id.replace(".", "\\.")}\\b`, "u").test(f.message)), `no TABLE_MISSING for ${id}`).toBe(false);

    // errors: only the report's own; and those on tables read cleanly are all found
    // no false error: a table lacking rows gives warnings that point at them, never a sum error
    expect(falseErrors(report, name)).toEqual([]);
    // (a cross-table check compares with Tabell 0.1 B: both must be read cleanly for its error to be due)
    const gotKeys = new Set(report.findings.filter((f) => f.severity === "error").map(errorKey));
    const due = knownErrors(name).filter((f) => f.table !== undefined && s.cleanTables.has(f.table) && s.cleanTables.has("0.1B"));
    expect(due.filter((f) => !gotKeys.has(errorKey(f))).map(errorKey)).toEqual([]);

    expect(s.exact / s.rows, `share of rows read exactly in ${styleName} ${name}`).toBeGreaterThanOrEqual(lost === 0 ? EXACT_FLOOR[styleName]! : (s.rows - lost - s.withheld) / s.rows - 0.001);
  });
});

afterAll(() => {
  for (const line of summary) console.log(line);
  const parts = [...perStyle].map(([n, a]) => `${n} ${a.exact}/${a.rows} exact ${a.withheld} withheld ${a.bad} bad`);
  console.log(`generated PDFs: ${parts.join("; ")}`);
});
