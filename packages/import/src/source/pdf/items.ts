import type { PdfTextItem } from "./pdfjs.js";

/** A run of text on a page, in PDF points with y growing downwards from the page's top. */
export interface PositionedText {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  readonly size: number;
}

/** C0 and C1 controls (U+0000 is what pdf.js gives a glyph without a Unicode mapping); tab is a space. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export interface PageItems {
  readonly items: PositionedText[];
  /** Control characters dropped from the page's text. */
  readonly dropped: number;
}

export function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === "object" && item !== null && typeof (item as PdfTextItem).str === "string" && Array.isArray((item as PdfTextItem).transform);
}

/** pdf.js text items as positioned runs: upright text only, controls dropped, blank runs skipped. */
export function positionedItems(raw: readonly unknown[], pageHeight: number): PageItems {
  const items: PositionedText[] = [];
  let dropped = 0;
  for (const it of raw) {
    if (!isTextItem(it)) continue;
    const text = it.str.replace(CONTROL, () => {
      dropped++;
      return "";
    }).replace(/[\t\n\r]/g, " ");
    if (text.trim() === "") continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
    const size = Math.hypot(a, b) || it.height || 1;
    // rotated text (a vertical margin note) is no part of any table row
    if (Math.abs(b) > Math.abs(a) * 0.1) continue;
    if (!Number.isFinite(e) || !Number.isFinite(f) || !Number.isFinite(it.width)) continue;
    items.push({ text, x0: e, x1: e + Math.max(0, it.width), y: pageHeight - f, size });
  }
  return { items, dropped };
}
