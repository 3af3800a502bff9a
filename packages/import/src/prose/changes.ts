import { formatNorwegian, mainTotals, type ProseScope, type StatedAmount, type Statement } from "@bydel/core";
import { lineAt, sentencesOf, type Block } from "./text.js";
import { approximately } from "./approximate.js";
import { amountsIn, type AmountAt } from "./amounts.js";
import type { ArithmeticContext } from "./arithmetic.js";
import * as P from "./phrases.js";

/**
 * Changes the text states with every term in view, checked as arithmetic: the budget's
 * adjustments against the change from the original to the revised budget in the area's table,
 * and a change from an earlier figure (a forecast, last year's result) against the result the
 * text has just stated minus that figure. A change whose terms are not all in the sentence (or
 * in a table) is left out.
 */

/** How far below its table's Sum row the adjustments' paragraph may stand. */
const TABLE_REACH = 80;
/** How many lines back the result a change refers to («Resultatet er en forbedring …») may stand. */
const RESULT_REACH = 4;

/** The Sum row just above a line, of a service area's table within the chapter's area. */
function areaTotalAbove(ctx: ArithmeticContext, line: number, area: string): { area: string; line: number; originalBudget: number; revisedBudget: number } | null {
  let best: { area: string; row: { line: number; originalBudget?: number | null; revisedBudget?: number | null } } | null = null;
  for (const t of ctx.tables.budgetTables) {
    if (t.id === "0.1" || t.id === "0.1B" || t.basis !== "net") continue;
    for (const [a, row] of mainTotals(t.rows, t.id)) if (row.line < line && row.line >= line - TABLE_REACH && (best === null || row.line > best.row.line)) best = { area: a, row };
  }
  // the nearest table must be the chapter's own (another area's table between: no guess)
  if (best === null || !best.area.startsWith(area)) return null;
  const { originalBudget, revisedBudget } = best.row;
  return typeof originalBudget === "number" && typeof revisedBudget === "number" ? { area: best.area, line: best.row.line, originalBudget, revisedBudget } : null;
}

/**
 * «Det er gjort eksterne rammejusteringer for totalt 21,5 millioner og overført 6,6 millioner i
 * øremerkede tilskuddsmidler fra 2023. I tillegg er budsjettet justert internt med –0,9
 * millioner.»: original + external + transferred + internal = revised. The internal adjustment,
 * stated last, is held against what the table's change leaves for it.
 */
export function readBudgetAdjustments(block: Block, area: string | null, ctx: ArithmeticContext): void {
  const text = block.text;
  if (area === null || !P.ADJUSTMENTS_WORD.test(text)) return;
  let external: AmountAt | null = null;
  let transferred: AmountAt | null = null;
  let internal: AmountAt | null = null;
  for (const a of amountsIn(text, { percent: false })) {
    const before = text.slice(Math.max(0, a.at - 80), a.at);
    if (external === null) {
      // the list starts at the external adjustments (a paragraph run into the one above holds its amounts first)
      if (P.EXTERNAL_ADJUSTMENTS_BEFORE.test(before)) external = a;
    } else if (transferred === null && internal === null && P.TRANSFERRED_BEFORE.test(before) && P.TRANSFERRED_AFTER.test(text.slice(a.end, a.end + 80))) {
      transferred = a;
    } else if (internal === null && P.INTERNAL_BEFORE.test(before)) {
      internal = a;
      break; // what follows details the internal moves
    } else return; // an amount that is none of the terms: the sum is not the text's
  }
  if (external === null || internal === null) return;
  const line = lineAt(block, internal.at);
  const total = areaTotalAbove(ctx, line, area);
  if (total === null) return;
  const others = [external, transferred].filter((a) => a !== null);
  const value = total.revisedBudget - total.originalBudget - others.reduce((s, a) => s + a.amount.value, 0);
  const scope: ProseScope = { level: "serviceArea", table: total.area, name: null };
  const from = text.lastIndexOf(". ", external.at);
  const to = text.indexOf(". ", internal.end);
  ctx.check("change", internal.amount, true, scope, line, text.slice(from < 0 ? 0 : from + 2, to < 0 ? text.length : to + 1), {
    table: total.area,
    line: total.line,
    column: "revisedBudget−originalBudget",
    value,
    note: `regulert minus opprinnelig budsjett, minus ${others.map((a) => `«${a.amount.raw}»`).join(" og ")} som teksten oppgir foran`,
  }, others.reduce((s, a) => s + a.amount.precision, 0) + 1);
}

/** A period (after «mill.» too) before a capital: where a clause ends. */
const CLAUSE_END = /[.!?]\s+(?=\p{Lu})/gu;

function lastMatchEnd(re: RegExp, text: string): number {
  let end = 0;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** A first test of the paragraph: the words of CHANGE_FROM_BEFORE that name a result's change. */
const CHANGE_FROM_ANYWHERE = /forbedring|forverring|forbruket\s+(?:med|på)\s/iu;

const thousands = (v: number): string => formatNorwegian(v, { decimals: 0 });

const RESULTS = new Set<Statement["subject"]>(["netVariance", "ordinaryResult"]);

/** The result the text stated just before (a deviation with its direction), for «Resultatet er en forbedring på …». */
function resultBefore(ctx: ArithmeticContext, line: number): Statement | null {
  for (let i = ctx.statements.length - 1; i >= 0; i--) {
    const s = ctx.statements[i]!;
    if (s.line > line) continue;
    if (s.line < line - RESULT_REACH) return null;
    if (!RESULTS.has(s.subject)) continue; // the text's figure, placed in a table or not
    // the result's sign must be the text's (a printed sign or one direction word), not a magnitude
    const under = /mindre-?\s?forbruk|overskudd|positivt?\s+(?:resultat|avvik)/iu.test(s.quote);
    const over = /mer-?\s?forbruk|underskudd|negativt?\s+(?:resultat|avvik)/iu.test(s.quote);
    return /^[+\-−–]/u.test(s.stated.raw) || under !== over ? s : null;
  }
  return null;
}

/**
 * «Resultatet er en forbedring på +13,5 millioner kroner fra siste prognose per 30. november som
 * viste et mindreforbruk på +4,8 millioner kroner.» after «… et mindreforbruk … på +18,3
 * millioner»: 18,3 − 4,8 = 13,5. The sentence must refer back («Resultatet», «Dette») and state
 * the earlier figure with its direction.
 */
export function readChangesFromEarlier(block: Block, ctx: ArithmeticContext): void {
  if (!CHANGE_FROM_ANYWHERE.test(block.text)) return;
  for (const sentence of sentencesOf(block)) {
    const text = sentence.text;
    const amounts = amountsIn(text, { percent: false });
    for (let k = 0; k + 1 < amounts.length; k++) {
      const change = amounts[k]!;
      const m = P.CHANGE_FROM_BEFORE.exec(text.slice(Math.max(0, change.at - 80), change.at));
      if (!m) continue;
      // the clause must refer back («Resultatet er …», «Dette gir …»); «mill. Dette» ends a clause the sentence splitter keeps
      const clause = lastMatchEnd(CLAUSE_END, text.slice(0, change.at));
      if (!P.CONTINUES.test(text.slice(clause))) break;
      const earlier = amounts[k + 1]!;
      // the earlier figure is the sentence's last, after what it is compared with and one direction word
      if (k + 2 !== amounts.length) break;
      const between = text.slice(change.end, earlier.at);
      if (!P.FROM_EARLIER.test(between) || /\d/u.test(between.replace(/\b(?:19|20)\d{2}\b|\b\d{1,2}\.\s/gu, ""))) break;
      const under = [...between.matchAll(P.UNDERSPEND)].length;
      const over = [...between.matchAll(P.OVERSPEND)].length;
      const direction = under > 0 && over === 0 ? 1 : over > 0 && under === 0 ? -1 : 0;
      if (direction === 0 && !earlier.signed) break;
      const b = direction === 0 ? earlier.amount.value : direction * Math.abs(earlier.amount.value);
      const line = lineAt(block, sentence.start + change.at);
      const result = resultBefore(ctx, line);
      if (result === null) break;
      const a = result.stated.value;
      // the change's sign: which way the word says the result moved
      const word = m[1]!.toLowerCase();
      const deviation = m[2]?.toLowerCase();
      const better = word === "forbedring" || (word === "økning" && deviation === "mindre") || (word !== "økning" && word !== "forverring" && deviation === "mer");
      const worse = word === "forverring" || (word === "økning" && deviation === "mer") || (word !== "økning" && word !== "forbedring" && deviation === "mindre");
      if (better === worse) break; // «økning på» with no deviation named: no direction
      const stated: StatedAmount = { ...change.amount, value: Math.abs(change.amount.value) };
      ctx.check("change", stated, true, result.scope, line, text, {
        table: "text",
        line: result.line,
        column: null,
        value: better ? a - b : b - a,
        note: `resultatet linje ${result.line} (${thousands(a)}) mot det tidligere tallet teksten oppgir (${thousands(b)}), i 1000 kr med mindreforbruk positivt`,
      }, result.stated.precision + earlier.amount.precision);
      break;
    }
  }
}

/** The area's Sum row: its own table's, else the nearest above in the chapter. */
function areaTotal(ctx: ArithmeticContext, line: number, area: string): { area: string; line: number; row: Readonly<Record<string, unknown>> } | null {
  const own = ctx.tables.budgetTables.filter((t) => t.basis === "net" && t.id === area);
  if (own.length === 1) {
    const row = mainTotals(own[0]!.rows, area).get(area);
    if (row) return { area, line: row.line, row };
  }
  let best: { area: string; line: number; row: Readonly<Record<string, unknown>> } | null = null;
  for (const t of ctx.tables.budgetTables) {
    if (t.id === "0.1" || t.id === "0.1B" || t.basis !== "net") continue;
    for (const [a, row] of mainTotals(t.rows, t.id)) if (row.line < line && row.line >= line - TABLE_REACH && (best === null || row.line > best.line)) best = { area: a, line: row.line, row };
  }
  return best !== null && best.area.startsWith(area) ? best : null;
}

/**
 * «Endring av utgiftsnivå i regnskapet fra 2023 til 2024 viser en økning på 7 %» in an area's
 * chapter, naming no function: the area's accounts against last year's, as a percent
 * (actual / previousActual − 1) or an amount (actual − previousActual).
 */
export function readLevelChanges(block: Block, area: string | null, ctx: ArithmeticContext): void {
  if (area === null || !/utgiftsnivå/iu.test(block.text)) return;
  for (const sentence of sentencesOf(block)) {
    const text = sentence.text;
    if (!/utgiftsnivå/iu.test(text)) continue;
    const a = amountsIn(text, { percent: true })[0];
    if (!a) continue;
    const before = text.slice(0, a.at);
    const m = P.LEVEL_CHANGE_BEFORE.exec(before.slice(-160));
    // a function or another area named before the amount, in the sentence or the paragraph: not the chapter's area
    if (!m || Number(m[3]) - Number(m[2]) !== 1 || /funksjon|område/iu.test(block.text.slice(0, sentence.start + a.at))) continue;
    const line = lineAt(block, sentence.start + a.at);
    const total = areaTotal(ctx, line, area);
    const previous = total?.row["previousActual"];
    const actual = total?.row["actual"];
    if (total === null || typeof previous !== "number" || typeof actual !== "number" || previous === 0) continue;
    const word = (m[4] ?? m[1]!).toLowerCase();
    const sign = word === "økning" ? 1 : word === "endring" ? 0 : -1;
    const percent = a.amount.unit === "percent";
    const stated: StatedAmount = sign === 0 ? a.amount : { ...a.amount, value: sign * Math.abs(a.amount.value) };
    ctx.check("change", stated, sign !== 0 || a.signed, { level: "serviceArea", table: total.area, name: null }, line, text, {
      table: total.area,
      line: total.line,
      column: percent ? "actual/previousActual−1" : "actual−previousActual",
      value: percent ? ((actual - previous) * 100) / previous : actual - previous,
    }, percent ? 0 : 1);
  }
}

const FUNCTIONS = new RegExp(P.FUNCTION.source, `${P.FUNCTION.flags}g`);

/** How far after the area's real change its functions' paragraphs may stand. */
const FUNCTIONS_REACH = 40;

/** An area's real change waiting for its functions' («Forbruket på funksjonsområde 2C har økt med 14,2 millioner når det korrigeres …»). */
export interface OpenRealChange {
  readonly area: string;
  readonly stated: StatedAmount;
  readonly line: number;
  readonly quote: string;
  /** The area's functions (rows with figures) and the real change the text gives each. */
  readonly parts: Map<string, { amount: StatedAmount; line: number } | null>;
}

/**
 * An area's real change (corrected for wage and price growth), then a paragraph per function
 * with that function's real change: where the text gives one for every function of the area's
 * table, the area's is held against their sum (Grünerløkka FO2C: 14,2 = 5,1 + 9,1). No table
 * holds a real change, so only the text's own sum is checked; an approximate part («ca. 5,1») is
 * taken at the precision of its last significant digit (`approximately`, core's one rule).
 */
export function readRealChangeParts(block: Block, area: string | null, ctx: ArithmeticContext): void {
  const open = ctx.open.realChange;
  if (open !== null && block.nos[0]! > open.line + FUNCTIONS_REACH) ctx.open.realChange = null;
  if (!P.REAL_CHANGE.test(block.text)) return;
  // a function's paragraph starts with it («Funksjon 232 Helsestasjons- og skolehelsetjeneste har …»)
  const fn = /^\s*(?:kostra-?\s*)?funksjon\s+(\d{3})\b/iu.exec(block.text);
  for (const sentence of sentencesOf(block)) {
    const text = sentence.text;
    const real = P.REAL_CHANGE.exec(text);
    if (!real) continue;
    const amounts = amountsIn(text, { percent: false });
    const named = P.SERVICE_AREA.exec(text);
    if (named && !fn && area !== null) {
      // the area's own real change
      const a = amounts.find((x) => P.CHANGE_BEFORE.test(text.slice(Math.max(0, x.at - 80), x.at)));
      const id = `FO${named[1]}${(named[2] ?? "").toUpperCase()}`;
      const table = ctx.tables.budgetTables.find((t) => t.basis === "net" && t.id === id);
      ctx.open.realChange = null;
      if (!a || !table || !id.startsWith(area)) continue;
      const change = P.CHANGE_BEFORE.exec(text.slice(Math.max(0, a.at - 80), a.at))!;
      const parts = new Map<string, null>();
      for (const r of table.rows) if (!r.isTotal && r.kostra && (r.actual || r.previousActual)) parts.set(r.kostra, null);
      if (parts.size < 2) continue;
      const stated = { ...a.amount, value: (P.INCREASE.test(change[1]!) ? 1 : -1) * Math.abs(a.amount.value) };
      ctx.open.realChange = { area: id, stated, line: lineAt(block, sentence.start + a.at), quote: text, parts };
      continue;
    }
    const current = ctx.open.realChange;
    if (current === null || !fn || !current.parts.has(fn[1]!) || [...text.matchAll(FUNCTIONS)].some((m) => m[1] !== fn[1])) {
      if (fn || named) ctx.open.realChange = null; // another function or area: the list is broken
      continue;
    }
    const a = amounts.find((x) => x.at > real.index && P.REAL_AMOUNT_BEFORE.test(text.slice(Math.max(0, x.at - 60), x.at)));
    if (!a || current.parts.get(fn[1]!) !== null) {
      ctx.open.realChange = null;
      continue;
    }
    const m = P.REAL_AMOUNT_BEFORE.exec(text.slice(Math.max(0, a.at - 60), a.at))!;
    const sign = /^økning/iu.test(m[1]!) ? 1 : -1;
    const amount = { ...(m[2] ? approximately(a.amount) : a.amount), value: sign * Math.abs(a.amount.value) };
    current.parts.set(fn[1]!, { amount, line: lineAt(block, sentence.start + a.at) });
    const all = [...current.parts.values()];
    if (all.some((p) => p === null)) continue;
    const given = all as { amount: StatedAmount; line: number }[];
    ctx.check("change", current.stated, true, { level: "serviceArea", table: current.area, name: null }, current.line, current.quote, {
      table: "text",
      line: given[0]!.line,
      column: null,
      value: given.reduce((s, p) => s + p.amount.value, 0),
      note: `summen av funksjonenes reelle endring: ${[...current.parts].map(([k, p]) => `«${p!.amount.raw}» (funksjon ${k})`).join(" + ")}`,
    }, given.reduce((s, p) => s + p.amount.precision, 0));
    ctx.open.realChange = null;
  }
}
