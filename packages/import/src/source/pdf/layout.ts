import { pdfLayout } from "@bydel/core";
import type { PdfLine } from "./lines.js";

/**
 * A page's lines as text, each token at the character column of its position: a number by its
 * right edge (numbers are right-aligned, so a column's numbers end in one column), a text by its
 * left edge. Two cells are always at least `minCellSpaces` apart, so the text stage never takes a
 * column gap for a thousands space, and an empty cell shows as a gap with no number in its column.
 */
export function layoutLines(lines: readonly PdfLine[], left: number, settings = pdfLayout): string[] {
  const out: string[] = [];
  let previousY: number | null = null;
  for (const line of lines) {
    // a vertical gap of more than a line and a half is a paragraph break: keep it as a blank line
    if (previousY !== null && line.y - previousY > 1.9 * line.size) out.push("");
    previousY = line.y;
    let text = "";
    for (const t of line.tokens) {
      const len = [...t.text].length;
      const want = Math.round(((t.numeric ? t.x1 : t.x0) - left) / settings.charWidth) - (t.numeric ? len : 0);
      const min = text === "" ? 0 : [...text].length + settings.minCellSpaces;
      const at = Math.max(want, min, 0);
      text += " ".repeat(at - [...text].length) + t.text;
    }
    out.push(text);
  }
  return out;
}
