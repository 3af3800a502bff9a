import { isYearTarget, NumberParseError, parseTarget, readNorwegianNumber, type ComparisonOperator, type ParsedTarget } from "@bydel/core";

/**
 * The phrases a report uses to state a goal and its outcome in running text. Each matcher reads
 * one sentence and returns what it found with offsets into the sentence; indicators.ts pairs targets
 * with results. Precision first: a phrase is taken only in a form that leaves no doubt which
 * number is the goal and which the outcome (a result needs a time reference: "per 2024",
 * "for 2024", "31.12.2024").
 */

const NUM = String.raw`[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?|(?:0|[1-9]\d*)(?:,\d+)?`;
/** After a value: the whole value was read (no unit left behind), and it is no amount of money ("64 mill."). */
const NOT_MONEY = String.raw`(?! ?(?:%|prosent|mill|millioner|mrd|milliarder|kr\b|kroner|tusen)|,?\d)`;
/** After a percentage: a change, not a level ("50 % økning fra 2023"). */
const NOT_CHANGE = String.raw`(?! (?:økning|nedgang|reduksjon|vekst|endring|flere|færre|høyere|lavere|mer|mindre|poeng|prosentpoeng)\b)`;
const PCT = String.raw`(?: ?%| prosent\b)`;
const MONTH = String.raw`(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|des)\.?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const DATE = String.raw`(?:\d{1,2}\. ?\d{1,2}\.? ?(?:${YEAR}|\d{2})?|\d{1,2}\.? ${MONTH}(?: ${YEAR})?|${MONTH} ${YEAR}|${YEAR}|utgangen av (?:året|${MONTH}))`;
/** "per 2024", "for 2024", "pr. 31.12.2024", "ved utgangen av desember", a printed date. */
const TIME_REF = new RegExp(String.raw`(?:\b(?:per|pr\.?|i|for|ved|fra) ${DATE}|\b\d{1,2}\.\d{1,2}\.(?:${YEAR}|\d{2})\b|\butgangen av (?:året|${MONTH}))`, "iu");
const APPROX = String.raw`(?:ca\.|cirka|om lag|omtrent|rundt)`;
const BOUND = String.raw`(?:minimum|minst|maksimum|maksimalt|maks\.?|høyst)`;

export interface Found {
  /** Offset of the printed value (or qualitative phrase) in the sentence. */
  readonly at: number;
  /** Offset just after the phrase. */
  readonly end: number;
  readonly raw: string;
  readonly value: number | null;
  readonly percent: boolean;
}

export interface TargetPhrase extends Found {
  readonly operator: ComparisonOperator | null;
  /** The subject the phrase itself names ("Sykefraværsmålet" → "Sykefravær"), else null. */
  readonly label: string | null;
}

export interface ResultPhrase extends Found {
  /** The noun printed with the value ("48 % dekning" → "dekning"), for the direction. */
  readonly noun: string;
}

/** A goal and its outcome stated in one phrase ("nede på 351 som tilsvarer måltallet", "under grenseverdien på 4 %"). */
export interface CombinedPhrase {
  readonly label: string;
  readonly target: Found & { operator: ComparisonOperator | null };
  readonly result: Found;
  /** The outcome against the goal as the wording gives it, when the result has no number. */
  readonly relation: "under" | "over" | "equal" | "mostly";
  /** From the wording: deadlines and limits are lower-is-better. */
  readonly higherIsBetter: boolean | null;
}

const rawOf = (s: string): string => s.replace(/\s+/g, " ").trim();

/** A printed value's number: "ca. 11,8 %" → 11.8, "18,6 prosent" → 18.6. */
export function proseValue(raw: string): number | null {
  const s = raw.replace(APPROX_START, "").replace(/\s*prosent$/iu, " %");
  try {
    return readNorwegianNumber(s, "indicator").value;
  } catch {
    return null;
  }
}

const isPercent = (raw: string): boolean => /%|prosent/iu.test(raw);

function target(raw: string, at: number, end: number, label: string | null): TargetPhrase | null {
  const r = rawOf(raw);
  let parsed: ParsedTarget | null;
  try {
    // years allowed, so that a year ("over 2023") is recognized and refused below
    parsed = parseTarget(r.replace(/\s*prosent$/iu, " %"), { yearsAllowed: true });
  } catch (e) {
    if (e instanceof NumberParseError) return null; // a value core will not read is no goal value
    throw e;
  }
  // a bare year ("Målet for 2024 er 2025") is no goal value
  if (!parsed || isYearTarget(parsed) || (parsed.unit === "number" && YEAR_ONLY.test(r))) return null;
  if (isPercent(r) && (parsed.value < 0 || parsed.value > 100)) return null;
  return { at, end, raw: r, value: parsed.value, operator: parsed.operator, percent: isPercent(r), label };
}

/** Words that do not name a subject on their own. */
const PRONOUN = /^(?:det|dette|disse|vi|de|den|man|bydelen|bydel(?:en)?\s+[\p{Lu}][\p{L} -]*|enheten|avdelingen|tjenesten|resultatet|tallet|andelen|nivået)$/iu;

/** Leading words that are no part of a subject ("Likevel", "I 2024", "Per 31.12.2024,"). */
function trimSubject(text: string): string {
  let s = text.trim();
  for (;;) {
    const next = s
      .replace(/^(?:og|men|mens|likevel|samtidig|dessuten|derfor|i tillegg|totalt sett|samlet sett)\b,?\s*/iu, "")
      .replace(DATED_START, "");
    if (next === s) break;
    s = next;
  }
  return s.replace(/[,;:]$/u, "").trim();
}

/** A subject as a label: capitalised, at most 100 characters; null when it names nothing. */
export function asLabel(text: string | null | undefined): string | null {
  if (!text) return null;
  let s = trimSubject(text).replace(/\s+/g, " ");
  if (s === "" || PRONOUN.test(s) || !/\p{L}{3}/u.test(s)) return null;
  if (s.split(" ").length > 16) return null;
  if (s.length > 100) s = `${s.slice(0, s.lastIndexOf(" ", 99))} …`;
  return s[0]!.toUpperCase() + s.slice(1);
}

/** "Sykefraværsmålet" → "Sykefravær": a compound's first part, when joined with the linking s. */
function compoundSubject(prefix: string): string | null {
  if (!/s$/u.test(prefix) || prefix.length < 6 || /^(?:spør|for|hoved)s?$/iu.test(prefix.slice(0, -1))) return null;
  return prefix.slice(0, -1);
}

/** Up to the first word that starts a clause or a prepositional tail ("barnehagelærere har bydelen …" → "barnehagelærere"). */
function nounPhrase(text: string): string | null {
  const m = /^(.+?)(?=\s+(?:har|hadde|er|var|skal|og|men|for|i|hos|ved|innen|til|blant|på)\b|[,.;:]|$)/iu.exec(text.trim());
  const np = m?.[1]?.trim() ?? "";
  return np === "" || np.split(" ").length > 8 ? null : np;
}

const VALUE_OP = String.raw`(?:${BOUND} )?(?:${NUM})${PCT}?`;

// The phrases, compiled once.
const APPROX_START = new RegExp(`^${APPROX}\\s*`, "iu");
const YEAR_ONLY = new RegExp(`^${YEAR}$`);
const DATED_START = new RegExp(String.raw`^(?:i|per|pr\.?|for|ved|fra|gjennom)\s+${DATE},?\s*`, "iu");
const GOAL = new RegExp(String.raw`(\p{L}*)mål(?:et|settingen|tallet)?(?: for ((?:\S+ ){0,4}?\S+))? (?:er|var|har vært|blir|ble satt til|er satt til) (?:på )?(${VALUE_OP})${NOT_MONEY}`, "giu");
const DATE_ONLY = new RegExp(`^${DATE}$`, "iu");
const SHARE = new RegExp(String.raw`\bmål(?:et)? (?:om|at) (${NUM}${PCT})( .*)?$`, "iu");
const BOUNDED = new RegExp(String.raw`\b(${BOUND} (?:${NUM})${PCT}?)${NOT_MONEY}`, "giu");
const BELOW = new RegExp(String.raw`\bskal (.{1,120}?)(?: \p{L}+lig)? (?:være|ligge|holdes) ((?:under|over|lavere enn|høyere enn) (?:${NUM})${PCT}?)${NOT_MONEY}`, "giu");
const LIMIT = new RegExp(String.raw`\bgrenseverdien (?:på|er) (${NUM}${PCT}?)${NOT_MONEY}`, "giu");
const HEADING_GOAL = new RegExp(String.raw`^(.*\p{L}.*?)\s*\(((?:${BOUND} )?(?:${NUM})${PCT})\)\s*$`, "iu");
const HAS = new RegExp(String.raw`\b(?:har|hadde) (?:(?:per|pr\.?) ${DATE} )?(?:en )?((?:${APPROX} )?(?:${NUM})${PCT}) (\p{L}+)`, "giu");
const LIES = new RegExp(
  // "ligger på", and with the subject after the verb: "For 2024 ligger sykefraværet på 8 %"
  String.raw`\b(?:(?:ligger|lå)(?: (?!ikke\b)\p{L}+){0,2}?|(?:var|er|endte|ble)(?: nå| samlet| i snitt)?) (?:(?:på|nede på|oppe i|opp i) ((?:${APPROX} )?(?:${NUM})${PCT}?)|((?:${APPROX} )?(?:${NUM})${PCT})${NOT_CHANGE})${NOT_MONEY}`,
  "giu",
);
const OUTCOME = new RegExp(String.raw`\bresultatet(?: for ${DATE})? (?:ble|var|er|endte på) ((?:${APPROX} )?(?:${NUM})${PCT}?)${NOT_MONEY}`, "giu");
const STATUS = new RegExp(String.raw`^((?:${NUM})${PCT}) (\p{L}+(?: \p{L}+){0,2}) (?:per |pr\.? )?(${DATE})\.?$`, "iu");

/**
 * Goals: "Sykefraværsmålet har vært 7 %", "som mål at 50 % av stillingene … skal være pedagogisk
 * leder", "skal … gjennomsnittlig være minimum 85 %", "grenseverdien på 4 %".
 */
export function targetsIn(sentence: string, lower: string = sentence.toLowerCase()): TargetPhrase[] {
  const out: TargetPhrase[] = [];
  // cheap word tests first (on `lower`, the sentence lower-cased): the phrase patterns are costly on the many sentences without them
  for (const m of lower.includes("mål") ? sentence.matchAll(GOAL) : []) {
    const prefix = m[1]!;
    if (prefix !== "" && compoundSubject(prefix) === null) continue; // "spørsmålet", "formålet"
    const about = m[2] && !DATE_ONLY.test(m[2]) ? m[2] : null;
    const at = m.index + m[0].length - m[3]!.length;
    const t = target(m[3]!, at, m.index + m[0].length, compoundSubject(prefix) ?? about);
    if (t) out.push(t);
  }
  const s = lower.includes("mål") ? SHARE.exec(sentence) : null;
  if (s) {
    const at = s.index + s[0].length - s[1]!.length - (s[2]?.length ?? 0);
    const rest = (s[2] ?? "").trim();
    const of = /^av (.+?) skal (?:være|ha) (.+?)\.?$/iu.exec(rest);
    let label: string | null = null;
    if (of) label = `Andel av ${of[1]} som er ${of[2]}`;
    else {
      const np = nounPhrase(rest);
      if (np) label = /(?:dekning|andel|grad)$/iu.test(np) ? np : `Andel ${np}`;
    }
    const t = target(s[1]!, at, at + s[1]!.length, label);
    if (t) out.push(t);
  }
  if (/\bskal\b/u.test(lower)) {
    const bound = BOUNDED;
    for (const m of sentence.matchAll(bound)) {
      // windows, not the whole sentence: a subject or noun phrase is a few words (asLabel keeps 100 characters)
      const before = sentence.slice(Math.max(0, m.index - 300), m.index);
      const subj = /\bskal (.+?)(?: \p{L}+lig)? (?:være|ha|ligge på)\s*$/iu.exec(before);
      const after = nounPhrase(sentence.slice(m.index + m[0].length, m.index + m[0].length + 300));
      const label = subj ? subj[1]! : after;
      const t = target(m[1]!, m.index, m.index + m[0].length, label);
      if (t && !out.some((o) => o.at === t.at)) out.push(t);
    }
    // "skal sykefraværet være under 6 %": a comparison word only right after the verb
    const below = BELOW;
    for (const m of sentence.matchAll(below)) {
      const at = m.index + m[0].length - m[2]!.length;
      const t = target(m[2]!, at, m.index + m[0].length, m[1]!);
      if (t && !out.some((o) => o.at === t.at)) out.push(t);
    }
  }
  for (const m of lower.includes("grenseverdi") ? sentence.matchAll(LIMIT) : []) {
    if (/\b(?:under|over)\s+$/iu.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue; // a combined phrase
    const at = m.index + m[0].length - m[1]!.length;
    const t = target(m[1]!, at, m.index + m[0].length, null);
    if (t) out.push(t);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A heading that prints its goal in parentheses: "H3/2024 Fagdekning hjemmesykepleie (85%)". */
export function headingTarget(heading: string): TargetPhrase | null {
  // the pattern is costly and nearly every heading fails it: a goal in a heading ends in «…%)» or «… prosent)»
  if (!/(?:%|prosent)\s*\)\s*$/iu.test(heading)) return null;
  const m = HEADING_GOAL.exec(heading);
  if (!m) return null;
  return target(m[2]!, m[0].length - m[2]!.length - 1, m[0].length, m[1]!.trim());
}

const FUNCTION_WORD = /^(?:av|i|på|for|og|som|til|med|mot|fra|ved|eller|mer|mindre|flere|færre|over|under)$/iu;
const QUANTIFIER = /^(?:enkelte|noen|flere|de fleste|mange|ingen|alle|hver|én|en av|to|tre)\b/iu;

/**
 * Outcomes: "Bydel X har 48 % dekning per 2024", "har per 31 desember 81,6% fagdekking",
 * "Sykefraværet for 2024 ligger på ca. 11,8 %", "resultatet for 2024 ble 85 %", and a sentence
 * that is only a value, a noun and a date ("87,79% fagdekning 31.12.2024").
 */
export function resultsIn(sentence: string): ResultPhrase[] {
  const out: ResultPhrase[] = [];
  const dated = TIME_REF.test(sentence);
  // a quantifier opens the sentence («Enkelte har 80 % …»): tested on its first words, not on every prefix
  const lead = sentence.length - sentence.trimStart().length;
  const quantified = (end: number): boolean => QUANTIFIER.test(sentence.slice(0, Math.min(end, lead + 40)).trim());
  for (const m of dated ? sentence.matchAll(HAS) : []) {
    if (FUNCTION_WORD.test(m[2]!) || quantified(m.index)) continue;
    const at = m.index + m[0].length - m[2]!.length - 1 - m[1]!.length;
    out.push(result(m[1]!, at, m.index + m[0].length, m[2]!));
  }
  for (const m of dated ? sentence.matchAll(LIES) : []) {
    if (quantified(m.index)) continue;
    if (/^\s*(?:som tilsvarer|som svarer til)/iu.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue; // a combined phrase
    const value = m[1] ?? m[2]!;
    out.push(result(value, m.index + m[0].length - value.length, m.index + m[0].length, ""));
  }
  for (const m of /resultatet/iu.test(sentence) ? sentence.matchAll(OUTCOME) : []) {
    const at = m.index + m[0].length - m[1]!.length;
    if (!out.some((o) => o.at === at)) out.push(result(m[1]!, at, m.index + m[0].length, ""));
  }
  const status = STATUS.exec(sentence.trim());
  if (status) {
    const at = sentence.indexOf(status[1]!);
    out.push(result(status[1]!, at, sentence.length, status[2]!));
  }
  return out.filter((r) => r.value !== null && (!r.percent || (r.value >= 0 && r.value <= 100))).sort((a, b) => a.at - b.at);
}

function result(raw: string, at: number, end: number, noun: string): ResultPhrase {
  const r = rawOf(raw);
  return { at, end, raw: r, value: proseValue(r), percent: isPercent(r), noun };
}

const VERB = String.raw`(?:lå|ligger|var|er|har ligget|har vært|ligget)`;
const DEGREE = String.raw`(?:(?:litt|noe|godt|langt|betydelig|fortsatt|klart) )?`;
const VS_GOAL = new RegExp(String.raw`\b(?:ligget|ligger|lå|var|er|har vært) (${DEGREE}(under|over) måltall(?:et)?) (for ([^,.;]+))`, "iu");
const UNDER_LIMIT = new RegExp(String.raw`^(.*?) ${VERB} (${DEGREE}(under|over) grenseverdien (?:på|av) ((?:${NUM})${PCT}?))`, "iu");
const EQUAL = new RegExp(String.raw`^(.*?) ${VERB}(?: nede| oppe)? (?:på|i) ((?:${NUM})${PCT}?) som (?:tilsvarer|svarer til|er i tråd med) (?:måltallet|målet)\b`, "iu");

/**
 * Goal and outcome in one phrase: "… var nede på 351 som tilsvarer måltallet", "Ledige plasser …
 * lå under grenseverdien på 4 %", "… ligget litt under måltall for antall deltakere", "følger i
 * hovedsak … saksbehandlingstid på 3 uker".
 */
export function combinedIn(sentence: string, lower: string = sentence.toLowerCase()): CombinedPhrase[] {
  const out: CombinedPhrase[] = [];
  const equal = /tilsvarer|svarer til|i tråd med/u.test(lower) ? EQUAL.exec(sentence) : null;
  if (equal) {
    const label = asLabel(equal[1]);
    const at = equal.index + equal[0].indexOf(equal[2]!, equal[1]!.length);
    const raw = rawOf(equal[2]!);
    const found = { at, end: at + equal[2]!.length, raw, value: proseValue(raw), percent: isPercent(raw) };
    if (label && found.value !== null) out.push({ label, target: { ...found, operator: null }, result: found, relation: "equal", higherIsBetter: null });
  }
  const limit = lower.includes("grenseverdien") ? UNDER_LIMIT.exec(sentence) : null;
  if (limit) {
    const label = asLabel(limit[1]);
    const at = limit[1]!.length + 1 + limit[0].slice(limit[1]!.length + 1).indexOf(limit[2]!);
    const tAt = limit[0].length - limit[4]!.length;
    const raw = rawOf(limit[4]!);
    if (label) {
      out.push({
        label,
        target: { at: tAt, end: limit[0].length, raw, value: proseValue(raw), percent: isPercent(raw), operator: null },
        result: { at, end: limit[0].length, raw: rawOf(limit[2]!), value: null, percent: isPercent(raw) },
        relation: limit[3]!.toLowerCase() as "under" | "over",
        higherIsBetter: null,
      });
    }
  }
  const goal = lower.includes("måltall") ? VS_GOAL.exec(sentence) : null;
  if (goal) {
    const np = /^(.+?)(?=\s+(?:gjennom|i|i løpet|per|pr\.?|ved|og|men|som|hele)\b|$)/iu.exec(goal[4]!.trim())?.[1];
    const label = asLabel(np);
    if (label && np!.split(" ").length <= 5) {
      const at = goal.index + goal[0].indexOf(goal[1]!);
      const tAt = goal.index + goal[0].indexOf("måltall");
      out.push({
        label,
        target: { at: tAt, end: tAt + `måltall for ${np}`.length, raw: rawOf(`måltall for ${np}`), value: null, percent: false, operator: null },
        result: { at, end: at + goal[1]!.length, raw: rawOf(goal[1]!), value: null, percent: false },
        relation: goal[2]!.toLowerCase() as "under" | "over",
        higherIsBetter: null,
      });
    }
  }
  // the word test first, as for the other phrases; «ſ» folds to «s» in the pattern but is kept by toLowerCase
  const mostly = lower.includes("hovedsak") || sentence.includes("ſ") ? /\b(?:følger|overholder|holder|innfrir|når)(?: vi)? (i hovedsak)\b/iu.exec(sentence) : null;
  if (mostly) {
    const from = mostly.index + mostly[0].length;
    const deadline = /(?:\b(?:på|innen) |\()(\d{1,6} (?:uker|uke|dager|dag|virkedager|døgn|timer|måneder))\)?((?: (?:ved|for) \p{L}+)?)/giu;
    for (const d of sentence.slice(from).matchAll(deadline)) {
      const before = sentence.slice(from, from + d.index);
      const anchor = before.lastIndexOf(" om ");
      const subject = (anchor >= 0 ? before.slice(anchor + 4) : before).trim();
      if (subject === "" || subject.split(" ").length > 5) continue;
      const label = asLabel(`${subject}${d[2] ?? ""}`);
      const raw = d[1]!;
      const tAt = from + d.index + d[0].indexOf(raw);
      if (label) {
        out.push({
          label,
          target: { at: tAt, end: tAt + raw.length, raw, value: Number(raw.split(" ")[0]), percent: false, operator: null },
          result: { at: mostly.index + mostly[0].indexOf(mostly[1]!), end: from, raw: mostly[1]!, value: null, percent: false },
          relation: "mostly",
          higherIsBetter: false,
        });
      }
    }
  }
  return out;
}
