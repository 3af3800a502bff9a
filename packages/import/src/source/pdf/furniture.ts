import { pdfLayout } from "@bydel/core";
import type { PdfLine } from "./lines.js";
import { pageNumbers } from "../pageNumbers.js";

export interface PageLines {
  readonly height: number;
  readonly lines: PdfLine[];
}

const key = (l: PdfLine): string => l.tokens.map((t) => t.text).join(" ").replace(/\d+/gu, "#").replace(/\s+/gu, " ").trim().toLowerCase();

/**
 * Drops running headers, footers and page numbers by their position: a line in the top or bottom
 * band of its page that is a page number, or that repeats (digits aside) on enough pages.
 */
export function dropFurniture(pages: readonly PageLines[], settings = pdfLayout): PdfLine[][] {
  const inBand = (l: PdfLine, h: number): boolean => l.y < h * settings.furnitureBand || l.y > h * (1 - settings.furnitureBand);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (inBand(l, p.height)) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const numbers = pageNumbers(pages.flatMap((p, i) => p.lines.filter((l) => inBand(l, p.height)).map((l) => ({ page: i + 1, text: l.tokens.map((t) => t.text).join(" "), item: l }))));
  const repeats = (k: string): boolean => pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, settings.furnitureShare * pages.length);
  return pages.map((p) =>
    p.lines.filter((l) => {
      if (!inBand(l, p.height)) return true;
      return !(numbers.has(l) || repeats(key(l)));
    }),
  );
}
