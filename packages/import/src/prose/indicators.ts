import { higherIsBetterBySubject, higherIsBetterOf, indicatorDeviation, lowerIsBetterBySubject, serviceAreaOf, type ComparisonOperator, type Indicator, type IndicatorUnit, tableReading, unitWords } from "@bydel/core";
import { firstIndex, type Line } from "../source/lines.js";
import { asLabel, combinedIn, headingTarget, resultsIn, targetsIn, type CombinedPhrase, type Found, type ResultPhrase, type TargetPhrase } from "./indicatorPhrases.js";
import { blocksOf, lineAt, sentencesOf, type Block, type Sentence } from "./text.js";

/**
 * Indicators stated in running text rather than a table: a goal ("Sykefraværsmålet har vært 7 %",
 * "minimum 85 %", "(85%)" in a heading) and the outcome stated after it in the same paragraph or,
 * after a goal that ends its paragraph, within a few lines ("… har per 31 desember 81,6%
 * fagdekking"). Emitted with kind "prose" and needsReview; never checked into an error.
 */

const LOOKAHEAD_LINES = tableReading.proseLookahead;

const UNIT_HEADING = /^(?:enhet|enheten|avdeling|seksjon|tjenesten|virksomhet)\b/iu;

interface Located<P extends Found> {
  readonly phrase: P;
  readonly sentence: Sentence;
  /** Offset in the block's text. */
  readonly at: number;
}

interface Parsed {
  readonly targets: Located<TargetPhrase>[];
  readonly combined: { phrase: CombinedPhrase; sentence: Sentence }[];
  readonly lastSentence: Sentence | undefined;
  /** Read only where a goal looks for its outcome. */
  results(): Located<ResultPhrase>[];
}

/** Words every goal phrase has: a paragraph without them needs no sentence split (most have none). */
const GOAL_WORDS = /mål|skal|grenseverdi|tilsvarer|svarer til|i tråd med|hovedsak/u;

/** Every phrase but "under måltall for …" has a number. */
const mayHold = (s: Sentence): boolean => /\d/u.test(s.text) || /måltall/iu.test(s.text);

function parse(block: Block, year: number | null): Parsed {
  let sentences: Sentence[] | undefined;
  const split = (): Sentence[] => (sentences ??= sentencesOf(block));
  const targets: Located<TargetPhrase>[] = [];
  const combined: Parsed["combined"] = [];
  if (GOAL_WORDS.test(block.text.toLowerCase())) {
    for (const sentence of split().filter(mayHold)) {
      const lower = sentence.text.toLowerCase(); // once for both readers
      for (const phrase of combinedIn(sentence.text, lower)) combined.push({ phrase, sentence });
      for (const phrase of targetsIn(sentence.text, lower)) targets.push({ phrase, sentence, at: sentence.start + phrase.at });
    }
  }
  let results: Located<ResultPhrase>[] | undefined;
  return {
    targets,
    combined,
    lastSentence: targets.length > 0 ? split()[split().length - 1] : undefined,
    results: () =>
      (results ??= split()
        .filter(mayHold)
        .flatMap((sentence) => resultsIn(sentence.text).map((phrase) => ({ phrase, sentence, at: sentence.start + phrase.at })))
        .filter((r) => ofYear(r, year))
        .sort((a, b) => a.at - b.at)),
  };
}

interface Context {
  readonly area: string | null;
  /** The unit a passage is about ("Enhet for tilrettelagte tjenester"), from the last such heading in the chapter. */
  readonly unit: string | null;
  /** The last plain heading above, a label when the goal names no subject. */
  readonly heading: string | null;
}

const fits = (t: TargetPhrase, r: ResultPhrase): boolean => t.percent === r.percent;

function unitOf(label: string, percent: boolean, targetRaw: string): IndicatorUnit {
  if (percent) return "percent";
  if (unitWords.daysInTarget.test(targetRaw)) return "days";
  if (unitWords.count.test(label)) return "count";
  return "other";
}

function labelWithUnit(label: string, ctx: Context): string {
  return ctx.unit && label.split(" ").length <= 2 && !label.includes(ctx.unit) ? `${label} – ${ctx.unit}` : label;
}

function direction(label: string, noun: string, operator: ComparisonOperator | null, fromWording: boolean | null): boolean | null {
  if (operator) return higherIsBetterOf(operator);
  if (fromWording !== null) return fromWording;
  if (lowerIsBetterBySubject(label)) return false;
  if (higherIsBetterBySubject(`${label} ${noun}`)) return true;
  return null;
}

function indicator(
  line: number,
  label: string,
  ctx: Context,
  target: Found & { operator: TargetPhrase["operator"] },
  result: Found,
  noun: string,
  relation: CombinedPhrase["relation"] | null,
  fromWording: boolean | null,
): Indicator {
  const percent = target.percent || result.percent;
  const fullLabel = labelWithUnit(label, ctx);
  const unit = unitOf(fullLabel, percent, target.raw);
  const higherIsBetter = direction(fullLabel, noun, target.operator, fromWording);
  let deviation: number | null = null;
  let met: boolean | null = null;
  if (result.value !== null && target.value !== null && target.percent === result.percent) {
    const d = indicatorDeviation(result.value, { operator: target.operator, value: target.value, unit: percent ? "percent" : "number" }, { higherIsBetter });
    deviation = d.deviation;
    met = d.met ?? (deviation === 0 && target.operator === null ? true : null);
  } else if (relation === "equal") met = true;
  else if ((relation === "under" || relation === "over") && higherIsBetter !== null) met = (relation === "over") === higherIsBetter;
  return {
    line,
    area: ctx.area,
    label: fullLabel,
    unit,
    target: { raw: target.raw, operator: target.operator, value: target.value },
    result: { raw: result.raw, value: result.value },
    statedDeviation: null,
    deviation,
    higherIsBetter,
    met,
    kind: "prose",
    needsReview: true,
  };
}

/**
 * The lines from one line number down to another, in the text as read: a page break's running
 * header, footer and page number, dropped by page assembly, do not count.
 */
function lineDistance(lines: readonly Line[]): (from: number, to: number) => number {
  const index = (no: number): number => firstIndex(lines, (l) => l.no < no);
  return (from, to) => index(to) - index(from);
}

/** The first outcome below a goal that ends its paragraph: later paragraphs within a few lines, up to the next heading or goal. */
function resultBelow(blocks: readonly Block[], parsed: (b: number) => Parsed, from: number, line: number, t: TargetPhrase, distance: (from: number, to: number) => number): { block: number; r: Located<ResultPhrase> } | null {
  for (let k = from; k < blocks.length && distance(line, blocks[k]!.nos[0]!) <= LOOKAHEAD_LINES; k++) {
    if (blocks[k]!.heading) return null;
    const p = parsed(k);
    const first = p.results()[0];
    const firstGoal = Math.min(p.targets[0]?.at ?? Infinity, ...p.combined.map((c) => c.sentence.start));
    if (first && first.at < firstGoal) return fits(t, first.phrase) && distance(line, lineAt(blocks[k]!, first.at)) <= LOOKAHEAD_LINES ? { block: k, r: first } : null;
    if (Number.isFinite(firstGoal)) return null;
  }
  return null;
}

const YEARS = /\b(?:19|20)\d{2}\b/gu;

/** The years a sentence names, found once per sentence (a paragraph of many outcomes would rescan it per outcome). */
const yearsOf = new WeakMap<Sentence, number[]>();

/** An outcome dated only to other years than the report's ("for 2023 var på 9 %") is no outcome of the report year. */
function ofYear(r: Located<ResultPhrase>, year: number | null): boolean {
  if (year === null) return true;
  let years = yearsOf.get(r.sentence);
  if (!years) yearsOf.set(r.sentence, (years = [...r.sentence.text.matchAll(YEARS)].map((m) => Number(m[0]))));
  return years.length === 0 || years.includes(year);
}

/** The first outcome at or after `from` in a paragraph's outcomes (sorted by offset). */
function firstFrom(results: readonly Located<ResultPhrase>[], from: number): Located<ResultPhrase> | undefined {
  return results[firstIndex(results, (r) => r.at < from)];
}

/** Prose indicators of the text. `skip`: lines of tables read elsewhere; `year`: the report year, when known. */
export function readProseIndicators(lines: readonly Line[], skip: ReadonlySet<number>, year: number | null = null, paragraphs?: readonly Block[]): Indicator[] {
  const blocks = paragraphs ?? blocksOf(lines, skip);
  const distance = lineDistance(lines);
  const cache = new Map<number, Parsed>();
  const parsed = (b: number): Parsed => {
    let p = cache.get(b);
    if (!p) cache.set(b, (p = parse(blocks[b]!, year)));
    return p;
  };
  const out: Indicator[] = [];
  const used = new Set<string>();
  let area: string | null = null;
  let areaNumber: string | null = null;
  let unit: string | null = null;
  let heading: { text: string; line: number } | null = null;

  const take = (b: number, r: Located<ResultPhrase>): number | null => {
    const key = `${b}:${r.at}`;
    if (used.has(key)) return null;
    used.add(key);
    return lineAt(blocks[b]!, r.at);
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.numbered) {
      const no = /^\d+(?:\.\d+)*/u.exec(block.text)![0];
      const named = serviceAreaOf(block.text);
      // a sub-heading naming the area ("3.7.4 Hovedoversikt økonomi FO4") stays within its chapter ("3.7")
      if (named) [area, areaNumber] = [named, areaNumber !== null && no.startsWith(`${areaNumber}.`) ? areaNumber : no];
      else if (areaNumber !== null && no !== areaNumber && !no.startsWith(`${areaNumber}.`)) [area, areaNumber] = [null, null];
      unit = null;
      heading = { text: block.text.replace(/^\d+(?:\.\d+)*\.?\s+/u, ""), line: block.nos[0]! };
      continue;
    }
    const headingLabel = heading && block.nos[0]! - heading.line <= 10 ? heading.text : null;
    const ctx: Context = { area, unit, heading: headingLabel };
    if (block.heading) {
      if (UNIT_HEADING.test(block.text)) unit = block.text;
      heading = { text: block.text, line: block.nos[0]! };
      const t = headingTarget(block.text);
      const label = asLabel(t?.label);
      const below = t && label && resultBelow(blocks, parsed, b + 1, block.nos[0]!, t, distance);
      if (t && label && below) {
        const line = take(below.block, below.r);
        if (line !== null) out.push(indicator(line, label, ctx, t, below.r.phrase, below.r.phrase.noun, null, null));
      }
      continue;
    }
    const p = parsed(b);
    for (const { phrase, sentence } of p.combined) {
      out.push(indicator(lineAt(block, sentence.start + phrase.result.at), phrase.label, ctx, phrase.target, phrase.result, "", phrase.relation, phrase.higherIsBetter));
    }
    for (const [j, t] of p.targets.entries()) {
      const label = asLabel(t.phrase.label) ?? ctx.heading;
      if (!label) continue;
      const nextGoal = p.targets[j + 1]?.at ?? Infinity;
      const next = firstFrom(p.results(), t.phrase.end + t.sentence.start);
      const inBlock = next && next.at < nextGoal ? next : undefined;
      let found: { block: number; r: Located<ResultPhrase> } | null = null;
      if (inBlock) found = fits(t.phrase, inBlock.phrase) ? { block: b, r: inBlock } : null;
      else if (t.sentence === p.lastSentence && nextGoal === Infinity) found = resultBelow(blocks, parsed, b + 1, lineAt(block, t.at), t.phrase, distance);
      if (!found) continue;
      const line = take(found.block, found.r);
      if (line !== null) out.push(indicator(line, label, ctx, t.phrase, found.r.phrase, found.r.phrase.noun, null, null));
    }
  }
  return out.filter(plausible).sort((a, b) => a.line - b.line);
}

/** A share is between 0 and 100 %: another value is a misreading, and no number beats a wrong one. */
function plausible(ind: Indicator): boolean {
  if (ind.unit !== "percent") return true;
  return [ind.target?.value, ind.result?.value].every((v) => v == null || (v >= 0 && v <= 100));
}
