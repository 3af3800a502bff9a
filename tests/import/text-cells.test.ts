import { describe, expect, it } from "vitest";
import { importReport } from "@bydel/import";

/** A text cell is a cell: kept as its text with no value and a reason, never part of a label. */
const report = (rows: string[]) =>
  importReport(
    ["Årsberetning 2024 Bydel Sagene", "", "Resultatindikatorer", "Indikator Resultat 2023 Måltall 2024 Resultat 2024 Avvik", ...rows, "", "Tekst etter tabellen."].join("\n"),
  );

describe("a text cell in an indicator table", () => {
  it.each([
    ["Ingen måling i år", "not-measured"],
    ["Bydelen har ikke tall", "no-data"],
    ["Mangler befolkningstall pr 01.01.2025", "no-data"],
  ])("«%s» is the result, with no value, and the next row keeps its own label", (cell, reason) => {
    const r = report([`Brukertilfredshet 4,6 4,7 ${cell}`, "Andel ansatte med fagbrev 80 % 85 % 82 % -3 %"]);
    expect(r.indicators.map((i) => i.label)).toEqual(["Brukertilfredshet", "Andel ansatte med fagbrev"]);
    expect(r.indicators[0]!.result).toEqual({ raw: cell, value: null, reason });
    expect(r.indicators[1]!.result?.value).toBe(82);
  });
});

describe("an indicator table with no caption", () => {
  it("is found by its header: result and target columns with their years, over several lines", () => {
    const r = importReport(
      [
        "Årsberetning 2024 Bydel Sagene",
        "",
        "Resultat 2022",
        "Resultat 2023",
        "Måltall 2024",
        "Resultat 2024 Avvik 2024",
        "Brukertilfredshet 4,6 4,5 4,7 4,5 -0,2",
        "Andel barn med plass 90 % 92 % 95 % 96 % 1 %",
        "",
        "Resultatet viser at bydelen når målet.",
      ].join("\n"),
    );
    expect(r.indicators.map((i) => [i.label, i.target?.value, i.result?.value, i.statedDeviation?.value])).toEqual([
      ["Brukertilfredshet", 4.7, 4.5, -0.2],
      ["Andel barn med plass", 95, 96, 1],
    ]);
  });
});
