import { pdfLayout } from "@bydel/core";
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
  /** The page's height as read: its width when its text runs up or down the page (a landscape table on a portrait page). */
  readonly height: number;
}

export function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === "object" && item !== null && typeof (item as PdfTextItem).str === "string" && Array.isArray((item as PdfTextItem).transform);
}

/** Which way a run's baseline goes: along the page (0), up it (90, turned counter-clockwise) or down it (270). */
type Turn = 0 | 90 | 270;

function turnOf(a: number, b: number): Turn | null {
  if (Math.abs(b) <= Math.abs(a) * 0.1) return a > 0 ? 0 : null;
  if (Math.abs(a) <= Math.abs(b) * 0.1) return b > 0 ? 90 : 270;
  return null;
}

/**
 * pdf.js text items as positioned runs, controls dropped, blank runs skipped. A page is read the way
 * most of its text runs: a landscape table printed on a portrait page (its runs turned a quarter) is
 * read as if the page were turned to it. Runs that go another way (a margin note) are no part of any
 * table row and are left out. `view` is the page's [left, bottom, right, top] in points.
 */
export function positionedItems(raw: readonly unknown[], view: readonly number[], settings: typeof pdfLayout = pdfLayout): PageItems {
  const [left = 0, bottom = 0, right = 595, top = 842] = view;
  const runs: { text: string; turn: Turn; e: number; f: number; width: number; size: number }[] = [];
  const chars: Record<Turn, number> = { 0: 0, 90: 0, 270: 0 };
  let dropped = 0;
  for (const it of raw) {
    if (!isTextItem(it)) continue;
    const text = it.str.replace(CONTROL, () => {
      dropped++;
      return "";
    }).replace(/[\t\n\r]/g, " ");
    if (text.trim() === "") continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
    const turn = turnOf(a, b);
    if (turn === null || !Number.isFinite(e) || !Number.isFinite(f) || !Number.isFinite(it.width)) continue;
    chars[turn] += text.length;
    runs.push({ text, turn, e, f, width: Math.max(0, it.width), size: Math.hypot(a, b) || it.height || 1 });
  }
  const turn: Turn = chars[90] > chars[0] && chars[90] >= chars[270] ? 90 : chars[270] > chars[0] ? 270 : 0;
  const items: PositionedText[] = [];
  const seen = new Map<string, { e: number; f: number }[]>();
  for (const r of runs) {
    if (r.turn !== turn) continue;
    // the same run drawn again a hair's breadth off is one run made bold by overprinting, not two
    const twins = seen.get(r.text) ?? [];
    if (twins.some((t) => Math.abs(t.e - r.e) <= settings.overprint * r.size && Math.abs(t.f - r.f) <= settings.overprint * r.size)) continue;
    if (twins.length === 0) seen.set(r.text, twins);
    twins.push({ e: r.e, f: r.f });
    // x along the baseline, y down the page as turned
    const x0 = turn === 0 ? r.e : turn === 90 ? r.f - bottom : top - r.f;
    const y = turn === 0 ? top - r.f : turn === 90 ? r.e - left : right - r.e;
    items.push({ text: r.text, x0, x1: x0 + r.width, y, size: r.size });
  }
  return { items, dropped, height: turn === 0 ? top - bottom : right - left };
}
