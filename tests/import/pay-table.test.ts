import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report, Statement } from "@bydel/core";
import { importReport } from "@bydel/import";
// @ts-expect-error plain ES module shared with scripts/score-prose.mjs
import { fixtures, score } from "../fixtures/analysis/score.mjs";

// The gender balance and pay table («Kjønnsbalanse Lønnsbalanse») every district reports: on each
// row men % + women % = 100 and the ratio column = one pay over the other × 100.
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const reports = new Map<string, Report>((fixtures as string[]).map((n) => [n, importReport(readFileSync(`${root}${n}.txt`, "utf8"))]));
const payStatements = (r: Report): Statement[] => r.statements.filter((s) => ["kvinner %", "kvinner/menn", "menn/kvinner"].includes(s.reference?.column ?? ""));

describe("the fixtures' pay tables", () => {
  it("reads every row of all three (10 each: five categories, two years), in three ways of printing pay", () => {
    for (const n of fixtures as string[]) {
      const found = payStatements(reports.get(n)!);
      expect(found.filter((s) => s.reference!.column === "kvinner %")).toHaveLength(10);
      expect(found.filter((s) => s.reference!.column === "kvinner/menn")).toHaveLength(10);
      expect(found.every((s) => s.inTable === true)).toBe(true);
    }
  });

  it("Grünerløkka: «kr 501 522,20 kr 541 427,38 107,96 %» and every other ratio agree to two decimals", () => {
    const ratios = payStatements(reports.get("grunerlokka-2024")!).filter((s) => s.reference!.column === "kvinner/menn");
    expect(ratios[0]!.stated.value).toBe(107.96);
    expect(ratios[0]!.reference!.value).toBeCloseTo((541427.38 / 501522.2) * 100, 9);
    expect(ratios.map((s) => s.verdict)).toEqual(Array(10).fill("agrees"));
  });

  it("Sagene: «2 248 489 663 528 876 108» split by the ratio into 2 248 people, 489 663 and 528 876 kr", () => {
    const first = payStatements(reports.get("sagene-2024")!).find((s) => s.line === 3268 && s.reference!.column === "kvinner/menn")!;
    expect(first.reference!.note).toBe("528 876 / 489 663 × 100");
    expect(first.verdict).toBe("agrees");
  });

  it("Vestre Aker: 32 % men and 98 % women is an error (68 by the 2023 row), and its comma-grouped pay agrees", () => {
    const r = reports.get("vestre-aker-2024")!;
    const row = payStatements(r).filter((s) => s.line === 4132);
    expect(row.map((s) => [s.reference!.column, s.stated.value, s.verdict])).toEqual([
      ["kvinner %", 98, "contradicts"],
      ["kvinner/menn", 107, "agrees"],
    ]);
    expect(row[0]!.reference!.value).toBe(68);
    expect(row[1]!.reference!.value).toBeCloseTo((532842 / 497613) * 100, 9);
    expect(r.findings.find((f) => f.line === 4132 && f.code === "PROSE_MISMATCH")).toMatchObject({ severity: "error" });
    expect(score("vestre-aker-2024", r).tableErrorsFound).toHaveLength(1);
    expect(payStatements(r).filter((s) => s.verdict === "contradicts")).toHaveLength(1);
  });
});

// the header names the ratio («Kvinner andel av menn %»), or not (the rows decide its direction)
const head = (named: boolean): string =>
  `Årsberetning 2024 for Bydel Testbyen\n\nKjønnsbalanse Lønnsbalanse\n\nKategori Menn % Kvinner % Total (N) Menn (kr) Kvinner (kr) ${named ? "Kvinner andel av menn %" : "Forholdstall"}\n\n`;
const groupSpace = (n: number): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, " ");
const groupComma = (n: number): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
type Style = "space" | "comma" | "kr";
const printed = (style: Style, kroner: number): string =>
  style === "space" ? groupSpace(kroner) : style === "comma" ? groupComma(kroner) : `kr ${groupSpace(kroner)},00`;

interface GenRow {
  readonly men: number;
  readonly count: number;
  readonly menPay: number;
  readonly womenPay: number;
}

const row = fc.record({
  men: fc.integer({ min: 0, max: 100 }),
  count: fc.integer({ min: 1, max: 3000 }),
  menPay: fc.integer({ min: 300_000, max: 1_500_000 }),
  womenPay: fc.integer({ min: 300_000, max: 1_500_000 }),
});
const table = fc.record({ style: fc.constantFrom<Style>("space", "comma", "kr"), named: fc.boolean(), rows: fc.array(row, { minLength: 2, maxLength: 8 }) });

function text(style: Style, named: boolean, rows: readonly GenRow[], ratioOf: (r: GenRow, k: number) => string, womenOf: (r: GenRow, k: number) => number = (r) => 100 - r.men): string {
  const body = rows
    .map((r, k) => `Kategori ${k + 1}\n${k % 2 === 0 ? 2024 : 2023} ${r.men} ${womenOf(r, k)} ${groupSpace(r.count)} ${printed(style, r.menPay)} ${printed(style, r.womenPay)} ${ratioOf(r, k)}\n\n`)
    .join("");
  return `${head(named)}${body}Tabellen viser at det er relativt liten forskjell mellom kvinner og menns lønn i bydelen.\n`;
}
const rounded = (r: GenRow): string => String(Math.round((r.womenPay * 100) / r.menPay));

describe("where the table starts", () => {
  it("a table of contents' entry does not use up the reach before the table itself", () => {
    const toc = "Innhold\n4.7 Kjønnsbalanse/Lønnsbalanse 45\n4.8 Heltid og deltid 46\n\n";
    const r = importReport(`Årsberetning 2024 for Bydel Testbyen\n\n${toc}Kjønnsbalanse Lønnsbalanse\nKategori Menn % Kvinner % Total (N) Menn (kr) Kvinner (kr) Kvinner andel av menn %\nTotalt i virksomheten\n2024 29 71 2 248 489 663 528 876 108\n2023 29 71 2 374 476 556 511 447 107\n\nTabellen viser at det er relativt liten forskjell mellom kvinner og menns lønn i bydelen.\n`);
    expect(payStatements(r).map((s) => [s.line, s.reference!.column, s.verdict])).toEqual([
      [10, "kvinner %", "agrees"],
      [10, "kvinner/menn", "agrees"],
      [11, "kvinner %", "agrees"],
      [11, "kvinner/menn", "agrees"],
    ]);
  });
});

describe("generated pay tables", () => {
  it("a correct table agrees on every row it reads, and a row it leaves unchecked is said", () => {
    fc.assert(
      fc.property(table, ({ style, named, rows }) => {
        const r = importReport(text(style, named, rows, rounded));
        const found = payStatements(r);
        expect(found.filter((s) => s.reference!.column === "kvinner %")).toHaveLength(rows.length);
        expect(found.filter((s) => s.verdict === "contradicts")).toEqual([]);
        const ratios = found.filter((s) => s.reference!.column === "kvinner/menn");
        const unchecked = r.findings.filter((f) => f.code === "AMBIGUOUS_NUMBERS");
        // a ratio left unchecked only where several splits of the spaced pay give the same rounded ratio, and then said
        expect(ratios.length + unchecked.length).toBeGreaterThanOrEqual(rows.length);
        expect(ratios.length).toBeLessThanOrEqual(rows.length);
        if (style !== "space") expect(unchecked).toEqual([]);
        for (const s of ratios) expect(s.verdict).toBe("agrees");
      }),
      { numRuns: 80 },
    );
  });

  it("reads no pay under a thousand kroner and no headcount of a million, so a wrong ratio finds no split that agrees", () => {
    // «1 834 106 | 371 | 177» gave 177 / 371 = 47,7 % against a printed 48, where the pays are 834 106 and 371 177 (44,5 %)
    const r = importReport(text("space", true, [{ men: 0, count: 1, menPay: 834_106, womenPay: 371_177 }, { men: 0, count: 1, menPay: 300_000, womenPay: 300_000 }], (x, k) => (k === 0 ? "48" : rounded(x))));
    const ratio = payStatements(r).find((s) => s.line === 8 && s.reference!.column === "kvinner/menn");
    expect(ratio?.verdict).toBe("contradicts");
    expect(ratio?.reference?.note).toBe("371 177 / 834 106 × 100");
  });

  it("a ratio off by more than its rounding is never passed as agreeing", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 30 }), fc.boolean(), ({ style, named, rows }, off, up) => {
        const wrong = 0;
        const r = importReport(text(style, named, rows, (x, k) => (k === wrong ? String(Math.round((x.womenPay * 100) / x.menPay) + (up ? off : -off)) : rounded(x))));
        // the first row stands on line 8, under the header and its category's label; a negative ratio is no row's shape
        const ratio = payStatements(r).filter((s) => s.line === 8 && s.reference!.column === "kvinner/menn");
        for (const s of ratio) expect(s.verdict).not.toBe("agrees");
        if (ratio.length === 0) expect(r.findings.some((f) => f.line === 8 && ["AMBIGUOUS_NUMBERS", "UNREADABLE_ROW"].includes(f.code))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it("women's share off by more than rounding contradicts, as an error beyond ten points", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 3, max: 40 }), ({ style, named, rows }, off) => {
        const r = importReport(text(style, named, rows, rounded, (x, k) => (k === 0 ? Math.min(100, 100 - x.men + off) : 100 - x.men)));
        const first = payStatements(r).find((s) => s.reference!.column === "kvinner %")!;
        const women = Math.min(100, 100 - rows[0]!.men + off);
        const d = women - (100 - rows[0]!.men);
        if (d >= 3) {
          expect(first.verdict).toBe("contradicts");
          // tolerances.prose: beyond ten units of the last digit an error, a warning below
          expect(r.findings.find((f) => f.line === first.line && f.code === "PROSE_MISMATCH")?.severity).toBe(d >= 11 ? "error" : "warning");
        }
      }),
      { numRuns: 80 },
    );
  });
});

// Other districts' tables: another column order, counts where the shares were, a ratio its header names the other way
describe("other ways of printing the table", () => {
  const close = "\nTabellen viser at det er relativt liten forskjell mellom kvinner og menns lønn i bydelen.\n";
  const read = (table: string) => importReport(`Årsberetning 2024 for Bydel Testbyen\n\nKjønnsbalanse Lønnsbalanse\n${table}${close}`);
  const errors = (r: Report) => r.findings.filter((f) => f.code === "PROSE_MISMATCH");

  it("women's columns before men's: the ratio women over men agrees, and a wrong share still contradicts", () => {
    const r = read(
      "Kategori Kvinner % Menn % Total (N) Kvinner (kr) Menn (kr) Kvinner andel av menn %\nTotalt i virksomheten\n2024 71 29 2248 kr 528 876,00 kr 489 663,00 108\n2023 81 29 2374 kr 511 447,00 kr 476 556,00 107\n",
    );
    const found = payStatements(r);
    expect(found.filter((s) => s.reference!.column === "kvinner/menn").map((s) => [s.line, s.verdict, s.reference!.note])).toEqual([
      [6, "agrees", "528 876,00 / 489 663,00 × 100"],
      [7, "agrees", "511 447,00 / 476 556,00 × 100"],
    ]);
    expect(found.filter((s) => s.reference!.column === "kvinner %").map((s) => [s.line, s.stated.value, s.reference!.value, s.verdict])).toEqual([
      [6, 71, 71, "agrees"],
      [7, 81, 71, "contradicts"],
    ]);
    expect(errors(r).map((f) => f.line)).toEqual([7]);
  });

  it("headcounts where the shares stand (no % in the header) are no shares to make 100: said, not contradicted", () => {
    const r = read("Kategori Menn Kvinner Total Menn (kr) Kvinner (kr) Kvinner andel av menn %\nSykepleier\n2024 15 50 65 kr 670 480,00 kr 646 244,00 96\n2023 17 51 68 kr 620 994,00 kr 611 707,00 99\n");
    expect(errors(r)).toEqual([]);
    expect(payStatements(r).filter((s) => s.reference!.column === "kvinner %")).toEqual([]);
    expect(payStatements(r).filter((s) => s.reference!.column === "kvinner/menn").map((s) => s.verdict)).toEqual(["agrees", "agrees"]);
    expect(r.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === 6 && /100/u.test(f.message))).toBe(true);
  });

  it("one share column (women's only) is no pair of shares to make 100: said, not contradicted", () => {
    const r = read("Kategori Kvinner % Total (N) Menn (kr) Kvinner (kr) Kvinner andel av menn %\nSykepleier\n2024 71 65 kr 670 480,00 kr 646 244,00 96\n2023 75 68 kr 620 994,00 kr 611 707,00 99\n");
    expect(errors(r)).toEqual([]);
    expect(payStatements(r).filter((s) => s.reference!.column === "kvinner %")).toEqual([]);
  });

  it("a ratio its header names women over men that every row shows as men over women: said, not contradicted", () => {
    const r = read("Kategori Menn % Kvinner % Total (N) Menn (kr) Kvinner (kr) Kvinner andel av menn %\nTotalt\n2024 29 71 2248 kr 528 876,00 kr 489 663,00 108\n2023 29 71 2374 kr 511 447,00 kr 476 556,00 107\n");
    expect(errors(r)).toEqual([]);
    expect(payStatements(r).filter((s) => s.reference!.column !== "kvinner %")).toEqual([]);
    expect(r.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === 6)).toBe(true);
  });
});

describe("a ratio column not as read", () => {
  const close = "\nTabellen viser at det er relativt liten forskjell mellom kvinner og menns lønn i bydelen.\n";
  const read = (table: string) => importReport(`Årsberetning 2024 for Bydel Testbyen\n\nKjønnsbalanse Lønnsbalanse\n${table}${close}`);
  const head = "Kategori Menn % Kvinner % Total (N) Menn (kr) Kvinner (kr) Kvinner andel av menn %\nTotalt\n";
  it.each([
    ["the ratio printed as a fraction (1,08)", `${head}2024 29 71 2248 489663 528876 1,08\n2023 29 71 2374 476556 511447 1,07\n`],
    ["a column the header names that the row reader does not know (årsverk)", `${head.replace("Total (N)", "Total (N) Årsverk")}2024 29 71 2248 2 010 489 663 528 876 108\n2023 29 71 2374 2 100 476 556 511 447 107\n`],
  ])("%s: no row's ratio fits its pay, so the ratios are said unchecked, not contradicted", (_what, table) => {
    const r = read(table);
    expect(r.findings.filter((f) => f.code === "PROSE_MISMATCH")).toEqual([]);
    expect(payStatements(r).filter((s) => s.reference!.column !== "kvinner %")).toEqual([]);
    expect(r.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === 6)).toBe(true);
  });
});
