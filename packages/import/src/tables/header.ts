import { yearsIn } from "./grammar.js";

/**
 * The one header reader: the columns a header names, found by the column words of its table kind
 * (from the kind's registry entry), each with the year printed after it and where it stands. The
 * economy tables, the per-unit table and the indicator tables read their headers here, the
 * word-based ones on a header's text, the laid-out one (`layoutTable.ts`) cell by cell with each
 * cell's extent, before it lines the cells up by position.
 */

/** A table kind's header, as its registry entry gives it. */
export interface HeaderWords<K extends string> {
  /** A regex source per column word (no capture groups) and the column it names, in the order they are tried. */
  readonly words: readonly (readonly [source: string, kind: K])[];
  /** Words that may go on with a column's title between its word and its year («Resultat bydel 2023»). */
  readonly titleWords: readonly string[];
  /** Notes in parentheses name no column («Avvik (Resultat-måltall)»); false where a note may hold a column word. */
  readonly skipNotes: boolean;
  /** A word also names its column inside a longer word («Budsjettavvik», «øremerkede»). */
  readonly inWords?: boolean;
}

export interface HeaderColumn<K extends string> {
  readonly kind: K;
  /** The year printed after the word («Resultat 2024», «Resultat bydel 2023»), or null. */
  readonly year: number | null;
  /** Where the word (and its year) stands, in characters of the text read, offset by the text's own start. */
  readonly start: number;
  readonly end: number;
}

export interface HeaderRead<K extends string> {
  /** The columns in printed order. */
  readonly columns: HeaderColumn<K>[];
  /** Every year the text names, notes aside, with or without a column word. */
  readonly years: number[];
}

/** Notes in parentheses («(Resultat-måltall)») name no column: blanked, so the extents stay. */
const blank = (m: string): string => " ".repeat(m.length);
const withoutNotes = (text: string): string => (text.includes("(") ? text.replace(/\([^)]*\)/g, blank) : text);

interface Matcher<K extends string> {
  /** Cheap test first: most texts hold none of the words. */
  readonly quick: RegExp;
  readonly pattern: RegExp;
  readonly kinds: readonly K[];
}

const matchers = new WeakMap<object, Matcher<string>>();

/**
 * A column word stands as a word of its own (no letter or hyphen beside it), optionally followed
 * by words that go on with a column's title («bydel», «sykefravær») and its year.
 */
function matcherOf<K extends string>(header: HeaderWords<K>): Matcher<K> {
  const known = matchers.get(header) as Matcher<K> | undefined;
  if (known) return known;
  // (a title word is a word of its own too: «Mål Sykefraværsprosent» is two titles, not «Mål sykefravær» and «sprosent»)
  const title = header.titleWords.length > 0 ? `(?:\\s+(?:${header.titleWords.join("|")})(?![\\p{L}-]))?` : "";
  // (a word inside a longer one: the whole run of non-blanks from its start, which holds the word)
  const before = header.inWords ? "(?<!\\S)" : "(?<![\\p{L}-])";
  const word = (source: string): string => (header.inWords ? `(\\S*?(?:${source})\\S*)` : `(${source})`);
  const pattern = new RegExp(`${before}(?:${header.words.map(([source]) => word(source)).join("|")})(?![\\p{L}-])${title}\\s*(\\d{4})?`, "giu");
  const quick = new RegExp(header.words.map(([source]) => source).join("|"), "iu");
  const matcher = { quick, pattern, kinds: header.words.map(([, kind]) => kind) };
  matchers.set(header, matcher);
  return matcher;
}

/** The columns and years a header's text (or one cell of a laid-out header, starting at `offset`) names. */
export function readHeaderWords<K extends string>(text: string, header: HeaderWords<K>, offset = 0): HeaderRead<K> {
  const { quick, pattern, kinds } = matcherOf(header);
  const cleaned = header.skipNotes ? withoutNotes(text) : text;
  const columns: HeaderColumn<K>[] = [];
  if (quick.test(cleaned)) for (const m of cleaned.matchAll(pattern)) {
    let j = 1;
    while (m[j] === undefined) j++;
    const year = m[kinds.length + 1];
    columns.push({ kind: kinds[j - 1]!, year: year ? Number(year) : null, start: offset + m.index, end: offset + m.index + m[0].trimEnd().length });
  }
  return new Read(columns, cleaned);
}

/** A header read; its years are read only when asked for (most callers want the columns alone), and once. */
class Read<K extends string> implements HeaderRead<K> {
  private found: number[] | undefined;
  constructor(
    readonly columns: HeaderColumn<K>[],
    private readonly text: string,
  ) {}
  get years(): number[] {
    return (this.found ??= yearsIn(this.text));
  }
}
