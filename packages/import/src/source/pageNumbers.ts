import { pdfLayout } from "@bydel/core";

/** The most pages a report may have: the PDF source reads no more, and no page number is larger. */
export const DEFAULT_MAX_PAGES = 1000;

/** A line's text as furniture is compared: digits aside, spaces folded, case ignored. */
export function repeatKey(text: string): string {
  return text.replace(/[\f\u00A0\u202F\u2007\u2009]/gu, " ").replace(/\s+/gu, " ").trim().toLowerCase().replace(/\d+/gu, "#");
}

/**
 * Keys (`repeatKey`) that repeat at the edges of enough pages to be a running header or footer:
 * `keysByPage` holds each page's edge keys.
 */
export function repeatedKeys(keysByPage: readonly (readonly string[])[], share = pdfLayout.furnitureShare): Set<string> {
  const counts = new Map<string, number>();
  for (const keys of keysByPage) for (const k of new Set(keys)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const least = Math.max(3, share * keysByPage.length);
  const out = new Set<string>();
  if (keysByPage.length >= 3) for (const [k, n] of counts) if (n >= least) out.add(k);
  return out;
}

/**
 * Page numbers among the lines at pages' edges. A lone number there is a page number only when it
 * runs with the pages (its value minus the page's index is the same as on most other pages): a
 * lone cell («0» under a wrapped label) at the foot of a page is a table's, not furniture.
 */
export const PAGE_NUMBER = /^(?:side\s+)?(\d{1,4})(?:\s*(?:av|\/)\s*\d{1,4})?$|^[-–]\s*(\d{1,4})\s*[-–]$/iu;

export interface EdgeLine<T> {
  readonly page: number;
  readonly text: string;
  readonly item: T;
}

/** The edge lines that are page numbers. */
export function pageNumbers<T>(edges: readonly EdgeLine<T>[]): Set<T> {
  const found: { offset: number; item: T }[] = [];
  for (const e of edges) {
    const m = PAGE_NUMBER.exec(e.text.trim());
    if (m) found.push({ offset: Number(m[1] ?? m[2]) - e.page, item: e.item });
  }
  const counts = new Map<number, number>();
  for (const f of found) counts.set(f.offset, (counts.get(f.offset) ?? 0) + 1);
  let best: number | null = null;
  for (const [offset, n] of counts) if (n >= 2 && (best === null || n > counts.get(best)!)) best = offset;
  return new Set(found.filter((f) => f.offset === best).map((f) => f.item));
}
