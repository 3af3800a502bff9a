import { printedDecimals, readNorwegianNumber, sum, type StatedAmount } from "@bydel/core";
import { isBlank, type Line } from "../lines.js";
import type { Check } from "./check.js";
import { CHANGE_HEADER, CHANGE_ROW as ROW } from "./phrases.js";

/**
 * A small table in the text with a change column: «01.01.2024 01.01.2025 Endring» over «Ansatte
 * 1 647 1 597,00 -50,00», or «2023 2024 Prosentøkning» over «Lån 3 454 3 952 14,42 %». Each row's
 * change against its two figures (b − a, or (b − a) / a in percent). A row whose numbers split
 * into three more than one way, or that may be printed in English («1,494», «1,024.36»), is left
 * out: the check would rest on a guess.
 */

/** The row's cells as numbers: the ways (at most three) to group its space-separated digits into `n` numbers. */
export function splits(tokens: readonly string[], n: number): string[][] {
  const out: string[][] = [];
  const go = (i: number, acc: readonly string[]): void => {
    if (out.length > 2) return; // two readings already make the row ambiguous
    if (i === tokens.length) {
      if (acc.length === n) out.push([...acc]);
      return;
    }
    if (acc.length === n) return;
    // a number: a first group of one to three digits, then groups of exactly three; a decimal part ends it
    let text = tokens[i]!;
    go(i + 1, [...acc, text]);
    if (!/^[+\-−]?\d{1,3}$/u.test(text)) return;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (!/^\d{3}(?:,\d+)?%?$/u.test(t)) return;
      text += ` ${t}`;
      go(j + 1, [...acc, text]);
      if (!/^\d{3}$/u.test(t)) return;
    }
  };
  go(0, []);
  return out;
}

function read(raw: string): number | null {
  try {
    return readNorwegianNumber(raw.replace(/%$/u, "")).value;
  } catch {
    return null; // not a number as the report prints one
  }
}

/** A row of such a table is short; a longer line is something else. */
const MAX_ROW = 200;

const EXACT = (raw: string): boolean => !/[,.]/u.test(raw);

export function changeRows(lines: readonly Line[], skip: ReadonlySet<number>): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = CHANGE_HEADER.exec(lines[i]!.text);
    if (!header) continue;
    const percent = !/^endring$/iu.test(header[3]!);
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const l = lines[j]!;
      if (isBlank(l.text)) continue;
      if (skip.has(l.no)) break;
      const m = l.text.length <= MAX_ROW ? ROW.exec(l.text) : null;
      if (!m) break;
      const cells = m[2]!;
      // «1,494» or «1,024.36»: maybe English thousands; no guess
      if (/\d\.\d|\d,\d{3}(?!\d)/u.test(cells)) break;
      const tokens = cells.replace(/\s+%/gu, "%").split(/\s+/u);
      const readings = splits(tokens, 3);
      if (readings.length !== 1) continue;
      const [a, b, c] = readings[0]!.map((r) => ({ raw: r, value: read(r) })) as [Cell, Cell, Cell];
      if (a.value === null || b.value === null || c.value === null || (percent && a.value === 0)) continue;
      if (percent !== c.raw.endsWith("%")) continue;
      const decimals = printedDecimals(c.raw);
      const whole = !percent && EXACT(a.raw) && EXACT(b.raw) && EXACT(c.raw);
      const stated: StatedAmount = { raw: c.raw.replace(/%$/u, " %"), value: c.value, unit: percent ? "percent" : "count", precision: whole ? 0 : 0.5 * 10 ** -decimals };
      const value = percent ? ((b.value - a.value) * 100) / a.value : sum([b.value, -a.value]);
      out.push({
        subject: "arithmetic",
        stated,
        line: l.no,
        quote: `${header[1]} ${header[2]} ${header[3]}: ${l.text.trim().replace(/\s+/gu, " ")}`,
        reference: { table: "text", line: l.no, column: percent ? `(${b.raw} − ${a.raw}) / ${a.raw}` : `${b.raw} − ${a.raw}`, value },
        addends: 0,
      });
    }
  }
  return out;
}

type Cell = { raw: string; value: number | null };
