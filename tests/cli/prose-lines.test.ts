import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { proseContradictions, type Finding, type Statement } from "@bydel/core";
import { importReport } from "@bydel/import";
import { readFileSync } from "node:fs";
import { main } from "../../packages/cli/src/index.js";
import { proseLines } from "../../packages/cli/src/prose-lines.js";
import { loadReport } from "../workbook/load-report.js";
import { withSageneProse } from "../workbook/sagene-prose.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

const contradiction: Statement = {
  subject: "netVariance",
  scope: { level: "serviceArea", table: "FO3", name: null },
  stated: { raw: "8,4 millioner\u001b[31m", value: -8400, unit: "kNOK", precision: 50 },
  line: 600,
  quote: `FO3 har et merforbruk på 8,4 millioner kroner.\nNeste linje ${"x".repeat(300)}`,
  reference: { table: "FO3", line: 610, column: "variance", value: -10410 },
  difference: 2010,
  verdict: "contradicts",
};
const finding: Finding = { severity: "error", code: "PROSE_MISMATCH", line: 600, message: "FO3: teksten −8,4 millioner, tabellen −10 410." };

describe("bydel check on the running text", () => {
  it("counts Sagene's checked amounts and finds no contradiction (line 256's «18,30» is a rounding note)", async () => {
    const report = withSageneProse((await loadReport("sagene-2024")).report);
    expect(proseLines(report)).toEqual(["Motstrid i teksten: 0 (5 beløp i teksten kontrollert)"]);
  });

  it("counts and lists a contradiction on one line each, report text as data (no line break, no escape sequence, cut)", async () => {
    const report = withSageneProse((await loadReport("sagene-2024")).report, { statements: [contradiction], findings: [finding] });
    const lines = proseLines(report);
    expect(lines[0]).toBe("Motstrid i teksten: 1 (6 beløp i teksten kontrollert)");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {2}linje 600 {2}FO3: oppgitt 8,4 millioner\[31m \(−8\u00a0400\), tabellen −10\u00a0410: «FO3 har et merforbruk på 8,4 millioner kroner\. Neste linje x+…»$/);
    expect(lines[1]).not.toMatch(/[\u0000-\u001f]/);
    expect(lines[1]!.length).toBeLessThan(300);
  });

  it("says nothing when the import held no amount of the text against the tables", async () => {
    const { report } = await loadReport("sagene-2024");
    expect(proseLines({ ...report, statements: [], findings: report.findings.filter((f) => f.code !== "PROSE_MISMATCH") })).toEqual([]);
    // a contradiction found without a statement behind it still counts
    expect(proseLines({ ...report, statements: [], findings: [finding] })).toEqual(["Motstrid i teksten: 1 (0 beløp i teksten kontrollert)"]);
  });

  it("is printed by `bydel check` after each report's findings, exactly when the import read the text's amounts", async () => {
    const file = join(root, "tests/fixtures/reports/sagene-2024.txt");
    let stdout = "";
    const code = await main(["check", file], { stdout: (t) => void (stdout += t), stderr: () => undefined });
    expect(code).toBe(1); // Sagene has errors in its tables
    const report = importReport(readFileSync(file, "utf8"));
    const expected = proseLines(report);
    if (expected.length === 0) expect(stdout).not.toContain("Motstrid i teksten");
    else {
      expect(stdout).toContain(`${expected.join("\n")}\n`);
      expect(expected[0]).toContain(`Motstrid i teksten: ${proseContradictions(report.findings).length}`);
    }
  });
});
