import { describe, expect, it } from "vitest";
import { importReport } from "../src/importReport.js";
import { columnOf, layoutCells, readLayoutHeader } from "../src/tables/layoutTable.js";

/**
 * Indicator tables laid out by position (pdftotext -layout, the PDF source's layout): headers over
 * two or more lines, wide gaps, cells placed by their column, text in a value column, labels that
 * wrap with the numbers on their first, a middle or their last line. Made-up tables in the shapes
 * the fixture PDFs print.
 */

/** Right edges of the five columns Resultat 2022, Resultat 2023, Måltall 2024, Resultat 2024, Avvik 2024. */
const EDGES = [52, 64, 76, 90, 106];

/** A line with `label` at the left and each cell right-aligned at its column's edge (null: blank). */
function lay(label: string, cells: readonly (string | null)[], edges: readonly number[] = EDGES): string {
  let s = label;
  cells.forEach((c, j) => {
    if (c === null) return;
    s = s.padEnd(Math.max(edges[j]! - c.length, s.length + 2)) + c;
  });
  return s.trimEnd();
}

const HEAD = [lay("", ["Resultat", "Resultat", "Måltall", "Resultat", "Avvik"]), lay(" Resultatindikator", ["2022", "2023", "2024", "2024", "2024"])];

function read(head: readonly string[], rows: readonly string[]) {
  const lines = ["Årsberetning 2024", "Bydel Sagene", "", "3.2.5 Mål, tiltak og resultatindikatorer", "FO1 Administrasjon", ...head, ...rows, "", "", "3.3 Funksjonsområde 2A: Barnehager", "Tekst."];
  const report = importReport(lines.join("\n"));
  const first = 6 + head.length;
  const table = report.indicators.filter((i) => i.kind !== "prose");
  const at = (k: number) => table.find((i) => i.line === first + k);
  const findings = (k: number) => report.findings.filter((f) => f.line === first + k).map((f) => f.code);
  const raw = (k: number) => {
    const i = at(k);
    return i ? [i.target?.raw ?? null, i.result?.raw ?? null, i.statedDeviation?.raw ?? null] : undefined;
  };
  return { report, table, at, raw, findings };
}

describe("laid-out indicator headers", () => {
  it("a label line that runs a little into the first column, without cells, is a label line, not text ending the table", () => {
    const long = "Korrigerte brutto driftsutgifter per barn i kommunal";
    expect(long.length).toBeGreaterThan(EDGES[0]! - 6); // it reaches into the first column
    const { table } = read(HEAD, [lay("Andel barn med plass", ["10 %", "12 %", "15 %", "14 %", "-1 pp"]), long, lay("barnehage", ["1 000", "1 100", "1 200", "1 300", "+100"])]);
    expect(table.map((i) => [i.label, i.result?.raw])).toEqual([
      ["Andel barn med plass", "14 %"],
      [`${long} barnehage`, "1 300"],
    ]);
  });

  it("a header over two lines, above the start word: one column per span, with its year", () => {
    const lines = ["x", ...HEAD].map((text, i) => ({ no: i + 1, text }));
    const h = readLayoutHeader(lines, 2, /^\s*resultatindikator(?:er)?\b/iu);
    expect(h?.columns.map((c) => [c.kind, c.year])).toEqual([
      ["result", 2022],
      ["result", 2023],
      ["target", 2024],
      ["result", 2024],
      ["deviation", 2024],
    ]);
    expect(h?.first).toBe(1);
    expect(h?.next).toBe(3);
  });

  it("«Måltall 2024» on one line beside «Resultat» over «2022», and «Avvik 2024» over «(Resultat-måltall)»", () => {
    const head = [
      lay("", ["Resultat", "Resultat", "Måltall 2024", "Resultat", "Avvik 2024"]),
      lay(" Resultatindikatorer", ["2022", "2023", null, "2024", "(Resultat-måltall)"]),
    ];
    const { raw, table } = read(head, [lay("Andel fast ansatte i heltidsstillinger", ["71 %", "73 %", "73 %", "73%", "0"])]);
    expect(raw(0)).toEqual(["73 %", "73%", "0"]);
    expect(table.map((i) => i.label)).toEqual(["Andel fast ansatte i heltidsstillinger"]);
  });

  it("a title that wraps beside the years gives the table's area, and no header word is read as an indicator", () => {
    const head = [
      lay(" Resultatindikatorer FO4A Sosiale", ["Resultat", "Resultat", "Måltall", "Resultat", "Avvik 2024"]),
      lay(" tjenester og arbeidsrettede tiltak", ["2022", "2023", "2024", "2024", "(Resultat-måltall)"]),
    ];
    const { at, table } = read(head, [lay("Andel positive vedtak for kommunal", []), lay("bolig effektuert innen 6 mnd.", ["89,0 %", "90,0 %", "90 %", "81,6%", "-8,4pp"])]);
    expect(at(1)?.label).toBe("Andel positive vedtak for kommunal bolig effektuert innen 6 mnd.");
    expect(at(1)?.area).toBe("FO4A");
    expect(table.filter((i) => /resultat|måltall|avvik|^\s*\d/iu.test(i.label))).toEqual([]);
  });

  it("a caption set two spaces apart (a monospaced font) over a laid-out header is one caption: its area, and labels wrapped around their numbers", () => {
    const key = ["Nøkkeltall for:  Funksjonsområde 2A  –  Tjenester", "", lay("", ["Resultat", "Resultat", "Resultat", "Resultat", "Resultat"]), lay("", ["2020", "2021", "2022", "2023", "2024"]), ""];
    const { at, table } = read(key, ["Personer med rusutfordringer bosatt i", lay("", ["108", "106", "105", "121", "138"]), "bolig fra institusjon", lay("Årsverk jordmødre", ["1,1", "2,2", "x", "2,41", "2,6"])]);
    expect(table.map((i) => i.label)).toEqual(["Personer med rusutfordringer bosatt i bolig fra institusjon", "Årsverk jordmødre"]);
    expect(at(1)?.area).toBe("FO2A");
    expect(at(1)?.series?.map((s) => [s.year, s.value])).toEqual([
      [2020, 108],
      [2021, 106],
      [2022, 105],
      [2023, 121],
      [2024, 138],
    ]);
  });

  it("a caption wrapped before its last word («Obligatoriske sentrale» over «måltall FO2B Barnevern») starts its table, again after a page break", () => {
    const edges = [52, 64, 76, 90];
    const head = [lay("", [null, "Resultat"], edges), lay("Obligatoriske sentrale", ["Resultat", "bydel", "Måltall", "Måltall"], edges), lay("måltall FO2B Barnevern", ["2019", "2020", "2021", "2022"], edges), ""];
    const { table } = read(head, [
      lay("Andel søknader om økonomisk sosialhjelp", ["20%", "100%", "maks 100%", "minst 89,9%"], edges),
      ...head.slice(0, 3),
      "",
      lay("Antall deltakere i introduksjonsordning", ["950", "806", "714", "740"], edges),
    ]);
    expect(table.map((i) => [i.label, i.area, i.target?.raw])).toEqual([
      ["Andel søknader om økonomisk sosialhjelp", "FO2B", "minst 89,9%"],
      ["Antall deltakere i introduksjonsordning", "FO2B", "740"],
    ]);
  });

  it("a header whose cells are two spaces apart over rows one space apart is read by words, as before", () => {
    const { raw, findings } = read(["Resultatindikatorer  Resultat 2022  Resultat 2023  Måltall 2024  Resultat 2024  Avvik 2024"], [
      "Personer med rusutfordringer bosatt i bolig fra institusjon 21 20 18 24 6",
    ]);
    expect(raw(0)).toEqual(["18", "24", "6"]);
    expect(findings(0)).toEqual([]);
  });
});

describe("laid-out indicator rows", () => {
  it("blank cells are where the columns say: a target alone, a result without avvik", () => {
    const { raw, at, findings } = read(HEAD, [
      lay("Andel som tilbys introduksjonsprogram", ["13%", "13%", "66 %"]),
      lay("innen 3 mnd. etter bosetting 2)", []),
      lay("Andel brukere med vedtak", [null, "40 %", "60 %", "55 %"]),
    ]);
    expect(raw(0)).toEqual(["66 %", null, null]);
    expect(at(0)?.label).toBe("Andel som tilbys introduksjonsprogram innen 3 mnd. etter bosetting 2)");
    expect(at(0)?.needsReview).toBeFalsy();
    // without positions "40 % 60 % 55 %" would be Resultat 2022, 2023 and Måltall
    expect(raw(2)).toEqual(["60 %", "55 %", null]);
    expect(at(2)?.series?.map((s) => [s.year, s.raw])).toEqual([
      [2023, "40 %"],
      [2024, "55 %"],
    ]);
    expect(findings(2)).toEqual([]);
  });

  it("a placeholder a little beside its column's header still stands in that column", () => {
    const row = "Antall innbyggere 65 år og eldre innlagt".padEnd(44) + "10.2 %".padStart(8) + "8,7 %".padStart(12) + "6%".padStart(12) + "*".padStart(16);
    const { raw } = read(HEAD, [row, "på sykehus med hoftebrudd - pr 1000", "innbyggere1)"]);
    expect(raw(0)).toEqual(["6%", "*", null]);
  });

  it("wide gaps between cells and a header with more space than the numbers", () => {
    const edges = [60, 80, 100, 120, 140];
    const head = [lay("", ["Resultat", "Resultat", "Måltall", "Resultat", "Avvik"], edges), lay("Resultatindikator", ["2022", "2023", "2024", "2024", "2024"], edges)];
    const { raw } = read(head, [lay("Antall brukere med aktivitetstid4)", ["40", "21", "65", "20", "-45"], edges)]);
    expect(raw(0)).toEqual(["65", "20", "-45"]);
  });

  it("text in a result column («Ingen måling») is the result as printed, with no value; the target is read", () => {
    const { at, findings } = read(HEAD, [lay("Foreldreundersøkelse: Barns trivsel", ["4,7", "4,7", "4,7", "Ingen måling"])]);
    expect(at(0)?.result).toEqual({ raw: "Ingen måling", value: null, reason: "not-measured" });
    expect(at(0)?.target?.value).toBe(4.7);
    expect(at(0)?.statedDeviation).toBeNull();
    expect(findings(0)).toEqual([]);
  });

  it("text wrapped in its cell («Ingen» / «måling») is one cell", () => {
    const { at } = read(HEAD, [lay("Andel barn med plass", ["93 %", "95 %", "93 %", "Ingen"]), lay("", [null, null, null, "måling"])]);
    expect(at(0)?.result?.raw).toBe("Ingen måling");
    expect(at(0)?.target?.raw).toBe("93 %");
  });

  it("text wrapped in its cell beside the label's next line («skolestart   ikke tall») is one cell, and the label goes on", () => {
    const { table } = read(HEAD, [
      lay("Foreldreundersøkelse: Forberedelse til", ["3,5", "4,8", "3,2", "Bydelen har"]),
      lay("skolestart", [null, null, null, "ikke tall"]),
      lay("Antall deltakere i introduksjonsordning", ["40", "30", "maks 10", "35", "25"]),
    ]);
    expect(table.map((i) => [i.label, i.result?.raw])).toEqual([
      ["Foreldreundersøkelse: Forberedelse til skolestart", "Bydelen har ikke tall"],
      ["Antall deltakere i introduksjonsordning", "35"],
    ]);
  });

  it("a wrapped label with its numbers on the first, a middle or the last line", () => {
    const first = [lay("Andel av bydelenes årsverk i", ["80.5 %", "84.71 %", "80 %", "82.58 %", "2.58 %"]), "omsorgstjenestene med relevant", "fagutdanning 1)"];
    const middle = ["Andel mottakere av helsetjenester i", lay("hjemmet over 67 år som er kartlagt for", ["46,7 %", "73.9 %", "60 %", "64,33 %", "4,33 %"]), "ernæringsmessig risiko 2)"];
    const last = ["Andel barnehagelærere i prosent av", "grunnbemanningen i kommunale", lay("barnehager", ["50%", "46%", "50 %", "51 %", "1,0 pp"])];
    for (const [rows, at, label, values] of [
      [first, 0, "Andel av bydelenes årsverk i omsorgstjenestene med relevant fagutdanning 1)", ["80 %", "82.58 %", "2.58 %"]],
      [middle, 1, "Andel mottakere av helsetjenester i hjemmet over 67 år som er kartlagt for ernæringsmessig risiko 2)", ["60 %", "64,33 %", "4,33 %"]],
      [last, 2, "Andel barnehagelærere i prosent av grunnbemanningen i kommunale barnehager", ["50 %", "51 %", "1,0 pp"]],
    ] as const) {
      const r = read(HEAD, [...rows, ...first.map((l) => l.replace("Andel av bydelenes", "Andel av kommunale"))]);
      expect(r.at(at)?.label).toBe(label);
      expect(r.raw(at)).toEqual(values);
      expect(r.table.map((i) => i.label)).toEqual([label, "Andel av kommunale årsverk i omsorgstjenestene med relevant fagutdanning 1)"]);
    }
  });

  it("a footnote mark alone on a line ends a wrapped label; a footnote with text ends the table", () => {
    const { at, table } = read(HEAD, [
      lay("Andelen KVP-deltakere som går til", ["53%", "33%", "69%", "33%", "-36%"]),
      "arbeid, utdanning eller statlig",
      "arbeidsrettet tiltak etter fullført program",
      "1)",
      lay("Andel søknader om økonomisk", ["86%", "86%", "90%", "74%", "-16%"]),
      "sosialhjelp − behandlet innen 2 uker 3)",
      "",
      "1) Bydelene får tilsendt statistikk fra byrådsavdelingen",
    ]);
    expect(at(0)?.label).toBe("Andelen KVP-deltakere som går til arbeid, utdanning eller statlig arbeidsrettet tiltak etter fullført program 1)");
    expect(at(4)?.label).toBe("Andel søknader om økonomisk sosialhjelp − behandlet innen 2 uker 3)");
    expect(at(4)?.statedDeviation?.raw).toBe("-16%");
    expect(table).toHaveLength(2);
  });

  it("cells that cannot be placed by position are read by count and arithmetic, or withheld with a finding", () => {
    // "85 % 90 %" one space apart in one column: the positions do not place the row
    const merged = "Andel vedtak innen fristen".padEnd(46) + "80 %".padStart(6) + "85 % 90 %".padStart(12) + "92 %".padStart(14) + "2 %".padStart(16);
    const { raw, findings } = read(HEAD, [merged]);
    // five numbers for five columns: the count places them, and 92 − 90 = 2 confirms the reading
    expect(raw(0)).toEqual(["90 %", "92 %", "2 %"]);
    expect(findings(0)).toEqual([]);
    // text among numbers that cannot be placed: withheld, with a warning
    const odd = "Andel vedtak innen fristen".padEnd(46) + "80 %".padStart(6) + "85 % 90 %".padStart(12) + "Ingen måling".padStart(26);
    const r = read(HEAD, [odd]);
    expect(r.at(0)).toBeUndefined();
    expect(r.findings(0)).toContain("UNREADABLE_ROW");
  });

  it("a header printed again at a page break is no row", () => {
    const { table } = read(HEAD, [lay("Andel fast ansatte i heltidsstillinger", ["70", "68", ">74", "63", "-11"]), ...HEAD.slice(0, 1), lay("", ["2022", "2023", "2024", "2024", "2024"]), lay("Andel avsluttede undersøkelser", ["99 %", "99 %", "100 %", "99 %", "-1 %"])]);
    expect(table.map((i) => [i.label, i.result?.raw])).toEqual([
      ["Andel fast ansatte i heltidsstillinger", "63"],
      ["Andel avsluttede undersøkelser", "99 %"],
    ]);
  });

  it("a header printed again with its note («(Resultat-» over «måltall)») is no row, and the wrapped label above keeps its lines", () => {
    const head = [lay("", ["Resultat", "Resultat", "Måltall 2024", "Resultat", "Avvik 2024"]), lay("", ["2022", "2023", null, "2024", "(Resultat-"]), lay("", [null, null, null, null, "måltall)"]), ""];
    const { table } = read(head, [
      lay("Andel barnehagelærere i", ["67,85%", "60,6%", ">63%", "57,3%", "-5,7pp"]),
      "prosent av grunnbemanningen",
      "i kommunale barnehager",
      ...head,
      lay("Andel fast ansatte i heltidsstillinger", ["70", "68", ">74", "63", "-11"]),
    ]);
    expect(table.map((i) => [i.label, i.result?.raw])).toEqual([
      ["Andel barnehagelærere i prosent av grunnbemanningen i kommunale barnehager", "57,3%"],
      ["Andel fast ansatte i heltidsstillinger", "63"],
    ]);
  });

  it("a header read by position whose rows neither reader can place: its lines with numbers are reported, past a page footer, up to a blank gap", () => {
    // numbers at the left, where labels stand: not laid out by the header; a header over three lines the word-based reader does not read
    const head = [HEAD[0]!, lay("", ["bydel", "bydel", "bydel", "bydel", "bydel"]), HEAD[1]!];
    const rows = ["12 %  Andel barn med plass  10 %  12 %  15 %  14 %", "Bydel Sagene • Årsberetning 2024 • 12", "13 %  Andel barn uten plass  10 %  12 %  15 %  14 %", "", "", "Andel etter gapet  1 %  2 %"];
    const { table, report } = read(head, rows);
    expect(table).toEqual([]);
    const incomplete = report.findings.filter((f) => f.code === "TABLE_INCOMPLETE");
    expect(incomplete.map((f) => [f.line, f.table])).toEqual([[9, "Resultatindikator"]]);
    // the lines with numbers before the two blank lines, not the one after them
    expect(incomplete[0]!.message).toContain("Linjene 9, 11 har tall");
  });
});

describe("layout cells", () => {
  it("cells are runs with single spaces inside; a no-break space keeps a number whole", () => {
    expect(layoutCells(" Andel x   1\u00A0006   > 66 %").map((c) => [c.text, c.start, c.end])).toEqual([
      ["Andel x", 1, 8],
      ["1\u00A0006", 11, 16],
      ["> 66 %", 19, 25],
    ]);
  });

  it("a cell between two columns, as near to both, has no column", () => {
    const columns = [
      { kind: "result" as const, year: 2023, start: 10, end: 18 },
      { kind: "target" as const, year: 2024, start: 24, end: 31 },
    ];
    expect(columnOf({ start: 20, end: 22 }, columns)).toBe(-1);
    expect(columnOf({ start: 14, end: 18 }, columns)).toBe(0);
    expect(columnOf({ start: 19, end: 20 }, columns)).toBe(0);
  });
});
