import { pdfLayout } from "@bydel/core";
import type { PdfLine } from "./lines.js";

export interface PageLines {
  readonly height: number;
  readonly lines: PdfLine[];
}

const key = (l: PdfLine): string => l.tokens.map((t) => t.text).join(" ").replace(/\d+/gu, "#").replace(/\s+/gu, " ").trim().toLowerCase();
const PAGE_NUMBER = /^(?:side\s+)?\d{1,4}(?:\s*(?:av|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/iu;

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
  const repeats = (k: string): boolean => pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, settings.furnitureShare * pages.length);
  return pages.map((p) =>
    p.lines.filter((l) => {
      if (!inBand(l, p.height)) return true;
      const text = l.tokens.map((t) => t.text).join(" ").trim();
      return !(PAGE_NUMBER.test(text) || repeats(key(l)));
    }),
  );
}
