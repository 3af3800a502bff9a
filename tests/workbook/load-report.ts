import { readFileSync } from "node:fs";
import * as importer from "@bydel/import";
import type { Report } from "@bydel/core";
import { fixturePath, reportFromExpected, type FixtureName } from "./report-from-expected.js";

type ImportReport = (text: string) => Report | Promise<Report>;

/** The importer's `importReport`, once @bydel/import exports it. */
export function realImport(): ImportReport | null {
  const fn = (importer as Record<string, unknown>).importReport;
  return typeof fn === "function" ? (fn as ImportReport) : null;
}

/** A fixture report through the real import when it exists, else from the hand-checked expected values. */
export async function loadReport(name: FixtureName): Promise<{ report: Report; source: "import" | "expected" }> {
  const importReport = realImport();
  if (importReport) return { report: await importReport(readFileSync(fixturePath("reports", name), "utf8")), source: "import" };
  return { report: reportFromExpected(name), source: "expected" };
}
