import { isTotalLabel, printedDecimals, sum, type StatedAmount } from "@bydel/core";
import { atPrecision } from "./amounts.js";
import { isBlank, type Line } from "../source/lines.js";
import { valueOf, type Check } from "./check.js";
import { CHANGE_HEADER, CHANGE_ROW as ROW, TABLE_UNIT } from "./phrases.js";

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
    if (/^[+\-−]?0\d/u.test(text)) return; // «011» continues a number, it starts none
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

const read = (raw: string): number | null => valueOf(raw.replace(/%$/u, ""));

/** A row of such a table is short; a longer line is something else. */
const MAX_ROW = 200;

/** A cell in a formula the workbook shows: a minus sign, not a hyphen a line may break after («−1,1 − −1,3»). */
const shown = (raw: string): string => raw.replace(/^[-\u2013]/u, "\u2212");

const EXACT = (raw: string): boolean => !/[,.]/u.test(raw);

/** «1,024.36»: a thousands comma and a decimal point, English beyond doubt. */
const ENGLISH = /\d,\d{3}\.\d/u;
/** «1,494» or «87.4»: English thousands or a decimal, no telling without an English number beside it. */
const MAYBE_ENGLISH = /\d\.\d|\d,\d{3}(?!\d)/u;

/** An English number as the Norwegian parser reads it: «1,024.36» → «1024,36». */
const norwegian = (token: string): string => token.replace(/,/gu, "").replace(".", ",");

/** How many rows a change table may have, and lines without numbers (a second header line) right under its header. */
const MAX_ROWS = 80;
const SUBHEADER_LINES = 2;
/** How many lines above its header a table's unit may be named. */
const UNIT_REACH = 4;

/** The table's amounts: counts (staff, loans), or money whose unit a line above names (its power of ten to 1000 kr). */
function unitOf(lines: readonly Line[], header: number): { power: number } | null {
  for (let i = header; i >= 0 && i >= header - UNIT_REACH; i--) {
    const m = TABLE_UNIT.exec(lines[i]!.text);
    if (m) return { power: m[1] ? 3 : 0 };
  }
  return null;
}

export function changeRows(lines: readonly Line[], skip: ReadonlySet<number>): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = lines[i]!.text;
    // cheap first (this runs on every line): the header ends in «Endring», «Prosentøkning» or «endring i %»
    if (h.length > 300 || !(h.includes("ndring") || h.includes("økning"))) continue;
    const tail = h.trimEnd();
    if (!(tail.endsWith("ndring") || tail.endsWith("økning") || tail.endsWith("%"))) continue;
    const header = CHANGE_HEADER.exec(h);
    if (!header) continue;
    const percent = !/^endring$/iu.test(header[3]!);
    const money = percent ? null : unitOf(lines, i);
    const rows: { line: Line; cells: string; sum: boolean }[] = [];
    for (let j = i + 1; j < lines.length && rows.length < MAX_ROWS; j++) {
      const l = lines[j]!;
      if (isBlank(l.text)) continue;
      if (skip.has(l.no)) break;
      const m = l.text.length <= MAX_ROW ? ROW.exec(l.text) : null;
      if (!m) {
        if (rows.length === 0 && j <= i + SUBHEADER_LINES && !/\d/u.test(l.text)) continue; // «NOV-DES» under «NOV DES Endring»
        break;
      }
      const sumRow = isTotalLabel(m[1]!);
      rows.push({ line: l, cells: m[2]!, sum: sumRow });
      if (sumRow) break;
    }
    // a table that prints «1,024.36» prints English throughout (Vestre Aker: «Ansatte 1,494  1,567 73»); one that
    // only may («1,494» alone) is left out: no guess
    const english = rows.some((r) => ENGLISH.test(r.cells));
    if (!english && rows.some((r) => MAYBE_ENGLISH.test(r.cells))) continue;
    const read3 = (cells: string): [Cell, Cell, Cell] | null => {
      const printed = cells.replace(/\s+%/gu, "%").split(/\s+/u);
      // English numbers stand one per token; Norwegian ones may be grouped by spaces
      const readings = english ? (printed.length === 3 ? [printed] : []) : splits(printed, 3);
      if (readings.length !== 1) return null;
      const cs = readings[0]!.map((r) => ({ raw: r, value: read(english ? norwegian(r) : r) })) as [Cell, Cell, Cell];
      return cs.some((c) => c.value === null) ? null : cs;
    };
    const decimalsOf = (raw: string) => (english ? (/\.(\d+)/u.exec(raw)?.[1]?.length ?? 0) : printedDecimals(raw));
    const amount = (c: Cell, whole: boolean): StatedAmount => {
      const decimals = decimalsOf(c.raw);
      if (money) return { raw: c.raw, ...atPrecision(String(c.value), decimals, money.power), unit: "kNOK" };
      return { raw: c.raw.replace(/%$/u, " %"), value: c.value!, unit: percent ? "percent" : "count", precision: whole ? 0 : 0.5 * 10 ** -decimals };
    };
    const scale = (v: number) => (money ? atPrecision(String(v), 12, money.power).value : v);
    const quoteOf = (l: Line) => `${header[1]} ${header[2]} ${header[3]}: ${l.text.trim().replace(/\s+/gu, " ")}`;
    const body: [Cell, Cell, Cell][] = [];
    let complete = true;
    for (const { line: l, cells, sum: sumRow } of rows) {
      const cs = read3(cells);
      if (cs === null) {
        complete = false; // a row not read: the Sum row has no complete column to be held against
        continue;
      }
      const [a, b, c] = cs;
      if (percent && a.value === 0) continue;
      if (percent !== c.raw.endsWith("%")) continue;
      const whole = !percent && [a, b, c].every((x) => (english ? !x.raw.includes(".") : EXACT(x.raw)));
      const value = percent ? ((b.value! - a.value!) * 100) / a.value! : sum([b.value!, -a.value!]);
      // b − a of two rounded figures: they may be off by their two halves (addends 2) unless all are whole counts
      out.push({
        subject: "arithmetic",
        stated: amount(c, whole),
        line: l.no,
        quote: quoteOf(l),
        reference: { table: "text", line: l.no, column: percent ? `(${shown(b.raw)} − ${shown(a.raw)}) / ${shown(a.raw)}` : `${shown(b.raw)} − ${shown(a.raw)}`, value: scale(value) },
        addends: whole ? 0 : 2,
        inTable: true,
      });
      if (sumRow && complete && !percent && body.length >= 2) {
        // the Sum row against its column's rows (a sum of n rounded figures: addends n)
        for (let k = 0; k < 3; k++) {
          const column = body.map((r) => r[k]!);
          const col = cs[k]!;
          out.push({
            subject: "arithmetic",
            stated: amount(col, column.every((x) => EXACT(x.raw)) && EXACT(col.raw)),
            line: l.no,
            quote: quoteOf(l),
            reference: { table: "text", line: l.no, column: `sum ${[header[1], header[2], header[3]][k]}, ${body.length} rader`, value: scale(sum(column.map((x) => x.value!))) },
            addends: body.length,
            inTable: true,
          });
        }
      }
      if (!sumRow) body.push(cs);
    }
  }
  return out;
}

type Cell = { raw: string; value: number | null };
