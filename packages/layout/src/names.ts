/** Excel's rules for sheet and table names, applied to names made from report data. */

export const MAX_SHEET_NAME = 31;
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A valid sheet name: forbidden characters []:*?/\ replaced by "-", no leading/trailing apostrophe,
 * at most 31 characters, and unique (case-insensitive) among `taken`, which it is added to.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(SHEET_FORBIDDEN, "-").replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, " ").replace(/^'+|'+$/g, "").replace(/\s+/g, " ").trim();
  if (base === "" || base.toLowerCase() === "history") base = "Ark";
  let candidate = base.slice(0, MAX_SHEET_NAME).trim();
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trim() + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** ASCII letters for Norwegian and other accented letters: Økonomi → Okonomi, Grünerløkka → Grunerlokka. */
function toAscii(text: string): string {
  return text
    .replace(/[Ææ]/g, (c) => (c === "Æ" ? "Ae" : "ae"))
    .replace(/[Øø]/g, (c) => (c === "Ø" ? "O" : "o"))
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/**
 * A valid, unique table name: starts with a letter, then letters, digits and "_", ≤ 255 characters,
 * not shaped like a cell reference (A1, R1C1), unique (case-insensitive) among `taken`.
 */
export function tableName(wanted: string, taken: Set<string>): string {
  let base = toAscii(wanted).replace(/[^A-Za-z0-9_]+/g, "_").replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  if (!/^[A-Za-z]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `T_${base}`;
  base = base.slice(0, 200);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
