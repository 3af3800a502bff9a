import { AmountRangeError, printedDecimals, sum, type Indicator, type StatedAmount } from "@bydel/core";
import { lineByNo, type Line } from "../source/lines.js";
import { lineAt, sentencesOf, type Block } from "./text.js";
import { changeRows } from "./changeRows.js";
import { keyFigureStatements } from "./keyFigures.js";
import { listSums } from "./lists.js";
import { totalParts } from "./totalParts.js";
import { countChanges, yearRows } from "./countChanges.js";
import { countIncrease } from "./countIncrease.js";
import { keyFigureFamilies, keyFigureSums } from "./keyFigureSums.js";
import { meetingsStatements, meetingsTable, type Meetings } from "./meetings.js";
import { populationStatements, populationTable, type Population } from "./population.js";
import { valueOf, type Check } from "./check.js";
import { sickLeaveTables } from "./sickLeave.js";
import * as P from "./phrases.js";

/**
 * What the running text says about figures that are no money, checked against its own numbers:
 * a count and its parts («totalt 2 351 barn …, hvorav 1 369 i kommunale og 982 i private»), a
 * percent change of two counts («2 141 …, mot 2 001 året før. Dette tilsvarer en økning på 7 %»),
 * total sick leave against its long- and short-term parts. A count of whole things is exact
 * (precision 0); a percent is as precise as it is printed. Anything the reader cannot take apart
 * for certain (a list that does not end in «og», a part with a unit, parts that add up to less than
 * the total, which may name only some) is left out.
 */

interface Count {
  readonly raw: string;
  readonly value: number;
  readonly at: number;
  readonly end: number;
}

/** One pass over a paragraph for the words any of the readers needs (most paragraphs have none). */
const ANY_WORD = /hvorav|herav|derav|fordelt på|av d(?:isse|em)|året før|i fjor|sykefravær|gjenstående|resterende|øvrige|årsverk|innbyggere|fødsler|født|sosialhjelp|møter/i;

/** How far before «Av disse er …» its total may stand. */
const TOTAL_REACH = 250;

const isYear = (raw: string): boolean => /^(?:19|20)\d{2}$/u.test(raw);

function countsIn(text: string, re: RegExp = P.COUNT_OF): Count[] {
  const out: Count[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const raw = m[1]!;
    if (isYear(raw)) continue; // «I 2024 mottok …»
    const value = valueOf(raw);
    if (value === null) continue;
    out.push({ raw, value, at: m.index, end: m.index + raw.length });
  }
  return out;
}

const ALL_NUMBERS = new RegExp(String.raw`(?<![\p{L}])\d`, "gu");

/**
 * The parts after a marker: counts of things, one apart from the next by a comma or «og», the last
 * after «og», and no other number up to the sentence's end. Null when the clause is anything else.
 */
function partsAfter(tail: string): Count[] | null {
  const parts = countsIn(tail);
  if (parts.length < 2) return null;
  // every digit of the clause belongs to a part (no percent, amount, year or date among them)
  ALL_NUMBERS.lastIndex = 0;
  for (const d of tail.matchAll(ALL_NUMBERS)) if (!parts.some((p) => d.index >= p.at && d.index < p.end)) return null;
  for (let i = 1; i < parts.length; i++) {
    const between = tail.slice(parts[i - 1]!.end, parts[i]!.at);
    if (i === parts.length - 1 ? !/(?<![\p{L}])og\s+$/u.test(between) : !between.includes(",")) return null;
  }
  return parts;
}

const exact = (raw: string, value: number): StatedAmount => ({ raw, value, unit: "count", precision: 0 });

/** A count and its parts in one paragraph. */
function countParts(block: Block, out: Check[]): void {
  const t = block.text;
  for (const s of sentencesOf(block)) {
    const m = P.COUNT_PARTS.exec(s.text);
    if (!m) continue;
    const markerAt = s.start + m.index;
    const tail = s.text.slice(m.index + m[0].length);
    const parts = partsAfter(tail);
    if (parts === null) continue;
    // the total: the last count before the marker, in the sentence, or for «Av disse er …» opening a sentence, in the one before
    const opens = m.index === 0 || /^\s*$/u.test(s.text.slice(0, m.index));
    const from = opens ? Math.max(0, markerAt - TOTAL_REACH) : s.start;
    const before = countsIn(t.slice(from, markerAt));
    const total = before[before.length - 1];
    if (!total) continue;
    const value = sum(parts.map((p) => p.value));
    // parts that add up to less than the total may be some of them («120 ansatte, hvorav 30 sykepleiere og 20
    // leger»), or the places a total is spread over («37 hjemler fordelt på 8 kontorer og 3 sentre»): no verdict.
    // Parts that add up to more contradict it whatever the list is.
    if (value < total.value) continue;
    out.push({
      subject: "arithmetic",
      stated: exact(total.raw, total.value),
      line: lineAt(block, from + total.at),
      quote: t.slice(opens ? from + total.at : s.start, s.end).trim(),
      reference: { table: "text", line: lineAt(block, markerAt), column: parts.map((p) => p.raw).join(" + "), value },
      addends: 0,
    });
  }
}

/** «N …, mot M året før. Dette tilsvarer en økning på p %»: p against (N − M) / M. */
function percentChange(block: Block, out: Check[]): void {
  const sentences = sentencesOf(block);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const against = P.AGAINST_LAST_YEAR.exec(s.text);
    if (!against) continue;
    const now = countsIn(s.text.slice(0, against.index))[0];
    const lastRaw = against[1]!;
    const last = valueOf(lastRaw);
    if (!now || last === null || last === 0) continue;
    // the change: the rest of the sentence, or the next sentence
    const rest = s.text.slice(against.index + against[0].length).replace(/^\s*[,.]?/u, "");
    const next = sentences[i + 1];
    const m = P.PERCENT_CHANGE.exec(rest) ?? (next ? P.PERCENT_CHANGE.exec(next.text) : null);
    if (!m) continue;
    const where = P.PERCENT_CHANGE.exec(rest) ? s : next!;
    const changed = valueOf(m[2]!);
    if (changed === null) continue;
    const sign = /^(?:økning|vekst)$/iu.test(m[1]!) ? 1 : -1;
    const decimals = printedDecimals(m[2]!);
    const percentAt = where.start + where.text.indexOf(m[2]!, m.index);
    out.push({
      subject: "arithmetic",
      stated: { raw: `${m[2]} %`, value: sign * changed, unit: "percent", precision: 0.5 * 10 ** -decimals },
      line: lineAt(block, percentAt),
      quote: block.text.slice(s.start, where.end).trim(),
      reference: { table: "text", line: lineAt(block, s.start + now.at), column: `(${now.raw} − ${lastRaw}) / ${lastRaw}`, value: ((now.value - last) * 100) / last },
      addends: 0,
    });
  }
}

const PERCENT_AFTER = new RegExp(String.raw`^[^%\d]{0,60}?(?:(?:19|20)\d{2}[^%\d]{0,30}?)?(${P.NUMBER})\s?(?:%|prosent(?![\p{L}]))`, "iu");

/** The first percent within a few words after a keyword (a year between them allowed: «totalt … var i 2024 på 12,6 %»). */
function percentAfter(text: string, re: RegExp, from: number, to: number): { raw: string; value: number; at: number } | null {
  re.lastIndex = from;
  for (const m of text.matchAll(re)) {
    if (m.index >= to) break;
    const after = m.index + m[0].length;
    const p = PERCENT_AFTER.exec(text.slice(after, after + 120));
    if (!p) continue;
    const value = valueOf(p[1]!);
    if (value === null) continue;
    return { raw: p[1]!, value, at: after + p.index + p[0].lastIndexOf(p[1]!) };
  }
  return null;
}

const countValue = valueOf;

/** «20 av 35 tjenestesteder har gyldig sertifikat. Av de 15 gjenstående …»: 15 against 35 − 20. */
function restOf(block: Block, out: Check[]): void {
  const m = P.REST_OF.exec(block.text);
  if (!m) return;
  const [part, whole, rest] = [m[1]!, m[2]!, m[3]!].map(countValue);
  if (part == null || whole == null || rest == null || [m[1]!, m[2]!, m[3]!].some(isYear)) return;
  const restAt = m.index + m[0].lastIndexOf(m[3]!);
  out.push({
    subject: "arithmetic",
    stated: exact(m[3]!, rest),
    line: lineAt(block, restAt),
    quote: m[0].trim(),
    reference: { table: "text", line: lineAt(block, m.index), column: `${m[2]} − ${m[1]}`, value: sum([whole, -part]) },
    addends: 0,
  });
}

const POSITION = new RegExp(String.raw`(?<![\d.,])(${P.NUMBER})\s?%`, "gu");

/** «2,5 årsverk (… 100 %, … 100 % og … 50 %)»: the full-time equivalents against the positions' percents over 100. */
function fteOfPositions(block: Block, out: Check[]): void {
  const m = P.FTE_OF_POSITIONS.exec(block.text);
  if (!m) return;
  const inside = m[2]!;
  const positions = [...inside.matchAll(POSITION)];
  // every number inside is a position's percent, the last after «og»
  const digits = inside.match(/\d+(?:[.,]\d+)?/gu) ?? [];
  if (positions.length < 2 || digits.length !== positions.length || !/(?<![\p{L}])og\s+[^,]*$/u.test(inside)) return;
  const values = positions.map((p) => valueOf(p[1]!));
  const fte = valueOf(m[1]!);
  if (fte === null || values.some((v) => v === null)) return;
  out.push({
    subject: "arithmetic",
    stated: { raw: `${m[1]} årsverk`, value: fte, unit: "count", precision: 0.5 * 10 ** -printedDecimals(m[1]!) },
    line: lineAt(block, m.index),
    quote: m[0].trim(),
    reference: { table: "text", line: lineAt(block, m.index), column: `(${positions.map((p) => p[1]).join(" + ")}) / 100`, value: sum(values as number[]) / 100 },
    addends: 0,
  });
}

/** How far from «sykefravær» its total and parts may stand. */
const SICK_REACH = 300;

/** «Sykefravær totalt … 12,6 %. Fravær utover 16 dager utgjorde 8,1%, mens korttidsfraværet var på 4,5%.» */
function sickLeaveText(block: Block, out: Check[]): void {
  const t = block.text;
  const m = P.SICK_LEAVE.exec(t);
  if (!m) return;
  const to = Math.min(t.length, m.index + SICK_REACH);
  const window = t.slice(0, to);
  const total = percentAfter(window, P.SICK_TOTAL, m.index, to);
  const long = percentAfter(window, P.SICK_LONG, m.index, to);
  const short = percentAfter(window, P.SICK_SHORT, m.index, to);
  if (!total || !long || !short) return;
  // three different figures: a keyword whose percent is another's is no part of its own
  if (new Set([total.at, long.at, short.at]).size < 3) return;
  const decimals = printedDecimals(total.raw);
  out.push({
    subject: "sickLeave",
    stated: { raw: `${total.raw} %`, value: total.value, unit: "percent", precision: 0.5 * 10 ** -decimals },
    line: lineAt(block, total.at),
    quote: t.slice(m.index, Math.max(long.at, short.at) + 8).trim(),
    reference: { table: "text", line: lineAt(block, Math.min(long.at, short.at)), column: `${long.raw} + ${short.raw}`, value: sum([long.value, short.value]) },
    addends: 2,
  });
}

/**
 * Every check of figures that are no money: the paragraphs' counts, percent changes and sick
 * leave, the small change tables in the text (not the lines of `tableLines`, read as budget
 * tables), and the sick-leave tables among the indicators.
 */
export function readCounts(lines: readonly Line[], blocks: readonly Block[], indicators: readonly Indicator[], tableLines: ReadonlySet<number>, year: number | null = null): Check[] {
  const textOf = (no: number): string => lineByNo(lines, no)?.text ?? "";
  const out: Check[] = [];
  // a sum of figures near core's range limit (no district's report has one) is no check: that reader's part is left out
  const guarded = (read: () => void): void => {
    const before = out.length;
    try {
      read();
    } catch (e) {
      if (!(e instanceof AmountRangeError)) throw e;
      out.length = before;
    }
  };
  guarded(() => out.push(...changeRows(lines, tableLines)));
  guarded(() => out.push(...listSums(lines, tableLines)));
  guarded(() => out.push(...totalParts(lines, tableLines)));
  guarded(() => out.push(...sickLeaveTables(indicators, textOf)));
  let population: Population | null | undefined;
  let meetings: Meetings | null | undefined;
  const families = keyFigureFamilies(indicators);
  let rows: ReturnType<typeof yearRows> | undefined;
  // a count the text states as the sum of a key-figure table's rows by age group («2 927 barn går i …»)
  // (these run on every paragraph: patterns without the u flag, whose case folding V8 does far faster)
  const familyNouns = families.length > 0 ? new RegExp(String.raw`\d\s+(?:${[...new Set(families.map((f) => f.noun.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))].join("|")})(?![A-Za-zÀ-ÖØ-öø-ÿ])`, "i") : null;
  for (const block of blocks) {
    if (familyNouns && !block.heading && familyNouns.test(block.text)) guarded(() => keyFigureSums(block, families, year, out));
    // «Antallet konsultasjoner er økt med 300 i 2024»: against two years of a table
    if (!block.heading && /antall/i.test(block.text) && /(?:økt|opp|steget|ned|sunket|redusert|falt)\s+med\s/i.test(block.text))
      guarded(() => countChanges(block, (rows ??= yearRows(lines, tableLines)), indicators, out));
    if (!block.heading && block.text.includes(" i antall") && /(?:økning|oppgang|nedgang|reduksjon) i antall/i.test(block.text)) guarded(() => countIncrease(block, out));
    if (block.heading || !ANY_WORD.test(block.text)) continue;
    // each reader only where its words stand (most paragraphs have none of them)
    guarded(() => {
      const t = block.text;
      // plain word tests first (the phrases' lookbehinds cost a pass each)
      if (/hvorav|herav|derav|fordelt på|av d(?:isse|em) (?:er|var)/i.test(t)) countParts(block, out);
      if (/året før|i fjor/i.test(t)) percentChange(block, out);
      if (/sykefravær/i.test(t)) sickLeaveText(block, out);
      if (/gjenstående|resterende|øvrige/i.test(t)) restOf(block, out);
      if (/årsverk\s*\(/i.test(t)) fteOfPositions(block, out);
      keyFigureStatements(block, indicators, out);
      if (/møter/i.test(t) && /saker/i.test(t)) {
        if (meetings === undefined) meetings = meetingsTable(lines);
        if (meetings) meetingsStatements(block, meetings, out);
      }
      if (/innbyggere/i.test(t)) {
        if (population === undefined) population = populationTable(lines); // looked for only where the text speaks of inhabitants
        if (population) populationStatements(block, population, out);
      }
    });
  }
  return out;
}
