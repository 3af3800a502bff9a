import { sum, textTables, tolerances, type Indicator } from "@bydel/core";
import { wording } from "./approximate.js";
import { yearsIn } from "../tables/grammar.js";
import { lineAt, sentencesOf, type Block } from "./text.js";
import { valueOf, type Check } from "./check.js";
import { BORN, CHANGE_OF_COUNT, COUNT_IN_YEAR, FROM_TO_IN_YEAR, KEY_FIGURE_WORDS } from "./phrases.js";

/**
 * A count the text restates from a key-figure table (the indicators of kind keyFigure), by the
 * words of `KEY_FIGURE_WORDS`: «antall fødsler, 1059 i 2024, 1163 i 2023 …», «det ble født 795 barn
 * i 2024», «en oppgang på 30 fødsler i 2024» (against that year's figure less the year before's),
 * each against the row's figure of the year. Only a sentence that names the year is read; a year
 * the row has no figure for, or an approximate count, is left out.
 */

const count = valueOf;

export function keyFigureStatements(block: Block, indicators: readonly Indicator[], out: Check[]): void {
  for (const k of KEY_FIGURE_WORDS) {
    if (!k.words.test(block.text)) continue;
    const row = indicators.find((i) => i.kind === "keyFigure" && k.label.test(i.label.trim()));
    if (!row?.series) continue;
    const byYear = new Map(row.series.filter((s) => s.value !== null).map((s) => [s.year, s.value as number]));
    const ref = (column: string, value: number) => ({ table: textTables.keyFigures.id, line: row.line, column, value });
    for (const s of sentencesOf(block)) {
      const words = k.words.exec(s.text);
      if (!words) continue;
      const push = (raw: string, value: number, at: number, column: string, cell: number, about = false) =>
        out.push({ subject: "keyFigure", stated: { raw, value, unit: "count", precision: about ? tolerances.prose.approximate(raw) : 0 }, line: lineAt(block, s.start + at), quote: s.text.trim(), reference: ref(column, cell), addends: 0 });
      const change = CHANGE_OF_COUNT.exec(s.text);
      if (change && new RegExp(k.noun, "iu").test(s.text.slice(change.index, change.index + change[0].length))) {
        const year = Number(change[3]);
        const [now, before, v] = [byYear.get(year), byYear.get(year - 1), count(change[2]!)];
        if (now !== undefined && before !== undefined && v !== null) {
          const sign = /^(?:oppgang|økning)$/iu.test(change[1]!) ? 1 : -1;
          push(change[2]!, sign * v, change.index + change[0].indexOf(change[2]!), `${year} − ${year - 1}`, sum([now, -before]));
        }
      }
      // «har økt fra 755 til 912 i 2024»: the year before's figure and the year's
      const fromTo = FROM_TO_IN_YEAR.exec(s.text);
      if (fromTo) {
        const year = Number(fromTo[4]);
        for (const [raw, y] of [[fromTo[2]!, year - 1], [fromTo[3]!, year]] as const) {
          const [v, cell] = [count(raw), byYear.get(y)];
          if (v !== null && cell !== undefined) push(raw, v, fromTo.index + fromTo[0].indexOf(raw), String(y), cell);
        }
      }
      // the counts of years after the words («antall fødsler, 1059 i 2024, 1163 i 2023 …»)
      const tail = s.text.slice(words.index);
      for (const m of tail.matchAll(COUNT_IN_YEAR)) {
        const at = words.index + m.index;
        if ([change, fromTo].some((x) => x && at >= x.index && at < x.index + x[0].length)) continue; // read above
        const year = Number(m[2]);
        const [v, cell] = [count(m[1]!), byYear.get(year)];
        // «ca. 1 100 i 2024» at its last significant digit; «over 1 000 i 2024» is no figure to check
        const worded = wording(tail.slice(Math.max(0, m.index - 20), m.index));
        if (v === null || cell === undefined || worded === "bound") continue;
        push(m[1]!, v, words.index + m.index, String(year), cell, worded === "about");
      }
      // «det ble født 795 barn» in a sentence that names one year
      const born = BORN.exec(s.text);
      // the sentence's years, not counting the born count itself («født 1900 barn i 2024»)
      const yearsInText = born ? s.text.slice(0, born.index) + " ".repeat(born[0].length) + s.text.slice(born.index + born[0].length) : "";
      const years = [...new Set(yearsIn(yearsInText))];
      const bornWording = born ? wording(s.text.slice(Math.max(0, born.index - 20), born.index + born[0].indexOf(born[1]!))) : null;
      if (born && years.length === 1 && bornWording !== "bound") {
        const [v, cell] = [count(born[1]!), byYear.get(years[0]!)];
        if (v !== null && cell !== undefined) push(born[1]!, v, born.index + born[0].indexOf(born[1]!), String(years[0]), cell, bornWording === "about");
      }
    }
  }
}
