// Workbook: layout build and xlsx render time per fixture report (real import), and file size.
// Figures are medians over repeated runs; run with `node bench/run.mjs workbook` after `npm run build`.
import { readFileSync } from "node:fs";
import { importReport } from "@bydel/import";
import { buildCombinedLayout, buildLayout, fitSheet, printSetup } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";

const fixtures = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"];

// Median and minimum: the machine is shared, so the minimum shows the cost, the median the typical run.
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0] };
}

async function time(fn, runs) {
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  return { ...stats(ms), result };
}

export async function run() {
  const reports = fixtures.map((name) => ({ name, report: importReport(readFileSync(new URL(`../tests/fixtures/reports/${name}.txt`, import.meta.url), "utf8")) }));
  console.log("fixture            cells  formulas  layout ms (median/min)  render ms (median/min)   bytes");
  for (const { name, report } of reports) {
    await renderXlsx(buildLayout(report)); // warm-up
    const layout = await time(() => buildLayout(report), 50);
    const render = await time(() => renderXlsx(layout.result), 10);
    const cells = layout.result.sheets.flatMap((s) => s.rows.flat()).filter(Boolean);
    const formulas = cells.filter((c) => c.kind === "formula").length;
    console.log(
      `${name.padEnd(18)} ${String(cells.length).padStart(5)} ${String(formulas).padStart(9)} ${`${layout.median.toFixed(2)} / ${layout.min.toFixed(2)}`.padStart(23)} ${`${render.median.toFixed(1)} / ${render.min.toFixed(1)}`.padStart(23)} ${String(render.result.length).padStart(7)}`,
    );
  }
  const combined = await time(() => buildCombinedLayout(reports.map((r) => r.report)), 20);
  const bytes = await time(() => renderXlsx(combined.result), 5);
  console.log(
    `${"combined (3)".padEnd(18)} ${"".padStart(5)} ${"".padStart(9)} ${`${combined.median.toFixed(2)} / ${combined.min.toFixed(2)}`.padStart(23)} ${`${bytes.median.toFixed(1)} / ${bytes.min.toFixed(1)}`.padStart(23)} ${String(bytes.result.length).padStart(7)}`,
  );
  // Fitting columns to their content and choosing the page setup (fit.ts, print.ts) is part of the
  // layout time above; its share, by re-fitting the built sheets (the same work as the last step).
  console.log("fixture            fit+print ms (median/min)  share of layout (min/min)");
  for (const { name, report } of reports) {
    const built = buildLayout(report);
    const layout = await time(() => buildLayout(report), 30);
    const fit = await time(() => built.sheets.map((s) => printSetup(fitSheet(s))), 30);
    console.log(`${name.padEnd(18)} ${`${fit.median.toFixed(2)} / ${fit.min.toFixed(2)}`.padStart(26)} ${`${Math.round((100 * fit.min) / layout.min)} %`.padStart(27)}`);
  }
}
