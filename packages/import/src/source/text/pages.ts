import type { Line } from "../../lines.js";

/**
 * Page assembly for text with form feeds (pdftotext -layout, and the PDF source's own layout): the
 * running headers, footers and page numbers at a page's edges are dropped, and so is a table header
 * printed again at the top of a page, so a table that crosses a page reads on as one. Dropped lines
 * leave the list; every kept line keeps its number in the text.
 */
const EDGE = 2;
/** A line is furniture when it repeats at a page's edge on this share of the pages (and on three at least): a table header printed again does not. */
const REPEAT_SHARE = 0.5;
const HEADER_LINES = 8;
const LOOKBACK = 160;

const norm = (t: string): string => t.replace(/[\f\u00A0\u202F\u2007\u2009]/gu, " ").replace(/\s+/gu, " ").trim().toLowerCase();
const shape = (t: string): string => norm(t).replace(/\d+/gu, "#");
const isBlank = (t: string): boolean => norm(t) === "";
const PAGE_NUMBER = /^(?:side\s+)?(\d{1,4})(?:\s*(?:av|\/)\s*\d{1,4})?$|^[-–]\s*(\d{1,4})\s*[-–]$/iu;
/** A year alone ("2022" under «Resultat» at a page's edge) is a table header's cell, never a page number. */
const YEAR_ALONE = /^(?:19|20)\d{2}$/u;
/** Column words and years only («Resultat 2022», «2022»): a header that goes on over the break, no row. */
const HEADER_CELLS = /^(?:(?:resultat|måltall|mål|avvik|bydel|regnskap|budsjett|(?:19|20)\d{2})\s*)+$/u;
/** Amounts: a digit group after digits ("1 234") or five digits and more. A header has years, not amounts. */
const AMOUNT = /\d[ \u00A0]\d{3}\b|\d{5,}/u;

export function assemblePages(lines: readonly Line[]): Line[] {
  const pages: Line[][] = [[]];
  for (const l of lines) {
    if (l.text.includes("\f") && pages[pages.length - 1]!.length > 0) pages.push([]);
    pages[pages.length - 1]!.push({ no: l.no, text: l.text.replace(/\f/g, " ") });
  }
  if (pages.length < 2) return pages[0]!;
  const content = pages.map((p) => p.filter((l) => !isBlank(l.text)));
  const edges = content.map((c) => [...c.slice(0, EDGE), ...c.slice(Math.max(EDGE, c.length - EDGE))]);
  const counts = new Map<string, number>();
  for (const e of edges) for (const k of new Set(e.map((l) => shape(l.text)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const furniture = new Set<number>();
  pages.forEach((_, i) => {
    for (const l of edges[i]!) {
      const k = shape(l.text);
      if (YEAR_ALONE.test(norm(l.text))) continue;
      if (PAGE_NUMBER.test(norm(l.text)) || (pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, REPEAT_SHARE * pages.length))) furniture.add(l.no);
    }
  });
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
  const last = [...before].reverse().find((l) => !isBlank(l.text));
  if (!last || !/\d\s*$/u.test(last.text) || HEADER_CELLS.test(norm(last.text))) return page;
  const seen = new Set(before.slice(-LOOKBACK).map((l) => norm(l.text)).filter((t) => t !== ""));
  let i = 0;
  let repeated = 0;
  for (; i < page.length && repeated < HEADER_LINES; i++) {
    const t = page[i]!.text;
    if (isBlank(t)) continue;
    if (!seen.has(norm(t)) || AMOUNT.test(t)) break;
    repeated++;
  }
  if (repeated === 0 || i >= page.length || !/\d/u.test(page[i]!.text)) return page;
  return page.slice(i);
}
