import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { severityLabel, severityOrder } from "@bydel/core";
import { importReport } from "@bydel/import";
import { buildLayout } from "@bydel/layout";
import { previewOf } from "../../addin/src/taskpane/preview.js";
import { main } from "../../packages/cli/src/index.js";

// One word per severity everywhere a controller reads one: feil, advarsel, merknad. The old words
// («info», «INFO», «Info») appear nowhere: not in the command, the workbook or the task pane.

const file = fileURLToPath(new URL("../fixtures/reports/sagene-2024.txt", import.meta.url));
const report = importReport(readFileSync(file, "utf8"));
const OLD = /\binfo\b/i;

async function run(...argv: string[]) {
  let stdout = "";
  await main(argv, { stdout: (t) => void (stdout += t), stderr: () => {} });
  return stdout;
}

describe("severity words", () => {
  it("the command: FEIL/ADVARSEL/MERKNAD on a finding's line, feil/advarsler/merknader in counts", async () => {
    const notes = report.findings.filter((f) => f.severity === "info").length;
    expect(notes).toBeGreaterThan(0);
    const check = await run("check", "--all", file);
    expect(check.split("\n").filter((l) => /^linje \S+  MERKNAD  /.test(l))).toHaveLength(notes);
    expect(check).toContain(`${notes} merknader.`);
    expect(check).not.toMatch(OLD);
    const summary = await run("import", file);
    expect(summary).toMatch(new RegExp(`^Funn: \\d+ feil, \\d+ advarsler?, ${notes} merknader$`, "m"));
    expect(summary).not.toMatch(OLD);
    expect(await run("check", "--help")).not.toMatch(OLD);
  });

  it("the workbook: Feil, Advarsel, Merknad in the findings sheet and the overview's counts", () => {
    const layout = buildLayout(report);
    const texts = (name: string) =>
      layout.sheets
        .find((s) => s.name === name)!
        .rows.flat()
        .flatMap((c) => (c && c.kind === "text" ? [c.value] : c && c.kind === "formula" ? [c.formula] : []));
    const kontroll = texts("Kontroll");
    expect(kontroll.filter((t) => t === "Merknad")).toHaveLength(report.findings.filter((f) => f.severity === "info").length);
    expect(kontroll.filter((t) => t === "Feil")).toHaveLength(report.findings.filter((f) => f.severity === "error").length);
    expect(kontroll).not.toContain("Info");
    const overview = texts("Oversikt");
    for (const s of severityOrder) {
      expect(overview).toContain(severityLabel(s));
      expect(overview.some((t) => t.startsWith("=COUNTIF(") && t.endsWith(`,"${severityLabel(s)}")`))).toBe(true);
    }
    expect(overview).not.toContain("Info");
  });

  it("the task pane: the same words in its counts and labels", () => {
    const p = previewOf(report);
    expect(p.summary.map((s) => s.text.replace(/^\d+ /, ""))).toEqual(["feil", "merknader"]);
    expect(severityOrder.map(severityLabel)).toEqual(["Feil", "Advarsel", "Merknad"]);
  });
});
