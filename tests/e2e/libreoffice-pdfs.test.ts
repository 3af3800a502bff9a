import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@bydel/core";
import { importPdf, importReport, readPdf } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";
import { budgetBar, describeProblems, expectedByTable, falseErrors, loadExpected, score } from "../pdf/check.js";
import { loadTruth } from "../pdf/generator.js";
import { KINDS, score as scoreIndicators, type Tally } from "../pdf/indicatorScore.js";
import { budgetDocument, indicatorDocument, LO_STYLES, pdftotextLayout, printWithLibreOffice, type LoBudgetDoc, type LoIndicatorDoc } from "../pdf/libreoffice.js";

/**
 * The import over PDFs from another producer: LibreOffice prints the fixture reports' economy
 * tables and generated indicator tables (tests/pdf/libreoffice.ts) in a few styles, and each PDF is
 * imported as the command imports it, and as its `pdftotext -layout` text. The hard bar, in both
 * readings: no number other than the expected ones unless flagged, no row lost without a finding, no
 * error the report does not carry. The share of rows read exactly has a floor per style and reading,
 * measured and rounded down, so that a regression shows. soffice missing fails the test (never a skip).
 */

const NAMES = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;
/** Indicator reports per style: 2–4 tables each. */
const INDICATOR_REPORTS = 8;

type Reading = "pdf" | "text";

/**
 * Least share of budget rows read exactly, per style and reading: measured 2026-12-03 (LibreOffice
 * 7.4, DejaVu), rounded down. What is left is withheld or reported, never wrong: a word broken in the
 * narrowest label column («funksjonsnedsettel» / «ser mv.»), whose row is withheld (UNREADABLE_ROW)
 * and its table reported (TABLE_INCOMPLETE); a wrapped label's last line that LibreOffice sets over
 * the next row's (a row it did not make tall enough: «livsoppholdSum FO4C *)»).
 */
const BUDGET_FLOOR: Record<string, Record<Reading, number>> = {
  "lo-sans-9-borders-nbsp": { pdf: 1, text: 0.99 },
  "lo-serif-10-space-minus": { pdf: 0.97, text: 0.99 },
  "lo-serif-11-narrow-bottom-space": { pdf: 0.84, text: 0.84 },
  "lo-sans-8-middle-nbsp-minus": { pdf: 1, text: 1 },
};

/**
 * Least share of indicator rows read exactly, per style and reading: measured 2026-12-03, rounded
 * down. The rest is withheld or flagged: a label wrapped around its numbers whose next line may be
 * another row's (UNCONFIRMED_READING), a number broken at its thousands space in a narrow column
 * («minst 2» / «904»), read for review.
 */
const INDICATOR_FLOOR: Record<string, Record<Reading, number>> = {
  "lo-sans-9-borders-nbsp": { pdf: 0.98, text: 0.97 },
  "lo-serif-10-space-minus": { pdf: 0.98, text: 0.98 },
  "lo-serif-11-narrow-bottom-space": { pdf: 0.91, text: 0.91 },
  "lo-sans-8-middle-nbsp-minus": { pdf: 1, text: 1 },
};

interface Printed<D> {
  readonly doc: D;
  readonly bytes: Uint8Array;
}

const budget: Printed<LoBudgetDoc>[] = [];
const indicators: Printed<LoIndicatorDoc>[] = [];
const summary: string[] = [];

beforeAll(async () => {
  const b = LO_STYLES.flatMap((style) => NAMES.map((name) => budgetDocument(loadTruth(name), style)));
  const i = LO_STYLES.flatMap((style) => Array.from({ length: INDICATOR_REPORTS }, (_, k) => indicatorDocument(style, k + 1)));
  // one soffice run for every document: its start-up is most of the time
  const bytes = await printWithLibreOffice([...b, ...i]);
  b.forEach((doc, k) => budget.push({ doc, bytes: bytes[k]! }));
  i.forEach((doc, k) => indicators.push({ doc, bytes: bytes[b.length + k]! }));
  // GENERATED_PDF_DIR keeps the PDFs for a look, as tests/pdf/generator.ts does
  const dir = process.env.GENERATED_PDF_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    for (const p of budget) writeFileSync(join(dir, `${p.doc.truth.report}-${p.doc.style.name}.pdf`), p.bytes);
    for (const p of indicators) writeFileSync(join(dir, `indicators-${p.doc.seed}-${p.doc.style.name}.pdf`), p.bytes);
  }
}, 300_000);

async function read(bytes: Uint8Array, reading: Reading): Promise<{ report: Report; text: string }> {
  const pdfjs = await loadNodePdfjs();
  if (reading === "pdf") return { report: await importPdf(bytes, { pdfjs }), text: (await readPdf(bytes, { pdfjs })).text };
  const text = await pdftotextLayout(bytes);
  return { report: importReport(text), text };
}

describe.each(LO_STYLES.map((s) => s.name))("LibreOffice PDF, style %s", (styleName) => {
  describe.each(["pdf", "text"] as const)("read as %s", (reading) => {
    it("economy tables: every row exact, withheld or reported; never wrong; no false error", { timeout: 120_000 }, async () => {
      let rows = 0;
      let exact = 0;
      let withheld = 0;
      const failures: string[] = [];
      for (const { doc, bytes } of budget.filter((p) => p.doc.style.name === styleName)) {
        const name = doc.truth.report;
        const { report, text } = await read(bytes, reading);
        const s = score(report, expectedByTable(doc.truth, loadExpected(name), doc.textTables));
        const { wrong, missing, missingAll } = budgetBar(report, s);
        rows += s.rows;
        exact += s.exact;
        withheld += s.withheld;
        summary.push(`${styleName} ${reading} ${name}: ${s.exact}/${s.rows} exact, ${s.withheld} withheld, ${wrong.length} wrong, ${missing.length} lost silently, ${missingAll.length} missing`);
        if (wrong.length > 0) failures.push(`${name}: read wrong\n${describeProblems(wrong, text)}`);
        if (missing.length > 0) failures.push(`${name}: lost without a finding\n${describeProblems(missing, text)}`);
        const falseErr = falseErrors(report, name);
        if (falseErr.length > 0) failures.push(`${name}: false errors\n${falseErr.join("\n")}`);
      }
      summary.push(`${styleName} ${reading} economy: ${exact}/${rows} exact (${((100 * exact) / rows).toFixed(1)} %), ${withheld} withheld`);
      expect(failures.join("\n\n")).toBe("");
      expect(exact / rows, `share of rows read exactly, ${styleName} ${reading}`).toBeGreaterThanOrEqual(BUDGET_FLOOR[styleName]![reading]);
    });

    it("indicator tables: every row exact, withheld or flagged; none wrong, lost or made up; no false error", { timeout: 120_000 }, async () => {
      const tally: Tally = { rows: 0, exact: 0, withheld: 0, flagged: 0, counts: { wrong: 0, lost: 0, madeUp: 0, headerWords: 0, falseError: 0 }, problems: [] };
      for (const { doc, bytes } of indicators.filter((p) => p.doc.style.name === styleName)) {
        const { report, text } = await read(bytes, reading);
        scoreIndicators(doc, report, text, tally, `report ${doc.seed}`);
      }
      const counts = KINDS.map((k) => `${tally.counts[k]} ${k}`).join(", ");
      summary.push(`${styleName} ${reading} indicators: ${tally.exact}/${tally.rows} exact (${((100 * tally.exact) / tally.rows).toFixed(1)} %), ${tally.withheld} withheld, ${tally.flagged} flagged; ${counts}`);
      const over = KINDS.filter((k) => tally.counts[k] > 0);
      expect(over.length === 0 ? "" : `${over.map((k) => `${tally.counts[k]} ${k}`).join(", ")}\n\n${tally.problems.join("\n\n")}`).toBe("");
      expect(tally.exact / tally.rows, `share of indicator rows read exactly, ${styleName} ${reading}`).toBeGreaterThanOrEqual(INDICATOR_FLOOR[styleName]![reading]);
    });
  });
});

afterAll(() => {
  console.log(`LibreOffice PDFs:\n${summary.join("\n")}`);
});
