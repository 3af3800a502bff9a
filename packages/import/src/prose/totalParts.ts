import { sum, tolerances } from "@bydel/core";
import { isBlank, type Line } from "../source/lines.js";
import { valueOf, type Check } from "./check.js";
import { ABOUT, COMPLEMENT, NOT_A_COUNT_UNIT, NOT_AN_ADDEND, TOTAL_ITEM } from "./phrases.js";

/**
 * A total and then its parts, one item a line, in a bullet list or a two-column block laid out as
 * text: «• Totalt antall ungdom i ferie-deltidsjobb i 2024: 170 ungdommer» / «• Antall ungdom i jobb
 * gjennom sommeren: 126 ungdommer» / «• Antall ungdom i jobb til andre tider enn sommeren: 44
 * ungdommer»; or «Totalt antall ungdom i ferie-deltidsjobb i» / «2024» / «305» / «Antall ungdom i jobb
 * gjennom sommeren 206» … (a label may wrap, its count on a line of its own, a comment after it);
 * or a bulleted total under its parts, when none follow it.
 * The parts are the items right after the total whose labels start with the same two words or more
 * as the total's (after «Totalt»): «antall ungdom …». Nothing proves such items are all the parts,
 * or parts at all, so a sum that differs from the total is a contradiction only where the last part
 * names the rest («andre tider enn sommeren», «øvrige») and the parts add up to less (more may be
 * people counted twice); otherwise the list is left out.
 */

interface Item {
  readonly label: string;
  readonly raw: string;
  readonly value: number;
  /** The line the count is on. */
  readonly line: number;
  /** The count was printed after «ca.»/«om lag» … */
  readonly about: boolean;
}

const COUNT = String.raw`(?<!\d)(?:[1-9]\d{0,2}(?:[ \u00A0]\d{3})+|\d+)(?![.,]?\d)`;
const BULLET_CODES = new Set([..."•▪●◦·‣∙*–-\u00A0"].map((ch) => ch.charCodeAt(0)));
const BULLET = /^\s*[•▪●◦·‣∙*–-]\s*/u;
/** A label (no digits but years), then the count (after a colon or space), then one word at most: its unit. */
const VALUE_END = new RegExp(String.raw`^(\p{L}(?:[^\d]|(?<!\d)(?:19|20)\d{2}(?!\d))*?)\s*[:\s]\s*(${COUNT})(?:\s+(\p{L}+\.?))?\s*$`, "u");
/** A count opening its line (a comment after it in a table's next column). */
const VALUE_START = new RegExp(String.raw`^(${COUNT})(?:\s+(\D.*))?$`, "u");
const YEAR = /^(?:19|20)\d{2}$/u;
/** A unit after the count that makes it no count of things. */
const NOT_A_COUNT = new RegExp(`^${NOT_A_COUNT_UNIT}$`, "iu");
/** Lines a label may wrap over, blank lines between a label and its count, and items read after the total. */
const MAX_LABEL_LINES = 3;
const MAX_BLANKS = 2;
const MAX_ITEMS = 12;

const clean = (text: string): string => text.replace(BULLET, "").replace(/\s+/gu, " ").trim();
const words = (label: string): string[] =>
  label
    .replace(TOTAL_ITEM, "")
    .toLowerCase()
    .replace(/[:;,.]/gu, " ")
    .split(/\s+/u)
    .filter((w) => w !== "");

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** The items from line index `from`: a label (wrapped) and its count, until a line that is neither. */
function itemsFrom(lines: readonly Line[], from: number, skip: ReadonlySet<number>): Item[] {
  const items: Item[] = [];
  let label: string[] = [];
  let blanks = 0;
  const push = (labelText: string, raw: string, line: number): boolean => {
    const value = valueOf(raw);
    if (value === null) return false;
    items.push({ label: labelText.trim(), raw, value, line, about: ABOUT.test(labelText) });
    label = [];
    return items.length <= MAX_ITEMS;
  };
  for (let j = from; j < lines.length; j++) {
    const l = lines[j]!;
    if (isBlank(l.text)) {
      if (++blanks > MAX_BLANKS) break;
      continue;
    }
    blanks = 0;
    if (skip.has(l.no) || l.text.length > 200) break;
    // a new bullet where a label waits for its count: that label had none
    if (label.length > 0 && BULLET.test(l.text) && /^\s*[•▪●◦·‣∙]/u.test(l.text)) break;
    const text = clean(l.text);
    const start = label.length > 0 ? VALUE_START.exec(text) : null;
    if (start) {
      // a year alone continues the label when a count follows it («… i» / «2024» / «305»)
      if (YEAR.test(start[1]!) && start[2] === undefined && nextIsCount(lines, j + 1)) {
        label.push(text);
        continue;
      }
      if (!push(label.join(" "), start[1]!, l.no)) break;
      continue;
    }
    const end = VALUE_END.exec(text);
    if (end) {
      if (end[3] !== undefined && NOT_A_COUNT.test(end[3])) break;
      if (!push([...label, end[1]!].join(" "), end[2]!, l.no)) break;
      continue;
    }
    // any other figure (an amount, a percent, a range «2 - 3») ends the list
    if (/\d/u.test(text.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu, "")) || label.length >= MAX_LABEL_LINES) break;
    label.push(text);
  }
  return items;
}

function nextIsCount(lines: readonly Line[], from: number): boolean {
  for (let j = from; j < lines.length && j <= from + MAX_BLANKS; j++) {
    const text = lines[j]!.text;
    if (isBlank(text)) continue;
    return VALUE_START.test(clean(text));
  }
  return false;
}

/** The one-line bullet items right above line index `to`, in order (a blank line or anything else ends them). */
function bulletsAbove(lines: readonly Line[], to: number, skip: ReadonlySet<number>): Item[] {
  const out: Item[] = [];
  for (let j = to - 1; j >= 0 && out.length < MAX_ITEMS; j--) {
    const l = lines[j]!;
    if (isBlank(l.text) || skip.has(l.no) || !/^\s*[•▪●◦·‣∙]/u.test(l.text)) break;
    const end = VALUE_END.exec(clean(l.text));
    const value = end ? valueOf(end[2]!) : null;
    if (!end || value === null || (end[3] !== undefined && NOT_A_COUNT.test(end[3]))) break;
    out.push({ label: end[1]!.trim(), raw: end[2]!, value, line: l.no, about: ABOUT.test(end[1]!) });
  }
  return out.reverse();
}

/** Every total followed by its parts in the text (lines read as tables, `skip`, are no lists). */
export function totalParts(lines: readonly Line[], skip: ReadonlySet<number>): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    // cheap first (this runs on every line): the first letter after spaces and a bullet is t, s or i
    let k = 0;
    while (k < t.length && (t.charCodeAt(k) <= 32 || BULLET_CODES.has(t.charCodeAt(k)))) k++;
    const c = t.charCodeAt(k) | 0x20;
    if (c !== 0x74 && c !== 0x73 && c !== 0x69) continue;
    const word = t.slice(k, k + 6).toLowerCase();
    if ((word !== "totalt" && word !== "samlet" && !word.startsWith("i alt")) || skip.has(lines[i]!.no)) continue;
    if (!TOTAL_ITEM.test(clean(t))) continue;
    const items = itemsFrom(lines, i, skip);
    const total = items[0];
    if (!total || !TOTAL_ITEM.test(total.label)) continue;
    const stem = words(total.label);
    const isPart = (item: Item): boolean => !TOTAL_ITEM.test(item.label) && !NOT_AN_ADDEND.test(item.label) && commonPrefix(stem, words(item.label)) >= 2;
    const parts: Item[] = [];
    for (const item of items.slice(1)) {
      if (!isPart(item)) break;
      parts.push(item);
    }
    // none after it: a bulleted total may close its parts instead (a list without bullets is listSums')
    if (parts.length === 0 && /^\s*[•▪●◦·‣∙]/u.test(t)) parts.push(...bulletsAbove(lines, i, skip).filter((_, k, all) => all.slice(k).every(isPart)));
    if (parts.length < 2) continue;
    // parts that differ by their year are the same count in other years, no parts
    if (new Set(parts.map((p) => /(?:19|20)\d{2}/u.exec(p.label)?.[0] ?? "")).size > 1) continue;
    const value = sum(parts.map((p) => p.value));
    const precision = total.about ? tolerances.prose.approximate(total.raw) : 0;
    const agrees = Math.abs(value - total.value) <= precision;
    const short = value < total.value && COMPLEMENT.test(parts[parts.length - 1]!.label);
    if (!agrees && !short) continue;
    out.push({
      subject: "arithmetic",
      stated: { raw: total.raw, value: total.value, unit: "count", precision },
      line: total.line,
      quote: [total, ...parts].map((p) => `${p.label.replace(/:$/u, "")}: ${p.raw}`).join("; "),
      reference: { table: "text", line: parts[0]!.line, column: parts.map((p) => p.raw).join(" + "), value },
      addends: 0,
    });
  }
  return out;
}
