import { describe, expect, it } from "vitest";
import { importReport } from "../src/importReport.js";

/**
 * Indicator rows the generated-indicator test (tests/import/generated-indicators.test.ts) found
 * read wrong, lost or unflagged, each reduced to one small table. The rule each one pins is in the test name.
 */

const FULL = ["Resultatindikatorer Resultat 2022 Resultat 2023 Måltall 2024 Resultat 2024 Avvik 2024", ""];
const TARGETS = ["Resultatindikatorer ", " Resultat ", "", "2021 ", "Resultat ", "", "2022 ", "Måltall ", "", "2023 ", "Måltall ", "", "2024 ", ""];
const KEY = ["Nøkkeltall for: Funksjonsområde 2A – ", "Barnehager ", "", "Resultat 2020 Resultat 2021 Resultat 2022 Resultat 2023 Resultat 2024", ""];

function read(head: string[], rows: string[]) {
  const lines = ["Årsberetning 2024", "Bydel Sagene", "", "3.2.5 Mål, tiltak og resultatindikatorer", "", ...head, ...rows, "", "3.3 Funksjonsområde 2A: Barnehager", "Tekst."];
  const report = importReport(lines.join("\n"));
  const first = 6 + head.length;
  const at = (k: number) => report.indicators.find((i) => i.kind !== "prose" && i.line === first + k);
  const findings = (k: number) => report.findings.filter((f) => f.line === first + k).map((f) => f.code);
  return { report, at, findings };
}

const series = (ind: { series?: { year: number; value: number | null }[] | undefined } | undefined) => (ind?.series ?? []).map((s) => [s.year, s.value]);

describe("indicator rows the generator found", () => {
  it("a label wrapped around its numbers: the lines in lower case after them go on with its label, not the next row's", () => {
    const { report } = read(FULL, [
      "Personer med rusutfordringer bosatt i",
      "108 106 100 121 21",
      "bolig fra institusjon",
      "Andel barnehagelærere i prosent av",
      "45,7 % 55,0 % 40 % 47,1 % 7,1 %",
      "grunnbemanningen i kommunale barnehager",
    ]);
    const rows = report.indicators.filter((i) => i.kind !== "prose");
    expect(rows.map((i) => [i.label, i.result?.raw])).toEqual([
      ["Personer med rusutfordringer bosatt i bolig fra institusjon", "121"],
      ["Andel barnehagelærere i prosent av grunnbemanningen i kommunale barnehager", "47,1 %"],
    ]);
  });

  it("a label ending in a colon over its numbers, then a line in upper case: both rows are read, for review, the line quoted in each", () => {
    const { report } = read(FULL, [
      "Foreldreundersøkelse:",
      "3,7 4,9 4,2 4,4 +0,2",
      "Forberedelse til skolestart",
      "Andel mottakere av helsetjenester",
      "70 % 75 % 80 % 81 % +1 pp",
    ]);
    const rows = report.indicators.filter((i) => i.kind !== "prose");
    expect(rows.map((i) => [i.label, i.result?.raw, i.needsReview])).toEqual([
      ["Foreldreundersøkelse:", "4,4", true],
      ["Forberedelse til skolestart Andel mottakere av helsetjenester", "81 %", true],
    ]);
    for (const row of rows) {
      const notes = report.findings.filter((f) => f.line === row.line && f.code === "UNCONFIRMED_READING");
      expect(notes.map((f) => f.severity)).toEqual(["info"]);
      expect(notes[0]!.message).toContain("«Forberedelse til skolestart»");
    }
  });

  it("labels without a colon over their numbers are each their own row: none is flagged", () => {
    const { report } = read(FULL, ["Andel barn med barnehageplass", "70 % 75 % 80 % 81 % +1 pp", "Andel mottakere av helsetjenester", "70 % 75 % 80 % 81 % +1 pp"]);
    expect(report.indicators.filter((i) => i.kind !== "prose").map((i) => i.needsReview ?? false)).toEqual([false, false]);
    expect(report.findings.filter((f) => f.code === "UNCONFIRMED_READING")).toEqual([]);
  });

  it("a label's next line in lower case that ends in a number («… innen 2») goes on with the label of a row that has all its cells", () => {
    const { report } = read(FULL, ["Andel søknader om økonomisk 31,2 % 29 % 23,2 % 27,6 % 4,4 %", "sosialhjelp - behandlet innen 2", "uker"]);
    const rows = report.indicators.filter((i) => i.kind !== "prose");
    expect(rows.map((i) => [i.label, i.result?.raw])).toEqual([["Andel søknader om økonomisk sosialhjelp - behandlet innen 2 uker", "27,6 %"]]);
  });

  it("a header's years on a line of their own under its words belong to the year-less columns, in order", () => {
    const head = ["Resultatindikatorer Resultat Resultat Måltall 2018 Måltall 2019", "bydel 2016 2017", ""];
    const { at } = read(head, ["Antall deltakere i introduksjonsordning 804 825 989 990"]);
    expect(series(at(0))).toEqual([
      [2016, 804],
      [2017, 825],
    ]);
    expect(at(0)?.result ?? null).toBeNull(); // no 2024 result is printed: 2017's is none
    const key = ["Nøkkeltall for: Funksjonsområde 2A – ", "Barnehager ", "", "Resultat Resultat Resultat Resultat Resultat", "2020 2021 2022 2023 2024", ""];
    const k = read(key, ["Årsverk jordmødre 1,1 2,2 x 2,41 2,6"]).at(0);
    expect(series(k)).toEqual([
      [2020, 1.1],
      [2021, 2.2],
      [2022, null],
      [2023, 2.41],
      [2024, 2.6],
    ]);
    expect(k?.result?.raw).toBe("2,6");
  });

  it("a header's years on a line of their own that match no year-less columns put every row up for review, never a silent year", () => {
    // three years below for two year-less columns: which column is which year is not proven
    const head = ["Resultatindikatorer Resultat Resultat Måltall 2018 Måltall 2019", "bydel 2015 2016 2017", ""];
    const { at, report } = read(head, ["Antall deltakere i introduksjonsordning 804 825 989 990"]);
    expect(at(0)?.needsReview).toBe(true);
    expect(report.findings.filter((f) => f.line === at(0)?.line && /årstallene i tabellhodet står på egen linje/u.test(f.message))).toHaveLength(1);
    // where the years match, nothing is flagged for them
    const matched = read(["Resultatindikatorer Resultat Resultat Måltall 2018 Måltall 2019", "bydel 2016 2017", ""], ["Antall deltakere i introduksjonsordning 804 825 989 990"]);
    expect(matched.report.findings.some((f) => /årstallene i tabellhodet/u.test(f.message))).toBe(false);
  });

  it("a comparator before a grouped number is one target ('> 2 430'), and a comparator stands only in a Måltall column", () => {
    const { at, findings } = read(TARGETS, ["Personer bosatt i bolig fra institusjon 40 45 maks 40 > 2 430"]);
    expect(at(0)?.target).toMatchObject({ raw: "> 2 430", operator: ">", value: 2430 });
    expect(series(at(0))).toEqual([
      [2021, 40],
      [2022, 45],
    ]);
    expect(findings(0)).toEqual([]);
  });

  it("a row whose every reading puts a comparator in a result or avvik column is not imported, with a warning", () => {
    const { at, findings } = read(FULL, ["Andel fast ansatte > 5 3 4 2 1"]);
    expect(at(0)).toBeUndefined();
    expect(findings(0)).toContain("UNREADABLE_ROW");
  });

  it("a signed deviation takes its thousands group ('+1 831')", () => {
    const { at, findings } = read(FULL, ["Personer med rusutfordringer 400 2 239 400 2231 +1 831"]);
    expect(at(0)?.statedDeviation).toEqual({ raw: "+1 831", value: 1831 });
    expect(at(0)?.result?.value).toBe(2231);
    expect(findings(0)).toEqual([]);
  });

  it("a row with more numbers than columns is not imported silently: UNREADABLE_ROW", () => {
    const { at, findings } = read(FULL, ["Andel fast ansatte 10 20 30 40 50 60"]);
    expect(at(0)).toBeUndefined();
    expect(findings(0)).toContain("UNREADABLE_ROW");
  });

  it("a key-figure row with a blank cell is marked for review: the blank may be any year", () => {
    const { at, findings } = read(KEY, ["Andel undersøkelser gjennomført 97% 96% 98% 95%"]);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("five cells or four and a blank of about the same sizes ('64 28 2 599 25') are not told apart by the layout: flagged", () => {
    const { at, findings } = read(KEY, ["Antall liggedøgn 64 28 2 599 25"]);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("a full reading the avvik confirms is flagged when a shorter one (oldest result blank) closes the avvik too", () => {
    const { at, findings } = read(FULL, ["Antall deltakere i introduksjonsordning  2 897       ≥ 400       2 952     2 552"]);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("'> 2022' refers to a year the table reports (no deviation); '< 2085' is a count (deviation computed)", () => {
    const { at } = read(FULL, ["Antall brukere 112 1 080 > 2022 703 -", "Antall deltakere 400 1 924 < 2085 2032 -53"]);
    expect(at(0)?.deviation).toBeNull();
    expect(at(1)?.deviation).toBe(-53);
  });

  it("a line of cells that starts with a placeholder is a row, not a footnote", () => {
    const { at } = read(KEY, ["Andel fast ansatte", "i heltidsstillinger", "", "*   77.4        16.7 %        82        69.9 %"]);
    expect(series(at(3))).toEqual([
      [2020, null],
      [2021, 77.4],
      [2022, 16.7],
      [2023, 82],
      [2024, 69.9],
    ]);
    expect(at(3)?.label).toBe("Andel fast ansatte i heltidsstillinger");
  });

  it("the row's last cell on a line of its own completes the row (Vestre Aker: '… 43 %' then '*')", () => {
    const { at, report } = read(KEY, ["Andel barnehagelærere i forhold til ", "grunnbemanning  28.6 % 37.5 % 32.3 % 43 % ", "", " ", "* ", "", "Andel pedagogiske ledere 66.4 % 71.6 % 75.6 % 72,1 % 70 %"]);
    expect(series(at(1))).toEqual([
      [2020, 28.6],
      [2021, 37.5],
      [2022, 32.3],
      [2023, 43],
      [2024, null],
    ]);
    expect(at(1)?.needsReview).toBeUndefined();
    expect(report.indicators.filter((i) => i.kind === "keyFigure")).toHaveLength(2);
  });

  it("a lone number under a short row may be a page number or its last cell: the row is kept as read, for review", () => {
    const { at, report, findings } = read(KEY, ["Andel barnehagelærere 28.6 % 37.5 % 32.3 % 43 %", "", " 37 ", "", "Andel pedagogiske ledere 66.4 % 71.6 % 75.6 % 72,1 % 70 %"]);
    expect(series(at(0))).toHaveLength(4);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
    expect(report.indicators.filter((i) => i.kind === "keyFigure")).toHaveLength(2);
  });

  it("a lone number larger than the next page footer's page number is no page number: it is the row's last cell", () => {
    const { at, findings } = read(KEY, [
      "Antall deltakere i introduksjonsordning 344 339 276 178",
      "",
      " ",
      "163 ",
      "Antall mottakere dagaktivitetstilbud 163 157 134 142",
      "",
      " ",
      "12 ",
      "Bydel Sagene • Årsberetning 2024 • 31",
    ]);
    expect(series(at(0))).toEqual([
      [2020, 344],
      [2021, 339],
      [2022, 276],
      [2023, 178],
      [2024, 163],
    ]);
    expect(findings(0)).toEqual([]);
    // «12» may be a page before page 31: the row is kept as read, for review
    expect(series(at(4))).toHaveLength(4);
    expect(at(4)?.needsReview).toBe(true);
    expect(findings(4)).toContain("UNCONFIRMED_READING");
  });

  it("English thousands commas: '1,200,000' is read as 1 200 000; '1,119' in a count of children is 1 119 (a count is whole); in a rate it stays flagged", () => {
    const { at, findings } = read(KEY, [
      "Korrigerte brutto driftsutgifter i kroner per barn 1,200,000 1,122,802 1,028,656 1,100,000 1,250,000",
      "Antall barn 1-2 år med barnehageplass  1,119 1,129 1,126   1,128  1,050",
      "Antall innlagt med hoftebrudd pr 1 000 innbyggere 1,119 1,129 1,126 1,128 1,050",
      "Gjennomsnittlig stønadslengde 2,125 2,250 2,375 2,500 2,625",
    ]);
    expect(series(at(0))[0]).toEqual([2020, 1200000]);
    expect(at(0)?.result?.value).toBe(1250000);
    expect(series(at(1))).toEqual([
      [2020, 1119],
      [2021, 1129],
      [2022, 1126],
      [2023, 1128],
      [2024, 1050],
    ]);
    expect(at(1)?.result?.raw).toBe("1,050");
    expect(at(1)?.needsReview).toBeUndefined();
    expect(findings(1)).toEqual([]);
    // a rate per 1 000 and an average may carry three decimals: nothing settles the comma
    for (const k of [2, 3]) {
      expect(at(k)?.needsReview).toBe(true);
      expect(findings(k)).toContain("UNCONFIRMED_READING");
    }
  });

  it("a comma before three digits: the avvik settles it where only one reading closes it, and a decimal comma in the row keeps it a decimal", () => {
    const { at, findings } = read(FULL, [
      "Personer bosatt i bolig fra institusjon 3,497 3,160 > 2,517 2,827 310",
      "Gjennomsnittlig stønadslengde 3,497 3,160 2,517 2,827 0,31",
      "Personer bosatt i bolig fra institusjon 3,497 3,160 2,517 2,827 0,3",
    ]);
    expect(at(0)?.result?.value).toBe(2827);
    expect(at(0)?.target?.value).toBe(2517);
    expect(at(0)?.deviation).toBe(310);
    expect(findings(0)).toEqual([]);
    expect(at(1)?.result?.value).toBe(2.827);
    expect(findings(1)).toEqual([]);
    // «0,3» uses the comma as decimal mark: 2,827 is 2.827 whatever the label says
    expect(at(2)?.result?.value).toBe(2.827);
  });

  it("a Nøkkeltall table laid out by position (pdftotext -layout): a blank cell is the column left empty, also past a page footer", () => {
    const head = [
      "Nøkkeltall for: Funksjonsområde 2A        Resultat   Resultat   Resultat   Resultat   Resultat",
      "– Barnehager                                  2020       2021       2022       2023       2024",
    ];
    const { at, findings } = read(head, [
      "Årsverk jordmødre                             5.04                  5.6          x        4.4",
      "Bydel Sagene • Årsberetning 2024 • 12",
      "Korrigerte brutto driftsutgifter i",
      "kroner per barn                                      226 786    242 169    253 631    259 153",
    ]);
    expect(series(at(0))).toEqual([
      [2020, 5.04],
      [2022, 5.6],
      [2023, null],
      [2024, 4.4],
    ]);
    expect(series(at(3))).toEqual([
      [2021, 226786],
      [2022, 242169],
      [2023, 253631],
      [2024, 259153],
    ]);
    expect(at(0)?.needsReview).toBeUndefined();
    expect(at(3)?.needsReview).toBeUndefined();
    expect(findings(0)).toEqual([]);
    expect(findings(3)).toEqual([]);
  });

  it("a full reading that contradicts avvik = resultat − måltall gives way: «4,3 - 0,1» is a signed avvik, not a «-» result with avvik 0,1", () => {
    const { at, findings } = read(FULL, ["Foreldreundersøkelse: Forberedelse til skolestart 3,4 4,4 4,3 - 0,1"]);
    expect(series(at(0))).toEqual([
      [2023, 3.4],
      [2024, 4.3],
    ]);
    expect(at(0)?.target?.value).toBe(4.4);
    expect(at(0)?.statedDeviation?.value).toBe(-0.1);
    expect(at(0)?.needsReview).toBeUndefined();
    expect(findings(0)).toEqual([]);
  });

  it("readings that fit the columns are not cut off by the many that do not ('1 156 742 1 101 386 48 408 884 902 737 988')", () => {
    const { at, findings } = read(KEY, ["Brutto driftsutgifter per barn 1 156 742 1 101 386 48 408 884 902 737 988"]);
    // five cells by magnitude alone, with other readings that fit: flagged, never taken silently
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("a full reading of counts is flagged when a shorter one with a blank has sizes about as alike ('0 2 977 0')", () => {
    const { at, findings } = read(TARGETS, ["Antall mottakere dagaktivitetstilbud 0 2 977 0"]);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("a word comparator ('minst 100 %') takes part in the avvik identity: the blank oldest result is placed by it", () => {
    const { at, findings } = read(FULL, ["Dekningsgrad 1-5 åringer  100,0 %        minst 100 %     88,94 %  -11,06 pp"]);
    expect(series(at(0))).toEqual([
      [2023, 100],
      [2024, 88.94],
    ]);
    expect(at(0)?.target).toMatchObject({ raw: "minst 100 %", operator: ">=", value: 100 });
    expect(at(0)?.needsReview).toBeUndefined();
    expect(findings(0)).toEqual([]);
  });

  it("an avvik printed with fewer decimals ('-28pp' for 38,89 − 67) still confirms where the blank is", () => {
    const { at, findings } = read(FULL, ["Andel deltakere i arbeid eller utdanning 55 % 67 % 38,89% -28pp"]);
    expect(series(at(0))).toEqual([
      [2023, 55],
      [2024, 38.89],
    ]);
    expect(at(0)?.needsReview).toBeUndefined();
    expect(findings(0)).toEqual([]);
  });

  it("a one-word group row ('Innhold') is no part of the label of a row printed on one line below it", () => {
    const { at } = read(KEY, ["Innhold      ", "Antall deltakere i introduksjonsordning i løpet av året 265 * 596 335 370"]);
    expect(at(1)?.label).toBe("Antall deltakere i introduksjonsordning i løpet av året");
  });

  it("without a full reading, the one with the fewest blanks: '28 220 233' is three cells, not one", () => {
    const { at } = read(FULL, ["Personer med rusutfordringer bosatt i bolig fra institusjon 28 220 233"]);
    expect(series(at(0))).toEqual([
      [2022, 28],
      [2023, 220],
    ]);
    expect(at(0)?.target?.value).toBe(233);
    expect(at(0)?.needsReview).toBe(true);
  });

  it("a shorter reading with a single number is an alternative too ('x x 902 747 x': 902 and 747, or 902 747 and a blank)", () => {
    const { at, findings } = read(KEY, ["Brutto driftsutgifter per barn i barnevernet x x 902 747 x"]);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("a share never has thousands groups: '* 134 114 121 *' in an Andel row is five cells, not flagged", () => {
    const { at, findings } = read(KEY, ["Andel barn i tiltak som ikke er tiltak utenfor hjemmet * 134 114 121 *"]);
    expect(series(at(0)).map(([, v]) => v)).toEqual([null, 134, 114, 121, null]);
    expect(at(0)?.needsReview).toBeUndefined();
    expect(findings(0)).toEqual([]);
  });

  it("a lone last number on its own line after a row that it would complete flags the row ('0 2 325 0 1' … '1')", () => {
    const { at, findings } = read(KEY, ["Antall mottakere dagaktivitetstilbud 0 2 325 0 1", "", " ", "1 "]);
    expect(at(0)?.needsReview).toBe(true);
    expect(findings(0)).toContain("UNCONFIRMED_READING");
  });

  it("a short row's blanks go where its comparators stay in Måltall columns", () => {
    const { at } = read(TARGETS, ["Antall liggedøgn 1 683 maks 400 maks 400"]);
    expect(at(0)?.target).toMatchObject({ raw: "maks 400", operator: "<=", value: 400 });
    expect(at(0)?.needsReview).toBe(true);
  });
});

describe("rows after a table", () => {
  const SICK = ["Sykefravær i % Resultat 2023 Mål 2024 Resultat 2024"];
  it("a sick-leave table never takes another table's row into its own: the row is reported, not read as sick leave", () => {
    const { report, at, findings } = read(SICK, ["Korttid (0-16 dager) 2,1 % 2,3 %", "Langtid (17 - > dager) 5,0 % 5,5 %", "Totalt 7,1 % 7 % 7,8 %", "", "Antall nye parsellhager 3 4"]);
    expect(at(2)).toMatchObject({ label: "Sykefravær Totalt", result: { value: 7.8 } });
    expect(report.indicators.some((i) => /parsellhager/u.test(i.label))).toBe(false);
    expect(findings(4)).toEqual(["TABLE_INCOMPLETE"]);
  });

  it("the rows after a table's end are looked for up to the page's end: a row past a page footer is the next page's", () => {
    const after = (between: string) => read(SICK, ["Korttid (0-16 dager) 2,1 % 2,3 %", "Langtid (17 - > dager) 5,0 % 5,5 %", "Totalt 7,1 % 7 % 7,8 %", "", "Antall nye parsellhager 3 4", between, "Antall besøk 5 6"]);
    const lost = (between: string) => after(between).report.findings.filter((f) => f.code === "TABLE_INCOMPLETE").map((f) => [f.line, /slutter før linjen?e? ([\d, ]+),/u.exec(f.message)?.[1]]);
    expect(lost("Andre tall")).toEqual([[11, "11, 13"]]);
    expect(lost("Bydel Sagene • Årsberetning 2024 • 12")).toEqual([[11, "11"]]);
  });

  it("a sick-leave row per unit, every cell a percentage, is the table's row", () => {
    const { at } = read(SICK, ["Barnehagene 8,1 % 7 % 7,6 %", "Totalt 7,1 % 7 % 7,8 %"]);
    expect(at(0)).toMatchObject({ label: "Sykefravær Barnehagene", result: { value: 7.6 } });
  });

  it("a header printed again after the table is no lost row", () => {
    const { findings } = read(FULL, ["Andel fast ansatte 80 % 82 % 85 % 84 % -1", "", "Resultat 2022 Resultat 2023 Måltall 2024 Resultat 2024 Avvik 2024", "Andel heltid 70 % 72 % 75 % 76 % 1"]);
    expect(findings(2)).toEqual([]);
  });
});

describe("a table that prints its deviations without a sign", () => {
  it("is reported once, and its unsigned negatives are checked by size, not each one an error", () => {
    const { report } = read(FULL, ["Andel fast ansatte 80 % 82 % 85 % 84 % 1", "Andel heltid 70 % 72 % 75 % 73 % 2", "Andel med kompetanse 60 % 61 % 65 % 62 % 3"]);
    expect(report.findings.filter((f) => f.code === "DEVIATIONS_UNSIGNED")).toHaveLength(1);
    expect(report.findings.filter((f) => f.code === "INDICATOR_DEVIATION_MISMATCH")).toEqual([]);
    expect(report.indicators.map((i) => i.deviation)).toEqual([-1, -2, -3]);
  });

  it("still reports a size that does not match", () => {
    const { report } = read(FULL, ["Andel fast ansatte 80 % 82 % 85 % 84 % 1", "Andel heltid 70 % 72 % 75 % 73 % 2", "Andel med kompetanse 60 % 61 % 65 % 62 % 4"]);
    expect(report.findings.filter((f) => f.code === "INDICATOR_DEVIATION_MISMATCH").map((f) => f.line)).toHaveLength(1);
  });

  it("a lone unsigned negative among signed deviations stays an error on its row", () => {
    const { report } = read(FULL, ["Andel fast ansatte 80 % 82 % 85 % 84 % -1", "Andel heltid 70 % 72 % 75 % 73 % 2", "Andel med kompetanse 60 % 61 % 65 % 62 % 3"]);
    expect(report.findings.some((f) => f.code === "DEVIATIONS_UNSIGNED")).toBe(false);
    expect(report.findings.filter((f) => f.code === "INDICATOR_DEVIATION_MISMATCH")).toHaveLength(2);
  });
});

describe("text joined into lines (pdf.js items with their line ends)", () => {
  const HEADER = ["Resultatindikatorer", "Resultat", "2022", "Resultat", "2023", "Måltall", "2024", "Resultat", "2024", "Avvik", "2024"];

  it("a footnote mark alone on its line («1)») ends a wrapped label, not the table: the rows after it are read", () => {
    const { report } = read(HEADER, [
      "Andel som tilbys introduksjonsprogram",
      "innen 3 mnd. etter bosetting",
      "13% 13% 66 % 70% 4%",
      "Andelen KVP-deltakere som går til",
      "arbeid, utdanning eller statlig",
      "arbeidsrettet tiltak etter fullført program",
      "1)",
      "53% 33% 69% 33% -36%",
      "Andel av mottakerne som har sosialhjelp",
      "som viktigste inntektskilde1)",
      "45% 42% 40% 48% 8%",
    ]);
    const rows = report.indicators.filter((i) => i.kind !== "prose");
    expect(rows.map((i) => [i.result?.raw, i.target?.raw])).toEqual([
      ["70%", "66 %"],
      ["33%", "69%"],
      ["48%", "40%"],
    ]);
    expect(rows[1]!.label).toBe("Andelen KVP-deltakere som går til arbeid, utdanning eller statlig arbeidsrettet tiltak etter fullført program 1)");
  });

  it("cells under a wrapped label after the table's end are reported, never lost in silence", () => {
    // a label wrapped over more lines than a row's label may have ends the table; its cells come after
    const long = ["Andelen KVP-deltakere", "som går til", "arbeid", "eller utdanning", "eller statlig", "arbeidsrettet", "tiltak etter program"];
    const { report } = read(HEADER, ["Andel fast ansatte", "70% 68% 74% 63% -11%", ...long, "53% 33% 69% 33% -36%"]);
    expect(report.indicators.filter((i) => i.kind !== "prose")).toHaveLength(1);
    const incomplete = report.findings.filter((f) => f.code === "TABLE_INCOMPLETE");
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]!.message).toMatch(/linje \d+, som har tall/u);
  });

  it("the column words on the line above the start line, the years beside it, are the header («Resultat Resultat Måltall Resultat Avvik» over «Resultatindikator 2022 2023 2024 2024 2024»)", () => {
    const { report } = read(["Resultat Resultat Måltall Resultat Avvik", "Resultatindikator 2022 2023 2024 2024 2024"], ["Andel fast ansatte i heltidsstillinger 70 68 >74 63 -11"]);
    const [row] = report.indicators.filter((i) => i.kind !== "prose");
    expect([row?.target?.raw, row?.result?.raw, row?.statedDeviation?.raw]).toEqual([">74", "63", "-11"]);
    expect(series(row)).toEqual([
      [2022, 70],
      [2023, 68],
      [2024, 63],
    ]);
  });

  it("a caption's end before the years («tjenester og arbeidsrettede tiltak 2022 2023 2024 2024») belongs to the header, and a row's counts in 1900–2099 do not", () => {
    const { report } = read(
      ["Resultatindikatorer FO4A Sosiale Resultat Resultat Måltall Resultat Avvik 2024", "tjenester og arbeidsrettede tiltak 2022 2023 2024 2024 (Resultat-måltall)"],
      ["Andel positive vedtak for kommunal", "bolig effektuert innen 6 mnd. 89,0 % 90,0 % 90 % 81,6% -8,4pp"],
    );
    const [row] = report.indicators.filter((i) => i.kind !== "prose");
    expect([row?.target?.raw, row?.result?.raw]).toEqual(["90 %", "81,6%"]);
    expect(series(row).map(([y]) => y)).toEqual([2022, 2023, 2024]);
    // right under a header whose columns all have their years, «Antall fødte 2019 2021 2050» is a row
    const counts = read(["Resultatindikatorer Resultat 2022 Resultat 2023 Måltall 2024 Resultat 2024 Avvik 2024"], ["Antall fødte 1990 1995 2000 2010 10"]).report;
    expect(counts.indicators.filter((i) => i.kind !== "prose").map((i) => i.result?.raw)).toEqual(["2010"]);
  });

  it("a line of years that starts with the end of the label column's caption («1 2022 2023 …») belongs to the header", () => {
    const { report } = read(["Resultatindikatorer funksjonsområde Resultat Resultat Måltall Resultat Avvik 2024", "1 2022 2023 2024 2024 (Resultat-måltall)"], ["Andel fast ansatte i heltidsstillinger 71 % 73 % 73 % 73% 0"]);
    const [row] = report.indicators.filter((i) => i.kind !== "prose");
    expect([row?.target?.raw, row?.result?.raw, row?.statedDeviation?.raw]).toEqual(["73 %", "73%", "0"]);
    expect(series(row).map(([y]) => y)).toEqual([2022, 2023, 2024]);
  });
});
