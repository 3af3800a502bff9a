// The import and the workbook layout, loaded when the first report is read: the pane opens without them.
export { importPdf, importReport, isNotAReportError } from "@bydel/import";
export { buildLayout } from "@bydel/layout";
