import { readFileSync } from "node:fs";
import { importReport } from "@bydel/import";
import type { Report } from "@bydel/core";
import { fixturePath, type FixtureName } from "./report-from-expected.js";

/** A fixture report through the real import (`importReport` of @bydel/import), as the CLI reads it. */
export async function loadReport(name: FixtureName): Promise<{ report: Report; source: "import" }> {
  return { report: importReport(readFileSync(fixturePath("reports", name), "utf8")), source: "import" };
}
