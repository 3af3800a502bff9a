import { sum, textTables, tolerances, type Indicator } from "@bydel/core";
import { yearsIn } from "../tables/grammar.js";
import { valueOf, type Check } from "./check.js";
import { ABOUT, COUNT } from "./phrases.js";
import { lineAt, sentencesOf, type Block } from "./text.js";

/**
 * A count the text states that is the sum of a key-figure table's rows by age group: «2 927 barn går
 * i bydelens barnehager» against «Antall barn 1-2 år med barnehageplass» 1 050 + «Antall barn 3-5 år
 * med barnehageplass» 1 877 (2024). The rows are a family: the same label but for an age group, the
 * groups one after the other (1–2, 3–5). The sentence counts the family's noun («barn») and names
 * the rest of its label («barnehageplass» ~ «barnehager»), and at most one year (else the report's).
 * Nothing proves the rows are all the text counts (children under one, say), so only a count that
 * agrees with their sum is stated; any other is left out.
 */

export interface KeyFigureFamily {
  /** The counted noun, the word after «Antall». */
  readonly noun: string;
  /** The label's other words, each of which the sentence must name (a shared stem). */
  readonly words: readonly string[];
  readonly rows: readonly Indicator[];
  /** «1-2 år», «3-5 år», as printed. */
  readonly groups: readonly string[];
}

const AGE = /(?<![\d])(\d{1,2})\s*[-–]\s*(\d{1,2})\s*år(?![\p{L}])/u;
const LABEL = /^antall\s+(\p{L}+)\s+(.*)$/iu;
const SMALL_WORDS = new Set(["i", "med", "og", "av", "på", "for", "til", "som", "år", "per", "pr", "en", "et"]);
/** The letters two words must share to be one word inflected («barnehageplass» ~ «barnehager»). */
const STEM = 7;

const stemOf = (w: string): string => w.toLowerCase().slice(0, STEM);

/** The key-figure rows that split one count by age group, two or more, the groups adjoining. */
export function keyFigureFamilies(indicators: readonly Indicator[]): KeyFigureFamily[] {
  const byLabel = new Map<string, { row: Indicator; from: number; to: number; group: string }[]>();
  for (const row of indicators) {
    if (row.kind !== "keyFigure" || !row.series) continue;
    const label = row.label.trim().replace(/\s+/gu, " ");
    const age = AGE.exec(label);
    if (!age || !LABEL.test(label)) continue;
    const key = (label.slice(0, age.index) + "#" + label.slice(age.index + age[0].length)).toLowerCase();
    const list = byLabel.get(key) ?? [];
    list.push({ row, from: Number(age[1]), to: Number(age[2]), group: age[0] });
    byLabel.set(key, list);
  }
  const out: KeyFigureFamily[] = [];
  for (const [key, list] of byLabel) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.from - b.from);
    if (list.some((g, k) => g.from > g.to || (k > 0 && g.from !== list[k - 1]!.to + 1))) continue;
    const m = LABEL.exec(key)!;
    const words = m[2]!
      .split(/[\s()]+/u)
      .filter((w) => w !== "#" && w !== "" && !SMALL_WORDS.has(w) && /^\p{L}+$/u.test(w));
    if (words.length === 0) continue;
    out.push({ noun: m[1]!, words, rows: list.map((g) => g.row), groups: list.map((g) => g.group) });
  }
  return out;
}

const COUNT_NOUN = new RegExp(String.raw`${COUNT}\s+(\p{L}+)`, "gu");

export function keyFigureSums(block: Block, families: readonly KeyFigureFamily[], year: number | null, out: Check[]): void {
  for (const s of sentencesOf(block)) {
    const stems = new Set(s.text.split(/[^\p{L}]+/u).filter((w) => w.length >= STEM).map(stemOf));
    for (const f of families) {
      if (!f.words.every((w) => stems.has(stemOf(w)))) continue;
      const years = [...new Set(yearsIn(s.text))];
      const y = years.length === 1 ? years[0]! : years.length === 0 ? year : null;
      if (y === null) continue;
      const cells = f.rows.map((r) => r.series!.find((v) => v.year === y)?.value ?? null);
      if (cells.some((c) => c === null)) continue;
      const value = sum(cells as number[]);
      for (const m of s.text.matchAll(COUNT_NOUN)) {
        if (m[2]!.toLowerCase() !== f.noun || String(y) === m[1]) continue;
        const stated = valueOf(m[1]!);
        if (stated === null) continue;
        const about = ABOUT.test(s.text.slice(Math.max(0, m.index - 12), m.index));
        const precision = about ? tolerances.prose.approximate(m[1]!) : 0;
        // only a sum that agrees: the rows need not be all the text counts
        if (Math.abs(stated - value) > precision) continue;
        out.push({
          subject: "keyFigure",
          stated: { raw: m[1]!, value: stated, unit: "count", precision },
          line: lineAt(block, s.start + m.index),
          quote: s.text.trim(),
          reference: {
            table: textTables.keyFigures.id,
            line: f.rows[0]!.line,
            column: String(y),
            value,
            note: `summen av radene ${f.rows.map((r) => `«${r.label.trim()}»`).join(" og ")} for ${y}`,
          },
          addends: 0,
        });
      }
    }
  }
}
