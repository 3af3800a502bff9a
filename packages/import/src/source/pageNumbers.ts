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
