import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Report } from "@bydel/core";
import { importPdf, importReport } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";

/** The three fixture reports, each as its original text, its `pdftotext -layout` text, its PDF and pdf.js's text joined into lines. */
export const fixtureRoot = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const fixtureNames = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;
export type Source = "text" | "layout" | "pdf" | "lines";

type Pdfjs = Awaited<ReturnType<typeof loadNodePdfjs>>;

/**
 * A PDF's text as a naive extractor gives it: pdf.js's items in their order, a line break where pdf.js
 * marks an item's end of line, no page breaks (no form feeds), no column gaps.
 */
export async function pdfjsLines(pdf: Uint8Array, pdfjs: Pdfjs): Promise<string> {
  const doc = await pdfjs.getDocument({ data: pdf }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
    text += "\n";
  }
  await doc.destroy();
  return text;
}

/** Imports every fixture from every source; the map's keys are `<name>:<source>`. */
export async function importFixtureSources(): Promise<Map<string, Report>> {
  const reports = new Map<string, Report>();
  const pdfjs = await loadNodePdfjs();
  for (const name of fixtureNames) {
    reports.set(`${name}:text`, importReport(readFileSync(`${fixtureRoot}reports/${name}.txt`, "utf8")));
    reports.set(`${name}:layout`, importReport(readFileSync(`${fixtureRoot}layout/${name}.txt`, "utf8")));
    const pdf = new Uint8Array(readFileSync(`${fixtureRoot}pdf/${name}.pdf`));
    reports.set(`${name}:lines`, importReport(await pdfjsLines(pdf.slice(), pdfjs)));
    reports.set(`${name}:pdf`, await importPdf(pdf, { pdfjs }));
  }
  return reports;
}
