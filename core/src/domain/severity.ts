import type { FindingSeverity } from "../schema/report.js";

/**
 * The one Norwegian word for each finding severity, everywhere a controller reads one: the
 * command, the workbook's sheets and the add-in's task pane. `error`/`warning`/`info` stay the
 * JSON's values; these are what is shown.
 */
export const severityWords: Readonly<Record<FindingSeverity, { readonly one: string; readonly many: string }>> = {
  error: { one: "feil", many: "feil" },
  warning: { one: "advarsel", many: "advarsler" },
  info: { one: "merknad", many: "merknader" },
};

/** Most serious first: the order findings and counts are shown in. */
export const severityOrder: readonly FindingSeverity[] = ["error", "warning", "info"];

/** The word as a label starting a line or a cell: «Feil», «Advarsel», «Merknad». */
export function severityLabel(severity: FindingSeverity): string {
  const word = severityWords[severity].one;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A count with its word: «1 advarsel», «0 advarsler», «30 merknader». */
export function severityCount(severity: FindingSeverity, n: number): string {
  return `${n} ${n === 1 ? severityWords[severity].one : severityWords[severity].many}`;
}
