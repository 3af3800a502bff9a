import { hasAmount, isColumnHeader, startsRow } from "../../tables/grammar.js";
import { economyHeader, indicatorColumnAlternatives, indicatorStarts, indicatorTables } from "../../tables/registry.js";
import { pageNumbers, repeatedKeys, repeatKey } from "../pageNumbers.js";
import type { Line } from "../lines.js";

/**
 * Page assembly for text with form feeds (pdftotext -layout, and the PDF source's own layout): the
 * running headers, footers and page numbers at a page's edges are dropped, and so is a table header
 * printed again at the top of a page, so a table that crosses a page reads on as one. Dropped lines
 * leave the list; every kept line keeps its number in the text.
 */
const EDGE = 2;
const HEADER_LINES = 8;
const LOOKBACK = 160;

const norm = (t: string): string => t.replace(/[\f\u00A0\u202F\u2007\u2009]/gu, " ").replace(/\s+/gu, " ").trim().toLowerCase();
const isBlank = (t: string): boolean => /^[\s\f\u00A0\u202F\u2007\u2009]*$/u.test(t);
/** Years alone ("2022", or «2019  2020  2020» under «Resultat  Mål  Resultat» at a page's edge) are a table header's cells, never a page number or furniture. */
const YEARS_ALONE = /^(?:19|20)\d{2}(?: (?:19|20)\d{2})*$/u;
/** Column words and years only («Resultat 2022», «2022»): a header that goes on over the break, no row. */
const HEADER_CELLS = new RegExp(`^(?:(?:${[indicatorColumnAlternatives(indicatorTables), ...economyHeader.columnNames, "bydel"].join("|")}|(?:19|20)\\d{2})\\s*)+$`, "u");
/** A numbered section heading («3.2 Funksjonsområde 1: Tjenester»): at a page's top it opens a section, unless printed the same on several pages. */
const SECTION_HEADING = /^\d+(?:\.\d+)+\.?\s+\p{L}/u;

export function assemblePages(lines: readonly Line[]): Line[] {
  const pages: Line[][] = [[]];
  for (const l of lines) {
    if (l.text.includes("\f") && pages[pages.length - 1]!.length > 0) pages.push([]);
    // a line without a form feed is kept as it is (lines are never changed in place)
    pages[pages.length - 1]!.push(l.text.includes("\f") ? { no: l.no, text: l.text.replace(/\f/g, " ") } : l);
  }
  if (pages.length < 2) return pages[0]!;
  const content = pages.map((p) => p.filter((l) => !isBlank(l.text)));
  const edges = content.map((c) => [...c.slice(0, EDGE), ...c.slice(Math.max(EDGE, c.length - EDGE))]);
  // a table header or row at a page's top repeats where a table crosses pages: it is the table's, not furniture
  // (an indicator table's first header line too, «Sykefravær i %  2022  2023  2023», which starts the table)
  const tableLine = (t: string): boolean =>
    YEARS_ALONE.test(norm(t)) || HEADER_CELLS.test(norm(t)) || isColumnHeader(t) || startsRow(t) || hasAmount(t) || indicatorStarts.some(([re]) => re.test(t));
  const repeated = repeatedKeys(edges.map((e) => e.map((l) => repeatKey(l.text))));
  const furniture = pageNumbers(edges.flatMap((e, i) => e.map((l) => ({ page: i + 1, text: norm(l.text), item: l.no }))));
  // sections of the same name («3.2 …», «3.3 Funksjonsområde 1: Tjenester») share a key, yet each heading's own text is printed once
  const printed = new Map<string, number>();
  for (const l of edges.flat()) printed.set(norm(l.text), (printed.get(norm(l.text)) ?? 0) + 1);
  const ownHeading = (t: string): boolean => SECTION_HEADING.test(norm(t)) && printed.get(norm(t)) === 1;
  for (const l of edges.flat()) if (!tableLine(l.text) && !ownHeading(l.text) && repeated.has(repeatKey(l.text))) furniture.add(l.no);
  const out: Line[] = [];
  pages.forEach((page, i) => {
    let kept = page.filter((l) => !furniture.has(l.no));
    if (i > 0) {
      kept = dropRepeatedHeader(kept, out);
      // the blank lines around a page break are layout, not a paragraph or table end
      while (out.length > 0 && isBlank(out[out.length - 1]!.text)) out.pop();
      while (kept.length > 0 && isBlank(kept[0]!.text)) kept.shift();
    }
    out.push(...kept);
  });
  return out;
}

/** The first lines of a page that repeat lines just before the break, followed by a line with amounts: a table header printed again. */
function dropRepeatedHeader(page: Line[], before: readonly Line[]): Line[] {
  // only a table that runs over the break has its header again: the page before must end in one of its rows
  // (its numbers may stand above a label's last lines: «Funk.omr. 4, …  381 067 …» / «(brutto utg.)»)
  // only the lines before the break matter: never scan the whole text again per page (linear in the text)
  const recent = before.slice(-LOOKBACK);
  const tail = recent.filter((l) => !isBlank(l.text)).slice(-3);
  const last = tail[tail.length - 1];
  if (!last || HEADER_CELLS.test(norm(last.text)) || !tail.some((l) => hasAmount(l.text))) return page;
  const seen = new Set(recent.map((l) => norm(l.text)).filter((t) => t !== ""));
  let i = 0;
  let repeated = 0;
  for (; i < page.length && repeated < HEADER_LINES; i++) {
    const t = page[i]!.text;
    if (isBlank(t)) continue;
    // a row's label seen in an earlier table («Funk.omr. 4, …» in 0.1 and 0.1 B) is a row, never a header
    if (!seen.has(norm(t)) || hasAmount(t) || startsRow(t)) break;
    repeated++;
  }
  if (repeated === 0 || i >= page.length || !/\d/u.test(page[i]!.text)) return page;
  return page.slice(i);
}
