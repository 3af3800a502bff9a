import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { reportSchema, type Report } from "@bydel/core";
import { main } from "../../packages/cli/src/index.js";
import { damaged, encryptedByHand, encryptedByPdfkit, manyPages, scanWithoutText, shortReportPdf, truncated, zeroPages } from "./pdf-files.js";

// `bydel import` and `bydel check` on PDFs: the Sagene fixture, and bad PDFs made here. A bad PDF
// gives exit 2, one Norwegian line on stderr, no stack trace, and no file written.

const root = fileURLToPath(new URL("../../", import.meta.url));
const sagenePdf = join(root, "tests/fixtures/pdf/sagene-2024.pdf");
const truth = JSON.parse(readFileSync(join(root, "tests/fixtures/pdf/sagene-2024.truth.json"), "utf8")) as {
  budgetTables: { table: string; rows: { label: string; values: (number | null)[] }[] }[];
};
const tmp = () => mkdtempSync(join(tmpdir(), "bydel-cli-pdf-"));

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("bydel import rapport.pdf", () => {
  let report: Report;
  beforeAll(async () => {
    const r = await run("import", sagenePdf, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    report = reportSchema.parse(JSON.parse(r.stdout));
  });

  it("reads the Sagene PDF: district, year, every budget table of the truth file", () => {
    expect(report.district).toBe("Sagene");
    expect(report.year).toBe(2024);
    expect(report.budgetTables).toHaveLength(truth.budgetTables.length);
    // Tabell 0.1, every row and cell as printed
    const t01 = report.budgetTables.find((t) => t.id === "0.1")!;
    expect(t01.rows.map((r) => [r.label, [r.previousActual, r.originalBudget, r.revisedBudget, r.actual, r.variance]])).toEqual(
      truth.budgetTables[0]!.rows.map((r) => [r.label, r.values]),
    );
    expect(report.indicators.length).toBeGreaterThan(20);
  });

  it("finds the report's own sum error and names the PDF page", () => {
    const sum = report.findings.find((f) => f.severity === "error" && f.code === "SUM_MISMATCH");
    expect(sum?.message).toMatch(/Sum netto utgifter, drift: avvik er oppgitt til −10\s410.*\(side \d+\)$/);
  });

  it("prints the summary, and writes a workbook and JSON from a PDF", async () => {
    const dir = tmp();
    const r = await run("import", sagenePdf, "--xlsx", join(dir, "sagene.xlsx"), "--out-dir", join(dir, "json"), "--json");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "sagene.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(JSON.parse(readFileSync(join(dir, "json/sagene-2024.json"), "utf8")).district).toBe("Sagene");
  });

  it("knows a PDF by its bytes, not its name: a PDF called .txt is read as PDF, text called .pdf as text", async () => {
    const dir = tmp();
    copyFileSync(sagenePdf, join(dir, "rapport.txt"));
    writeFileSync(join(dir, "tekst.pdf"), readFileSync(join(root, "tests/fixtures/reports/grunerlokka-2024.txt")));
    const r = await run("import", join(dir, "rapport.txt"), join(dir, "tekst.pdf"), "--out-dir", join(dir, "ut"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\[1\/2\] .*rapport\.txt: 103 sider, \d+ tabeller/m);
    expect(r.stderr).toMatch(/^\[2\/2\] .*tekst\.pdf: \d+ tabeller/m);
    expect(readdirSync(join(dir, "ut")).sort()).toEqual(["rapport.json", "tekst.json"]);
  });
});

describe("pages without text", () => {
  it("are named in a warning; the pages with text are read", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "kort.pdf"), await shortReportPdf([2, 4]));
    const r = await run("import", join(dir, "kort.pdf"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bydel Sagene, årsberetning 2024");
    expect(r.stdout).toMatch(/Tabell 0\.1 brutto driftsutgifter\s+linje \d+\s+3 rader/);
    expect(r.stdout).toMatch(/ADVARSEL  PAGES_WITHOUT_TEXT  Sidene 2, 4 i PDF-en har ingen tekst/);
  });
});

describe("bydel check rapport.pdf", () => {
  it("lists the findings with their pages and exits 1 for the report's errors", async () => {
    const r = await run("check", sagenePdf);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^linje \d+  FEIL  SUM_MISMATCH  Sum netto utgifter, drift: avvik er oppgitt til −10\s410.*\(side \d+\)$/m);
    expect(r.stdout).toMatch(/^linje \d+  FEIL  CROSS_TABLE_MISMATCH  FO1, regnskap i fjor/m);
    expect(r.stderr).toBe("");
  });
});

describe("bad PDFs: exit 2, one Norwegian message, nothing written", () => {
  const cases: [string, () => Buffer | Promise<Buffer>, RegExp][] = [
    ["kryptert.pdf", encryptedByHand, /passordbeskyttet/],
    ["kryptert-pdfkit.pdf", encryptedByPdfkit, /passordbeskyttet/],
    ["skadet.pdf", () => damaged(), /skadet eller avkortet/],
    ["avkortet.pdf", () => truncated(sagenePdf, 0.3), /skadet eller avkortet/],
    ["null-sider.pdf", zeroPages, /ingen sider/],
    ["skannet.pdf", scanWithoutText, /ingen tekst.*skannet/],
    ["mange-sider.pdf", () => manyPages(2000), /2000 sider; grensen er 1000/],
  ];
  for (const [name, make, message] of cases) {
    for (const command of ["import", "check"] as const) {
      it(`${command} ${name}`, async () => {
        const dir = tmp();
        const file = join(dir, name);
        writeFileSync(file, await make());
        const outputs = command === "import" ? ["--xlsx", join(dir, "ut.xlsx"), "--out-dir", join(dir, "ut"), "--json"] : [];
        const started = performance.now();
        const r = await run(command, file, ...outputs);
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(message);
        expect(r.stderr.startsWith(`bydel: ${file}: PDF-en `)).toBe(true);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).not.toMatch(/\n\s+at |Error:|intern feil/);
        expect(readdirSync(dir)).toEqual([name]);
      });
    }
  }

  it("2 000 pages are refused quickly, before any page is read", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "mange.pdf"), manyPages(2000));
    const started = performance.now();
    const r = await run("import", join(dir, "mange.pdf"));
    expect(r.code).toBe(2);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("the built command gives the same message, exit 2, and no stack trace", () => {
    const dir = tmp();
    const bin = join(root, "packages/cli/bin/bydel.js");
    if (!existsSync(join(root, "packages/cli/dist/index.js"))) throw new Error("packages/cli/dist mangler: kjør `npm run build` før testene");
    writeFileSync(join(dir, "skadet.pdf"), damaged());
    const p = spawnSync(process.execPath, [bin, "import", join(dir, "skadet.pdf"), "--xlsx", join(dir, "ut.xlsx")], { encoding: "utf8" });
    expect(p.status).toBe(2);
    expect(p.stdout).toBe("");
    expect(p.stderr.trim().split("\n")).toEqual([`bydel: ${join(dir, "skadet.pdf")}: PDF-en er skadet eller avkortet og kan ikke leses. Last ned filen på nytt, eller eksporter den som PDF igjen.`]);
    expect(existsSync(join(dir, "ut.xlsx"))).toBe(false);
  });
});
