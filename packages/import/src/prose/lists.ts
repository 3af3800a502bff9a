import { sum } from "@bydel/core";
import { isBlank, lastVisibleCode, type Line } from "../source/lines.js";
import { valueOf, type Check } from "./check.js";
import { LIST_ROW, LIST_SUM, NOT_AN_ADDEND } from "./phrases.js";

/** How many rows above its Sum row a list may have. */
const MAX_ROWS = 12;

/**
 * A one-column list of counts with a Sum row under it («Undersøkelser og konsultasjon 39 845» …
 * «Sum konsultasjoner 83 507»): the Sum against its rows. Every row above it up to the first line
 * that is no «label count» row is an addend; fewer than two, or a «herav» row among them, and the
 * list is left out. Lines read as budget tables (`skip`) are not lists.
 */
export function listSums(lines: readonly Line[], skip: ReadonlySet<number>): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // cheap first (this runs on every line): a Sum row starts with «Sum» or «Totalt» and ends in a digit
    const t = l.text;
    let k = 0;
    while (k < t.length && (t.charCodeAt(k) === 32 || t.charCodeAt(k) === 9)) k++;
    const c = t.charCodeAt(k) | 0x20; // lower case
    const end = lastVisibleCode(t);
    if ((c !== 0x73 && c !== 0x74) || !(end >= 48 && end <= 57) || skip.has(l.no)) continue;
    const m = LIST_SUM.exec(l.text);
    if (!m) continue;
    const rows: { raw: string; value: number }[] = [];
    let clean = true;
    for (let j = i - 1; j >= 0 && rows.length <= MAX_ROWS; j--) {
      const above = lines[j]!;
      if (isBlank(above.text)) continue;
      const r = above.text.length <= 200 ? LIST_ROW.exec(above.text) : null;
      // a heading that ends in a year («… i Bydel Sagene 2024») ends the list
      if (!r || skip.has(above.no) || /^(?:19|20)\d{2}$/u.test(r[2]!)) break;
      if (NOT_AN_ADDEND.test(r[1]!)) {
        clean = false;
        break;
      }
      const v = valueOf(r[2]!);
      if (v === null) break;
      rows.push({ raw: r[2]!, value: v });
    }
    const total = valueOf(m[1]!);
    if (!clean || rows.length < 2 || rows.length > MAX_ROWS || total === null) continue;
    rows.reverse();
    out.push({
      subject: "arithmetic",
      stated: { raw: m[1]!, value: total, unit: "count", precision: 0 },
      line: l.no,
      quote: l.text.trim().replace(/\s+/gu, " "),
      reference: { table: "text", line: l.no, column: rows.map((r) => r.raw).join(" + "), value: sum(rows.map((r) => r.value)) },
      addends: 0,
      inTable: true,
    });
  }
  return out;
}
