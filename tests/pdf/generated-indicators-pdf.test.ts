import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "@bydel/core";
import { importPdf, readPdf } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";
import { KINDS, score, type Kind, type Tally } from "./indicatorScore.js";
import { STYLES, type Style } from "./generator.js";
import { generateIndicatorPdf } from "./indicators.js";

/**
 * Indicator tables in generated PDFs: the text test's table model (tests/import/indicatorModel.ts)
 * drawn by pdfkit in each PDF style (tests/pdf/indicators.ts) and imported as the command imports
 * a PDF. Each generated row is read exactly, or withheld (a warning in its table), or read another
 * way and flagged (needsReview with a finding at its line). The hard bar: no value read wrong
 * silently, no row lost silently, no header words or other text read as an indicator, no error the
 * tables do not carry (only a misprinted deviation's sign is an error). The share of rows read
 * exactly has a floor per style, measured and rounded down, so that a regression shows.
 */

/** Reports per style: enough rows (~170) for a share, few enough for the suite on two cores (about 10 s in all). */
const REPORTS = 10;

/** Least share of rows read exactly, per style: measured 2026-12-02, rounded down. */
const EXACT_FLOOR: Record<string, number> = {
  "helvetica-9-bottom-nbsp": 1,
  "times-10-top-space-splitruns": 1,
  "courier-8-middle-nbsp": 0.9,
  "dejavu-8.5-middle-thinspace-minus": 1,
  "dejavu-11-mixed-space-minus": 0.99,
  "helvetica-8-narrow-3line-breaks": 1,
};

/**
 * The import's known failures per style, measured 2026-12-02 with the generated tables of the text
 * test after its realism fixes (counts kept over the years, pages in order): they may shrink, never grow. The hard
 * bar holds everywhere else: no value read wrong silently, no header words read as indicators, no
 * false error, in any style. What is left:
 * - Labels wrapped around their numbers whose next line starts with a capital («Foreldreundersøkelse:» /
 *   numbers / «Forberedelse til skolestart»), or a label's end in lower case set apart by a page break:
 *   which row the line belongs to is not proven, so the rows beside it are read for review with a
 *   finding (UNCONFIRMED_READING), and count as flagged, not lost or made up.
 * - Courier: a monospaced space is wider than a cell gap; a table whose header and rows are both set
 *   so may be read by neither reader: it is reported (TABLE_INCOMPLETE) and its rows count as withheld.
 */
const OPEN: Record<string, Partial<Record<Kind, number>>> = {
  "helvetica-9-bottom-nbsp": {},
  "times-10-top-space-splitruns": {},
  "courier-8-middle-nbsp": {},
  "dejavu-8.5-middle-thinspace-minus": {},
  "dejavu-11-mixed-space-minus": {},
  "helvetica-8-narrow-3line-breaks": {},
};

const summary: string[] = [];

describe.each(STYLES.map((s) => [s.name, s] as [string, Style]))("indicator tables in a generated PDF, style %s", (styleName, style) => {
  it("every row exact, withheld or flagged; none wrong, lost or made up", { timeout: 120_000 }, async () => {
    const pdfjs = await loadNodePdfjs();
    const tally: Tally = { rows: 0, exact: 0, withheld: 0, flagged: 0, counts: { wrong: 0, lost: 0, madeUp: 0, headerWords: 0, falseError: 0 }, problems: [] };
    for (let seed = 1; seed <= REPORTS; seed++) {
      const pdf = await generateIndicatorPdf(style, seed);
      const report = await importPdf(pdf.bytes, { pdfjs });
      const { text } = await readPdf(pdf.bytes, { pdfjs });
      score(pdf, report, text, tally, `report ${seed}`);
    }
    const share = tally.exact / tally.rows;
    const counts = KINDS.map((k) => `${tally.counts[k]} ${k}`).join(", ");
    summary.push(`${styleName}: ${tally.exact}/${tally.rows} exact (${(share * 100).toFixed(1)} %), ${tally.withheld} withheld, ${tally.flagged} flagged; ${counts}`);
    // the hard bar, where the import meets it; elsewhere its known failures may not grow (see OPEN)
    const over = KINDS.filter((k) => tally.counts[k] > (OPEN[styleName]?.[k] ?? 0));
    expect(over.length === 0 ? "" : `${over.map((k) => `${tally.counts[k]} ${k} (at most ${OPEN[styleName]?.[k] ?? 0})`).join(", ")}\n\n${tally.problems.join("\n\n")}`).toBe("");
    expect(share, `share of rows read exactly in ${styleName}`).toBeGreaterThanOrEqual(EXACT_FLOOR[styleName]!);
  });
});

afterAll(() => {
  console.log(`generated indicator PDFs:\n${summary.join("\n")}`);
});
