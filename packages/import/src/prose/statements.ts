import {
  correctionBridge,
  readNorwegianNumber,
  sum,
  formatNorwegian,
  mainTotals,
  proseVerdict,
  serviceAreaOf,
  type AdjustmentKind,
  type Correction,
  type Finding,
  type ProseScope,
  type StatedAmount,
  type Statement,
  type StatementSubject,
  textTables,
} from "@bydel/core";
import { isBlank, lastVisibleCode, type Line } from "../source/lines.js";
import { blocksOf, lineAt, sentencesOf, type Block } from "./text.js";
import { amountsIn, atPrecision, type AmountAt } from "./amounts.js";
import { readCounts } from "./counts.js";
import { severalAreas } from "./severalAreas.js";
import { approximately, wording } from "./approximate.js";
import { candidates, changeCandidates, percentCandidates, unitLabels, type Cell, type Tables } from "./references.js";
import * as P from "./phrases.js";
import { readArithmetic, type ArithmeticContext } from "./arithmetic.js";
import { isPartsIntro, listsInMillions, namedParts, partLine } from "./parts.js";
import { sumTables } from "./sumTables.js";
import { payTableChecks } from "./payTable.js";
import { earmarkedRollUps } from "./rollUps.js";

/**
 * The report's own words, checked: the corrections its running text states (which fill the
 * deviation bridge) and every amount that restates a table figure, held against that figure at
 * the precision the text states it. A statement whose subject or scope the text does not make
 * clear is left out; one whose table cell is not in the import is `unmatched`, never guessed.
 */

export interface ProseReading {
  readonly corrections: Correction[];
  readonly statements: Statement[];
  readonly findings: Finding[];
}

/** How far above a percent statement the unit's own row («Nav 300 000 309 851 …») may stand. */
const UNIT_ROW_REACH = 40;
/** How far below a table's Sum row «Funksjonsområdet» still means that table's area. */
const TABLE_REACH = 30;

function areaTotals(tables: Tables): { line: number; area: string }[] {
  return tables.budgetTables
    .filter((t) => t.id !== "0.1" && t.id !== "0.1B")
    .flatMap((t) => [...mainTotals(t.rows, t.id)].map(([area, row]) => ({ line: row.line, area })))
    .sort((a, b) => a.line - b.line);
}

interface Stated {
  readonly amount: StatedAmount;
  /** The text gave its direction (a sign or a direction word). */
  readonly signed?: boolean;
  readonly scope: ProseScope;
  readonly line: number;
  /** The table figure it matched (agrees or within rounding), for the bridge. */
  readonly matched: Cell | null;
}

interface Chain {
  scope: ProseScope | null;
  net: Stated | null;
  corrections: { kind: AdjustmentKind; stated: Stated }[];
  /** A correction named without its amount («Etter justering for øremerkede …»). */
  correctionNamed: boolean;
  ordinaryStated: boolean;
  /** The last amount read was a correction (so «justert for dette» refers to one). */
  lastWasCorrection: boolean;
}

const district: ProseScope = { level: "district", table: null, name: null };

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  return last;
}

/** The sign a direction word before the amount gives it: +1 underspend, −1 overspend, 0 «avvik» alone, null none. */
function directionOf(before: string): { sign: 1 | -1 | 0; end: number } | null {
  const under = lastMatch(P.UNDERSPEND, before);
  const over = lastMatch(P.OVERSPEND, before);
  const plain = lastMatch(/\bavvik\w*/giu, before);
  const last = [under && { sign: 1 as const, m: under }, over && { sign: -1 as const, m: over }, plain && { sign: 0 as const, m: plain }]
    .filter((x) => x !== null)
    .sort((a, b) => b!.m.index + b!.m[0].length - (a!.m.index + a!.m[0].length))[0];
  return last ? { sign: last.sign, end: last.m.index + last.m[0].length } : null;
}

/** Where the predicate starts: after the last «har», «er», «ble», «var» (a function's name before it may hold «til», «for»). */
function lastVerbEnd(before: string): number {
  const m = lastMatch(/(?<![\p{L}])(?:har|er|ble|var|blir)(?![\p{L}])/giu, before);
  return m ? m.index + m[0].length : 0;
}

/** «har 2,7 mill. i mindreforbruk»: the direction word right after the amount. */
function directionAfter(after: string): { sign: 1 | -1; end: number } | null {
  const m = P.DIRECTION_AFTER.exec(after);
  if (!m) return null;
  P.UNDERSPEND.lastIndex = 0;
  return { sign: P.UNDERSPEND.test(m[1]!) ? 1 : -1, end: Infinity };
}

type Cue = { scope: ProseScope; at: number };

const ALL_FUNCTIONS = new RegExp(P.FUNCTION.source, `${P.FUNCTION.flags}g`);
const ALL_AREAS = new RegExp(P.SERVICE_AREA.source, `${P.SERVICE_AREA.flags}g`);
const DISTRICTS_OWN = /\bbydelens\b/giu;

/**
 * The functions and areas a sentence names by number (and «bydelens»), in order: a sentence may go from one to the
 * next («… totalt et mindreforbruk på 9,5 mill. KOSTRA-funksjon 231 … har et positivt avvik på 1,2
 * mill.», where «mill.» hides the sentence end), and each amount belongs to the last named before it.
 */
function namedIn(text: string, area: string | null): Cue[] {
  const out: Cue[] = [];
  const subject = (m: RegExpExecArray): boolean => !P.LOCATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
  for (const f of text.matchAll(ALL_FUNCTIONS)) if (subject(f)) out.push({ at: f.index, scope: { level: "function", table: area, name: null, kostra: f[1]! } });
  for (const a of text.matchAll(ALL_AREAS)) if (subject(a)) out.push({ at: a.index, scope: { level: "serviceArea", table: `FO${a[1]}${(a[2] ?? "").toUpperCase()}`, name: null } });
  // «Av bydelens planlagte merforbruk på 41 mill.» in a function's paragraph: the district's own
  for (const d of text.matchAll(DISTRICTS_OWN)) out.push({ at: d.index, scope: district });
  return out.sort((x, y) => x.at - y.at);
}

/** The scope a sentence names first; `area` is the chapter's service area («Funksjonsområdet»). */
function scopeIn(text: string, area: string | null, units: readonly string[]): { scope: ProseScope; at: number } | null {
  const found: { scope: ProseScope; at: number }[] = [];
  const subject = (m: RegExpExecArray | null): m is RegExpExecArray => m !== null && !P.LOCATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
  const f = P.FUNCTION.exec(text);
  if (subject(f)) found.push({ at: f.index, scope: { level: "function", table: area, name: null, kostra: f[1]! } });
  const a = P.SERVICE_AREA.exec(text);
  if (subject(a)) found.push({ at: a.index, scope: { level: "serviceArea", table: `FO${a[1]}${(a[2] ?? "").toUpperCase()}`, name: null } });
  const t = P.THIS_SERVICE_AREA.exec(text);
  if (t && area) found.push({ at: t.index, scope: { level: "serviceArea", table: area, name: null } });
  const d = P.DISTRICT.exec(text);
  if (d) found.push({ at: d.index, scope: district });
  const lower = text.toLowerCase();
  const unit = units.find((u) => lower.startsWith(u.toLowerCase()));
  if (unit) found.push({ at: 0, scope: { level: "unit", table: "enhet", name: unit } });
  found.sort((x, y) => x.at - y.at);
  return found[0] ?? null;
}

const sameScope = (a: ProseScope, b: ProseScope): boolean => a.level === b.level && a.table === b.table && a.name === b.name && (a.kostra ?? null) === (b.kostra ?? null);

/** The candidate the stated amount restates: the first (budget tables before splits) it agrees with, else the nearest. */
function nearest(cells: readonly Cell[], stated: StatedAmount, signed: boolean): Cell | null {
  const d = (x: Cell): number => Math.abs((signed ? stated.value : Math.abs(stated.value)) - (signed ? x.value : Math.abs(x.value)));
  let best: Cell | null = null;
  for (const c of cells) {
    if (d(c) <= stated.precision) return c;
    if (best === null || d(c) < d(best)) best = c;
  }
  return best;
}

const fmt = (value: number, unit: StatedAmount["unit"]): string =>
  unit === "percent" ? `${formatNorwegian(value, { decimals: 1 })} %` : `${formatNorwegian(value, { decimals: Number.isInteger(value) ? 0 : unit === "count" ? 2 : 1 })}`;

const SUBJECT_WORDS: Record<StatementSubject, string> = {
  netVariance: "avviket",
  grossVariance: "bruttoavviket",
  earmarked: "øremerkede midler",
  ordinaryResult: "resultatet etter korreksjoner",
  revisedBudget: "regulert budsjett",
  actual: "regnskapet",
  previousResult: "fjorårets resultat",
  variancePercent: "avviket i prosent av justert budsjett",
  change: "endringen",
  arithmetic: "utregningen",
  sickLeave: "sykefraværet totalt",
  population: "befolkningen",
  keyFigure: "nøkkeltallet",
};

/** The tables a statement may be held against that have a name, not a number. */
const TABLE_WORDS: Readonly<Record<string, string>> = { enhet: "resultat per enhet", ...Object.fromEntries(Object.values(textTables).map((t) => [t.id, t.name])) };

function referenceName(c: { table: string; line: number | null; note?: string | undefined }, inTable = false): string {
  const note = c.note ? ` (${c.note})` : "";
  if (c.table === "text") return `${inTable ? "tabellens" : "tekstens"} egne tall${note}`;
  if (c.table === "bridge") return `korreksjonene teksten oppgir, regnet fra tabellens tall (linje ${c.line})`;
  return `${TABLE_WORDS[c.table] ?? `Tabell ${c.table}`} linje ${c.line}${note}`;
}

function finding(s: Statement, severity: Finding["severity"], inTable: boolean): Finding {
  const ref = s.reference!;
  const unit = s.stated.unit === "percent" ? "prosentpoeng" : s.stated.unit === "count" ? "" : "(1000 kr)";
  const note =
    s.verdict === "withinRounding"
      ? "én enhet i siste oppgitte siffer: avrunding, ikke en feil"
      : severity === "error"
        ? inTable ? "tabellen motsier sine egne tall" : ref.table === "text" ? "teksten motsier sine egne tall" : "teksten motsier tabellen"
        : "mer enn avrunding";
  return {
    severity,
    code: "PROSE_MISMATCH",
    line: s.line,
    message: `${inTable ? "Tabellen" : "Teksten"} (linje ${s.line}) oppgir ${SUBJECT_WORDS[s.subject]} til «${s.stated.raw}»${s.stated.unit === "kNOK" ? ` (${fmt(s.stated.value, "kNOK")} i 1000 kr)` : ""}, men ${referenceName(ref, inTable)} gir ${fmt(ref.value, s.stated.unit)}${s.stated.unit === "kNOK" ? " (1000 kr)" : ""}: forskjell ${fmt(s.difference!, s.stated.unit === "percent" ? "kNOK" : s.stated.unit)}${unit ? ` ${unit}` : ""}, ${note}.`,
    stated: s.stated.value,
    computed: ref.value,
    ...(ref.table !== "text" && ref.table !== "bridge" ? { table: ref.table } : {}),
    ...(ref.column ? { column: ref.column } : {}),
    ...(ref.line !== null && ref.line !== s.line ? { referenceLine: ref.line } : {}),
  };
}

/**
 * Reads the corrections and statements of a report's running text. `skip`: the lines of tables
 * read elsewhere; `paragraphs`: the text's paragraphs when the caller has them (the indicator
 * reader's), so they are found once.
 */
export function readStatements(lines: readonly Line[], skip: ReadonlySet<number>, tables: Tables, year: number | null, paragraphs?: readonly Block[]): ProseReading {
  const corrections: Correction[] = [];
  const statements: Statement[] = [];
  const findings: Finding[] = [];
  const units = unitLabels(tables);
  // the units' rows are looked for only when a percent deviation asks (most reports have none)
  let unitRows: { line: number; unit: string }[] | null = null;
  let area: string | null = null;
  let areaNumber: string | null = null;
  const grossAt = new WeakMap<Block, number>();
  /** Where the paragraph first speaks of gross figures («brutto»), once per paragraph. */
  const grossFrom = (block: Block): number => {
    let at = grossAt.get(block);
    if (at === undefined) grossAt.set(block, (at = P.GROSS.exec(block.text)?.index ?? Infinity));
    return at;
  };

  const totals = areaTotals(tables);
  /** «Funksjonsområdet»: the chapter's area, or the part of it (FO4B) whose table ends just above. */
  const areaAt = (line: number): string | null => {
    if (area === null) return null;
    let part: string | null = null;
    for (const t of totals) if (t.line < line && t.line >= line - TABLE_REACH && t.area.startsWith(area)) part = t.area;
    return part ?? area;
  };

  const emit = (
    subject: StatementSubject,
    stated0: StatedAmount,
    signed: boolean,
    scope: ProseScope,
    line: number,
    quote: string,
    cells: readonly Cell[],
    reference?: Statement["reference"],
    /** The sign a percent takes from the deviation it belongs to («et merforbruk på 12 mill., 1,2 % av budsjettet»). */
    sign: 1 | -1 = 1,
    /** The reference is a sum of this many rounded parts (see proseVerdict). */
    addends = 0,
    /** The stated figure is a table's own row, not the running text's. */
    inTable = false,
  ): Cell | null => {
    const stated = sign === -1 && stated0.value > 0 ? { ...stated0, value: -stated0.value } : stated0;
    const ref = reference ?? (() => {
      const c = nearest(cells, stated, signed);
      return c ? { table: c.table, line: c.line, column: c.column, value: c.value } : null;
    })();
    if (ref === null) {
      statements.push({ subject, scope, stated, line, quote, reference: null, difference: null, verdict: "unmatched" });
      return null;
    }
    const v = proseVerdict(stated.value, ref.value, stated.precision, signed, addends);
    const s: Statement = { subject, scope, stated, line, quote, reference: ref, difference: v.difference, verdict: v.verdict, ...(inTable ? { inTable } : {}) };
    statements.push(s);
    if (v.severity) findings.push(finding(s, v.severity, inTable));
    return v.verdict === "contradicts" || ref.table === "text" || ref.table === "bridge" ? null : { table: ref.table, line: ref.line ?? line, column: ref.column ?? "", value: ref.value };
  };

  const arithmetic: ArithmeticContext = {
    tables,
    statements,
    open: { realChange: null },
    check: (subject, stated, signed, scope, line, quote, reference, slack) => void emit(subject, stated, signed, scope, line, quote, [], reference, 1, slack / stated.precision),
  };
  const blocks = paragraphs ?? blocksOf(lines, skip);
  for (const block of blocks) {
    if (block.numbered) {
      const no = /^\d+(?:\.\d+)*/u.exec(block.text)![0];
      const named = serviceAreaOf(block.text);
      if (named) [area, areaNumber] = [named, areaNumber !== null && no.startsWith(`${areaNumber}.`) ? areaNumber : no];
      else if (areaNumber !== null && no !== areaNumber && !no.startsWith(`${areaNumber}.`)) [area, areaNumber] = [null, null];
      continue;
    }
    if (block.heading || !/\d/u.test(block.text)) continue;
    const chain: Chain = { scope: null, net: null, corrections: [], correctionNamed: false, ordinaryStated: false, lastWasCorrection: false };
    for (const sentence of sentencesOf(block)) {
      const text = sentence.text;
      const earmarkedWord = /øremerk/iu.test(text);
      if (!/\d/u.test(text)) {
        if (earmarkedWord && P.CORRECTION_NAMED.test(text)) chain.correctionNamed = true;
        continue;
      }
      // a sentence without a unit word states no amount (most sentences with digits are dates and counts)
      if (!P.UNIT_WORD.test(text)) continue;
      // a percent is read only where the sentence speaks of a percent deviation
      const amounts = amountsIn(text, { percent: P.PERCENT_WORD.test(text) });
      if (amounts.length === 0) continue;
      const named =
        scopeIn(text, chain.scope?.level === "serviceArea" ? chain.scope.table : areaAt(block.nos[0]!), units) ??
        (area === null && chain.scope === null && P.DISTRICT_UNOWNED.test(text) ? { scope: district, at: 0 } : null);
      const several = P.SEVERAL.exec(text);
      if (several && (named === null || several.index <= named.at)) {
        chain.scope = null;
        // «Funksjonsområdene 2A, 2B og 2C … har totalt et mindreforbruk på ca. 10 mill.»: against the areas' sum
        const sum = severalAreas(text, amounts, tables, year);
        if (sum) emit("netVariance", sum.stated, true, sum.scope, lineAt(block, sentence.start + sum.amountAt), text, [], sum.reference);
        continue;
      }
      if (!named && !P.CONTINUES.test(text)) chain.scope = null;
      if (named) {
        if (chain.scope === null || !sameScope(named.scope, chain.scope)) Object.assign(chain, { net: null, corrections: [], correctionNamed: false, ordinaryStated: false });
        chain.scope = named.scope;
      }
      if (earmarkedWord && P.CORRECTION_NAMED.test(text)) chain.correctionNamed = true;
      const cues = named ? namedIn(text, chain.scope?.level === "function" ? chain.scope.table : areaAt(block.nos[0]!)).filter((c) => c.at > named.at) : [];
      readSentence(block, sentence.start, text, amounts, chain, cues);
    }
    readArithmetic(block, area, arithmetic);
  }

  function readSentence(block: Block, start: number, text: string, amounts: readonly AmountAt[], chain: Chain, cues: readonly Cue[]): void {
    let from = 0;
    // where the sentence's words stand, found once: every amount is tested against them (linear in the sentence)
    const partOf = P.PART_OF.exec(text)?.index ?? Infinity;
    const backReference = P.BACK_REFERENCE.exec(text)?.index ?? Infinity;
    for (let a of amounts) {
      const before = text.slice(from, a.at);
      const after = text.slice(a.end, a.end + 80);
      from = a.end;
      const line = lineAt(block, start + a.at);
      let cue: Cue | undefined;
      for (const c of cues) if (c.at < a.at) cue = c;
      if (cue && chain.scope !== null && !sameScope(cue.scope, chain.scope)) {
        Object.assign(chain, { net: null, corrections: [], correctionNamed: false, ordinaryStated: false, lastWasCorrection: false });
        chain.scope = cue.scope;
      }
      const lastWasCorrection = chain.lastWasCorrection;
      chain.lastWasCorrection = false;
      if (a.amount.unit === "percent") {
        if (P.PERCENT_DEVIATION.test(text.slice(Math.max(0, a.at - P.PERCENT_REACH), a.at))) percentStatement(a, line, text);
        else if (chain.scope !== null && chain.scope.level !== "function" && P.PERCENT_OF_BUDGET_AFTER.test(after) && chain.net !== null)
          emit("variancePercent", a.amount, a.signed || chain.net.signed === true, chain.scope, line, text, percentCandidates(tables, chain.scope), undefined, chain.net.amount.value < 0 ? -1 : 1);
        continue;
      }
      // «over 10 mill.» bounds a figure; «ca. 10 mill.» is one, at the precision of its last significant digit
      const worded = wording(before);
      if (worded === "bound") continue;
      if (worded === "about") a = { ...a, amount: approximately(a.amount) };
      const kind = correctionKind(before, after);
      // «I tillegg overføres særskilt øremerkete midler til 2025 med 10,4 millioner» outside a service area's chapter: the district's
      const scope = chain.scope ?? (kind === "earmarked" && area === null && /overfør/iu.test(text) ? district : null);
      if (scope === null) continue;
      if (kind) {
        const amount = { ...a.amount, value: Math.abs(a.amount.value) };
        corrections.push({ kind, amount, scope, line, quote: text });
        let matched: Cell | null = null;
        if (kind === "earmarked") matched = emit("earmarked", amount, false, scope, line, text, candidates(tables, "earmarked", scope, false));
        chain.corrections.push({ kind, stated: { amount, scope, line, matched } });
        chain.lastWasCorrection = true;
        continue;
      }
      const change = P.CHANGE_BEFORE.exec(before);
      if (change) {
        // a change from last year (or of the budget frame) restates two cells' difference; a real change (corrected for wage and price growth) none
        // «5,9 mill. Korrigert for …»: the unit's period ended the sentence too
        const rest = a.amount.raw.endsWith(".") && /^\s+\p{Lu}/u.test(after) ? "" : after.split(/[.!?]\s+(?=\p{Lu})/u)[0]!;
        if (!P.REAL_CHANGE.test(before) && !P.REAL_CHANGE.test(rest) && !P.SUB_ITEM.test(before.slice(lastVerbEnd(before))) && partOf > a.at && !P.APPROXIMATE.test(before)) {
          const sign = P.INCREASE.test(change[1]!) ? 1 : -1;
          const stated = { ...a.amount, value: sign * Math.abs(a.amount.value) };
          emit("change", stated, true, scope, line, text, changeCandidates(tables, scope, P.BUDGET_CHANGE.test(before)));
        }
        continue;
      }
      const direction = directionOf(before) ?? directionAfter(after);
      // a level (budget, accounts) only where no direction word makes the amount a deviation («merforbruk i forhold til regulert budsjett på …»)
      const level = direction !== null ? null : P.REVISED_BUDGET_BEFORE.test(before) ? "revisedBudget" : P.ACTUAL_BEFORE.test(before) ? "actual" : null;
      if (level !== null) {
        if (!P.NOT_A_RESTATEMENT.test(before) && partOf > a.at) emit(level, a.amount, false, scope, line, text, candidates(tables, level, scope, grossFrom(block) < start + a.at));
        continue;
      }
      if (direction === null || P.NOT_A_RESTATEMENT.test(before) || partOf < a.at) continue;
      if (P.SUB_ITEM.test(before.slice(direction.end))) continue;
      // «Justert for dette …» after an amount that was no correction: a correction this reader does not know
      if (!lastWasCorrection && backReference < a.at) continue;
      const signed = direction.sign !== 0 || a.signed;
      const stated: StatedAmount = direction.sign === 0 ? a.amount : { ...a.amount, value: direction.sign * Math.abs(a.amount.value) };
      const years = [...before.matchAll(/\b(?:19|20)\d{2}\b/gu)].map((m) => Number(m[0]));
      if (P.PREVIOUS_YEAR.test(before) || (year !== null && years.some((y) => y < year) && !years.includes(year) && !/overfør/iu.test(before))) {
        emit("previousResult", stated, signed, scope, line, text, []);
        continue;
      }
      const gross = grossFrom(block) < start + a.at;
      const ordinary = P.ORDINARY_AFTER.test(after) || /ordinære?\s+drift/iu.test(before);
      const afterCorrections = chain.corrections.length > 0 || chain.correctionNamed;
      const real = P.REAL_RESULT.test(before) && !/ordinære?\s+drift/iu.test(before);
      const corrected = !ordinary && afterCorrections && (real || (!chain.ordinaryStated && chain.net !== null));
      if (gross) {
        emit("grossVariance", stated, signed, scope, line, text, candidates(tables, "grossVariance", scope, true));
        continue;
      }
      if (ordinary || corrected) {
        const onlyEarmarked = chain.corrections.every((c) => c.kind === "earmarked");
        let matched: Cell | null = null;
        if (ordinary || onlyEarmarked) matched = emit("ordinaryResult", stated, signed, scope, line, text, candidates(tables, "ordinaryResult", scope, false));
        // «… slik at negativt avvik for bydelens ordinære drift er 105 mill.» after a stated deviation and its corrections
        if (corrected || (ordinary && afterCorrections && chain.net !== null && !chain.ordinaryStated)) bridge(stated, signed, scope, line, text, chain);
        else if (chain.net === null || chain.corrections.length === 0) chain.net = { amount: stated, signed, scope, line, matched };
        if (ordinary) chain.ordinaryStated = true;
        continue;
      }
      const matched = emit("netVariance", stated, signed, scope, line, text, candidates(tables, "netVariance", scope, false));
      if (chain.net === null || chain.corrections.length === 0) chain.net = { amount: stated, signed, scope, line, matched };
    }
  }

  /** The stated result against the text's own arithmetic and against the bridge from the tables' figures. */
  function bridge(result: StatedAmount, signed: boolean, scope: ProseScope, line: number, quote: string, chain: Chain): void {
    const net = chain.net;
    const steps = chain.corrections.filter((c) => net === null || c.stated.line >= net.line);
    if (steps.length === 0) return;
    const amounts = (table: boolean) => steps.map((c) => ({ kind: c.kind, amount: table ? (c.stated.matched?.value ?? c.stated.amount.value) : c.stated.amount.value }));
    if (net !== null) {
      // an unsigned «avvik på 97 mill.» takes the sign of the cell it restates
      const start = net.signed ? net.amount.value : net.matched ? Math.sign(net.matched.value) * Math.abs(net.amount.value) : null;
      if (start !== null) emit("arithmetic", result, signed, scope, line, quote, [], { table: "text", line: net.line, column: null, value: correctionBridge(start, amounts(false)).result });
    }
    // the bridge starts from the table: the figure the text restated …
    if (net?.matched) {
      emit("ordinaryResult", result, signed, scope, line, quote, [], { table: "bridge", line: net.matched.line, column: net.matched.column, value: correctionBridge(net.matched.value, amounts(true)).result });
      return;
    }
    // … else the paragraph's start is implicit (the scope's deviation, or its ordinary operations): held
    // against both, and only a start that fits is taken; none fitting is unmatched, not a contradiction
    const bases = [...candidates(tables, "ordinaryResult", scope, false).slice(0, 1), ...candidates(tables, "netVariance", scope, false).slice(0, 1)];
    const bridges = bases.map((b) => ({ table: "bridge", line: b.line, column: b.column, value: correctionBridge(b.value, amounts(true)).result }));
    const fits = bridges.filter((b) => proseVerdict(result.value, b.value, result.precision, signed).verdict !== "contradicts");
    if (fits.length > 0) emit("ordinaryResult", result, signed, scope, line, quote, [], fits[0]!);
    else emit("ordinaryResult", result, signed, scope, line, quote, []);
  }

  function percentStatement(a: AmountAt, line: number, quote: string): void {
    const unit = unitAbove((unitRows ??= unitRowLines(lines, units)), line);
    if (unit === null) return;
    const scope: ProseScope = unit === "" ? district : { level: "unit", table: "enhet", name: unit };
    const signed = a.signed;
    emit("variancePercent", a.amount, signed, scope, line, quote, percentCandidates(tables, scope));
  }

  readParts();
  earmarkedRollUps(corrections, arithmetic);
  const plans = sumTables(lines, skip);
  for (const c of plans.checks) emit(c.subject, c.stated, true, district, c.line, c.quote, [], c.reference, 1, c.addends, c.inTable ?? false);
  findings.push(...plans.findings);
  const pay = payTableChecks(lines, skip);
  for (const c of pay.checks) emit(c.subject, c.stated, true, district, c.line, c.quote, [], c.reference, 1, c.addends, c.inTable ?? false);
  findings.push(...pay.findings);
  // figures that are no money: counts and their parts, percent changes, sick leave (./counts.ts); their
  // paragraphs are the indicator reader's and those of the lines it took for its tables (a paragraph runs on under one)
  const tableLines = new Set([...skip, ...[...tables.budgetTables, ...tables.varianceSplits].flatMap((t) => t.rows.map((r) => r.line))]);
  const covered = paragraphs ? new Set([...tableLines, ...paragraphs.flatMap((b) => b.nos)]) : tableLines;
  const countBlocks = paragraphs ? [...paragraphs, ...blocksOf(lines, covered)] : blocksOf(lines, tableLines);
  for (const c of readCounts(lines, countBlocks, tables.indicators ?? [], tableLines, year)) emit(c.subject, c.stated, true, district, c.line, c.quote, [], c.reference, 1, c.addends, c.inTable ?? false);
  return { corrections, statements: statements.sort((a, b) => a.line - b.line), findings };

  /** A result told as its parts: their sum against the total the intro states, and against the unit's row. */
  function readParts(): void {
    let inMillions: boolean | undefined;
    for (let i = 0; i < lines.length; i++) {
      const intro = lines[i]!;
      if (!isPartsIntro(intro.text)) continue;
      const total = amountsIn(intro.text, { percent: false })[0];
      // the parts' unit not stated: millions only where the report's other lists all say so (and the parts print decimals)
      const unnamed = !total && !P.MILLIONS_NAMED.test(intro.text);
      if (unnamed && !(inMillions ??= listsInMillions(lines))) continue;
      const parts: { raw: string; label: string; value: number; precision: number; line: number }[] = [];
      let closedByTable = false;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const t = lines[j]!.text;
        if (isBlank(t)) continue;
        const part = partLine(t);
        if (!part) break;
        const m = part.match;
        let read;
        try {
          read = readNorwegianNumber(m[2]!.replace(/\s+/gu, ""));
        } catch {
          break;
        }
        if (read.decimal === null) break;
        const printed = /,(\d+)$/u.exec(m[2]!)?.[1]?.length ?? 0;
        parts.push({ raw: m[2]!.trim(), label: m[1]!.trim(), ...atPrecision(read.decimal, printed, 3), line: lines[j]!.no }); // millions, as the intro says
        if (part.tableAfter) {
          closedByTable = true; // a table's header ends the list on its last part's line
          j++;
          break;
        }
      }
      if (parts.length < 2 || (unnamed && parts.some((p) => !p.raw.includes(",")))) continue;
      // the list must end cleanly: a next line that starts like a part (a bullet, or the parts' indent)
      // but is no part (its number run into a table's header, say) leaves the list incomplete, and no sum
      const next = lines.slice(j).find((l) => !isBlank(l.text));
      const indent = (t: string) => t.length - t.trimStart().length;
      const firstIndent = indent(lines.find((l) => l.no === parts[0]!.line)!.text);
      if (!closedByTable && next && (/^\s*[•·▪◦\-–]/u.test(next.text) || (firstIndent > 0 && indent(next.text) === firstIndent))) {
        i = j - 1;
        continue;
      }
      const partsSum = sum(parts.map((p) => p.value));
      const quote = intro.text.trim();
      const unit = unitAbove((unitRows ??= unitRowLines(lines, units)), intro.no);
      const scope: ProseScope = unit === null || unit === "" ? district : { level: "unit", table: "enhet", name: unit };
      if (total) {
        // «på totalt +11,8 millioner kroner og består av følgende»: the text's own sum
        emit("arithmetic", total.amount, true, scope, intro.no, quote, [], { table: "text", line: parts[0]!.line, column: null, value: partsSum }, 1, parts.length);
      }
      // a sentence nearby that states the sum of some of the parts by name
      for (const n of namedParts(blocks, parts, intro.no - NAMED_PARTS_REACH, parts[parts.length - 1]!.line, intro.text)) {
        emit("arithmetic", n.amount.amount, n.amount.signed, scope, n.line, n.quote, [], {
          table: "text",
          line: n.parts[0]!.line,
          column: null,
          value: sum(n.parts.map((p) => p.value)),
          note: n.parts.map((p) => `${p.label} ${p.raw.replace(/^-/u, "−")}`).join(" + "), // U+2212: no line breaks after it
        }, 1, n.parts.length);
      }
      if (unit !== null && unit !== "") {
        // the text states only the parts: the statement is the list itself, from its first part on
        const stated: StatedAmount = { raw: parts.map((p) => p.raw).join(" "), value: partsSum, unit: "kNOK", precision: parts[0]!.precision };
        const listed = `${quote} ${parts.map((p) => `${p.label} ${p.raw}`).join("; ")}`;
        emit("arithmetic", stated, true, scope, parts[0]!.line, listed, candidates(tables, "ordinaryResult", scope, false), undefined, 1, parts.length);
      }
      i = j - 1;
    }
  }
}

/** Lines above a list of parts within which a sentence may name some of them. */
const NAMED_PARTS_REACH = 30;

function correctionKind(before: string, after: string): AdjustmentKind | null {
  if (P.EARMARKED_AFTER.test(after) || P.EARMARKED_BEFORE.test(before)) return "earmarked";
  if (P.PRIOR_YEAR_AFTER.test(after) || P.PRIOR_YEAR_BEFORE.test(before)) return "priorYearOverspend";
  if (P.PLANNED_BEFORE.test(before)) return "plannedOverspend";
  if (P.RISK_RESERVE_BEFORE.test(before)) return "riskReserveRelease";
  return null;
}

/** Lines that start with a unit's name and go on with numbers (its row of the per-unit table, or its own one-row table); "" for the district's («Bydel Sagene 1 834 595 …»). */
function unitRowLines(lines: readonly Line[], units: readonly string[]): { line: number; unit: string }[] {
  if (units.length === 0) return [];
  const out: { line: number; unit: string }[] = [];
  const keys = units.map((u) => [normalizeName(u), u] as const);
  for (const l of lines) {
    const last = lastVisibleCode(l.text);
    if (!(last >= 48 && last <= 57)) continue; // a row ends in a number
    const t = l.text.trimEnd();
    const m = P.LABEL_THEN_NUMBERS.exec(t);
    if (!m) continue;
    const label = m[1]!;
    if (/^[Bb]ydel\s+\p{Lu}/u.test(label) && label.split(/\s+/u).length <= 3) {
      out.push({ line: l.no, unit: "" });
      continue;
    }
    const key = normalizeName(label);
    if (key.length < 3) continue;
    // «Barnevern» heads the unit's own section, «Barneverntjenesten» is its row in the per-unit table
    const unit = keys.find(([k]) => k === key) ?? keys.find(([k]) => k.startsWith(key) || key.startsWith(k));
    if (unit) out.push({ line: l.no, unit: unit[1] });
  }
  return out;
}

const normalizeName = (s: string): string => s.toLowerCase().replace(/[^\p{L}\d]+/gu, "");

function unitAbove(rows: readonly { line: number; unit: string }[], line: number): string | null {
  let found: string | null = null;
  for (const r of rows) {
    if (r.line > line) break;
    if (r.line >= line - UNIT_ROW_REACH) found = r.unit;
  }
  return found;
}

