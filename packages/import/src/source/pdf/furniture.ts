import { pdfLayout } from "@bydel/core";
import type { PdfLine } from "./lines.js";
import { pageNumbers, repeatedKeys, repeatKey } from "../pageNumbers.js";

export interface PageLines {
  readonly height: number;
  readonly lines: PdfLine[];
}

const textOf = (l: PdfLine): string => l.tokens.map((t) => t.text).join(" ");

/**
 * Drops running headers, footers and page numbers by their position: a line in the top or bottom
 * band of its page that is a page number, or that repeats (digits aside) on enough pages.
 */
export function dropFurniture(pages: readonly PageLines[], settings = pdfLayout): PdfLine[][] {
  const inBand = (l: PdfLine, h: number): boolean => l.y < h * settings.furnitureBand || l.y > h * (1 - settings.furnitureBand);
  const edges = pages.map((p) => p.lines.filter((l) => inBand(l, p.height)));
  const repeated = repeatedKeys(edges.map((e) => e.map((l) => repeatKey(textOf(l)))), settings.furnitureShare);
  const numbers = pageNumbers(edges.flatMap((e, i) => e.map((l) => ({ page: i + 1, text: textOf(l), item: l }))));
  return pages.map((p) =>
    p.lines.filter((l) => {
      if (!inBand(l, p.height)) return true;
      return !(numbers.has(l) || repeated.has(repeatKey(textOf(l))));
    }),
  );
}
