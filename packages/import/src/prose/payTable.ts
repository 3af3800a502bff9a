import { printedDecimals, proseVerdict, tableReading, type Finding } from "@bydel/core";
import { isBlank, type Line } from "../source/lines.js";
import { isProse } from "../tables/grammar.js";
import { payTable, type PayColumn } from "../tables/registry.js";
import { readHeaderWords } from "../tables/header.js";
import { valueOf, type Check } from "./check.js";
import { choose, identityKey } from "../solve/choose.js";

/**
 * The gender balance and pay table every district reports («Kjønnsbalanse Lønnsbalanse»: per
 * category and year, men %, women %, headcount, men's and women's pay in kroner, and women's pay
 * as a percentage of men's). Two identities hold on each row: men % + women % = 100, and the
 * ratio column = one pay over the other × 100. Which pay is divided by which the header says
 * («Kvinner andel av menn %», its words scattered over lines by an extraction); where it does not,
 * the rows decide: the direction most rows satisfy. A row breaking it, or shares that do not make
 * 100, is a contradiction of the table's own figures.
 *
 * Pay is printed as «489 663» (a space: column and thousands alike), «497,613» (a comma) or
 * «kr 501 522,20». Kroner carry two decimals at most, so a comma before three digits groups
 * thousands. Where spaces leave the split between headcount and pay open, every split is a reading
 * and the one chooser (`solve/choose.ts`) takes the one the ratio proves; a row it cannot decide is
 * reported, unchecked.
 */
export function payTableChecks(lines: readonly Line[], skip: ReadonlySet<number>): { checks: Check[]; findings: Finding[] } {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    // a heading or a header line, not a sentence that names the subject
    if (!payTable.anchor.test(lines[i]!.text) || isProse(lines[i]!.text) || skip.has(lines[i]!.no)) continue;
    const rows: PayRow[] = [];
    const header: string[] = [];
    const before = findings.length;
    let j = i + 1;
    for (; j < lines.length && j - i <= tableReading.payTableSpan; j++) {
      const t = lines[j]!.text;
      if (isBlank(t)) continue;
      // the header's words may run to a long line: only rows read make a sentence the table's end
      if (payTable.ends.test(t) || (rows.length > 0 && isProse(t)) || skip.has(lines[j]!.no)) break;
      const row = payRowOf(lines[j]!);
      if (row === "none") {
        if (rows.length === 0) header.push(t.trim()); // a header word; later, a category's label
        continue;
      }
      if (row === "unreadable") {
        findings.push({
          severity: "warning",
          code: "UNREADABLE_ROW",
          line: lines[j]!.no,
          message: `Raden i tabellen over kjønns- og lønnsbalanse (linje ${lines[j]!.no}) kan ikke leses som menn %, kvinner %, antall, lønn for menn og kvinner og forholdstall; den er ikke kontrollert.`,
        });
        continue;
      }
      rows.push(row);
    }
    // no row at all (a table of contents' entry, say): the table itself may follow within reach
    if (rows.length === 0 && findings.length === before) continue;
    i = j - 1;
    emitRows(rows, headerOf(header.join(" ")), checks, findings);
  }
  return { checks, findings };
}

interface PayRow {
  readonly line: number;
  readonly quote: string;
  readonly men: Share;
  readonly women: Share;
  /** Every reading of the pay that the ratio may confirm: [men's, women's]. */
  readonly pay: readonly (readonly [Amount, Amount])[];
  readonly ratio: Share;
}

interface Share {
  readonly raw: string;
  readonly value: number;
  readonly precision: number;
}

interface Amount {
  readonly raw: string;
  readonly value: number;
}

/** What the header says of the columns. */
interface Header {
  /** The ratio's direction as the header names it: 0 women's pay over men's («Kvinner andel av menn %»), 1 the reverse, null unnamed. */
  readonly direction: 0 | 1 | null;
  /** The first two figures are shares («Menn %», «Kvinner %»): true where two genders' titles carry a %, false where fewer do (headcounts, one share), null where the header names no gender. */
  readonly shares: boolean | null;
  /** Women's share, and women's pay, printed before men's. */
  readonly womenShareFirst: boolean;
  readonly womenPayFirst: boolean;
}

function headerOf(text: string): Header {
  const columns = readHeaderWords(text.replace(/\s+/gu, " "), payTable.header).columns.map((c) => c.kind);
  const shares = columns.filter((k) => k === "menShare" || k === "womenShare");
  // a gender's other columns: the pay, after the headcounts where the shares are headcounts («Menn Kvinner Total Menn (kr) …»)
  const plain = columns.filter((k) => k === "men" || k === "women");
  const pay = shares.length === 0 && plain.length >= 4 ? plain[2] : plain[0];
  return {
    direction: columns.includes("womenOverMen") ? 0 : columns.includes("menOverWomen") ? 1 : null,
    shares: shares.length + plain.length === 0 ? null : shares.length >= 2,
    womenShareFirst: (shares[0] ?? plain[0]) === "womenShare" || (shares.length === 0 && plain[0] === "women"),
    womenPayFirst: (pay ?? shares[0]) === "women" || (pay === undefined && shares[0] === "womenShare"),
  };
}

function emitRows(read: readonly PayRow[], header: Header, checks: Check[], findings: Finding[]): void {
  if (read.length === 0) return;
  // the row's figures in the header's order: men's before women's, whichever the table prints first
  const rows = read.map((r) => ({
    ...r,
    ...(header.womenShareFirst ? { men: r.women, women: r.men } : {}),
    ...(header.womenPayFirst ? { pay: r.pay.map(([a, b]) => [b, a] as const) } : {}),
  }));
  // the direction of the ratio: women over men, or men over women, as most rows show. The pay is
  // printed to the krone or øre, so a ratio rounded from it agrees to half its last digit
  const fits = (r: PayRow, d: 0 | 1) => r.pay.filter((p) => agrees(r.ratio, ratioOf(p, d)));
  // (where the header does not name it: women over men, as the column is usually named, unless men over women fits more rows)
  const votes = [0, 1].map((d) => rows.filter((r) => fits(r, d as 0 | 1).length > 0).length);
  // (a direction the header names stands where it fits half the rows or more and the other fits no more: else the
  // header's name, its columns or the ratio's printing, «1,08» say, are not as read, and no row is held to it)
  const named = header.direction;
  const direction: 0 | 1 | null =
    named !== null
      ? votes[1 - named]! > votes[named]! || votes[named]! * 2 < rows.length
        ? null
        : named
      : votes[1]! > votes[0]!
        ? votes[1]! * 2 > rows.length
          ? 1
          : null
        : votes[0]! * 2 > rows.length
          ? 0
          : null;
  if (direction === null)
    findings.push(
      unchecked(
        rows[0]!.line,
        named !== null && votes[1 - named]! > votes[named]!
          ? "forholdstallet stemmer med lønnen regnet motsatt vei av det overskriften sier, så det er uklart hvilken kolonne som er hvilken"
          : "forholdstallet stemmer for få rader, verken som kvinners lønn i prosent av menns eller omvendt, til at tabellens rader kan kontrolleres",
      ),
    );
  // the first two figures are shares that make 100 where the header says so (a % in a gender's title), or, where it names
  // no gender, most rows show it; headcounts per gender («Menn Kvinner Total») are no shares
  const makes100 = rows.filter((r) => proseVerdict(r.women.value, 100 - r.men.value, r.women.precision, true, r.men.precision / r.women.precision).verdict !== "contradicts").length;
  const shares = header.shares ?? makes100 * 2 > rows.length;
  if (!shares) findings.push(unchecked(rows[0]!.line, "de to første tallene er ikke andeler menn og kvinner som utgjør 100 % (overskriften viser dem ikke i prosent), så de er ikke kontrollert mot hverandre"));
  for (const r of rows) {
    const women = 100 - r.men.value;
    if (shares) checks.push({
      subject: "arithmetic",
      stated: { raw: r.women.raw, value: r.women.value, unit: "percent", precision: r.women.precision },
      line: r.line,
      quote: r.quote,
      reference: { table: "text", line: r.line, column: "kvinner %", value: women, note: `100 − menn ${r.men.raw} %` },
      addends: r.men.precision / r.women.precision,
      inTable: true,
    });
    if (direction === null) continue;
    // the splits of the pay are the row's readings, for the one chooser: the ratio proves
    const choice = choose(r.pay, [identityKey((p) => agrees(r.ratio, ratioOf(p, direction)))], (a, b) => ratioOf(a, direction) === ratioOf(b, direction));
    if (choice.chosen === null) {
      findings.push(unchecked(r.line, "lønnen kan leses på flere måter, og forholdstallet avgjør det ikke"));
      continue;
    }
    const [menPay, womenPay] = choice.chosen;
    const [over, under] = direction === 0 ? [womenPay, menPay] : [menPay, womenPay];
    checks.push({
      subject: "arithmetic",
      stated: { raw: r.ratio.raw, value: r.ratio.value, unit: "percent", precision: r.ratio.precision },
      line: r.line,
      quote: r.quote,
      reference: { table: "text", line: r.line, column: direction === 0 ? "kvinner/menn" : "menn/kvinner", value: ratioOf(choice.chosen, direction), note: `${over.raw} / ${under.raw} × 100` },
      addends: 0,
      inTable: true,
    });
  }
}

const ratioOf = (p: readonly [Amount, Amount], direction: 0 | 1): number => (direction === 0 ? (p[1].value * 100) / p[0].value : (p[0].value * 100) / p[1].value);

const agrees = (stated: Share, value: number): boolean => Number.isFinite(value) && proseVerdict(stated.value, value, stated.precision, true).verdict === "agrees";

const SHARE = /^\d{1,3}(?:,\d+)?$/u;

/**
 * A row: a year, men %, women %, then headcount, the two pays and the ratio. "none" for a line
 * that is no row (a label); "unreadable" for a line with a row's numbers not in its shape, or
 * whose pay has no reading.
 */
function payRowOf(line: Line): PayRow | "none" | "unreadable" {
  const m = /(?:^|\s)((?:19|20)\d\d)\s+(\d.*)$/u.exec(line.text);
  if (!m) return "none";
  // «kr» before a pay starts a number: kept as a mark no number runs across
  const tokens = m[2]!
    .replace(/%/gu, " ")
    .replace(/\bkr\.?(?=\s|$)/giu, ` ${KR} `)
    .trim()
    .split(/\s+/u);
  const figures = tokens.filter((t) => t !== KR).length;
  if (figures < 6) return "none";
  // more figures than the widest row prints (a run of numbers, not a row): said, not split every way
  if (figures > MAX_ROW_GROUPS) return "unreadable";
  // as many numbers as a row has, but not in its shape (a sign, a share over 100): a row not read, and said
  const [menRaw, womenRaw] = tokens as [string, string];
  const ratioRaw = tokens[tokens.length - 1]!;
  if (!tokens.every((t) => t === KR || /^\d[\d,]*$/u.test(t)) || !SHARE.test(menRaw) || !SHARE.test(womenRaw) || !SHARE.test(ratioRaw)) return "unreadable";
  if (tokens[0] === KR || tokens[1] === KR || tokens[tokens.length - 1] === KR) return "unreadable";
  const pay = payReadings(tokens.slice(2, -1));
  if (pay.length === 0) return "unreadable";
  return { line: line.no, quote: line.text.trim().replace(/\s+/gu, " "), men: share(menRaw), women: share(womenRaw), pay, ratio: share(ratioRaw) };
}

/** A share or ratio as printed (SHARE has checked its form): core's parser, at its printed precision. */
function share(raw: string): Share {
  return { raw, value: valueOf(raw)!, precision: 0.5 / 10 ** printedDecimals(raw) };
}

/** A number's digit groups at most: «1 270 300» kroner, a headcount under a million. */
const MAX_GROUPS = 3;
/** A row's figures at most: two shares, a headcount and two pays of MAX_GROUPS groups, the ratio. */
const MAX_ROW_GROUPS = 3 + 3 * MAX_GROUPS;

/** A district's staff, or a category of it, is well under a million people. */
const MAX_HEADCOUNT = 1_000_000;
/** A month's or a year's pay, in kroner. */
const MIN_PAY = 1_000;

/** The mark a «kr» leaves among the groups. */
const KR = "kr";

/**
 * The [men's, women's] pay of every split of the groups into headcount and two pays. A number
 * starts with no zero («066» goes on a number; a category with no one has no pay), a headcount
 * has no øre, and none runs across a «kr». No pay gap is a factor of a thousand: the two pays
 * differ by one digit group at most. A pay is a thousand kroner or more; a headcount under a million.
 */
function payReadings(groups: readonly string[]): [Amount, Amount][] {
  const out: [Amount, Amount][] = [];
  const numbers = (at: number): { raw: string; value: number; next: number }[] => {
    const res: { raw: string; value: number; next: number }[] = [];
    const from = groups[at] === KR ? at + 1 : at;
    const head = groups[from];
    if (head === undefined || !/^[1-9][\d,]*$/u.test(head)) return res;
    let raw = head;
    for (let k = from + 1; ; k++) {
      const value = kroner(raw);
      if (value !== null) res.push({ raw, value, next: k });
      const g = groups[k];
      if (g === undefined || g === KR || k - from >= MAX_GROUPS || !/^\d{3}(?:,\d{1,2})?$/u.test(g) || /,\d{1,2}$/u.test(raw)) break;
      raw = `${raw} ${g}`;
    }
    return res;
  };
  // a pay in kroner, monthly or yearly, is a thousand kroner or more, and a headcount under a million
  const isPay = (p: { value: number }): boolean => p.value >= MIN_PAY;
  for (const count of numbers(0)) {
    if (/,\d{1,2}$/u.test(count.raw) || count.value >= MAX_HEADCOUNT) continue;
    for (const men of numbers(count.next).filter(isPay))
      for (const women of numbers(men.next).filter(isPay)) if (women.next === groups.length && Math.abs(digitGroups(men.raw) - digitGroups(women.raw)) <= 1) out.push([men, women]);
  }
  return out;
}

const digitGroups = (raw: string): number => raw.replace(/,\d{1,2}$/u, "").split(/[ ,]/u).length;

/** Kroner as printed: spaces and commas before three digits group thousands, a comma before one or two digits is øre. */
function kroner(raw: string): number | null {
  const m = /^(\d{1,3}(?:[ ,]\d{3})*|\d+)(?:,(\d{1,2}))?$/u.exec(raw);
  if (!m) return null;
  return Number(`${m[1]!.replace(/[ ,]/gu, "")}.${m[2] ?? "0"}`);
}

const unchecked = (line: number, why: string): Finding => ({
  severity: "info",
  code: "AMBIGUOUS_NUMBERS",
  line,
  message: `Raden i tabellen over kjønns- og lønnsbalanse (linje ${line}) er ikke kontrollert: ${why}.`,
});
