import type { CellStyle } from "./types.js";

/** The workbook's few styles, shared by every sheet so the add-in and the file look the same. */
export const colors = {
  header: "1F4E78",
  headerText: "FFFFFF",
  overspend: "C00000",
  /** Data bars: drawn in a column of their own (economy «Avvik (stolpe)»), never over a number. */
  underspendBar: "63BE7B",
  overspendBar: "F8696B",
  /** Tab colour of the summary sheets. */
  summaryTab: "63BE7B",
  input: "FFF2CC",
  total: "DDEBF7",
  muted: "595959",
} as const;

export const styles = {
  title: { bold: true, fontSize: 14, fontColor: colors.header } satisfies CellStyle,
  subtitle: { italic: true, fontColor: colors.muted } satisfies CellStyle,
  section: { bold: true, fontSize: 12, fontColor: colors.header, bottomBorder: true } satisfies CellStyle,
  label: { bold: true } satisfies CellStyle,
  header: { bold: true, fill: colors.header, fontColor: colors.headerText, wrapText: true } satisfies CellStyle,
  total: { bold: true, fill: colors.total } satisfies CellStyle,
  input: { fill: colors.input } satisfies CellStyle,
  error: { bold: true, fontColor: colors.overspend } satisfies CellStyle,
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
