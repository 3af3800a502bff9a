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
  const pitch = usualPitch(lines);
  let previous: PdfLine | null = null;
  for (const line of lines) {
    // a paragraph break, kept as a blank line: a gap of two sizes, or, after a sentence's end and
    // before a capital, a gap wider than the usual pitch of the text's size (a table's rows, further
    // apart than its text, stay together)
    if (previous !== null) {
      const usual = pitch.get(line.size);
      const gap = line.y - previous.y;
      // running text on both sides: one cell each, no number cell, and the new paragraph's first line a
      // full one (a table's wrapped label is no paragraph; a paragraph's last line may be short)
      const text = (l: PdfLine) => l.tokens.length === 1 && !l.tokens[0]!.numeric;
      const sentenceEnds =
        text(previous) && text(line) && line.tokens[0]!.text.length >= settings.paragraphMinChars && /[.!?:]\s*$/u.test(lastText(previous)) && /^\s*\p{Lu}/u.test(line.tokens[0]!.text);
      if (gap > settings.paragraphSizes * line.size || (sentenceEnds && usual !== undefined && gap > settings.paragraphPitch * usual)) out.push("");
    }
    previous = line;
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

const lastText = (line: PdfLine): string => line.tokens[line.tokens.length - 1]?.text ?? "";

/**
 * The page's usual distance from one line to the next, per font size: the smallest gap (to a
 * tenth of a point) seen twice or more between consecutive lines of that size closer than two
 * sizes apart.
 */
function usualPitch(lines: readonly PdfLine[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [lines[k - 1]!, lines[k]!];
    const gap = Math.round((b.y - a.y) * 10) / 10;
    if (a.size !== b.size || gap <= 0 || gap >= 2 * b.size) continue;
    const bySize = counts.get(b.size) ?? new Map<number, number>();
    bySize.set(gap, (bySize.get(gap) ?? 0) + 1);
    counts.set(b.size, bySize);
  }
  const out = new Map<number, number>();
  for (const [size, gaps] of counts) {
    // the closest lines of a paragraph, seen twice at least (once tells nothing usual); a table's
    // rows, further apart, may be more frequent on a page but are no paragraph's pitch
    const seen = [...gaps].filter(([, n]) => n >= 2).map(([gap]) => gap);
    if (seen.length > 0) out.set(size, Math.min(...seen));
  }
  return out;
}
