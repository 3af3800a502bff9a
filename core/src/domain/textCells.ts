/**
 * What a report prints in a result or target cell instead of a number: «Ingen måling i år»,
 * «Bydelen har ikke tall», «Mangler befolkningstall pr 01.01.2025». Such a cell is kept as its text
 * with no value, and is never part of a row's label.
 */
const PHRASES = [
  "ingen\\s+(?:måling|målinger|resultat|data|tall|registrering)",
  "ikke\\s+(?:målt|aktuelt|relevant|tilgjengelig|registrert|beregnet|rapportert)",
  "(?:bydelen\\s+)?har\\s+ikke\\s+(?:tall|data|resultat)",
  "mangler\\s+(?:data|tall|befolkningstall|grunnlag|resultat)",
  "måles\\s+ikke",
  "ikke\\s+målt\\s+i\\s+år",
  "under\\s+utarbeidelse",
];

/** A text cell ending a table line: one of the phrases, with a few words or a date after it. */
export const TEXT_CELL_AT_END = new RegExp(`(?:^|\\s)((?:${PHRASES.join("|")})(?:\\s+[\\p{L}\\d.,/-]+){0,5})\\s*$`, "iu");

/** The reason a text cell gives for having no value. */
export function textCellReason(text: string): "not-measured" | "no-data" {
  return /måling|målt|måles/iu.test(text) ? "not-measured" : "no-data";
}
