import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportSchema, severityCount, type Report } from "@bydel/core";
import { main } from "../../packages/cli/src/index.js";

// `bydel check`: errors and warnings by default, the counts, the hidden notes, --all and --json.

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (n: string) => join(root, "tests/fixtures/reports", `${n}.txt`);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

async function reportOf(file: string): Promise<Report> {
  return reportSchema.parse(JSON.parse((await run("import", file, "--json")).stdout));
}

const count = (r: Report, s: string) => r.findings.filter((f) => f.severity === s).length;

describe("bydel check: the default view", () => {
  it("shows errors and warnings, hides the notes and says how many, and closes with the counts", async () => {
    const report = await reportOf(fixture("sagene-2024"));
    const [errors, warnings, notes] = [count(report, "error"), count(report, "warning"), count(report, "info")];
    expect(notes).toBeGreaterThan(10); // Sagene's rounding notes: most of the findings
    const r = await run("check", fixture("sagene-2024"));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const findingLines = lines.filter((l) => l.startsWith("linje "));
    expect(findingLines).toHaveLength(errors + warnings);
    expect(findingLines.every((l) => /^linje \S+  (FEIL|ADVARSEL)  /.test(l))).toBe(true);
    expect(r.stdout).not.toContain("MERKNAD");
    expect(lines.at(-2)).toBe(`${errors} feil, ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}, ${notes} merknader.`);
    expect(lines.at(-1)).toBe(`${notes} merknader skjult; vis dem med --all.`);
    // the text's contradictions: a count, then each one quoted (indented), before the closing counts
    const prose = lines.filter((l) => l.startsWith("Motstrid i teksten: ") || l.startsWith("  linje "));
    expect(prose[0]).toMatch(/^Motstrid i teksten: \d+ \(\d+ beløp i teksten kontrollert\)$/u);
    expect(lines).toHaveLength(errors + warnings + prose.length + 2);
  });

  it("shows every finding with --all, notes as MERKNAD, and nothing hidden", async () => {
    const report = await reportOf(fixture("sagene-2024"));
    const r = await run("check", "--all", fixture("sagene-2024"));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("linje "))).toHaveLength(report.findings.length);
    expect(lines.filter((l) => /^linje \S+  MERKNAD  /.test(l))).toHaveLength(count(report, "info"));
    expect(r.stdout).not.toContain("skjult");
    expect(lines.at(-1)).toBe(`${count(report, "error")} feil, ${severityCount("warning", count(report, "warning"))}, ${count(report, "info")} merknader.`);
  });

  it("a report with notes only: exit 0, no finding lines, the notes counted and hidden", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bydel-check-"));
    const file = join(dir, "uten-feil.txt");
    // the first 302 lines of Vestre Aker: Tabell 0.1 and 0.1 B, whose differences are all rounding (less line 133,
    // whose «49 759 innbyggere» the population table's 52 590 contradicts)
    writeFileSync(file, readFileSync(fixture("vestre-aker-2024"), "utf8").split("\n").slice(0, 302).map((l, i) => (i === 132 ? "" : l)).join("\n"));
    const report = await reportOf(file);
    const notes = count(report, "info");
    expect(notes).toBeGreaterThan(0);
    expect(report.findings).toHaveLength(notes);
    const r = await run("check", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Motstrid i teksten: 0 \(\d+ beløp i teksten kontrollert\)\n/u);
    expect(r.stdout.endsWith(`0 feil, 0 advarsler, ${severityCount("info", notes)}.\n${severityCount("info", notes)} skjult; vis ${notes === 1 ? "den" : "dem"} med --all.\n`)).toBe(true);
  });

  it("prefixes every line with its file when several are checked", async () => {
    const r = await run("check", fixture("sagene-2024"), fixture("vestre-aker-2024"));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const total = lines.pop()!;
    expect(lines.every((l) => l.startsWith(fixture("sagene-2024")) || l.startsWith(fixture("vestre-aker-2024")))).toBe(true);
    expect(lines.filter((l) => / merknader skjult; vis dem med --all\.$/.test(l))).toHaveLength(2);
    const all = [...(await reportOf(fixture("sagene-2024"))).findings, ...(await reportOf(fixture("vestre-aker-2024"))).findings];
    const n = (s: string) => all.filter((f) => f.severity === s).length;
    expect(total).toBe(`I alt: ${n("error")} feil, ${severityCount("warning", n("warning"))}, ${n("info")} merknader.`);
  });
});

describe("bydel check --json", () => {
  it("prints every finding with severity, code, line, page and message, with counts, and nothing else on stdout", async () => {
    const report = await reportOf(fixture("sagene-2024"));
    const r = await run("check", "--json", fixture("sagene-2024"));
    expect(r.code).toBe(1); // the same exit code as without --json
    const json = JSON.parse(r.stdout) as {
      counts: Record<string, number>;
      reports: { file: string; district: string | null; year: number | null; counts: Record<string, number>; findings: Record<string, unknown>[] }[];
    };
    const counts = { error: count(report, "error"), warning: count(report, "warning"), info: count(report, "info") };
    expect(json.counts).toEqual(counts);
    expect(json.reports).toHaveLength(1);
    const [one] = json.reports;
    expect(one).toMatchObject({ file: fixture("sagene-2024"), district: "Sagene", year: 2024, counts });
    // every finding, notes too, in the report's order, with exactly the documented fields
    expect(one!.findings).toEqual(report.findings.map((f) => ({ severity: f.severity, code: f.code, line: f.line, page: null, message: f.message })));
    for (const f of one!.findings) expect(Object.keys(f)).toEqual(["severity", "code", "line", "page", "message"]);
    expect(one!.findings.filter((f) => f.line === 248).map((f) => [f.severity, f.code])).toContainEqual(["error", "SUM_MISMATCH"]);
  });

  it("gives the page of a PDF's findings as a number, the same the message names", async () => {
    const pdf = join(root, "tests/fixtures/pdf/sagene-2024.pdf");
    const r = await run("check", "--json", pdf);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { reports: { findings: { line: number | null; page: number | null; message: string }[] }[] };
    const findings = json.reports[0]!.findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings.filter((x) => x.line !== null)) {
      expect(f.page).toBeGreaterThan(0);
      expect(f.message).toMatch(new RegExp(`\\(side ${f.page}\\)$`));
    }
  });

  it("keeps one shape for several files, with counts in all", async () => {
    const r = await run("check", "--json", fixture("sagene-2024"), fixture("grunerlokka-2024"));
    const json = JSON.parse(r.stdout) as { counts: Record<string, number>; reports: { counts: Record<string, number> }[] };
    expect(json.reports).toHaveLength(2);
    for (const s of ["error", "warning", "info"]) expect(json.counts[s]).toBe(json.reports[0]!.counts[s]! + json.reports[1]!.counts[s]!);
  });
});
