import { readNorwegianNumber, tableReading, TEXT_CELL_AT_END, type Finding } from "@bydel/core";
import { cellReadings, cellTail } from "./cells.js";
import type { Column, ColumnKind, Table } from "../tables/indicatorHeader.js";
import { indicatorTable } from "../tables/registry.js";
import { choose, type Key } from "../solve/choose.js";

/**
 * Placing a row's cells in the header's columns: every reading of the cells, ranked by the kind's
 * rules and its identity (avvik = resultat − måltall, from the registry) and chosen in
 * `solve/choose.ts`, with the alternatives only preferences set aside.
 */

export type Placed = { cells: (string | null)[]; confirmed: boolean; alternatives: string[][] };

export function columnName(c: Column): string {
  return `${c.kind === "result" ? "Resultat" : c.kind === "target" ? "Måltall" : "Avvik"}${c.year !== null ? ` ${c.year}` : ""}`;
}

/** A reading of the row's cells with its rank under each key of `RANKING`. */
interface Ranked {
  readonly r: string[];
  readonly k: number[];
  /** The cells joined, to tell readings apart. */
  readonly text: string;
}

/**
 * The keys an indicator row's readings are chosen by (in `solve/choose.ts`), in order: excluded by the
 * kind's rules, the identity, full before blanks (these prove); then the fewest blanks, sizes alike
 * and the fewest joined groups (these only prefer).
 */
const [EXCLUDED, IDENTITY, FULL, SPREAD, KEY_COUNT] = [0, 1, 2, 4, 6] as const;
const KEYS: Key<Ranked>[] = Array.from({ length: KEY_COUNT }, (_, j) => ({ of: (x: Ranked) => x.k[j]!, proves: j <= FULL }));
const sameCells = (a: Ranked, b: Ranked): boolean => a.text === b.text;

/** The row's cells, one per column (null = blank), or null when the cells cannot be placed. */
export function chooseCells(
  atoms: ReturnType<typeof cellTail>["atoms"],
  table: Table,
  label: string,
  line: number,
  findings: Finding[],
): { cells: (string | null)[]; confirmed: boolean; alternatives: string[][] } | null {
  const k = table.columns.length;
  const readings = cellReadings(atoms, k, READINGS_LIMIT);
  if (readings.length === 0) {
    findings.push({
      severity: "warning",
      code: "UNREADABLE_ROW",
      line,
      message: `${label}: raden har flere tall (${atoms.map((a) => a.raw).join(" | ")}) enn tabellen har kolonner (${k}); raden er ikke importert`,
    });
    return null;
  }
  const dev = table.columns.findIndex((c) => c.kind === "deviation");
  const res = resultColumn(table.columns, null);
  const tgt = targetColumn(table.columns, null);
  const identity = indicatorTable(table.kind).identity;
  const share = /^\s*(?:andel|dekningsgrad)/iu.test(label) || atoms.some((a) => /%/u.test(a.raw));
  const excluded = [1, 0, 0, 0, 0, 0];
  const rank = (r: string[]): number[] => {
    // a comparator ("> 66 %", "maks 8 %") is printed only in a Måltall column, never in a result or an avvik
    if (r.length === k && r.some((c, j) => COMPARED.test(c) && table.columns[j]!.kind !== "target")) return excluded;
    // so a shorter reading must have a place for its blanks that keeps its comparators there («1 844 | 2 | 113 | minst 1 872» has none)
    if (r.length < k && r.some((c) => COMPARED.test(c)) && !spreads(r, k).some((p) => comparatorsInTargets(p, table))) return excluded;
    // a share (Andel …, dekningsgrad, a cell in %) is at most a few hundred: never a number with thousands groups
    if (share && r.some((c) => /\d \d{3}/.test(c))) return excluded;
    // an avvik is resultat − måltall: a full reading with an avvik but no result, or with a result and «Ikke målt» as its
    // avvik, contradicts itself («3,4 4,4 4,3 - 0,1» is not a «-» result with avvik 0,1): it ranks after every shorter
    // reading, and no preference tells two such readings apart
    if (r.length === k && contradicts(r)) return [0, 2, 1, k, 0, 0];
    const full = r.length === k ? 0 : 1;
    let kept = 1;
    if (dev >= 0 && res >= 0 && tgt >= 0 && r.length === k) {
      const d = valueOf(r[dev]!);
      const rv = valueOf(r[res]!);
      const tv = valueOf(r[tgt]!);
      if (d !== null && rv !== null && tv !== null && identity(r[dev]!, d, rv, tv)) kept = 0;
    }
    const joins = atoms.length - r.length;
    // without a full reading, the one with the fewest blanks: a blank is rarer than a thousands group
    const blanks = full === 0 ? 0 : k - r.length;
    return [0, kept, full, blanks, Math.round(magnitudeSpread(r) * 20), joins];
  };
  function contradicts(r: readonly string[]): boolean {
    if (dev < 0 || res < 0) return false;
    const result = valueOf(r[res]!);
    const stated = valueOf(r[dev]!);
    return (result === null && stated !== null) || (result !== null && isTextCell(r[dev]!));
  }
  const choice = choose(
    readings.map((r) => ({ r, k: rank(r), text: r.join("|") })),
    KEYS,
    sameCells,
  );
  const best = choice.proven[0]!;
  if (readings.length >= READINGS_LIMIT) {
    findings.push({
      severity: "warning",
      code: "AMBIGUOUS_NUMBERS",
      line,
      message: `${label}: tallene (${atoms.map((a) => a.raw).join(" ")}) kan deles i kolonner på for mange måter; raden er ikke importert`,
    });
    return null;
  }
  if (best.k[EXCLUDED] === 1) {
    findings.push({
      severity: "warning",
      code: "UNREADABLE_ROW",
      line,
      message: `${label}: verdiene (${best.r.join(" | ")}) passer ikke i kolonnene (et måltall med < > maks minst står utenfor en Måltall-kolonne); raden er ikke importert`,
    });
    return null;
  }
  if (choice.basis === "withheld") {
    const tied = choice.tied;
    findings.push({
      severity: "warning",
      code: "AMBIGUOUS_NUMBERS",
      line,
      message: `${label}: verdiene kan leses på ${tied.length} måter (${tied
        .slice(0, 3)
        .map((x) => x.r.join(" | "))
        .join(" eller ")}); raden er ikke importert`,
      candidates: tied.slice(0, 20).map((x) => x.r.map(valueOf)),
    });
    return null;
  }
  // Other readings that only the preferences (similar magnitudes) set aside: a plausible choice, not a proven one.
  const alternatives = choice.proven.filter((x) => !sameCells(x, best)).map((x) => x.r);
  // A blank cell vanishes, so a shorter reading ("0 2 977 0" as 0 | 2 977 | 0 and a blank) is as possible as a full row the
  // arithmetic does not confirm, unless its sizes are far less alike; with an avvik that closes, the shorter one must close it too.
  if (best.k[FULL] === 0) {
    const shorter = choice.ranked.filter((x) => x.k[FULL] === 1 && x.r.length < k && x.k[SPREAD]! <= best.k[SPREAD]! + SIMILAR_SPREAD && (best.k[IDENTITY] === 1 || place(x.r, table).confirmed));
    alternatives.push(...shorter.map((x) => x.r));
  }
  return { ...place(best.r, table), alternatives };
}

const { indicatorReadings: READINGS_LIMIT, similarSpread: SIMILAR_SPREAD } = tableReading;

export const COMPARED = /^(?:[<>≥≤]|maks|minst|min\.|minimum|maksimum)/iu;

/** How far apart the cells' orders of magnitude are: a series of counts or kroner has similar sizes year to year. */
function magnitudeSpread(cells: readonly string[]): number {
  const logs = cells.map(valueOf).filter((v): v is number => v !== null).map((v) => Math.log10(Math.abs(v) + 1));
  if (logs.length < 2) return 0;
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return logs.reduce((a, l) => a + (l - mean) ** 2, 0) / logs.length;
}

/** A way to place a short row's cells: one per column (null = blank), and its rank in the convention (blanks last first). */
interface Placement {
  readonly cells: (string | null)[];
  readonly at: number;
}

/**
 * Places n < k cells, chosen in `solve/choose.ts` as every reading is. Proven: a kind whose registry
 * entry names the column a row one cell short leaves blank (sick leave: the target) leaves it so; a
 * row missing one cell of a table with an Avvik column takes the blank first when that makes the
 * kind's identity (avvik = resultat − måltall) hold (the oldest result is the one left out).
 * Otherwise by convention: a comparator stays in a Måltall column, printed values stand together,
 * and the missing cells are the last ones (no result yet). `confirmed` is false when nothing but
 * the convention placed the cells.
 */
export function place(cells: readonly string[], table: Table): { cells: (string | null)[]; confirmed: boolean } {
  const k = table.columns.length;
  // (never more cells than columns: the readings hold at most k)
  if (cells.length >= k) return { cells: [...cells], confirmed: cells.length === k };
  const entry = indicatorTable(table.kind);
  const short = cells.length === k - 1;
  const blankAt = short && entry.shortRowBlank !== undefined ? lastIndex(table.columns, entry.shortRowBlank, null) : -1;
  const dev = table.columns.findIndex((c) => c.kind === "deviation");
  const res = resultColumn(table.columns, null);
  const tgt = targetColumn(table.columns, null);
  const closes = (p: readonly (string | null)[]): boolean => {
    if (!short || dev < 0 || p[0] !== null) return false;
    const d = valueOf(p[dev] ?? "");
    const r = valueOf(p[res] ?? "");
    const t = valueOf(p[tgt] ?? "");
    return d !== null && r !== null && t !== null && entry.identity(p[dev]!, d, r, t);
  };
  const keys: Key<Placement>[] = [
    { of: (p) => (blankAt >= 0 && p.cells[blankAt] === null ? 0 : 1), proves: true },
    { of: (p) => (closes(p.cells) ? 0 : 1), proves: true },
    { of: (p) => (comparatorsInTargets(p.cells, table) ? 0 : 1), proves: false },
    // printed values stand together: a blank between two of them is the least likely place
    { of: (p) => gaps(p.cells), proves: false },
    { of: (p) => p.at, proves: false },
  ];
  const choice = choose(
    spreads(cells, k).map((c, at) => ({ cells: c, at })),
    keys,
    (a, b) => a.at === b.at,
  );
  return { cells: choice.proven[0]!.cells, confirmed: choice.best[0] === 0 || choice.best[1] === 0 };
}

/** Every comparator («> 66 %», «maks 8 %») of a placed row stands in a Måltall column. */
function comparatorsInTargets(row: readonly (string | null)[], table: Table): boolean {
  return row.every((c, j) => c === null || !COMPARED.test(c) || table.columns[j]!.kind === "target");
}

/** Blanks between printed cells. */
function gaps(row: readonly (string | null)[]): number {
  const first = row.findIndex((c) => c !== null);
  let last = row.length - 1;
  while (last >= 0 && row[last] === null) last--;
  return row.slice(first, last + 1).filter((c) => c === null).length;
}

/** Every way to place n cells in k columns in order, blanks last first. */
function spreads(cells: readonly string[], k: number): (string | null)[][] {
  if (cells.length === 0) return [Array<string | null>(k).fill(null)];
  if (cells.length > k) return [];
  const [head, ...rest] = cells;
  return [...spreads(rest, k - 1).map((r) => [head!, ...r]), ...(cells.length < k ? spreads(cells, k - 1).map((r) => [null, ...r]) : [])];
}

function lastIndex(columns: readonly Column[], kind: ColumnKind, year: number | null): number {
  if (year !== null) {
    const exact = columns.findIndex((c) => c.kind === kind && c.year === year);
    if (exact >= 0) return exact;
  }
  for (let j = columns.length - 1; j >= 0; j--) if (columns[j]!.kind === kind) return j;
  return -1;
}

export function resultColumn(columns: readonly Column[], year: number | null): number {
  // the report year's result; without a year, the last result column printed after a target
  if (year !== null) {
    const exact = columns.findIndex((c) => c.kind === "result" && c.year === year);
    if (exact >= 0) return exact;
  }
  const t = columns.findIndex((c) => c.kind === "target");
  // a result column without its year before the target, where others have theirs, lost its year (a page break): it is no report-year result
  const dated = columns.some((c) => c.kind === "result" && c.year !== null);
  for (let j = columns.length - 1; j >= 0; j--) if (columns[j]!.kind === "result" && (t < 0 || j > t || (columns[j]!.year === null && !dated))) return j;
  return t < 0 ? lastIndex(columns, "result", null) : -1;
}

export function targetColumn(columns: readonly Column[], year: number | null): number {
  return lastIndex(columns, "target", year);
}

const values = new Map<string, number | null>();

/** A cell's number (null for placeholders and text); cached, as the cell search reads the same cells often. */
export function valueOf(raw: string): number | null {
  let v = values.get(raw);
  if (v !== undefined) return v;
  try {
    // "1,200,000": English thousands separators (two or more), never a decimal comma
    v = readNorwegianNumber(raw.replace(/^(?:[<>≥≤]=?|maks\.?|minst|min\.|minimum|maksimum)\s*/iu, "").replace(/\d{1,3}(?:,\d{3}){2,}/u, (m) => m.replace(/,/g, "")), "indicator").value;
  } catch {
    v = null;
  }
  if (values.size > 10_000) values.clear();
  values.set(raw, v);
  return v;
}

/** A line that is a text cell and nothing else. */
export function isTextCell(text: string): boolean {
  return TEXT_CELL_AT_END.exec(text.trim())?.index === 0;
}
