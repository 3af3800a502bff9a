import { readdirSync, readFileSync } from "node:fs";
import { importReport } from "@bydel/import";
import { describe, expect, it } from "vitest";
import type { Finding, Statement } from "@bydel/core";
import { previewOf, proseOf } from "../src/taskpane/preview.js";
import { withSageneProse } from "../../tests/workbook/sagene-prose.js";
import { isPdfFile, pdfNote, textOfBytes, tooLarge } from "../src/taskpane/read-input.js";

const text = (name: string) => readFileSync(new URL(`../../tests/fixtures/reports/${name}.txt`, import.meta.url), "utf8");

describe("the task pane preview", () => {
  it("summarises Sagene: district, year, tables with row counts, findings by severity, errors first", () => {
    const report = importReport(text("sagene-2024"));
    const p = previewOf(report);
    expect(p.district).toBe("Bydel Sagene");
    expect(p.year).toBe("årsberetning 2024");
    const rows = report.budgetTables.reduce((n, t) => n + t.rows.length, 0);
    expect(p.counts).toEqual([`${report.budgetTables.length} økonomitabeller`, `${rows} tabellrader`, `${report.indicators.length} indikatorer`]);
    expect(p.tables[1]).toEqual({ title: "Tabell 0.1 B Netto driftsutgifter i 1000 kr", detail: "0.1B · 8 rader", missing: false });
    expect(p.tables.slice(-4).map((t) => `${t.title}: ${t.detail}`)).toEqual([
      "Resultatindikatorer: 27 rader",
      "Nøkkeltall: 35 rader",
      "Sykefravær: 15 rader",
      "Fra teksten (bør kontrolleres): 2 rader",
    ]);
    const n = (sev: string) => report.findings.filter((f) => f.severity === sev).length;
    expect(n("error")).toBeGreaterThanOrEqual(4); // Sagene's known errors: line 248, FO1 and FO3 cross-table, FO3 indicator signs
    expect(p.summary.map((s) => s.text)).toEqual([`${n("error")} feil`, ...(n("warning") ? [`${n("warning")} advarsler`] : []), `${n("info")} merknader`]);
    expect(p.findings[0]).toMatchObject({ severity: "error", where: "linje 248" });
    const order = p.findings.map((f) => ["error", "warning", "info"].indexOf(f.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("names a report without district or findings plainly", () => {
    const report = importReport(text("grunerlokka-2024"));
    const p = previewOf({ ...report, district: null, year: null, findings: [] });
    expect([p.district, p.year]).toEqual(["Ukjent bydel", "år ukjent"]);
    expect(p.summary).toEqual([{ severity: "info", text: "Ingen funn: tallene i rapporten stemmer" }]);
  });
});

describe("the text against the tables in the preview", () => {
  const contradiction: Statement = {
    subject: "netVariance",
    scope: { level: "serviceArea", table: "FO3", name: null },
    stated: { raw: "8,4 millioner", value: -8400, unit: "kNOK", precision: 50 },
    line: 600,
    quote: "<img src=x onerror=alert(1)> FO3 har et merforbruk på 8,4 millioner.",
    reference: { table: "FO3", line: 610, column: "variance", value: -10410 },
    difference: 2010,
    verdict: "contradicts",
  };
  const finding: Finding = { severity: "error", code: "PROSE_MISMATCH", line: 600, message: "FO3: teksten −8,4 millioner, tabellen −10 410." };

  it("shows Sagene's corrections with line and quote, and no contradiction (line 256's «18,30» is a rounding note)", () => {
    const p = previewOf(withSageneProse(importReport(text("sagene-2024"))));
    expect(p.prose.summary).toBe("Motstrid i teksten: 0 (5 beløp i teksten kontrollert)");
    expect(p.prose.severity).toBe("info");
    expect(p.prose.contradictions).toEqual([]);
    expect(p.prose.corrections.map((c) => `${c.where} · ${c.text}`)).toEqual([
      "linje 256 · Øremerkede midler (ubrukt): 10,37 millioner kroner (bydelen)",
      "linje 4251 · Øremerkede midler (ubrukt): 10,4 millioner kroner (bydelen)",
    ]);
    expect(p.prose.corrections[0]!.quote).toBe(
      "Når man korrigerer for overføring av øremerkede midler på 10,37 millioner kroner, så viser et reelt regnskap totalt et mindreforbruk på 18,30 millioner kroner for bydelen.",
    );
  });

  it("counts and lists a contradiction, its quote kept as the characters it is", () => {
    const p = proseOf(withSageneProse(importReport(text("sagene-2024")), { statements: [contradiction], findings: [finding] }));
    expect(p.summary).toBe("Motstrid i teksten: 1 (6 beløp i teksten kontrollert)");
    expect(p.severity).toBe("error");
    expect(p.contradictions).toEqual([{ where: "linje 600", text: "FO3: oppgitt 8,4 millioner, tabellen −10\u00a0410 – motstrid", quote: contradiction.quote }]);
  });

  it("says when the import held no amount of the text against the tables", () => {
    expect(proseOf({ ...importReport(text("grunerlokka-2024")), corrections: [], statements: [], findings: [] })).toMatchObject({ summary: "Ingen beløp i teksten er holdt mot tabellene.", corrections: [], contradictions: [] });
  });
});

describe("reading the chosen file", () => {
  it("decodes UTF-8 and says when it fell back to Windows-1252", () => {
    expect(textOfBytes(new TextEncoder().encode("Bydel Grünerløkka"))).toEqual({ text: "Bydel Grünerløkka", note: null });
    const ansi = textOfBytes(Uint8Array.from([0x42, 0x79, 0x64, 0x65, 0x6c, 0x20, 0xf8]));
    expect(ansi.text).toBe("Bydel ø");
    expect(ansi.note).toMatch(/Windows-1252/);
  });

  it("refuses files far too big to be a report's text", () => {
    expect(tooLarge(400_000)).toBeNull();
    expect(tooLarge(80 * 1024 * 1024)).toMatch(/^Filen er 80 MB/);
  });

  it("gives a PDF the PDF import's limit, and knows a PDF by its bytes, not its name", async () => {
    expect(tooLarge(80 * 1024 * 1024, true)).toBeNull();
    expect(tooLarge(120 * 1024 * 1024, true)).toBe("PDF-en er 120 MB; grensen er 100 MB. En årsberetning som PDF er vanligvis under 10 MB.");
    expect(await isPdfFile(new Blob(["%PDF-1.7\n"]))).toBe(true);
    expect(await isPdfFile(new Blob(["\uFEFF %PDF-1.4"]))).toBe(true);
    expect(await isPdfFile(new Blob(["Bydel Sagene\n%PDF-"]))).toBe(false);
  });

  it("says how many pages were read and names those without text, in the import's words", () => {
    expect(pdfNote(103, [])).toBe("Lest 103 sider fra PDF-en.");
    expect(pdfNote(1, [{ code: "SUM_MISMATCH", message: "x" }])).toBe("Lest 1 side fra PDF-en.");
    expect(pdfNote(4, [{ code: "PAGES_WITHOUT_TEXT", message: "Sidene 2, 4 i PDF-en har ingen tekst." }])).toBe(
      "Lest 4 sider fra PDF-en.\nSidene 2, 4 i PDF-en har ingen tekst.",
    );
  });
});

describe("report text never becomes HTML", () => {
  it("the task pane source builds the page with textContent only", () => {
    const dir = new URL("../src/taskpane/", import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const f of sources) {
      const code = readFileSync(new URL(f, dir), "utf8");
      expect(code, f).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment/);
    }
  });
});
