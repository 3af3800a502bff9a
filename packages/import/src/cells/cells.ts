import { CELL_BLANKS, tokenize } from "../tokens/tokenize.js";
import { TEXT_CELL_AT_END } from "@bydel/core";

/**
 * The value cells at the end of an indicator line: numbers with their comparator and unit
 * ("> 66 %", "-0,6pp", "49.35%", "1 006"), placeholders ("*", "-", "x", "NA"). Cells are kept as
 * printed; a plain integer followed by a 3-digit group may be one number ("1 006") or two cells,
 * which `readCells` decides from the column count and the deviation identity.
 */
export interface Atom {
  raw: string;
  /** A bare integer of 1–3 digits, no sign, unit or comparator: may take a 3-digit continuation. */
  readonly head: boolean;
  /** A bare 3-digit group that may continue the atom before it. */
  readonly tail: boolean;
  readonly gap: number;
  /** A sign alone: a minus is a placeholder or the sign of the number after it («- 4 %»); a plus is always a sign («+ 55»). */
  readonly sign?: boolean;
}

/** "1,200,000": two or more commas before 3-digit groups can only be English thousands separators. */
const VALUE = /^(?:[<>≥≤]=?)?[+\-\u2212]?(?:\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?)(?:%|pp|%-poeng)?$/u;
const UNIT = /^(?:%|pp|%-poeng|prosentpoeng)$/u;
const COMPARATOR = /^(?:[<>≥≤]=?|maks\.?|minst|min\.?|minimum|maksimum)$/iu;
const PLACEHOLDER = /^(?:\*|-|\u2212|–|x|X|NA|\(N\))$/u;

export interface CellTail {
  readonly label: string;
  readonly atoms: Atom[];
}

/** A line of value cells only, no label ("* 77,4 16,7 %", "3,89 %"), as `isNumbersOnly` is a line of digit groups only. */
export function isCellsOnly(tail: CellTail): boolean {
  return tail.label === "" && tail.atoms.length > 0;
}

/** Splits a line into its label and the value atoms at its end. */
export function cellTail(text: string): CellTail {
  // a text cell at the end («… 4,6 4,7 Ingen måling i år») is a cell of its own, never the label's
  const said = TEXT_CELL_AT_END.exec(text);
  if (said && said.index > 0) {
    const before = cellTail(text.slice(0, said.index));
    if (before.atoms.length > 0 || before.label !== "") return { label: before.label, atoms: [...before.atoms, { raw: said[1]!.trim(), head: false, tail: false, gap: 2 }] };
  }
  const toks = tokenize(text, CELL_BLANKS);
  const atoms: Atom[] = [];
  let pendingUnit = "";
  let i = toks.length - 1;
  for (; i >= 0; i--) {
    const t = toks[i]!.text;
    if (UNIT.test(t)) {
      if (pendingUnit) break;
      pendingUnit = ` ${t}`;
      continue;
    }
    if (VALUE.test(t) || PLACEHOLDER.test(t) || (t === "+" && atoms.length > 0 && /^\d/u.test(atoms[0]!.raw))) {
      if (PLACEHOLDER.test(t) && pendingUnit) break;
      // "+1 831", "-1 250": a signed number takes its 3-digit groups too
      const bare = /^(?:[<>≥≤]=?)?[+\-\u2212]?\d{1,3}$/u.test(t) && !pendingUnit;
      atoms.unshift({ raw: t + pendingUnit, head: bare, tail: /^\d{3}$/.test(t) && toks[i]!.gap <= 1, gap: toks[i]!.gap, sign: /^[+\-\u2212]$/u.test(t) });
      pendingUnit = "";
      continue;
    }
    // "2 970  1) *": a footnote mark among the numbers stands in a cell ("not published"); after a word it is the label's
    if (/^\d\)$/u.test(t) && !pendingUnit && i > 0 && VALUE.test(toks[i - 1]!.text)) {
      atoms.unshift({ raw: t, head: false, tail: false, gap: toks[i]!.gap });
      continue;
    }
    if (COMPARATOR.test(t) && atoms.length > 0 && !/[<>≥≤]/u.test(atoms[0]!.raw[0]!)) {
      // "> 2 430": a bare integer after a comparator may still take its 3-digit continuation
      atoms[0] = { ...atoms[0]!, raw: `${t} ${atoms[0]!.raw}`, tail: false };
      continue;
    }
    break;
  }
  if (pendingUnit) i++;
  const label = toks
    .slice(0, i + 1)
    .map((t) => t.text)
    .join(" ");
  return { label, atoms };
}

/**
 * Every way to group atoms into cells: each head followed by a 3-digit tail may be joined ("1 006"),
 * and a minus alone may be the sign of the unsigned number after it ("- 4 %") rather than a placeholder.
 */
export function cellReadings(atoms: readonly Atom[], maxCells: number, limit = 256): string[][] {
  const out: string[][] = [];
  const cur: string[] = [];
  const go = (i: number, sign = ""): void => {
    // a cell takes at most three atoms ("1 107 412"): prune what cannot fit before the limit cuts readings off
    if (out.length >= limit || cur.length + Math.ceil((atoms.length - i) / 3) > maxCells) return;
    if (i === atoms.length) {
      out.push([...cur]);
      return;
    }
    const a = atoms[i]!;
    const raw = sign + a.raw;
    if (!/^0\d/.test(a.raw) && a.raw !== "+") {
      // "083" cannot stand alone: a leading zero only continues a number
      cur.push(raw);
      go(i + 1);
      cur.pop();
    }
    const next = atoms[i + 1];
    if (a.head && next && next.tail && !/^0/.test(a.raw)) {
      const third = atoms[i + 2];
      cur.push(`${raw} ${next.raw}`);
      go(i + 2);
      cur.pop();
      if (third && third.tail && /^\d{3}$/.test(next.raw)) {
        cur.push(`${raw} ${next.raw} ${third.raw}`);
        go(i + 3);
        cur.pop();
      }
    }
    if (sign === "" && a.sign && next && /^\d/u.test(next.raw)) go(i + 1, a.raw);
  };
  go(0);
  return out;
}
