import { proseVerdict, sum, type ProseScope } from "@bydel/core";
import { firstIndex, type Line } from "../source/lines.js";
import { lineAt, sentencesOf, type Block } from "./text.js";
import { amountsIn, type AmountAt } from "./amounts.js";
import { unitTable } from "../tables/registry.js";
import type { ArithmeticContext } from "./arithmetic.js";
import * as P from "./phrases.js";

/**
 * A total the same sentence splits into its parts: «Bydelen har i 2024 hatt totale vikarutgifter
 * på 18,9 mill. fordelt på 5,6 mill. som vikarlønn og 13,3 mill. ved bruk av vikarbyrå.», «FO4C
 * … har et merforbruk på 27,4 mill. som fordeler seg på 18,7 mill. for ordinær økonomisk
 * sosialhjelp og 8,7 mill. knyttet til flyktninger.» The total is held against the parts' sum
 * (reference.table "text"), at the precision of the total widened by the parts' own rounding.
 * Only a list the sentence closes leaves no doubt: parts joined by commas, the last by «og», and
 * no amount after it.
 */
export function readSplits(block: Block, scope: ProseScope, ctx: ArithmeticContext): void {
  if (!SPLIT_ANYWHERE.test(block.text)) return;
  for (const sentence of sentencesOf(block)) {
    const text = sentence.text;
    if (!SPLIT_ANYWHERE.test(text)) continue;
    const amounts = amountsIn(text, { percent: false });
    for (let k = 0; k + 2 < amounts.length; k++) {
      const total = amounts[k]!;
      if (!P.SPLIT_BETWEEN.test(text.slice(total.end, amounts[k + 1]!.at))) continue;
      const parts = listFrom(text, amounts, k + 1);
      if (parts === null) break;
      // parts as printed; a total without a sign is compared as a magnitude
      const value = sum(parts.map((p) => p.amount.value));
      ctx.check("arithmetic", total.amount, total.signed, scope, lineAt(block, sentence.start + total.at), text, {
        table: "text",
        line: lineAt(block, sentence.start + parts[0]!.at),
        column: null,
        value,
        note: parts.map((p) => `«${p.amount.raw}»`).join(" + "),
      }, sum(parts.map((p) => p.amount.precision)));
      k += parts.length;
    }
  }
}

/**
 * A total the sentence shares out: «Av bydelens planlagte merforbruk på 41 mill. i budsjett 2024
 * ble 31 mill. lagt på denne funksjonen mens 10 mill. ble tilordnet funksjon 253.» The sentence
 * opens with «Av», states the total, then «ble» and the parts, the last after «mens» or «og», and
 * no other amount. Whether the parts are all of it the sentence does not prove («Av 41 mill. ble
 * 31 mill. brukt, mens 5 mill. ble overført» leaves 5 unsaid), so only parts that make the total
 * within their rounding are said: a sum that does not add up is left out, never a contradiction.
 */
export function readShares(block: Block, scope: ProseScope, ctx: ArithmeticContext): void {
  for (const sentence of sentencesOf(block)) {
    // «… 49,3 mill. Av bydelens …»: an abbreviation's point does not end a sentence, so «Av» may open a clause after one
    const opens = /(?:^|[.!?]\s+)(?=Av\s)/u.exec(sentence.text);
    if (opens === null) continue;
    const from = opens.index + opens[0].length;
    const text = sentence.text.slice(from);
    if (!/\bmens\b|\sog\s/u.test(text)) continue;
    const amounts = amountsIn(text, { percent: false });
    if (amounts.length < 3) continue;
    const [total, ...parts] = amounts as [AmountAt, ...AmountAt[]];
    if (!/\bble\b/u.test(text.slice(total.end, parts[0]!.at))) continue;
    const joints = parts.slice(1).map((p, k) => text.slice(parts[k]!.end, p.at));
    if (!joints.every((j, k) => (k === joints.length - 1 ? /\b(?:mens|og)\b/u : /,|\b(?:mens|og)\b/u).test(j))) continue;
    const value = sum(parts.map((p) => p.amount.value));
    const slack = sum(parts.map((p) => p.amount.precision));
    if (proseVerdict(total.amount.value, value, total.amount.precision, false, slack / total.amount.precision).verdict === "contradicts") continue;
    ctx.check("arithmetic", total.amount, false, scope, lineAt(block, sentence.start + from + total.at), text, {
      table: "text",
      line: lineAt(block, sentence.start + from + parts[0]!.at),
      column: null,
      value,
      note: parts.map((p) => `«${p.amount.raw}»`).join(" + "),
    }, slack);
  }
}

/** A first test: «fordelt på» or «fordeler seg på» right before an amount. */
const SPLIT_ANYWHERE = /(?:fordelt|fordeler\s+seg)\s+(?:på|med)\s+[+\-−–]?\d/iu;

/** The parts from amounts[first] on, if the sentence closes the list («A …, B … og C …» and nothing after); else null. */
function listFrom(text: string, amounts: readonly AmountAt[], first: number): AmountAt[] | null {
  const parts = [amounts[first]!];
  for (let j = first + 1; j < amounts.length; j++) {
    const between = text.slice(amounts[j - 1]!.end, amounts[j]!.at);
    const m = between.length <= 100 ? P.PART_BETWEEN.exec(between) : null;
    if (m === null) return null; // an amount that is no next part: whose parts these are is not clear
    parts.push(amounts[j]!);
    if (m[1] !== undefined) return j + 1 === amounts.length ? parts : null;
  }
  return null; // no «og»: the list does not close
}

/**
 * A line of a list of parts («• Møllehjulet bosenter -1,1»): its label and figure (`match` groups 1
 * and 2). From a PDF the last part may share its line with the header of the table beside or
 * under it («PHAM - ledelse og prosjekter -3,5 Enhet Opprinnelig budsjett Justert budsjett
 * Regnskap»): words that are all a table's header words after the figure end the list there
 * (`tableAfter`).
 */
export function partLine(text: string): { match: RegExpExecArray; tableAfter: boolean } | null {
  const whole = P.PART_LINE.exec(text);
  if (whole) return { match: whole, tableAfter: false };
  const split = P.PART_THEN_WORDS.exec(text);
  if (!split || !split[2]!.trim().split(/\s+/u).every((w) => unitTable.headerWord.test(w))) return null;
  const head = P.PART_LINE.exec(split[1]!);
  return head ? { match: head, tableAfter: true } : null;
}

/** A list of parts' intro («Resultatet for 2024 fordeler seg følgende:»). */
export const isPartsIntro = (text: string): boolean =>
  text.includes(":") && /^\s*(?:resultatet|avviket|mindreforbruket|merforbruket)/iu.test(text) && P.PARTS_INTRO.test(text);

/**
 * The report's lists of parts all state millions («(i millioner kroner)», «i mill kr», or a total
 * in millions), at least two of them, none another unit: a list whose intro names no unit is in
 * millions too («Resultatet for 2024 fordeler seg følgende:», Sagene's Nav).
 */
export function listsInMillions(lines: readonly Line[]): boolean {
  let named = 0;
  for (const l of lines) {
    if (!isPartsIntro(l.text)) continue;
    const total = amountsIn(l.text, { percent: false })[0];
    if (total ? P.MILLIONS_NAMED.test(total.amount.raw) : P.MILLIONS_NAMED.test(l.text)) named++;
    else if (total || /\b(?:kr|kroner|tusen|1\s?000)\b/iu.test(l.text)) return false;
  }
  return named >= 2;
}

/**
 * A total («med totalt 16,6 mill.») closing its sentence, then a sentence that is nothing but its
 * spread over functions: «2,1 mill. er henført til funksjon 253 og omtalt over, 12,7 mill. gjelder
 * funksjon 257 og 1,8 mill. framkommer under funksjon 258.» (Vestre Aker). Each part names its own
 * function and the list closes with «og»: the total is held against the parts' sum.
 */
export function readFunctionSplits(block: Block, scope: ProseScope, ctx: ArithmeticContext): void {
  if (!/totalt/iu.test(block.text) || !/funksjon/iu.test(block.text)) return;
  const sentences = sentencesOf(block);
  for (let i = 0; i + 1 < sentences.length; i++) {
    const first = sentences[i]!;
    if (!/totalt/iu.test(first.text)) continue;
    const totals = amountsIn(first.text, { percent: false });
    const total = totals[totals.length - 1];
    if (!total || !/totalt\s+$/iu.test(first.text.slice(Math.max(0, total.at - 10), total.at))) continue;
    const next = sentences[i + 1]!;
    const amounts = amountsIn(next.text, { percent: false });
    if (amounts.length < 2 || amounts[0]!.at !== next.text.length - next.text.trimStart().length) continue;
    const functions = new Set<string>();
    let closed = false;
    for (let j = 0; j < amounts.length && !closed; j++) {
      const last = j + 1 === amounts.length;
      const segment = next.text.slice(amounts[j]!.end, last ? next.text.length : amounts[j + 1]!.at);
      const m = (last ? P.FUNCTION_PART_LAST : P.FUNCTION_PART_BETWEEN).exec(segment);
      if (m === null || functions.has(m[1]!)) break;
      functions.add(m[1]!);
      if (last) closed = /\s(og)\s+$/iu.test(next.text.slice(amounts[j - 1]!.end, amounts[j]!.at));
    }
    if (!closed || functions.size !== amounts.length) continue;
    ctx.check("arithmetic", total.amount, total.signed, scope, lineAt(block, first.start + total.at), `${first.text} ${next.text}`, {
      table: "text",
      line: lineAt(block, next.start),
      column: null,
      value: sum(amounts.map((a) => a.amount.value)),
      note: amounts.map((a) => `«${a.amount.raw}»`).join(" + "),
    }, sum(amounts.map((a) => a.amount.precision)));
  }
}

/** A part of a list as printed: its label and its figure in 1000 kr. */
export interface ListedPart {
  readonly label: string;
  readonly raw: string;
  readonly value: number;
  readonly precision: number;
  readonly line: number;
}

/** A sentence that states one amount for two or more parts of a list, by name. */
export interface NamedParts {
  readonly amount: AmountAt;
  readonly line: number;
  readonly quote: string;
  readonly parts: readonly ListedPart[];
}

/**
 * Sentences near a list of parts whose subject is nothing but two or more of the list's labels and
 * which state one amount: «Boligdrift fellesposteringer og boligkontor har en netto positiv
 * prognose på +1,8 millioner kroner.» above «• Boligdrift fellesposteringer -2,2», «• Boligkontoret
 * +3,9». A name matches a label it equals or begins (six letters at least), and only one label.
 */
export function namedParts(blocks: readonly Block[], parts: readonly ListedPart[], from: number, to: number, intro: string): NamedParts[] {
  const out: NamedParts[] = [];
  const keys = partKeys(parts.map((p) => nameKey(p.label)));
  const introYears = new Set(intro.match(YEARS) ?? []);
  // the blocks run in line order: the first that reaches `from` by binary search, so many lists stay linear
  for (let b = firstIndex(blocks, (x) => x.nos[x.nos.length - 1]! < from); b < blocks.length && blocks[b]!.nos[0]! <= to; b++) {
    const block = blocks[b]!;
    if (block.heading) continue;
    for (const sentence of sentencesOf(block)) {
      // a long paragraph's sentences before the reach are not read (many of them would make it quadratic)
      if (lineAt(block, sentence.end - 1) < from) continue;
      const amounts = amountsIn(sentence.text, { percent: false });
      if (amounts.length !== 1) continue;
      const subject = NAMED_SUBJECT.exec(sentence.text.slice(0, amounts[0]!.at));
      if (!subject) continue;
      // the list's measure (a result, a deviation) and year, not the parts' budget, costs or last year's result
      const said = sentence.text.slice(subject[0].length, amounts[0]!.at);
      if (!P.RESULT_WORD.test(said) || (sentence.text.match(YEARS) ?? []).some((y) => !introYears.has(y))) continue;
      const named = namesIn(subject[1]!, keys);
      if (named === null) continue;
      const line = lineAt(block, sentence.start + amounts[0]!.at);
      out.push({ amount: amounts[0]!, line, quote: sentence.text, parts: named.map((i) => parts[i]!) });
    }
  }
  return out;
}

/**
 * The parts a subject names, each once, two or more: its pieces between commas and «og», a label
 * taking several pieces where it holds «og» itself («Administrasjon og ledelse»). Null when no
 * reading, or more than one, names only parts.
 */
/** The list's name keys, found by their first letters: a long list's keys are not all tried for every name. */
interface PartKeys {
  readonly byHead: Map<string, number[]>;
  /** Keys shorter than a name's least length, which a name may begin with. */
  readonly short: readonly { key: string; at: number }[];
  readonly all: readonly string[];
}

const NAME_MIN = 6;

function partKeys(keys: readonly string[]): PartKeys {
  const byHead = new Map<string, number[]>();
  const short: { key: string; at: number }[] = [];
  keys.forEach((k, i) => {
    if (k.length < NAME_MIN) short.push({ key: k, at: i });
    else {
      const head = k.slice(0, NAME_MIN);
      const list = byHead.get(head);
      if (list) list.push(i);
      else byHead.set(head, [i]);
    }
  });
  return { byHead, short, all: keys };
}

/** The one part a name matches (it equals or begins a label, or a label begins it), or null for none or several. */
function hitOf(name: string, keys: PartKeys): number | null {
  if (name.length < NAME_MIN) return null;
  let hit: number | null = null;
  for (const i of keys.byHead.get(name.slice(0, NAME_MIN)) ?? []) {
    const k = keys.all[i]!;
    if (k === name || k.startsWith(name) || name.startsWith(k)) {
      if (hit !== null) return null;
      hit = i;
    }
  }
  for (const s of keys.short) {
    if (s.key === "" || !name.startsWith(s.key)) continue;
    if (hit !== null) return null;
    hit = s.at;
  }
  return hit;
}

function namesIn(subject: string, keys: PartKeys): number[] | null {
  const pieces = subject.split(/\s*,\s*|\s+og\s+/u);
  if (pieces.length > 8) return null;
  const readings: number[][] = [];
  const walk = (from: number, taken: number[]): void => {
    if (from === pieces.length) {
      if (taken.length >= 2) readings.push(taken);
      return;
    }
    for (let to = from + 1; to <= pieces.length; to++) {
      const hit = hitOf(nameKey(pieces.slice(from, to).join(" og ")), keys);
      if (hit !== null && !taken.includes(hit)) walk(to, [...taken, hit]);
    }
  };
  walk(0, []);
  return readings.length === 1 ? readings[0]! : null;
}

const YEARS = /(?<!\d)(?:19|20)\d\d(?!\d)/gu;

/** The subject before its verb: only names («A og B har …»). */
const NAMED_SUBJECT = /^\s*([\p{L}][\p{L}\s,/-]*?)\s+(?:har|hadde|viser|fikk|gir)\b/u;

const nameKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}]+/gu, "");
