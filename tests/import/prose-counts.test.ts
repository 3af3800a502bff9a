import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNorwegian, type Report, type Statement } from "@bydel/core";
import { importReport } from "@bydel/import";
// @ts-expect-error plain ES module shared with scripts/score-prose.mjs
import { fixtures, score, share } from "../fixtures/analysis/score.mjs";

// Figures that are no money: counts and their parts, percent changes, sick leave, the small change
// tables in the text, and the per-unit table's own arithmetic; scored against the prose analysis
// (categories nonMoney, table, noStatement of tests/fixtures/analysis/categories.json).
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const reports = new Map<string, Report>(fixtures.map((n: string) => [n, importReport(readFileSync(`${root}${n}.txt`, "utf8"))]));
const report = (name: string): Report => reports.get(name)!;
const at = (name: string, line: number): Statement[] => report(name).statements.filter((s) => s.line === line);

function total(cats: string[]): { good: number; total: number } {
  const all = (fixtures as string[]).map((n) => share(score(n, report(n)), cats) as { good: number; total: number });
  return { good: all.reduce((a, x) => a + x.good, 0), total: all.reduce((a, x) => a + x.total, 0) };
}

describe("the analysis' entries that are no money, over the three fixtures", () => {
  // floors at what the import reaches (before: 0 of each)
  it("nonMoney: ≥ 30 of 34", () => expect(total(["nonMoney"]).good).toBeGreaterThanOrEqual(30));
  it("table: ≥ 17 of 22", () => expect(total(["table"]).good).toBeGreaterThanOrEqual(17));
  it("noStatement: all 8 (nothing false said where the text states no result)", () => expect(total(["noStatement"])).toEqual({ good: 8, total: 8 }));
  it("every nonMoney contradiction found is the analysis' (no error it does not list)", () => {
    for (const n of fixtures as string[]) expect(score(n, report(n)).falseErrors).toEqual([]);
  });
});

describe("who states the figure", () => {
  it("a table's own row (the forecast table's change column) is named as the table, a sentence as the text", () => {
    const prose = report("sagene-2024").findings.filter((f) => f.code === "PROSE_MISMATCH");
    const tableRow = prose.find((f) => f.line === 4086);
    expect(tableRow?.message).toMatch(/^Tabellen \(linje 4086\) oppgir .* men tabellens egne tall gir/u);
    expect(prose.find((f) => f.line === 6815)?.message).toMatch(/^Teksten \(linje 6815\) oppgir/u);
  });
});

describe("Sagene 2024", () => {
  it("«22 personer … Av disse er 3 …, 2 …, 1 …, 5 … og 13 …» is 24: an error", () => {
    const [s] = at("sagene-2024", 6815);
    expect([s?.subject, s?.stated.value, s?.stated.precision, s?.reference?.value, s?.verdict]).toEqual(["arithmetic", 22, 0, 24, "contradicts"]);
    expect(report("sagene-2024").findings.filter((f) => f.code === "PROSE_MISMATCH" && f.line === 6815).map((f) => f.severity)).toEqual(["error"]);
  });

  it("counts with their parts, a percent change and sick leave agree", () => {
    expect(at("sagene-2024", 716).map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[17, 17, "agrees"]]);
    expect(at("sagene-2024", 1281).map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[2351, 2351, "agrees"]]);
    expect(at("sagene-2024", 1759).map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[12045, 12045, "agrees"]]);
    // «317 …, mot 290 året før. Dette tilsvarer en økning på 9 %»: 9,31 % stated at whole percent
    const [p] = at("sagene-2024", 2396);
    expect([p?.stated.value, p?.stated.precision, p?.verdict]).toEqual([9, 0.5, "agrees"]);
    expect(p?.reference?.value).toBeCloseTo(9.31, 2);
    expect(at("sagene-2024", 1211).map((s) => [s.subject, s.stated.value, s.reference?.value, s.verdict])).toEqual([["sickLeave", 12.6, 12.6, "agrees"]]);
    expect(at("sagene-2024", 3442).map((s) => [s.stated.value, s.verdict])).toEqual([[11.48, "agrees"], [11.25, "agrees"]]);
  });

  it("the staff table's change column: 1 597,00 − 1 647 = −50,00", () => {
    expect(at("sagene-2024", 78).map((s) => [s.stated.unit, s.stated.value, s.reference?.value, s.verdict])).toEqual([["count", -50, -50, "agrees"]]);
  });

  it("the per-unit table: avvik against budsjett − regnskap (−15 012 printed, −15 011 computed: a rounding note)", () => {
    const rows = report("sagene-2024").findings.filter((f) => f.code === "ROW_VARIANCE_MISMATCH" && f.table === "enhet");
    expect(rows.map((f) => [f.line, f.severity, f.stated, f.computed])).toEqual([[4069, "info", -15012, -15011], [4077, "info", 7644, 7645]]);
  });
});

describe("population, key figures, lists, change tables in the fixtures", () => {
  it("Vestre Aker: «49 759 innbyggere» against 52 590 in the table is an error; the increase of 1 103 agrees", () => {
    expect(at("vestre-aker-2024", 133).filter((s) => s.subject === "population").map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[49759, 52590, "contradicts"], [1103, 1103, "agrees"]]);
    expect(report("vestre-aker-2024").findings.filter((f) => f.code === "PROSE_MISMATCH" && f.line === 133).map((f) => f.severity)).toEqual(["error"]);
  });

  it("Grünerløkka: «1059 i 2024, 1163 i 2023, 1108 i 2022 og 1138 i 2021» against the births of the key figures (1 059, 1 045, 977, 1 196)", () => {
    const births = report("grunerlokka-2024").statements.filter((s) => s.subject === "keyFigure" && s.line <= 1461);
    expect(births.map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[1059, 1059, "agrees"], [1163, 1045, "contradicts"], [1108, 977, "contradicts"], [1138, 1196, "contradicts"]]);
    expect(at("grunerlokka-2024", 1559).map((s) => [s.stated.raw, s.reference?.column, s.reference?.value, s.verdict])).toEqual([
      ["7 møter", "Ungdomsråd, møter 2024", 7, "agrees"],
      ["43 saker", "Ungdomsråd, saker 2024", 40, "contradicts"],
    ]);
    expect(at("grunerlokka-2024", 101).map((s) => [s.subject, s.stated.value, s.reference?.value, s.verdict])).toEqual([["population", 1275, 1275, "agrees"]]);
  });

  it("Vestre Aker: «Antall unike mottakere av sosialhjelp har økt fra 755 til 912 i 2024» against the key figures' 712 and 879", () => {
    expect(at("vestre-aker-2024", 2979).filter((s) => s.subject === "keyFigure").map((s) => [s.stated.value, s.reference?.column, s.reference?.value, s.verdict])).toEqual([
      [755, "2023", 712, "contradicts"],
      [912, "2024", 879, "contradicts"],
    ]);
  });

  it("Sagene: «en oppgang på 30 fødsler i 2024» is 795 − 765; «Sum konsultasjoner 83 507» its three rows; «Av de 15 gjenstående» 35 − 20", () => {
    expect(at("sagene-2024", 1664).map((s) => [s.stated.value, s.reference?.column, s.reference?.value, s.verdict])).toEqual([[30, "2024 − 2023", 30, "agrees"], [795, "2024", 795, "agrees"]]);
    expect(at("sagene-2024", 754).map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[83507, 83507, "agrees"]]);
    expect(at("sagene-2024", 3658).map((s) => [s.stated.value, s.reference?.value, s.verdict])).toEqual([[15, 15, "agrees"]]);
  });

  it("Sagene's forecast table (i millioner kr): 14 rows a tenth off b − a and the three column sums off by 0,2–0,3 of 40 rows are rounding notes, none an error", () => {
    const rows = report("sagene-2024").statements.filter((s) => s.line >= 4085 && s.line <= 4126);
    expect(rows.every((s) => s.stated.unit === "kNOK")).toBe(true);
    expect(rows.filter((s) => s.verdict === "withinRounding")).toHaveLength(17);
    expect(rows.filter((s) => s.verdict === "contradicts")).toEqual([]);
    expect(at("sagene-2024", 4126).map((s) => [s.stated.value, s.reference?.value])).toEqual([[13500, 13500], [4800, 5100], [18300, 18500], [13500, 13200]]);
  });
});

it("Grünerløkka 2024: the sick-leave table's 2023 total 12,0 % against 4,1 + 7,8 = 11,9 is a rounding note, 2024 agrees", () => {
  expect(at("grunerlokka-2024", 4436).map((s) => [s.stated.value, s.verdict])).toEqual([[12, "withinRounding"], [12.5, "agrees"]]);
  expect(at("grunerlokka-2024", 1553).map((s) => [s.stated.unit, s.stated.value, s.verdict])).toEqual([["percent", 14.42, "agrees"]]);
});

it("Vestre Aker 2024: the staff table printed in English («1,024.36» beside «1,494») is read as English: 1 567 − 1 494 = 73, and 29 is 29,12 rounded", () => {
  const rows = report("vestre-aker-2024").statements.filter((s) => s.line >= 126 && s.line <= 128);
  expect(rows.map((s) => [s.line, s.stated.value, s.stated.precision, s.verdict])).toEqual([[127, 73, 0, "agrees"], [128, 29, 0.5, "agrees"]]);
  expect(rows[1]!.reference!.value).toBeCloseTo(29.12, 9);
});

it("a change table that may be English but need not be («1,494» alone) is left out, not read as 1,494", () => {
  const r = importReport(`Årsberetning 2024 for Bydel Sagene\n\n 1/1/2024 1/1/2025 Endring\nAnsatte 1,494  1,567 73\n`);
  expect(r.statements).toEqual([]);
});

// Generated sentences in the reports' phrasing: true arithmetic agrees, off by more than rounding contradicts.
const doc = (body: string) => `Årsberetning 2024 for Bydel Sagene\n\n${body}\n`;
const fmt = (v: number, decimals = 0) => formatNorwegian(v, { decimals });
const counted = (r: Report) => r.statements.filter((s) => s.subject === "arithmetic" || s.subject === "sickLeave");
const errors = (r: Report) => r.findings.filter((f) => f.code === "PROSE_MISMATCH" && f.severity !== "info");

describe("generated text", () => {
  const parts = fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 2, maxLength: 5 });
  const places = ["kommunale", "private", "åpne", "familie", "andre"];

  it("a count and its parts: the true total agrees, parts that exceed it are an error (a count is exact), parts short of it may be some of them: left out", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -3, max: 3 }), fc.constantFrom("hvorav", "fordelt på"), (ps, off, marker) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const list = ps.map((p, i) => `${fmt(p)} i ${places[i]}`);
        const text = `Per 31.12.2024 hadde bydelen totalt ${fmt(sum + off)} barn i barnehage, ${marker} ${list.slice(0, -1).join(", ")} og ${list[list.length - 1]} barnehager.`;
        const r = importReport(doc(text));
        const s = counted(r);
        expect(s.map((x) => [x.stated.value, x.reference?.value])).toEqual(off > 0 ? [] : [[sum + off, sum]]);
        if (off <= 0) expect(s[0]!.verdict).toBe(off === 0 ? "agrees" : "contradicts");
        expect(errors(r).length).toBe(off < 0 ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });

  it("a list that does not end in «og», or holds an amount, is left out", () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const list = ps.map((p, i) => `${fmt(p)} i ${places[i]}`).join(", ");
        const r = importReport(doc(`Bydelen hadde totalt ${fmt(ps.reduce((a, b) => a + b, 0) - 1)} barn, hvorav ${list}.`));
        const m = importReport(doc(`Bydelen hadde totalt ${fmt(ps[0]! - 1)} barn, hvorav ${fmt(ps[0]!)} i kommunale og 4,5 millioner kroner til drift.`));
        expect([...counted(r), ...counted(m)]).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("a percent change of two counts, stated at 0–2 decimals: the rounded change agrees, off by more than rounding contradicts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 50000 }), fc.integer({ min: 50, max: 50000 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), (last, now, decimals, wrong) => {
        fc.pre(now !== last);
        const change = ((now - last) * 100) / last;
        const unit = 10 ** -decimals;
        const printed = Math.abs(change) + (wrong ? 5 * unit : 0);
        const word = change > 0 ? "en økning" : "en nedgang";
        const text = `Ved utgangen av året er det ${fmt(now)} unike brukere som mottar økonomisk sosialhjelp, mot ${fmt(last)} året før. Dette tilsvarer ${word} på ${fmt(printed, decimals)} %.`;
        const s = counted(importReport(doc(text)));
        expect(s).toHaveLength(1);
        expect(s[0]!.stated.precision).toBeCloseTo(unit / 2, 12);
        expect(s[0]!.verdict).toBe(wrong ? "contradicts" : "agrees");
      }),
      { numRuns: 60 },
    );
  });

  it("sick leave in a sentence: total = long + short term agrees, off by more than rounding contradicts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 150 }), fc.integer({ min: 10, max: 150 }), fc.integer({ min: -8, max: 8 }), (long, short, off) => {
        const t = (long + short + off) / 10;
        const text = `Sykefravær totalt i enheten var i 2024 på ${fmt(t, 1)} %. Fravær utover 16 dager utgjorde ${fmt(long / 10, 1)}%, mens korttidsfraværet var på ${fmt(short / 10, 1)}%.`;
        const s = counted(importReport(doc(text)));
        expect(s.map((x) => x.subject)).toEqual(["sickLeave"]);
        // a total of two rounded parts: up to two units off is a rounding note (proseVerdict's addends), more a contradiction
        expect(s[0]!.verdict).toBe(off === 0 ? "agrees" : Math.abs(off) <= 2 ? "withinRounding" : "contradicts");
      }),
      { numRuns: 60 },
    );
  });

  it("a change-column table (årsverk at two decimals, which end each number): b − a agrees, up to two units off is rounding (two rounded figures), more contradicts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999999 }), fc.integer({ min: 100, max: 9999999 }), fc.integer({ min: -3, max: 3 }), (a, b, off) => {
        const r = importReport(doc(`  01.01.2024 01.01.2025 Endring\n\nÅrsverk ${fmt(a / 100, 2)} ${fmt(b / 100, 2)} ${fmt((b - a + off) / 100, 2)}\n`));
        const s = counted(r);
        expect(s).toHaveLength(1);
        expect(s[0]!.stated.value).toBeCloseTo((b - a + off) / 100, 9);
        expect(s[0]!.reference!.value).toBeCloseTo((b - a) / 100, 9);
        // a change stated with the other sign than b − a (+0,01 printed −0,01) is no rounding: a contradiction
        const flipped = b - a + off !== 0 && b !== a && Math.sign(b - a + off) !== Math.sign(b - a);
        expect(s[0]!.verdict).toBe(off === 0 ? "agrees" : Math.abs(off) <= 2 && !flipped ? "withinRounding" : "contradicts");
      }),
      { numRuns: 60 },
    );
  });

  it("a change table in millions with a Sum row: each row's change and each column's sum, at the precision of n rounded rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 })), { minLength: 2, maxLength: 12 }), fc.integer({ min: -40, max: 40 }), (rows, off) => {
        const tenth = (v: number) => fmt(v / 10, 1);
        const body = rows.map(([a, b], i) => `Område ${"ABCDEFGHIJKL"[i]} ${tenth(a)} ${tenth(b)} ${tenth(b - a)}`);
        const na = rows.reduce((x, [a]) => x + a, 0);
        const nb = rows.reduce((x, [, b]) => x + b, 0);
        const text = `Følgende utgjør endringene (i millioner kr):\n\nPrognoser/resultat pr område 2024 NOV DES Endring\n${body.join("\n")}\nSum ${tenth(na + off)} ${tenth(nb)} ${tenth(nb - na - off)}\n`;
        const s = counted(importReport(doc(text)));
        // every row agrees; the Sum's NOV off by `off` tenths: within rounding up to 1 + n halves, beyond a contradiction
        expect(s.filter((x) => x.stated.unit !== "kNOK")).toEqual([]);
        const sums = s.filter((x) => x.reference?.column?.startsWith("sum "));
        expect(sums.map((x) => x.reference!.column)).toEqual([`sum NOV, ${rows.length} rader`, `sum DES, ${rows.length} rader`, `sum Endring, ${rows.length} rader`]);
        expect(sums[1]!.verdict).toBe("agrees");
        const halves = Math.abs(off) * 2; // off in tenths, precision half a tenth
        expect(sums[0]!.verdict).toBe(off === 0 ? "agrees" : halves <= 1 + 2 + rows.length ? "withinRounding" : "contradicts");
        expect(s.filter((x) => !x.reference?.column?.startsWith("sum ")).every((x) => x.verdict === "agrees")).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("a one-column list and its Sum row: the true sum agrees, any other count contradicts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99999 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: -2, max: 2 }), (rows, off) => {
        const total = rows.reduce((a, b) => a + b, 0);
        const list = rows.map((v, i) => `${["Undersøkelser", "Egentrening", "Behandling i gruppe", "Hjemmebesøk", "Telefon", "Annet"][i]} ${fmt(v)}`).join("\n\n");
        const s = counted(importReport(doc(`Konsultasjoner i bydelen\n\n${list}\n\nSum konsultasjoner ${fmt(total + off)}\n`)));
        expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([[total + off, total, off === 0 ? "agrees" : "contradicts"]]);
      }),
      { numRuns: 40 },
    );
  });

  it("the rest of a whole, and årsverk of their positions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: -1, max: 1 }), fc.array(fc.constantFrom(20, 50, 80, 100), { minLength: 2, maxLength: 4 }), (part, more, off, positions) => {
        const whole = part + more + 1;
        const rest = importReport(doc(`Status er at ${fmt(part)} av ${fmt(whole)} tjenestesteder har gyldig sertifikat. Av de ${fmt(whole - part + off)} gjenstående har flere gyldig grunn.`));
        expect(counted(rest).map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([[whole - part + off, whole - part, off === 0 ? "agrees" : "contradicts"]]);
        const fte = positions.reduce((a, b) => a + b, 0) / 100;
        const names = positions.map((p, i) => `stilling ${"ABCD"[i]} ${p} %`);
        const stated = fte + off * 0.2;
        const r = importReport(doc(`Teamet består av ${fmt(stated, 1)} årsverk (${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}).`));
        expect(counted(r).map((x) => x.verdict)).toEqual([Math.abs(stated - fte) < 1e-9 ? "agrees" : "contradicts"]);
      }),
      { numRuns: 40 },
    );
  });

  it("a body's meetings and cases against the political bodies' table", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 3, max: 300 }), fc.integer({ min: -2, max: 2 }), (meetings, cases, off) => {
        const table = `2.3 Omfang av politiske organers virksomhet\n\n2023 2024\n\nMøter Saker Møter Saker\n\nBydelsutvalg 10 149 7 117\nUngdomsråd 7 54 ${meetings} ${cases}\n`;
        const r = importReport(doc(`${table}\nUngdomsrådet\nBydelens Ungdomsråd har gjennomført ${meetings} møter, og behandlet ${cases + off} saker i 2024.`));
        const k = r.statements.filter((x) => x.subject === "keyFigure");
        expect(k.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([[meetings, meetings, "agrees"], [cases + off, cases, off === 0 ? "agrees" : "contradicts"]]);
      }),
      { numRuns: 30 },
    );
  });

  it("a «Sum bydel» row whose digits group two ways («97 303 100 000») is left out", () => {
    const r = importReport(doc(`Befolkningsutvikling 01.01.2023 01.01.2024\n\nSum bydel 97 303 100 000\n\nPer 01.01.2024 hadde bydelen 100 000 innbyggere.`));
    expect(r.statements.filter((x) => x.subject === "population")).toEqual([]);
  });

  it("the population against the table's «Sum bydel» row, and births against the key-figure row", () => {
    fc.assert(
      // two-digit first groups, which no three-digit group before them can take: the row groups one way
      fc.property(fc.integer({ min: 10000, max: 96000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: 300, max: 2000 }), fc.integer({ min: 300, max: 2000 }), (before, growth, off, born23, born24) => {
        const now = before + growth;
        const table = `Befolkningsutvikling 01.01.2023 01.01.2024\n\n0 år ${fmt(500)} ${fmt(510)}\nSum bydel ${fmt(before)} ${fmt(now)}\n`;
        const text = `${table}\nPer 01.01.2024 hadde bydelen ${fmt(now + off)} innbyggere. Dette er en økning på ${fmt(growth)} personer sammenlignet med 2023.`;
        const s = importReport(doc(text)).statements.filter((x) => x.subject === "population");
        expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([[now + off, now, off === 0 ? "agrees" : "contradicts"], [growth, growth, "agrees"]]);
        const keyFigures = `Nøkkeltall for: Funksjonsområde 2C \n- Helsestasjon \n\nResultat 2020 Resultat 2021 Resultat 2022 Resultat 2023 Resultat 2024\nAntall fødte i løpet av året 700 710 720 ${born23} ${born24}\n`;
        const r = importReport(doc(`${keyFigures}\nFødselstallene har hatt en ${born24 >= born23 ? "oppgang" : "nedgang"} på ${Math.abs(born24 - born23)} fødsler i 2024, og det ble født ${born24 + off} barn i 2024.`));
        const k = r.statements.filter((x) => x.subject === "keyFigure");
        expect(k.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([
          [born24 - born23, born24 - born23, "agrees"],
          [born24 + off, born24, off === 0 ? "agrees" : "contradicts"],
        ]);
      }),
      { numRuns: 40 },
    );
  });
});
