import type { Finding } from "@bydel/core";
import { NotAReportError } from "../../errors.js";

/** Controls an extractor may leave in text (U+0000 for a glyph without a Unicode mapping); line ends, tab and form feed stay. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/gu;
/** More NULs than this share of the text is a binary file, not text with a few unmapped glyphs. */
const BINARY_NUL_SHARE = 0.01;

/**
 * Marks that shape text without being any of it: a soft hyphen (a word processor's optional break,
 * «Funksjons\u00ADområde»), zero-width spaces and joiners, a word joiner, a byte-order mark inside
 * the text. Left in, they split a row's label or a number's digit groups, so they go without a word.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** Typographic ligatures, as a PDF's text may carry them («ﬁ» in «Kvaliﬁseringsordningen»). */
const LIGATURES: Readonly<Record<string, string>> = { "\uFB00": "ff", "\uFB01": "fi", "\uFB02": "fl", "\uFB03": "ffi", "\uFB04": "ffl", "\uFB05": "st", "\uFB06": "st" };
const LIGATURE = /[\uFB00-\uFB06]/gu;

/** Drops stray control characters with an info finding (and invisible marks, spelling out ligatures); refuses text that is mostly binary. */
export function dropControls(input: string): { text: string; finding: Finding | null } {
  const text = input.replace(INVISIBLE, "").replace(LIGATURE, (l) => LIGATURES[l]!);
  let count = 0;
  let nul = 0;
  const cleaned = text.replace(CONTROL, (c) => {
    count++;
    if (c === "\u0000") nul++;
    return "";
  });
  if (count === 0) return { text, finding: null };
  if (nul > Math.max(8, text.length * BINARY_NUL_SHARE)) {
    throw new NotAReportError("binary", "Filen er binær (inneholder mange NUL-tegn), ikke tekst. Importer årsberetningen som PDF eller som tekst (.txt).");
  }
  return { text: cleaned, finding: controlsFinding(count) };
}

export function controlsFinding(count: number): Finding {
  return {
    severity: "info",
    code: "CONTROL_CHARACTERS_DROPPED",
    line: null,
    message: `${count} kontrolltegn (f.eks. U+0000 for en bokstav uten tegnkode i PDF-en) er fjernet fra teksten før import. Sjekk tekst der en bokstav kan mangle.`,
  };
}
