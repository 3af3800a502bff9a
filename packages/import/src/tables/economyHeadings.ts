import { FO4, FO4_PART_BY_FUNCTION, FO4_PARTS, tableReading } from "@bydel/core";
import type { BudgetTable, Finding, VarianceSplit } from "@bydel/core";
import { areaOf, hasAmount, isHeaderLine, isProse, isTotalLabel, kostraOf, startsRow } from "./grammar.js";
import { lineByNo, type Line } from "../source/lines.js";
import { readRows, type RawRow } from "../rows/rows.js";
import { readHeaderWords } from "./header.js";
import { anchorFilter, captionFilter, economyHeader, economyLineFilter, economyRows, economyTables } from "./registry.js";

/**
 * Locating the economy tables (Tabell 0.1 / 0.1 B, «Hovedoversikt økonomi FOx», FO4A/B/C, the
 * earmarked split): their captions, the header a table is found by (by its anchor line or by its
 * structure), the body of rows under it, and the captions whose table never comes.
 */

export type Heading =
  | { kind: "t01"; id: (typeof economyTables.t01.ids)[number]; line: number; title: string }
  | { kind: "fo"; area: string; line: number; title: string }
  | { kind: "sub"; area: string; line: number; title: string }
  | { kind: "split"; line: number; title: string };

const T01 = economyTables.t01.caption;

const FO = economyTables.fo.caption;

const SPLIT = economyTables.split.caption;

const SUB = economyTables.fo4Part.caption;

export function isAnchor(text: string): boolean {
  return text.length <= 200 && anchorFilter.test(text) && economyHeader.anchor.test(text) && !/[.:]\s*$/u.test(text) && !isProse(text);
}

/** No anchor line follows a caption before the next caption: its header has another form, so the caption starts the header. */
export function noAnchorAhead(lines: readonly Line[], from: number): boolean {
  for (let j = from + 1; j < lines.length && j < from + HEADER_SPAN; j++) {
    if (isAnchor(lines[j]!.text)) return false;
    if (headingOf(lines[j]!)) return true;
  }
  return true;
}

const HEADER_SPAN = tableReading.headerSpan;

export function headingOf(line: Line): Heading | null {
  const text = line.text.trim();
  if (text.length > 160 || !captionFilter.test(text)) return null;
  if (T01.test(text)) return { kind: "t01", id: economyTables.t01.idOf(text), line: line.no, title: text };
  if (SPLIT.test(text)) return { kind: "split", line: line.no, title: text };
  let m = FO.exec(text);
  if (m) return { kind: "fo", area: `FO${m[1]!.toUpperCase()}`, line: line.no, title: text };
  m = SUB.exec(text);
  if (m && text.length < 80) return { kind: "sub", area: `FO4${m[1]!.toUpperCase()}`, line: line.no, title: text };
  return null;
}

interface Body {
  /** «cut»: a budget table cut at the page's right edge (see cutBody); its rows are reported, never read. */
  readonly kind: "budget" | "split" | "cut";
  readonly headerLine: number;
  readonly rows: RawRow[];
  readonly end: number;
}

/**
 * From an anchor line, the header block up to the first row, and the rows after it. A header with no
 * deviation column may be a table cut at the page's edge (cutBody): looked for under a caption, and
 * by structure only where `cutGoesOn` (its header repeated on the next page).
 */
export function readBody(lines: readonly Line[], anchor: number, structural = false, cutGoesOn = false): Body | null {
  let header = "";
  let i = anchor;
  for (; i < lines.length && i < anchor + HEADER_SPAN; i++) {
    const t = lines[i]!.text;
    // the first row: a row's start, or a KOSTRA code alone over the rest of its label («213» / «Voksenopplæring»)
    if (i > anchor && ((startsRow(t) && !isHeaderLine(t)) || economyRows.codeAlone?.(t) != null)) break;
    // running text between an anchor and the rows: the anchor was a sentence, not a table's header
    if (i > anchor && isProse(t)) return null;
    // a header found by its structure alone has no amounts or runs of figures above its first row: they are another table's rows
    if (i > anchor && structural && (hasAmount(t) || figuresIn(t) >= 3)) return null;
    // a header never reaches over another caption: that caption starts its own table (the one before was a picture)
    if (i > anchor && headingOf(lines[i]!)) return null;
    header += ` ${t}`;
  }
  if (i >= lines.length || i >= anchor + HEADER_SPAN) return null;
  // a header laid out by position may put its column words above the anchor cell («Avvik reg.bud/» over «Netto driftsutgifter»);
  // nothing above a caption is its table's («… og avvik på ordinær drift.» ends the sentence before it)
  const captioned = headingOf(lines[anchor]!) !== null;
  for (let j = anchor - 1; !captioned && j >= 0 && j >= anchor - 3; j--) {
    const t = lines[j]!.text;
    if (t.trim() === "" || startsRow(t) || isProse(t) || headingOf(lines[j]!)) break;
    header = `${t} ${header}`;
  }
  const named = new Set(readHeaderWords(header, economyHeader.columns).columns.map((c) => c.kind));
  if (!named.has("variance")) return (structural && !cutGoesOn) || named.has("split") ? null : cutBody(lines, anchor, i, header);
  const split = named.has("split");
  if (!split && !named.has("actual")) return null;
  const { rows, end } = readRows(lines, i, economyRows);
  if (rows.length === 0) return null;
  return { kind: split ? "split" : "budget", headerLine: lines[anchor]!.no, rows, end };
}

const BUDGET_COLUMNS = economyTables.t01.columns.length;

/**
 * A budget table wider than the page, printed in parts (a spreadsheet prints its last columns on a
 * later page, after all the rows): a header that names accounts or budgets but no deviation, over
 * rows none of which carries a number for every column of a budget table. Which columns the rows'
 * numbers stand in cannot be proven, so the rows are reported, never read.
 */
function cutBody(lines: readonly Line[], anchor: number, first: number, header: string): Body | null {
  const named = new Set(readHeaderWords(header, economyHeader.names).columns.map((c) => c.kind));
  if (!named.has("actual") && !named.has("budget")) return null;
  const { rows, end } = readRows(lines, first, economyRows);
  // (digit groups one space apart may be one number, «49 377»: a row holds at least its runs set apart by wider gaps)
  if (rows.length === 0 || rows.some((r) => r.groups.filter((g, k) => k === 0 || g.gap > 1).length >= BUDGET_COLUMNS)) return null;
  return { kind: "cut", headerLine: lines[anchor]!.no, rows, end };
}

/** The figures of a line that are no year («-4 -3 -1 -1» under «Avvik forbruk/budsjett»). */
function figuresIn(text: string): number {
  return (text.match(/(?<![\d,.])-?\d+(?![\d,.])/gu) ?? []).filter((n) => !/^(?:19|20)\d\d$/u.test(n)).length;
}

/** FO4 is often printed as three tables; the Sum label ("Sum FO4B") or the KOSTRA codes tell them apart. */
export function subArea(rows: readonly RawRow[], fallback: string): string {
  for (const r of rows) {
    const m = /\bf[o0]\s?4\s?([abc])\b/iu.exec(r.label);
    if (m && isTotalLabel(r.label)) return `FO4${m[1]!.toUpperCase()}`;
  }
  if (fallback !== FO4) return fallback;
  const codes = rows.map((r) => kostraOf(r.label)).filter((c): c is string => c !== null);
  const part = codes.length > 0 ? FO4_PART_BY_FUNCTION[codes[0]!] : undefined;
  return part && codes.every((c) => c === codes[0]) ? part : FO4;
}

/** Indexes of the lines that may be a caption or a table header: one search over the text instead of a test per line. */
export function candidateLines(lines: readonly Line[]): Set<number> {
  const starts: number[] = [];
  let offset = 0;
  const text = lines
    .map((l) => {
      starts.push(offset);
      offset += l.text.length + 1;
      return l.text;
    })
    .join("\n");
  const out = new Set<number>();
  let k = 0;
  for (const m of text.matchAll(economyLineFilter)) {
    while (k + 1 < starts.length && starts[k + 1]! <= m.index) k++;
    out.add(k);
  }
  return out;
}

/** Most rows name a KOSTRA function or a service area (totals aside): the rows of a budget table. */
export function budgetRowsUnder(rows: readonly RawRow[]): boolean {
  const details = rows.filter((r) => !isTotalLabel(r.label));
  return details.length > 0 && details.filter((r) => kostraOf(r.label) !== null || areaOf(r.label) !== null).length * 2 >= details.length;
}

/** Headings whose table never appears in the text (e.g. a table printed as an image). */
export function missingTables(headings: readonly Heading[], tables: readonly BudgetTable[], splits: readonly VarianceSplit[], lines: readonly Line[], cut: ReadonlySet<string> = new Set()): Finding[] {
  // a table cut at the page's edge is there, and reported as incomplete
  const found = new Set([...tables.map((t) => t.id as string), ...cut]);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const h of headings) {
    let id: string | null = null;
    if (h.kind === "t01") id = h.id;
    else if (h.kind === "fo" || h.kind === "sub") id = h.area;
    if (id === null || reported.has(id)) continue;
    const present = found.has(id) || (id === FO4 && FO4_PARTS.some((x) => found.has(x))) || (h.kind === "sub" && found.has(FO4));
    if (present || isTocLine(lineByNo(lines, h.line)?.text ?? "")) continue;
    reported.add(id);
    findings.push({
      severity: "warning",
      code: "TABLE_MISSING",
      line: h.line,
      message: `Overskriften «${h.title}» er funnet, men tabellen mangler i teksten (trolig et bilde i PDF-en); ingen verdier er importert`,
    });
  }
  for (const h of headings) {
    if (h.kind !== "split") continue;
    const near = splits.some((s) => s.line === h.line || (s.line > h.line && s.line - h.line < 30));
    if (!near && !isTocLine(lineByNo(lines, h.line)?.text ?? "") && /^\s*tabell/iu.test(h.title)) {
      findings.push({
        severity: "warning",
        code: "TABLE_MISSING",
        line: h.line,
        message: `Overskriften «${h.title}» er funnet, men tabellen mangler i teksten; ingen fordeling er importert`,
      });
    }
  }
  return findings;
}

/** A table-of-contents entry: a heading followed by dot leaders or a page number. */
function isTocLine(text: string): boolean {
  return /\.{4,}\s*\d+\s*$|\s\d{1,3}\s*$/u.test(text.trim()) && !/kr\.?\s*$/iu.test(text.trim());
}
