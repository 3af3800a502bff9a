import { proseVerdict } from "@bydel/core";
import { changePrecision } from "./approximate.js";
import { valueOf, type Check } from "./check.js";
import { CHANGE_IN_COUNT, COUNT } from "./phrases.js";
import { lineAt, sentencesOf, type Block } from "./text.js";

/**
 * A change of a count the paragraph has given both levels of: «I budsjett 2024 ble det forutsatt
 * kjøp av 351 sykehjemsplasser, mens resultatet var oppe i 373 plasser for juni … en økning i
 * antall kjøpte plasser på ca. 20» against 373 − 351. The levels are the counts of the same noun
 * (a compound ending in it counts: «sykehjemsplasser») in the paragraph up to 800 characters before the sentence, exactly two different
 * figures. Nothing proves those are the two the change is between (a level may go unnamed), so
 * only a change that agrees with them, or is within rounding of them, is stated; any other is left out.
 */

const COUNT_WORD = new RegExp(String.raw`${COUNT}\s+(\p{L}+)`, "gu");
const YEAR = /^(?:19|20)\d{2}$/u;
/** Characters before the change's sentence where its levels may stand. */
const LOOK_BACK = 800;

export function countIncrease(block: Block, out: Check[]): void {
  for (const s of sentencesOf(block)) {
    const m = CHANGE_IN_COUNT.exec(s.text);
    if (!m) continue;
    const [noun, about, raw] = [m[2]!.toLowerCase(), m[3], m[4]!];
    const stated = valueOf(raw);
    if (stated === null) continue;
    const levels = new Map<number, string>();
    // the levels stand within a few sentences before (a bounded look back keeps a huge paragraph linear)
    for (const c of block.text.slice(Math.max(0, s.start - LOOK_BACK), s.start + m.index).matchAll(COUNT_WORD)) {
      const v = valueOf(c[1]!);
      if (v !== null && !YEAR.test(c[1]!) && c[2]!.toLowerCase().endsWith(noun)) levels.set(v, c[1]!);
    }
    if (levels.size !== 2) continue;
    const [a, b] = [...levels.keys()].sort((x, y) => x - y) as [number, number];
    const sign = /økning|oppgang/iu.test(m[1]!) ? 1 : -1;
    const precision = changePrecision(raw, about !== undefined);
    // only a change that fits the two levels (agrees or within rounding): they need not be its ends, so a miss proves nothing
    if (proseVerdict(stated, b - a, precision, true).verdict === "contradicts") continue;
    out.push({
      subject: "arithmetic",
      stated: { raw: `${about ? `${about} ` : ""}${raw}`, value: sign * stated, unit: "count", precision },
      line: lineAt(block, s.start + m.index + m[0].lastIndexOf(raw)),
      quote: block.text.slice(Math.max(0, s.start - LOOK_BACK), s.end).trim(),
      reference: { table: "text", line: lineAt(block, s.start + m.index), column: `${levels.get(b)} − ${levels.get(a)}`, value: sign * (b - a) },
      addends: 0,
    });
  }
}
