import { firstIndex, isBlank, lastVisibleCode, type Line } from "../source/lines.js";
import { isPageFooter } from "../rows/rows.js";

/**
 * Running text as paragraphs (blocks of consecutive lines) and sentences, each character mapped
 * back to its line, so a phrase found across a line break still reports the line it starts on.
 */

export interface Block {
  /** The lines' text, trimmed, joined with one space; runs of space collapsed. */
  readonly text: string;
  /** starts[k] is the offset in `text` where line nos[k] begins. */
  readonly starts: readonly number[];
  readonly nos: readonly number[];
  /** A one-line heading ("H3 Fagdekning hjemmesykepleie", "4.2 Saksbehandlingstid"). */
  readonly heading: boolean;
  /** A numbered chapter heading ("3.6.3 Situasjonsbeskrivelse"). */
  readonly numbered: boolean;
}

export interface Sentence {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** "3.6 Funksjonsområde 3: Helse og omsorg", "4.2 Saksbehandlingstid", "6 Oppfølging av …" (not "3 av disse …", "2024 Bydelen …"). */
const NUMBERED = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u;

function isNumberedHeading(text: string): boolean {
  const t = text.trimStart();
  if (t.charCodeAt(0) < 48 || t.charCodeAt(0) > 57) return false;
  return NUMBERED.test(t) && t.length <= 100 && !/[.,;]\s*$/u.test(t);
}

/** Three values (or placeholders) at the end of a line: "17 % 51 % > 66 %", "1 006 2 970", "- 50 -". */
const CELLS_AT_END = /(?:(?:^|\s+)(?:[<>≥≤]=?\s?)?[+\-−]?(?:\d+(?:[.,]\d+)?|[*\-–−x])\s?(?:%|pp)?){3}\s*$/u;

/** A line of table cells, not prose (the last 48 characters decide: the test runs on every line). */
function isTableLine(text: string): boolean {
  // the last cell ends in a digit, a placeholder, «%» or «pp»: most prose lines fail here, before the pattern
  const c = lastVisibleCode(text);
  if (!((c >= 48 && c <= 57) || c === 0x25 || c === 0x70 || c === 0x2a || c === 0x2d || c === 0x2013 || c === 0x2212 || c === 0x78)) return false;
  return CELLS_AT_END.test(text.length > 48 ? text.slice(-48) : text);
}

/**
 * A short line without closing punctuation, followed by a line that starts a sentence: a heading
 * printed directly above its paragraph ("Sykefravær" / "Enheten opplever …").
 */
function isHeadingLine(text: string, next: string | undefined): boolean {
  const t = text.trim();
  if (t.length > 70 || /[.,;:!?\-–]$/u.test(t) || !/^[\p{Lu}\d]/u.test(t)) return false;
  return next === undefined || isBlank(next) || /^\s*[\p{Lu}\d]/u.test(next);
}

/** \s covers NBSP, the narrow and figure spaces, tab and form feed; most lines need no replacing. */
function clean(text: string): string {
  return (/\s\s|[^\S ]/u.test(text) ? text.replace(/\s+/gu, " ") : text).trim();
}

function makeBlock(lines: readonly Line[], heading: boolean): Block {
  let text = "";
  const starts: number[] = [];
  const nos: number[] = [];
  for (const l of lines) {
    if (text !== "") text += " ";
    starts.push(text.length);
    nos.push(l.no);
    text += clean(l.text);
  }
  return { text, starts, nos, heading, numbered: heading && lines.length === 1 && isNumberedHeading(text) };
}

/** The paragraphs of the text, skipping table lines, page footers and the given lines (tables read elsewhere). */
export function blocksOf(lines: readonly Line[], skip: ReadonlySet<number>): Block[] {
  const out: Block[] = [];
  let cur: Line[] = [];
  const flush = (): void => {
    if (cur.length > 0) out.push(makeBlock(cur, false));
    cur = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (skip.has(line.no) || isBlank(line.text) || isTableLine(line.text)) {
      flush();
      continue;
    }
    if (line.text.includes("•") && isPageFooter(line.text)) continue;
    if (isNumberedHeading(line.text)) flush();
    if (cur.length === 0 && (isNumberedHeading(line.text) || isHeadingLine(line.text, lines[i + 1]?.text))) {
      out.push(makeBlock([line], true));
      continue;
    }
    cur.push(line);
  }
  flush();
  return out;
}

/** The line a character of a block's text sits on. */
export function lineAt(block: Block, offset: number): number {
  // binary search: a paragraph of thousands of lines is asked for thousands of offsets
  const after = firstIndex(block.starts, (start) => start <= offset);
  return block.nos[Math.max(0, after - 1)]!;
}

/** Abbreviations and ordinals after which a period does not end a sentence ("ca. 11,8", "31. desember"). */
const NO_END = /(?:^|[\s(])(?:ca|kr|mill|mrd|nr|jf|jfr|kap|pr|bl\.a|f\.eks|dvs|inkl|ekskl|evt|ref|mnd|stk|tlf|kl|ift|iht|mht|vs|avd|pkt|osv|o\.l|t\.o\.m|f\.o\.m|\d{1,2})$/iu;

/**
 * The longest sentence: a run without a sentence end beyond it (a report's longest is some 1 500
 * characters) is cut at a semicolon, comma or space, so the phrase matchers' work per sentence is
 * bounded and a paragraph's reading stays linear in its length.
 */
export const MAX_SENTENCE = 2000;

/** A block's sentences: a period, ! or ? followed by a space and a capital or a digit ends one. */
export function sentencesOf(block: Block): Sentence[] {
  const out: Sentence[] = [];
  const t = block.text;
  let start = 0;
  const push = (end: number): void => {
    while (end - start > MAX_SENTENCE) {
      const cut = cutAt(t, start, start + MAX_SENTENCE);
      out.push({ block, start, end: cut, text: t.slice(start, cut) });
      start = cut + (t[cut] === " " ? 1 : 0);
    }
    if (end > start) out.push({ block, start, end, text: t.slice(start, end) });
  };
  for (const m of t.matchAll(/[.!?](?=\s+[\p{Lu}\d«"(])/gu)) {
    const end = m.index + 1;
    if (NO_END.test(t.slice(Math.max(start, m.index - 12), m.index))) continue;
    push(end);
    start = end + 1;
  }
  if (start < t.length) push(t.length);
  return out;
}

/** Where to cut an over-long sentence before `limit`: after its last semicolon or comma in the last quarter, else at its last space. */
function cutAt(t: string, start: number, limit: number): number {
  const floor = start + (limit - start) * 0.75;
  for (const mark of ["; ", ", "]) {
    const i = t.lastIndexOf(mark, limit - 2);
    if (i >= floor) return i + 1;
  }
  const space = t.lastIndexOf(" ", limit);
  return space > start ? space : limit;
}
