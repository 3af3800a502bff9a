import type { Line } from "../lines.js";

/**
 * A label column so narrow that the KOSTRA code stands alone on the label's first line («  221» over
 * «Barnehagelokaler og   43 822 …»): the code goes back in front of its label, on the line that
 * carries the numbers, so the row reads as any other. Only a code at the left edge, followed by its
 * label with numbers, or by the numbers and then the label, is moved; line numbers stay.
 */
/** Indented a little, as a right-aligned code at the label column's edge is; a number alone at the margin is no code. */
const CODE = /^ {1,4}(\d{3})\s*$/u;
/** The code with the row's numbers beside it, and the label under them («  365        0» / «Kulturminneforvaltning»). */
const CODE_AND_NUMBERS = /^ {1,4}(\d{3})( {2,}[-\u2212(]?\d[\d\s\u00A0\u2212().-]*)$/u;
const LETTER = /^\s*\p{L}/u;
const NUMBERS_ONLY = /^\s*[-\u2212(]?\d[\d\s\u00A0\u2212().-]*$/u;
const HAS_AMOUNT = /\d[ \u00A0]\d{3}\b|\s\d{1,3}\s*$/u;

const nextContent = (lines: readonly Line[], from: number): number => {
  let j = from;
  while (j < lines.length && lines[j]!.text.trim() === "") j++;
  return j;
};

export function joinLoneCodes(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const beside = CODE_AND_NUMBERS.exec(lines[i]!.text);
    const under = lines[i + 1];
    if (beside && under && LETTER.test(under.text) && !/\d/u.test(under.text)) {
      const label = `${beside[1]} ${under.text.trim()}`;
      const numbers = beside[2]!;
      const at = lines[i]!.text.length - numbers.length;
      const text = label.length + 2 <= at + numbers.search(/\S/u) ? label + lines[i]!.text.slice(label.length) : `${label}  ${numbers.trimStart()}`;
      out.push({ no: lines[i]!.no, text });
      i++;
      continue;
    }
    const m = CODE.exec(lines[i]!.text);
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    const j = nextContent(lines, i + 1);
    const next = lines[j];
    if (next && j === i + 1 && LETTER.test(next.text) && (HAS_AMOUNT.test(next.text) || /^\s*\p{Lu}/u.test(next.text))) {
      out.push({ no: next.no, text: `${m[1]} ${next.text.trimStart()}` });
      i = j;
      continue;
    }
    const after = lines[j + 1];
    if (next && after && j === i + 1 && NUMBERS_ONLY.test(next.text) && LETTER.test(after.text) && !/\d/u.test(after.text)) {
      // «  301» / «   957   1 997 …» / «Plansaksbehandling»: the label goes before the numbers, in their columns
      const label = `${m[1]} ${after.text.trim()}`;
      const start = next.text.search(/\S/u);
      const text = label.length + 2 <= start ? label + next.text.slice(label.length) : `${label}  ${next.text.trimStart()}`;
      out.push({ no: next.no, text });
      i = j + 1;
      continue;
    }
    out.push(lines[i]!);
  }
  return out;
}
