import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNorwegian, tolerances, type Report, type Statement } from "@bydel/core";
import { importReport } from "@bydel/import";
// @ts-expect-error plain ES module shared with scripts/score-prose.mjs
import { fixtures } from "../fixtures/analysis/score.mjs";

// Totals and their parts in lists, counts as sums of key-figure rows, changes against two years of a
// table, and approximate figures («ca. 20», «300», «ca. 10 mill.») at tolerances.prose.approximate.
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const reports = new Map<string, Report>(fixtures.map((n: string) => [n, importReport(readFileSync(`${root}${n}.txt`, "utf8"))]));
const at = (name: string, line: number): Statement[] => reports.get(name)!.statements.filter((s) => s.line === line);
const brief = (s: Statement) => [s.subject, s.stated.value, s.stated.precision, s.reference?.value, s.verdict];

describe("the fixtures' entries", () => {
  it("Sagene #53: «Totalt antall ungdom i ferie-deltidsjobb i 2024: 170 ungdommer» = 126 + 44 (a bullet list)", () => {
    expect(at("sagene-2024", 1786).map(brief)).toEqual([["arithmetic", 170, 0, 170, "agrees"]]);
    expect(at("sagene-2024", 1786)[0]!.reference!.column).toBe("126 + 44");
  });

  it("Grünerløkka #61: the same as a two-column block, the label wrapped and its year and count on lines of their own: 305 = 206 + 99", () => {
    expect(at("grunerlokka-2024", 2002).map(brief)).toEqual([["arithmetic", 305, 0, 305, "agrees"]]);
    expect(at("grunerlokka-2024", 2002)[0]!.reference).toMatchObject({ table: "text", line: 2004, column: "206 + 99" });
  });

  it("Vestre Aker #12: «2 927 barn går i bydelens barnehager» = the key figures' 1 050 + 1 877 (1–2 and 3–5 years, 2024)", () => {
    const [s] = at("vestre-aker-2024", 673);
    expect(brief(s!)).toEqual(["keyFigure", 2927, 0, 2927, "agrees"]);
    expect(s!.reference).toMatchObject({ table: "nøkkeltall", line: 1059, column: "2024" });
    expect(s!.reference!.note).toMatch(/Antall barn 1-2 år med barnehageplass.*Antall barn 3-5 år med barnehageplass/u);
  });

  it("Sagene #49: «Antallet konsultasjoner er økt med 300 i 2024» against the month table's 12045 − 11741 = 304, a round figure (± 50)", () => {
    const [s] = at("sagene-2024", 1710);
    expect(brief(s!)).toEqual(["change", 300, 50, 304, "agrees"]);
    expect(s!.reference).toMatchObject({ table: "text", line: 5009, column: "12045 − 11741" });
  });

  it("Vestre Aker #24: «en økning i antall kjøpte plasser på ca. 20» against 373 − 351 = 22 (± 5)", () => {
    const [s] = at("vestre-aker-2024", 2257);
    expect(brief(s!)).toEqual(["arithmetic", 20, 5, 22, "agrees"]);
    expect(s!.reference!.column).toBe("373 − 351");
  });

  it("Vestre Aker #8: FO 2A, 2B and 2C «har totalt et mindre-forbruk på ca. 10 mill.» against their ordinary deviations' 9 729 (± 5 000)", () => {
    const [s] = at("vestre-aker-2024", 337);
    expect(brief(s!)).toEqual(["netVariance", 10000, 5000, 9729, "agrees"]);
    expect(s!.scope).toEqual({ level: "serviceArea", table: null, name: "FO2A, FO2B og FO2C" });
    expect(s!.reference).toMatchObject({ column: "ordinaryVariance", note: "summen for FO2A, FO2B og FO2C" });
  });

  it("the søkte line above Grünerløkka's total (285, a total itself) and the «2 - 3» weeks below are no parts", () => {
    expect(reports.get("grunerlokka-2024")!.statements.filter((s) => s.line >= 1994 && s.line <= 2012).map((s) => s.stated.value)).toEqual([305]);
  });
});

// Generated text in the reports' phrasing.
const doc = (body: string) => `Årsberetning 2024 for Bydel Sagene\n\n${body}\n`;
const fmt = (v: number, decimals = 0) => formatNorwegian(v, { decimals });
const prose = (r: Report, subjects: Statement["subject"][]) => r.statements.filter((s) => subjects.includes(s.subject));
const errors = (r: Report) => r.findings.filter((f) => f.code === "PROSE_MISMATCH" && f.severity === "error");
/** Rounded to `zeros` trailing zeros, half away from zero. */
const roundTo = (v: number, zeros: number) => Math.sign(v) * Math.round(Math.abs(v) / 10 ** zeros) * 10 ** zeros;

describe("generated: a total and its parts in a list", () => {
  const parts = fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 2, maxLength: 4 });
  const label = (i: number, n: number, rest: boolean) => (i === n - 1 && rest ? "Antall ungdom i jobb til andre tider enn sommeren" : `Antall ungdom i jobb i periode ${"ABCD"[i]}`);

  it("bullets: the true total agrees; a total above parts that name the rest contradicts (an error: counts are exact); otherwise left out", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -3, max: 3 }), fc.boolean(), (ps, off, rest) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const items = ps.map((p, i) => `• ${label(i, ps.length, rest)}: ${fmt(p)} ungdommer`);
        const r = importReport(doc(`Aktiviteter 2024\n• Totalt antall ungdom som søkte jobb: ${fmt(sum + 400)} ungdommer\n• Totalt antall ungdom i ferie-deltidsjobb i 2024: ${fmt(sum + off)} ungdommer\n${items.join("\n")}\n• Antall uker sommerjobb per ungdom: 2 uker\n`));
        const s = prose(r, ["arithmetic"]);
        if (off === 0) expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([[sum, sum, "agrees"]]);
        else if (off > 0 && rest) {
          expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual([[sum + off, sum, "contradicts"]]);
          expect(errors(r)).toHaveLength(1);
        } else expect(s).toEqual([]);
        if (off !== 0) expect(s.every((x) => x.verdict !== "agrees")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("a two-column block, labels wrapped, counts on lines of their own with a comment column: the same", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -3, max: 3 }), (ps, off) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const items = ps.map((p, i) => (i % 2 === 0 ? `${label(i, ps.length, true)} ${fmt(p)}` : `${label(i, ps.length, true).replace(/ (\S+)$/u, " \n$1")} \n\n${fmt(p)} `));
        const text = `Spørsmål Antall Kommentar \nTotalt antall ungdom som søkte ferie-\n/deltidsjobb \n\n${fmt(sum + 7)} Gjelder sommerjobber \n\nTotalt antall ungdom i ferie-deltidsjobb i \n2024 \n\n${fmt(sum + off)} \n\n${items.join("\n")}\n\nAntall uker sommerjobb per ungdom 2 - 3\n`;
        const s = prose(importReport(doc(text)), ["arithmetic"]);
        expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual(off === 0 ? [[sum, sum, "agrees"]] : off > 0 ? [[sum + off, sum, "contradicts"]] : []);
      }),
      { numRuns: 60 },
    );
  });

  it("a bulleted total under its parts: the same rules", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -3, max: 3 }), fc.boolean(), (ps, off, rest) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const items = ps.map((p, i) => `• ${label(i, ps.length, rest)}: ${fmt(p)} ungdommer`);
        const r = importReport(doc(`Aktiviteter 2024\n• Antall uker sommerjobb per ungdom: 2 uker\n${items.join("\n")}\n• Totalt antall ungdom i jobb i 2024: ${fmt(sum + off)} ungdommer\n`));
        const s = prose(r, ["arithmetic"]);
        const expected = off === 0 ? [[sum, sum, "agrees"]] : off > 0 && rest ? [[sum + off, sum, "contradicts"]] : [];
        expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("items whose labels share less than two words with the total's are no parts: nothing said", () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const items = ps.map((p, i) => `• Antall ${["uker", "arbeidsgivere", "bransjer", "søknader"][i]} i jobb: ${fmt(p)}`);
        const r = importReport(doc(`• Totalt antall ungdom i jobb i 2024: ${fmt(sum + 1)} ungdommer\n${items.join("\n")}\n`));
        expect(prose(r, ["arithmetic"])).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});

describe("generated: a count as the sum of a key-figure table's age groups", () => {
  it("the true sum agrees; any other count is left out (the rows need not be all the text counts)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 2000 }), fc.integer({ min: 300, max: 2000 }), fc.integer({ min: -3, max: 3 }), (small, big, off) => {
        const table = `Nøkkeltall for: Funksjonsområde 2A \n\nResultat 2020 Resultat 2021 Resultat 2022 Resultat 2023 Resultat 2024\nAntall barn 1-2 år med barnehageplass 700 710 720 730 ${small}\nAntall barn 3-5 år med barnehageplass 800 810 820 830 ${big}\n`;
        const r = importReport(doc(`${table}\nBydelen har 13 kommunale barnehager. ${fmt(small + big + off)} barn går i bydelens barnehager.`));
        const k = prose(r, ["keyFigure"]);
        expect(k.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual(off === 0 ? [[small + big, small + big, "agrees"]] : []);
      }),
      { numRuns: 30 },
    );
  });
});

describe("generated: a change against two years of a month table with a Sum column", () => {
  const months = fc.array(fc.integer({ min: 100, max: 999 }), { minLength: 12, maxLength: 12 });
  // the Sum header on the months' line, or wrapped to a line of its own (pdftotext -layout), a page's running header between
  const table = (a: number[], b: number[], wrapped: boolean) => {
    const row = (year: number, m: number[]) => `Antall konsultasjoner totalt \n${year} \n\n${m.join(" ")} ${m.reduce((x, y) => x + y, 0)} \n`;
    const header = wrapped ? "Aktivitetstall Jan Feb Mar Apr Mai Jun Jul Aug Sep Okt Nov Des\nSum\n\n72\nÅrsberetning 2024 – Bydel Sagene\n" : "Aktivitetstall Jan Feb Mar Apr Mai Jun Jul Aug Sep Okt Nov Des Sum \n";
    return `${header}\nKonsultasjoner oppmøte 2023 ${a.join(" ")} ${fmt(a.reduce((x, y) => x + y, 0))}\n\n${row(2023, a)}\n${row(2024, b)}\n`;
  };

  it("the exact change agrees; a round or «ca.» figure agrees within half a unit of its last significant digit; never agrees beyond it", () => {
    fc.assert(
      fc.property(months, months, fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.integer({ min: -30, max: 30 }), fc.boolean(), (a, b, zeros, about, off, wrapped) => {
        const d = b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0);
        fc.pre(d !== 0);
        const rounded = roundTo(Math.abs(d), zeros) + off * 10 ** zeros;
        fc.pre(rounded > 0);
        const verb = d > 0 ? "økt" : "gått ned";
        const r = importReport(doc(`${table(a, b, wrapped)}\nSenteret\nAntallet konsultasjoner er ${verb} med ${about ? "ca. " : ""}${fmt(rounded)} i 2024, det skyldes flere e-konsultasjoner.`));
        const [s, ...more] = prose(r, ["change"]);
        expect(more).toEqual([]);
        const approximate = about || rounded % 10 === 0;
        const precision = approximate ? tolerances.prose.approximate(String(rounded)) : 0;
        expect([s!.stated.value, s!.stated.precision, s!.reference?.value]).toEqual([Math.sign(d) * rounded, precision, d]);
        expect(s!.verdict === "agrees").toBe(Math.abs(rounded - Math.abs(d)) <= precision);
        if (Math.abs(rounded - Math.abs(d)) > 3 * precision) expect(s!.verdict).toBe("contradicts");
      }),
      { numRuns: 60 },
    );
  });
});

describe("generated: a change against the two levels its paragraph names", () => {
  it("«ca. N» within its precision of the levels' difference agrees; one unit off is rounding; beyond that nothing is said", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 900 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: -6, max: 6 }), (base, rise, off) => {
        const stated = Math.max(10, roundTo(rise, 1) + off * 10);
        const text = `I budsjett 2024 ble det forutsatt kjøp av ${base} sykehjemsplasser, mens resultatet var oppe i ${base + rise} plasser for juni. Merforbruket skyldes en økning i antall kjøpte plasser på ca. ${stated} i første halvår.`;
        const s = prose(importReport(doc(text)), ["arithmetic"]);
        const d = Math.abs(stated - rise);
        const p = tolerances.prose.approximate(String(stated));
        expect(s.map((x) => [x.stated.value, x.reference?.value, x.verdict])).toEqual(d > 3 * p ? [] : [[stated, rise, d <= p ? "agrees" : "withinRounding"]]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("generated: Vestre Aker's sentence on FO 2A, 2B and 2C with the amount varied", () => {
  const text = readFileSync(`${root}vestre-aker-2024.txt`, "utf8");
  const sentence = "har totalt et mindre-forbruk på ca. 10 mill.";
  // the areas' deviations added up, as the tables print them: total 15 824, ordinary operations 9 729
  const [total, ordinary] = [15824, 9729];

  it("held against the sum it agrees with, else the nearest; a figure neither sum rounds to never agrees; the wrong direction is an error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1 }), fc.boolean(), fc.boolean(), (tenths, decimals, about, over) => {
        const millions = decimals === 0 ? Math.max(1, Math.round(tenths / 10)) : tenths / 10;
        const raw = fmt(millions, decimals);
        const r = importReport(text.replace(sentence, `har totalt et ${over ? "mer" : "mindre"}-forbruk på ${about ? "ca. " : ""}${raw} mill.`));
        const [s, ...more] = r.statements.filter((x) => x.line === 337);
        expect(more).toEqual([]);
        const p = about ? tolerances.prose.approximate(raw, 1000) : 0.5 * 10 ** -decimals * 1000;
        const stated = (over ? -1 : 1) * (decimals === 0 ? millions * 1000 : tenths * 100); // 16,1 × 1000 is 16 100.000000000002 in doubles
        expect([s!.subject, s!.stated.value]).toEqual(["netVariance", stated]);
        expect(s!.stated.precision).toBeCloseTo(p, 9);
        const fits = [total, ordinary].filter((v) => Math.abs(stated - v) <= p + 1e-6);
        const expected = fits[0] ?? (Math.abs(stated - total) < Math.abs(stated - ordinary) ? total : ordinary);
        expect(s!.reference!.value).toBe(expected);
        expect(s!.verdict === "agrees").toBe(fits.length > 0);
        const found = r.findings.filter((f) => f.code === "PROSE_MISMATCH" && f.line === 337);
        if (over) expect(found.map((f) => f.severity)).toEqual(["error"]);
        else if (fits.length > 0) expect(found).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("another year, gross figures or a forecast in the sentence: left out", () => {
    for (const variant of ["har totalt et mindre-forbruk i 2023 på ca. 10 mill.", "har totalt et brutto mindre-forbruk på ca. 10 mill.", "har totalt et forventet mindre-forbruk på ca. 10 mill."]) {
      const r = importReport(text.replace(sentence, variant));
      expect(r.statements.filter((x) => x.line === 337 && x.subject === "netVariance")).toEqual([]);
    }
  });
});

describe("generated: no contradiction from parts that need not be all", () => {
  it("an ordinal «andre» (andre kvartal) names no rest: a total above its parts is left out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 50 }), (a, b, more) => {
        const r = importReport(doc(`• Totalt antall ungdom i jobb i 2024: ${a + b + more} ungdommer\n• Antall ungdom i jobb i første kvartal: ${a} ungdommer\n• Antall ungdom i jobb i andre kvartal: ${b} ungdommer\n`));
        expect(prose(r, ["arithmetic"])).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it("a key figure whose label names more than the sentence does is no reference for its change", () => {
    const keyFigures = `Nøkkeltall for: Funksjonsområde 3 \n\nResultat 2020 Resultat 2021 Resultat 2022 Resultat 2023 Resultat 2024\nAntall brukere med vedtak om praktisk bistand 700 710 720 730 790\n`;
    const r = importReport(doc(`${keyFigures}\nAntallet brukere har økt med 25 i 2024.`));
    expect(r.statements).toEqual([]);
    // a row that counts what the sentence counts is: 790 − 730 = 60
    const plain = importReport(doc(`${keyFigures.replace("med vedtak om praktisk bistand", "totalt")}\nAntallet brukere har økt med 25 i 2024.`));
    expect(plain.statements.map((x) => [x.subject, x.stated.value, x.reference?.value, x.verdict])).toEqual([["keyFigure", 25, 60, "contradicts"]]);
  });
});

describe("generated: Grünerløkka's «Funksjonsområde 1 har et mindreforbruk på 5,7 millioner» (table 5 730) worded approximately", () => {
  const text = readFileSync(`${root}grunerlokka-2024.txt`, "utf8");
  const sentence = "Funksjonsområde 1 har et mindreforbruk på 5,7 millioner.";

  it("«ca. X millioner» is held at its last significant digit: agrees within it, never agrees beyond; «over X millioner» is left out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 1 }), fc.constantFrom("ca.", "om lag", "rundt", "omtrent"), (tenths, decimals, word) => {
        const millions = decimals === 0 ? Math.max(1, Math.round(tenths / 10)) : tenths / 10;
        const raw = fmt(millions, decimals);
        const r = importReport(text.replace(sentence, `Funksjonsområde 1 har et mindreforbruk på ${word} ${raw} millioner.`));
        const [s, ...more] = r.statements.filter((x) => x.line === 207);
        expect(more).toEqual([]);
        const p = tolerances.prose.approximate(raw, 1000);
        // in whole thousands: 16,1 millioner is 16 100, where 16.1 * 1000 in floating point is 16 100.000000000002
        expect([s!.subject, s!.scope.table, s!.stated.value]).toEqual(["netVariance", "FO1", Math.round(millions * 1000)]);
        expect(s!.stated.precision).toBeCloseTo(p, 9);
        if (Math.abs(millions * 1000 - 5730) <= p) expect(s!.verdict).toBe("agrees");
        expect(s!.verdict === "agrees").toBe(Math.abs(s!.difference!) <= p + 1e-6);
        const bound = importReport(text.replace(sentence, `Funksjonsområde 1 har et mindreforbruk på over ${raw} millioner.`));
        expect(bound.statements.filter((x) => x.line === 207)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("generated: the population and a key figure worded approximately", () => {
  it("«rundt N innbyggere» and «ca. N i 2024» agree within the last significant digit, never beyond; «over N» is left out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 96000 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 300, max: 2000 }), (now, zeros, off, born) => {
        const stated = roundTo(now, zeros) + off * 10 ** zeros;
        const table = `Befolkningsutvikling 01.01.2023 01.01.2024\n\n0 år ${fmt(500)} ${fmt(510)}\nSum bydel ${fmt(now - 100)} ${fmt(now)}\n`;
        for (const [word, kept] of [["rundt", true], ["om lag", true], ["over", false]] as const) {
          const s = prose(importReport(doc(`${table}\nPer 01.01.2024 hadde bydelen ${word} ${fmt(stated)} innbyggere.`)), ["population"]);
          if (!kept) expect(s).toEqual([]);
          else {
            const p = tolerances.prose.approximate(fmt(stated));
            expect(s.map((x) => [x.stated.value, x.stated.precision, x.reference?.value])).toEqual([[stated, p, now]]);
            expect(s[0]!.verdict === "agrees").toBe(Math.abs(stated - now) <= p);
          }
        }
        const keyFigures = `Nøkkeltall for: Funksjonsområde 2C \n- Helsestasjon \n\nResultat 2020 Resultat 2021 Resultat 2022 Resultat 2023 Resultat 2024\nAntall fødte i løpet av året 700 710 720 730 ${born}\n`;
        const rounded = roundTo(born, 1) + off * 10;
        const k = prose(importReport(doc(`${keyFigures}\nAntall fødsler var ca. ${rounded} i 2024.`)), ["keyFigure"]);
        const p = tolerances.prose.approximate(String(rounded));
        expect(k.map((x) => [x.stated.value, x.stated.precision, x.reference?.value])).toEqual([[rounded, p, born]]);
        expect(k[0]!.verdict === "agrees").toBe(Math.abs(rounded - born) <= p);
      }),
      { numRuns: 30 },
    );
  });
});
