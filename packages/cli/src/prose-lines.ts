import { formatNorwegian, printedDecimals, proseContradictions, proseScopeWords, type Report, type Statement } from "@bydel/core";

/** Room for a quote on a terminal line; the whole quote is in the JSON and the workbook. */
const QUOTE_CHARS = 160;

/** Report text on one terminal line, as data: no line breaks, no control characters (no escape sequences). */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "").replace(/\s+/g, " ").trim();
}

function contradictionLine(s: Statement): string {
  const quote = oneLine(s.quote);
  const cut = quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS - 1)}…` : quote;
  // both figures at the stated precision («+1,0 %» against 4,8 %, not 4,765942…)
  const decimals = s.stated.unit === "kNOK" ? 0 : printedDecimals(s.stated.raw);
  // held against the text's own numbers (a count and its parts), not a table
  const against = s.reference?.table !== "text" ? "tabellen" : s.inTable ? "tabellens egne tall" : "tekstens egne tall";
  const table = s.reference ? `, ${against} ${formatNorwegian(s.reference.value, { decimals })}` : "";
  return `  linje ${s.line}  ${proseScopeWords(s.scope)}: oppgitt ${oneLine(s.stated.raw)} (${formatNorwegian(s.stated.value, { decimals })})${table}: «${cut}»`;
}

/**
 * What `bydel check` says about the running text: how many of its amounts the tables contradict
 * (PROSE_MISMATCH beyond info, as on the workbook's Kontroll sheet), and which. Nothing when the
 * import held no amount of the text against the tables.
 */
export function proseLines(report: Report): string[] {
  const statements = report.statements ?? [];
  const contradictions = proseContradictions(report.findings).length;
  if (statements.length === 0 && contradictions === 0) return [];
  const checked = statements.length === 1 ? "1 beløp i teksten kontrollert" : `${statements.length} beløp i teksten kontrollert`;
  const listed = statements.filter((s) => s.verdict === "contradicts").sort((a, b) => a.line - b.line);
  return [`Motstrid i teksten: ${contradictions} (${checked})`, ...listed.map(contradictionLine)];
}
