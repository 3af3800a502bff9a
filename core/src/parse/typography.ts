/**
 * The characters a Norwegian report sets in numbers, in one place: the parsers here, the import's
 * text stages and its PDF source read them all the same way.
 */

/** Minus signs: hyphen-minus, minus sign, en dash, figure dash, hyphen. */
export const MINUS_SIGNS = "-\u2212\u2013\u2012\u2010";
/** Dashes that stand for a minus before a number but are not the two a reader expects («-», «−»). */
export const DASH_MINUS_SIGNS = "\u2013\u2012\u2010";
/** Spaces between a number's digit groups: space, no-break space, narrow no-break space, thin space, figure space. */
export const GROUP_SPACES = " \u00A0\u202F\u2009\u2007";
/** The group spaces that only ever separate thousands (never columns): typographic spaces. */
export const THOUSANDS_ONLY_SPACES = "\u00A0\u202F\u2009\u2007";

/** A character class of the given characters, escaped for a RegExp. */
export function charClass(chars: string): string {
  return `[${chars.replace(/[-\]\\^]/g, (c) => `\\${c}`)}]`;
}

const SIGNED = new RegExp(`^\\s*(?:[+(]|${charClass(MINUS_SIGNS)})`, "u");

/** A printed value that carries a sign: a plus, any minus, or an opening parenthesis («(240)»). */
export function isSigned(raw: string): boolean {
  return SIGNED.test(raw);
}
