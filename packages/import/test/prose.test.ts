import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicatorSchema } from "@bydel/core";
import { splitLines } from "../src/source/lines.js";
import { assemblePages } from "../src/source/text/pages.js";
import { readProseIndicators } from "../src/prose/indicators.js";
import { combinedIn, resultsIn, targetsIn } from "../src/prose/indicatorPhrases.js";
import { blocksOf, sentencesOf } from "../src/prose/text.js";

const read = (text: string) => readProseIndicators(splitLines(text), new Set());
const brief = (text: string) =>
  read(text).map((i) => ({ line: i.line, label: i.label, target: i.target?.raw, result: i.result?.raw, deviation: i.deviation, higherIsBetter: i.higherIsBetter, met: i.met }));

describe("sentences", () => {
  it("does not end a sentence at an abbreviation, an ordinal or a date", () => {
    const [block] = blocksOf(splitLines("Sykefraværet ligger på ca. 11,8 % per 31. desember. Fagdekning 87,79% per 31.12.2024. Dette er bra."), new Set());
    expect(sentencesOf(block!).map((s) => s.text)).toEqual([
      "Sykefraværet ligger på ca. 11,8 % per 31. desember.",
      "Fagdekning 87,79% per 31.12.2024.",
      "Dette er bra.",
    ]);
  });

  it("keeps a heading printed directly above its paragraph apart from it", () => {
    const blocks = blocksOf(splitLines("Sykefravær\nEnheten opplever økt sykefravær.\nDet er høyt."), new Set());
    expect(blocks.map((b) => [b.heading, b.text])).toEqual([
      [true, "Sykefravær"],
      [false, "Enheten opplever økt sykefravær. Det er høyt."],
    ]);
  });
});

describe("goal phrases", () => {
  it("reads a goal with its subject from the compound, the 'for' phrase or the share", () => {
    expect(targetsIn("Sykefraværsmålet har vært 7 %, men dette målet er ikke nådd.").map((t) => [t.raw, t.label])).toEqual([["7 %", "Sykefravær"]]);
    expect(targetsIn("Målet for fagdekning er 85 prosent.").map((t) => [t.raw, t.value, t.label])).toEqual([["85 prosent", 85, "fagdekning"]]);
    expect(targetsIn("Oslo kommune har som mål at 50 % av stillingene skal være pedagogisk leder.").map((t) => [t.raw, t.label])).toEqual([
      ["50 %", "Andel av stillingene som er pedagogisk leder"],
    ]);
    expect(targetsIn("For hjemmesykepleie skal andel autorisert personell gjennomsnittlig være minimum 85 %.").map((t) => [t.raw, t.operator, t.label])).toEqual([
      ["minimum 85 %", ">=", "andel autorisert personell"],
    ]);
  });

  it("takes no goal from words that only contain 'mål', from a bound outside a rule, or from money", () => {
    expect(targetsIn("Spørsmålet er 5 år gammelt.")).toEqual([]);
    expect(targetsIn("Formålet er 3 nye plasser.")).toEqual([]);
    expect(targetsIn("Det er krav om minimum 15 timer arbeidsrettede aktiviteter.")).toEqual([]);
    expect(targetsIn("Målet er 40 mill. i innsparing.")).toEqual([]);
    expect(targetsIn("Målet for 2024 er 2025.")).toEqual([]);
  });
});

describe("result phrases", () => {
  it("needs a time reference and a level, not a change", () => {
    expect(resultsIn("Bydel X har 48 % dekning per 2024.").map((r) => [r.raw, r.noun])).toEqual([["48 %", "dekning"]]);
    expect(resultsIn("Sykefraværet for 2024 ligger på ca. 11,8 %, noe som er høyt.").map((r) => [r.raw, r.value])).toEqual([["ca. 11,8 %", 11.8]]);
    expect(resultsIn("87,79% fagdekning 31.12.2024").map((r) => r.raw)).toEqual(["87,79%"]);
    expect(resultsIn("Når de fleste barnehagene nå har oppnådd 50% barnehagelærerdekning, gjøres stillingene om.")).toEqual([]);
    expect(resultsIn("Enkelte barnehager har 60 % dekning per 2024.")).toEqual([]);
    expect(resultsIn("Tjenesten fikk 807 søknader, som er 50 % økning fra 2023.")).toEqual([]);
    expect(resultsIn("Merforbruket for 2024 er på 64 mill. kroner.")).toEqual([]);
  });
});

describe("combined phrases", () => {
  it("reads goal and outcome stated together, with the outcome as printed when it has no number", () => {
    expect(combinedIn("Antall plasser ved utgangen av desember var nede på 351 som tilsvarer måltallet for året.").map((c) => [c.label, c.target.raw, c.result.raw, c.relation])).toEqual([
      ["Antall plasser ved utgangen av desember", "351", "351", "equal"],
    ]);
    expect(combinedIn("Ledig listekapasitet lå under grenseverdien på 4 %, men ressursene er begrenset.").map((c) => [c.label, c.target.raw, c.result.raw, c.result.value])).toEqual([
      ["Ledig listekapasitet", "4 %", "under grenseverdien på 4 %", null],
    ]);
    expect(combinedIn("Likevel har vi i gjennomsnitt ligget litt under måltall for antall deltakere gjennom året.").map((c) => [c.label, c.target.raw, c.result.raw])).toEqual([
      ["Antall deltakere", "måltall for antall deltakere", "litt under måltall"],
    ]);
    expect(combinedIn("Bydelen følger i hovedsak reglene om saksbehandlingstid på 3 uker og om foreløpig svar innen 2 uker.").map((c) => [c.label, c.target.raw, c.result.raw])).toEqual([
      ["Saksbehandlingstid", "3 uker", "i hovedsak"],
      ["Foreløpig svar", "2 uker", "i hovedsak"],
    ]);
    expect(combinedIn("Vi følger i hovedsak planen.")).toEqual([]);
  });
});

describe("readProseIndicators", () => {
  it("pairs a goal with the outcome after it in the paragraph, at the outcome's line", () => {
    const text = ["Sykefravær", "Sykefraværsmålet har vært 7 %, men målet er ikke nådd. Sykefraværet for 2024 ligger på ca. 11,8", "%, noe som er høyt."].join("\n");
    expect(brief(text)).toEqual([{ line: 2, label: "Sykefravær", target: "7 %", result: "ca. 11,8 %", deviation: 4.8, higherIsBetter: false, met: false }]);
  });

  it("pairs a rule that ends its paragraph with the answer a few lines below", () => {
    const text = [
      "H3 Fagdekning hjemmesykepleie",
      "For hjemmesykepleie skal andel autorisert helsepersonell gjennomsnittlig være minimum 85 %.",
      "",
      "Bydel X:",
      "Hjemmetjenesten har per 31 desember 81,6% fagdekking.",
    ].join("\n");
    expect(brief(text)).toEqual([{ line: 5, label: "Andel autorisert helsepersonell", target: "minimum 85 %", result: "81,6%", deviation: -3.4, higherIsBetter: true, met: false }]);
  });

  it("reads a goal in a heading's parentheses with a status line below", () => {
    const text = ["H3/2024  Fagdekning hjemmesykepleie (85%)", "", "Assistenter får bli helsefagarbeidere.", "87,79% fagdekning 31.12.2024"].join("\n");
    expect(brief(text)).toEqual([{ line: 4, label: "H3/2024 Fagdekning hjemmesykepleie", target: "85%", result: "87,79%", deviation: 2.79, higherIsBetter: true, met: true }]);
  });

  it("reads the status line after a page break: the break's running header and page number are no distance", () => {
    const page = (n: number, body: string[]) => [`\f`, ...body, "", "", "", "", `${n}`, "Årsberetning 2024 – Bydel Vestre Aker"];
    const lines = [
      ...page(71, ["6 Oppfølging av verbalvedtak"]),
      ...page(72, ["H3/2024 Fagdekning hjemmesykepleie (85%)", "Assistenter får bli", "helsefagarbeidere."]),
      ...page(73, ["87,79% fagdekning 31.12.2024", "", "H32/2024 Rask psykisk helsehjelp (RPH)"]),
      ...page(74, ["7 Vedlegg"]),
    ];
    const assembled = assemblePages(splitLines(lines.join("\n")));
    const found = readProseIndicators(assembled, new Set());
    expect(found.map((i) => [i.target?.raw, i.result?.raw])).toEqual([["85%", "87,79%"]]);
    // the same distance in lines of text is too far
    const far = ["H3/2024 Fagdekning hjemmesykepleie (85%)", "Assistenter får bli", "a", "b", "c", "d", "e", "f", "87,79% fagdekning 31.12.2024"];
    expect(read(far.join("\n"))).toEqual([]);
  });

  it("leaves a goal alone when the outcome is far below, behind a heading, before it, or in another unit", () => {
    const far = ["Målet for fagdekning er 85 %.", "", "a", "b", "c", "d", "e", "f", "g", "Tjenesten har 80 % fagdekning per 2024."].join("\n");
    const heading = ["Målet for fagdekning er 85 %.", "", "Neste tema", "Tjenesten har 80 % fagdekning per 2024."].join("\n");
    const before = "Tjenesten har 80 % fagdekning per 2024. Målet for fagdekning er 85 %.";
    const unit = "Målet for fagdekning er 85 %. I 2024 var det 120 ansatte, og antallet ligger på 130 for 2025.";
    for (const text of [far, heading, before, unit]) expect(read(text), text).toEqual([]);
  });

  it("reads other common phrasings: 'målet for X er', 'var X %' with a date, 'skal … være under X'", () => {
    expect(brief("Bydelens mål for sykefravær er 6,5 %. Sykefraværet i 2024 var 7,3 %, mot 7,9 % i 2023.")).toEqual([
      { line: 1, label: "Sykefravær", target: "6,5 %", result: "7,3 %", deviation: 0.8, higherIsBetter: false, met: false },
    ]);
    expect(brief("Ifølge planen skal sykefraværet være under 6 %. Sykefraværet for 2024 ligger på 5,2 %.")).toEqual([
      { line: 1, label: "Sykefraværet", target: "under 6 %", result: "5,2 %", deviation: -0.8, higherIsBetter: false, met: true },
    ]);
  });

  it("takes the report year's outcome, not an earlier year's, when the year is known", () => {
    const text = "Sykefraværsmålet er 6 %. Sykefraværet for 2023 var på 9 %. For 2024 ligger sykefraværet på 8 %.";
    expect(readProseIndicators(splitLines(text), new Set(), 2024).map((i) => i.result?.raw)).toEqual(["8 %"]);
  });

  it("names a goal that names no subject after the heading above it", () => {
    expect(brief(["4.2 Fagdekning", "Målet er 85 %, og resultatet for 2024 ble 83 %."].join("\n"))).toEqual([
      { line: 2, label: "Fagdekning", target: "85 %", result: "83 %", deviation: -2, higherIsBetter: true, met: false },
    ]);
    expect(read("Målet er 85 %, og resultatet for 2024 ble 83 %.")).toEqual([]);
  });

  it("marks every prose indicator for review, with no printed deviation", () => {
    const [ind] = read("Oslo kommune har som mål at 50 % av stillingene skal være pedagogisk leder. Bydel X har 48 % dekning per 2024.");
    expect(ind).toMatchObject({ kind: "prose", needsReview: true, statedDeviation: null, unit: "percent", deviation: -2, met: false, label: "Andel av stillingene som er pedagogisk leder" });
  });

  it("skips lines of tables read elsewhere", () => {
    const lines = splitLines("Sykefraværsmålet har vært 7 %. Sykefraværet for 2024 ligger på 8 %.");
    expect(readProseIndicators(lines, new Set([1]))).toEqual([]);
  });
});

describe("readProseIndicators on generated text", () => {
  const num = fc.oneof(fc.integer({ min: 0, max: 150 }).map(String), fc.integer({ min: 0, max: 1500 }).map((d) => (d / 10).toFixed(1).replace(".", ",")));
  const unit = fc.constantFrom("%", " %", " prosent", "", " mill.", " dager");
  const year = fc.constantFrom("2023", "2024");
  const goal = fc.tuple(fc.integer({ min: 0, max: 3 }), num, unit).map(([k, n, u]) =>
    [`Sykefraværsmålet har vært ${n}${u}.`, `Målet for fagdekning er ${n}${u}.`, `For tjenesten skal andelen gjennomsnittlig være minimum ${n}${u}.`, `\nH3 Fagdekning (${n}${u})\n`][k]!,
  );
  const outcome = fc.tuple(fc.integer({ min: 0, max: 4 }), num, unit, year).map(([k, n, u, y]) =>
    [`Bydel X har ${n}${u} dekning per ${y}.`, `Sykefraværet for ${y} ligger på ca. ${n}${u}.`, `${n}${u} fagdekning 31.12.${y}`, `Resultatet for ${y} ble ${n}${u}.`, `Tallet var nede på ${n}${u} som tilsvarer måltallet.`][k]!,
  );
  const noise = fc.constantFrom("Dette er bra.", "\n", "\n\n", "Merforbruket er på 12 mill.", "Enkelte barnehager har 60 % dekning per 2024.", "Bydelen overholder i hovedsak fristen på 3 uker.", "a\nb\nc\nd\ne\nf\ng\n");

  it("never throws, validates, and keeps every target and result exactly as printed in the text", () => {
    let emitted = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(goal, outcome, noise), { maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        const flat = text.replace(/\s+/g, " ");
        const lines = splitLines(text);
        for (const ind of readProseIndicators(lines, new Set(), 2024)) {
          emitted++;
          expect(indicatorSchema.safeParse(ind).success).toBe(true);
          expect(ind.line).toBeGreaterThanOrEqual(1);
          expect(ind.line).toBeLessThanOrEqual(lines.length);
          expect(flat).toContain(ind.result!.raw);
          expect(flat).toContain(ind.target!.raw);
          expect(ind.result!.raw).not.toMatch(/mill/);
          if (ind.unit === "percent" && ind.result?.value != null) expect(ind.result.value).toBeLessThanOrEqual(100);
          if (ind.unit === "percent" && ind.target?.value != null) expect(ind.target.value).toBeLessThanOrEqual(100);
          if (ind.result?.value != null && ind.target?.value != null) expect(ind.deviation).toBeCloseTo(ind.result.value - ind.target.value, 9);
          expect(ind.statedDeviation).toBeNull();
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(emitted).toBeGreaterThan(50); // the generator does reach the phrases
  });
});
