import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Report } from "@bydel/core";
import { importPdf, importReport } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";

/** The three fixture reports, each as its original text, its `pdftotext -layout` text and its PDF. */
export const fixtureRoot = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const fixtureNames = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;
export type Source = "text" | "layout" | "pdf";

/** Imports every fixture from every source; the map's keys are `<name>:<source>`. */
export async function importFixtureSources(): Promise<Map<string, Report>> {
  const reports = new Map<string, Report>();
  const pdfjs = await loadNodePdfjs();
  for (const name of fixtureNames) {
    reports.set(`${name}:text`, importReport(readFileSync(`${fixtureRoot}reports/${name}.txt`, "utf8")));
    reports.set(`${name}:layout`, importReport(readFileSync(`${fixtureRoot}layout/${name}.txt`, "utf8")));
    reports.set(`${name}:pdf`, await importPdf(new Uint8Array(readFileSync(`${fixtureRoot}pdf/${name}.pdf`)), { pdfjs }));
  }
  return reports;
}
