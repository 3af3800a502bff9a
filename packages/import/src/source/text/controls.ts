import type { Finding } from "@bydel/core";
import { NotAReportError } from "../../errors.js";

/** Controls an extractor may leave in text (U+0000 for a glyph without a Unicode mapping); line ends, tab and form feed stay. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/gu;
/** More NULs than this share of the text is a binary file, not text with a few unmapped glyphs. */
const BINARY_NUL_SHARE = 0.01;

/** Drops stray control characters with an info finding; refuses text that is mostly binary. */
export function dropControls(text: string): { text: string; finding: Finding | null } {
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
