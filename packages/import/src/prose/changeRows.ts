import { printedDecimals, readNorwegianNumber, sum, type StatedAmount } from "@bydel/core";
import { isBlank, type Line } from "../lines.js";
import type { Check } from "./check.js";
import { CHANGE_HEADER, CHANGE_ROW as ROW } from "./phrases.js";

/**
 * A small table in the text with a change column: «01.01.2024 01.01.2025 Endring» over «Ansatte
 * 1 647 1 597,00 -50,00», or «2023 2024 Prosentøkning» over «Lån 3 454 3 952 14,42 %». Each row's
 * change against its two figures (b − a, or (b − a) / a in percent). A table with an English
 * number beyond doubt («1,024.36») is read as English; a row whose numbers split into three more
 * than one way, or a table that may be English but need not be («1,494» alone), is left out: the
 * check would rest on a guess.
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

/** «1,024.36»: a thousands comma and a decimal point, English beyond doubt. */
const ENGLISH = /\d,\d{3}\.\d/u;
/** «1,494» or «87.4»: English thousands or a decimal, no telling without an English number beside it. */
const MAYBE_ENGLISH = /\d\.\d|\d,\d{3}(?!\d)/u;

/** An English number as the Norwegian parser reads it: «1,024.36» → «1024,36». */
const norwegian = (token: string): string => token.replace(/,/gu, "").replace(".", ",");

export function changeRows(lines: readonly Line[], skip: ReadonlySet<number>): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = CHANGE_HEADER.exec(lines[i]!.text);
    if (!header) continue;
    const percent = !/^endring$/iu.test(header[3]!);
    const rows: { line: Line; cells: string }[] = [];
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const l = lines[j]!;
      if (isBlank(l.text)) continue;
      if (skip.has(l.no)) break;
      const m = l.text.length <= MAX_ROW ? ROW.exec(l.text) : null;
      if (!m) break;
      rows.push({ line: l, cells: m[2]! });
    }
    // a table that prints «1,024.36» prints English throughout (Vestre Aker: «Ansatte 1,494  1,567 73»); one that
    // only may («1,494» alone) is left out: no guess
    const english = rows.some((r) => ENGLISH.test(r.cells));
    if (!english && rows.some((r) => MAYBE_ENGLISH.test(r.cells))) continue;
    for (const { line: l, cells } of rows) {
      const printed = cells.replace(/\s+%/gu, "%").split(/\s+/u);
      // English numbers stand one per token; Norwegian ones may be grouped by spaces
      const readings = english ? (printed.length === 3 ? [printed] : []) : splits(printed, 3);
      if (readings.length !== 1) continue;
      const [a, b, c] = readings[0]!.map((r) => ({ raw: r, value: read(english ? norwegian(r) : r) })) as [Cell, Cell, Cell];
      if (a.value === null || b.value === null || c.value === null || (percent && a.value === 0)) continue;
      if (percent !== c.raw.endsWith("%")) continue;
      const decimals = english ? (/\.(\d+)/u.exec(c.raw)?.[1]?.length ?? 0) : printedDecimals(c.raw);
      const whole = !percent && [a, b, c].every((x) => (english ? !x.raw.includes(".") : EXACT(x.raw)));
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
