import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNorwegianNumber, reportSchema, type Report } from "@bydel/core";
import { main } from "../../packages/cli/src/index.js";
import { summary } from "../../packages/cli/src/format.js";

// The import summary opens with the headline result: net deviation, earmarked funds, ordinary
// operations. The expected figures come from the fixtures' expected files and text, not the import.

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (n: string) => join(root, "tests/fixtures/reports", `${n}.txt`);
type Expected = { budgetRows: { table: string; line: number; label: string; values: number[] }[]; varianceSplits: { line: number; label: string; values: number[] }[] };
const expected = (n: string) => JSON.parse(readFileSync(join(root, "tests/fixtures/expected", `${n}.json`), "utf8")) as Expected;

async function run(...argv: string[]) {
  let stdout = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: () => {} });
  return { code, stdout };
}

/** A printed amount (NBSP groups, U+2212 minus) as a number. */
const amount = (text: string) => parseNorwegianNumber(text);
/** The figure on a headline row, e.g. «  Netto avvik   28 682  mindreforbruk  (…)». */
function figure(out: string, label: string): { value: number | null; rest: string } {
  const line = out.split("\n").find((l) => l.startsWith(`  ${label} `));
  if (!line) throw new Error(`ingen linje «${label}» i\n${out}`);
  const m = /^\s+\S.*?\s{2,}(−?[\d\u00a0]+(?:,\d+)?|–)\s\s(.*)$/u.exec(line)!;
  return { value: m[1] === "–" ? null : amount(m[1]!), rest: m[2]! };
}
const netTotal = (e: Expected) => e.budgetRows.find((r) => /^(Tabell 0\.1 B|T0\.1B) /.test(r.table) && r.label === "Sum netto utgift + sosialhjelp")!;

describe("the headline result", () => {
  it("Sagene: net deviation 28 682, earmarked 10 373 (result per unit), ordinary 18 309 mindreforbruk", async () => {
    const net = netTotal(expected("sagene-2024"));
    expect(net.line).toBe(252);
    const netVariance = net.values[4]!;
    // The result per unit's Sum row, as the text prints it: budget, revised, accounts, avvik, earmarked, result.
    const text = readFileSync(fixture("sagene-2024"), "utf8").split("\n");
    const unitSum = text.findIndex((l, i) => i > 4040 && /^Sum [\d ]+$/.test(l.trim()));
    const printed = text[unitSum]!.trim().replace(/^Sum /, "").match(/-?\d{1,3}(?: \d{3})*/g)!.map((g) => Number(g.replace(/ /g, "")));
    const earmarked = printed[4]!;
    expect([netVariance, earmarked]).toEqual([28682, 10373]);

    const r = await run("import", fixture("sagene-2024"));
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[2]).toBe(`Resultat: mindreforbruk på ${"18\u00a0309"} i ordinær drift (tall i 1000 kr)`);
    expect(figure(r.stdout, "Netto avvik")).toEqual({ value: netVariance, rest: `mindreforbruk  (Tabell 0.1 B «Sum netto utgift + sosialhjelp», linje ${net.line}; bør kontrolleres)` });
    expect(figure(r.stdout, "Øremerkede midler")).toEqual({ value: earmarked, rest: `ubrukt, overføres til neste år  (resultat per enhet, linje ${unitSum + 1})` });
    expect(figure(r.stdout, "Ordinær drift")).toEqual({ value: netVariance - earmarked, rest: "mindreforbruk  (netto avvik − øremerkede midler)" });
    expect(netVariance - earmarked).toBe(18309);
    // the table's own figures differ by rounding in its total; both are shown, neither hidden
    expect(r.stdout).toContain(`Rapporten oppgir 18\u00a0306 i ordinær drift av et avvik på 28\u00a0680 (linje ${unitSum + 1}).`);
  });

  it("Vestre Aker: earmarked from the split of the same total, a merforbruk in ordinary operations", async () => {
    const e = expected("vestre-aker-2024");
    const net = netTotal(e);
    const split = e.varianceSplits.find((s) => s.label === "Sum netto utgift + sosialhjelp")!;
    const r = await run("import", fixture("vestre-aker-2024"));
    expect(figure(r.stdout, "Netto avvik").value).toBe(net.values[4]);
    expect(figure(r.stdout, "Øremerkede midler")).toEqual({ value: split.values[1], rest: `ubrukt, overføres til neste år  (fordeling av avvik, linje ${split.line})` });
    const ordinary = net.values[4]! - split.values[1]!;
    expect(ordinary).toBe(-105180);
    expect(figure(r.stdout, "Ordinær drift")).toEqual({ value: ordinary, rest: "merforbruk  (netto avvik − øremerkede midler)" });
    expect(r.stdout.split("\n")[2]).toBe("Resultat: merforbruk på 105\u00a0180 i ordinær drift (tall i 1000 kr)");
    // the split prints the same ordinary figure: no note
    expect(r.stdout).not.toContain("Rapporten oppgir");
  });

  it("Grünerløkka: no table of earmarked funds, so no ordinary result is invented", async () => {
    const net = netTotal(expected("grunerlokka-2024"));
    const r = await run("import", fixture("grunerlokka-2024"));
    expect(r.stdout.split("\n")[2]).toBe(`Resultat: mindreforbruk på 2\u00a0667 netto (tall i 1000 kr); ordinær drift er ikke beregnet`);
    expect(figure(r.stdout, "Netto avvik").value).toBe(net.values[4]);
    expect(figure(r.stdout, "Ordinær drift")).toEqual({ value: null, rest: "ikke beregnet: rapporten har ingen tabell over øremerkede midler" });
    expect(r.stdout).not.toContain("Øremerkede midler");
  });

  it("says so when Tabell 0.1 B is missing or its total has no figures", async () => {
    const report = reportSchema.parse(JSON.parse((await run("import", fixture("sagene-2024"), "--json")).stdout));
    const noNet: Report = { ...report, budgetTables: report.budgetTables.filter((t) => t.id !== "0.1B") };
    expect(summary("x.txt", noNet).split("\n")[2]).toBe("Resultat: ikke beregnet: Tabell 0.1 B (netto driftsutgifter) er ikke funnet.");
    const blank: Report = {
      ...report,
      budgetTables: report.budgetTables.map((t) => (t.id !== "0.1B" ? t : { ...t, rows: t.rows.map((row) => (row.line === 252 ? { ...row, variance: null, actual: null } : row)) })),
    };
    expect(summary("x.txt", blank).split("\n")[2]).toBe("Resultat: ikke beregnet: sumraden «Sum netto utgift + sosialhjelp» (linje 252) har ikke tall for avviket.");
    // a blank printed avvik with budget and accounts: computed, and said to be
    const computed: Report = { ...blank, budgetTables: report.budgetTables.map((t) => (t.id !== "0.1B" ? t : { ...t, rows: t.rows.map((row) => (row.line === 252 ? { ...row, variance: null } : row)) })) };
    const out = summary("x.txt", computed);
    expect(figure(out, "Netto avvik")).toEqual({ value: 28682, rest: "mindreforbruk  (Tabell 0.1 B «Sum netto utgift + sosialhjelp», linje 252; beregnet: regulert budsjett − regnskap; bør kontrolleres)" });
  });

  it("for any net deviation and earmarked sum: ordinary = net − earmarked exactly, with the word its sign gives", async () => {
    const base = reportSchema.parse(JSON.parse((await run("import", fixture("vestre-aker-2024"), "--json")).stdout));
    const money = fc.oneof(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.integer({ min: -500_000_000, max: 500_000_000 }).map((n) => n / 100));
    fc.assert(
      fc.property(money, money, (net, earmarked) => {
        const report: Report = {
          ...base,
          budgetTables: base.budgetTables.map((t) => (t.id !== "0.1B" ? t : { ...t, rows: t.rows.map((row) => (row.line === 301 ? { ...row, variance: net } : row)) })),
          varianceSplits: base.varianceSplits.map((s) => (s.id !== "0.1B" ? s : { ...s, rows: s.rows.map((row) => (row.line === 332 ? { ...row, variance: net, earmarkedVariance: earmarked } : row)) })),
        };
        const out = summary("x.txt", report);
        const ordinary = figure(out, "Ordinær drift");
        // exact: in hundredths as integers
        const cents = Math.round(net * 100) - Math.round(earmarked * 100);
        expect(Math.round(ordinary.value! * 100)).toBe(cents);
        expect(ordinary.rest.split("  ")[0]).toBe(cents > 0 ? "mindreforbruk" : cents < 0 ? "merforbruk" : "i balanse");
        expect(figure(out, "Netto avvik").value).toBe(net);
        expect(figure(out, "Øremerkede midler").value).toBe(earmarked);
        expect(out).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
