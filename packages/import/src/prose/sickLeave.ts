import { printedDecimals, sum, textTables, type Indicator } from "@bydel/core";
import type { Check } from "./check.js";
import { sickLeaveRow as SICK_ROW } from "../tables/registry.js";

/** How far above its «Totalt» row a sick-leave table's «Korttid» and «Langtid» rows may stand: a page break's running header and footer between them included. */
const ROWS_REACH = 30;

/**
 * A sick-leave table's own arithmetic (the indicator reader's rows of kind sickLeave): for each
 * year, «Totalt» against «Korttid» + «Langtid». A sum of two percents printed at the total's
 * decimals may be off by their two halves (addends 2).
 */
export function sickLeaveTables(indicators: readonly Indicator[], textOf: (line: number) => string): Check[] {
  const out: Check[] = [];
  const rows = indicators.filter((i) => i.kind === "sickLeave");
  for (const total of rows) {
    if (!SICK_ROW.total.test(total.label)) continue;
    // the table's own rows: above its Totalt, below the Totalt of the table before
    const previous = rows.filter((r) => r.line < total.line && SICK_ROW.total.test(r.label)).pop()?.line ?? -Infinity;
    const near = rows.filter((r) => r.line < total.line && r.line > previous && r.line >= total.line - ROWS_REACH);
    const short = near.filter((r) => SICK_ROW.short.test(r.label)).pop();
    const long = near.filter((r) => SICK_ROW.long.test(r.label)).pop();
    if (!short || !long) continue;
    for (const t of total.series ?? []) {
      const s = short.series?.find((x) => x.year === t.year);
      const l = long.series?.find((x) => x.year === t.year);
      if (t.value == null || s?.value == null || l?.value == null) continue;
      out.push({
        subject: "sickLeave",
        stated: { raw: t.raw, value: t.value, unit: "percent", precision: 0.5 * 10 ** -printedDecimals(t.raw) },
        line: total.line,
        quote: `${textOf(total.line).trim()} (${t.year})`,
        reference: { table: textTables.sickLeave.id, line: short.line, column: `korttid + langtid ${t.year}`, value: sum([s.value, l.value]) },
        addends: 2,
        inTable: true,
      });
    }
  }
  return out;
}
