import { describe, expect, it } from "vitest";
import { readHeaderWords } from "../src/tables/header.js";
import { economyHeader, indicatorHeaderWords, positionalHeaderWords, unitTable } from "../src/tables/registry.js";

describe("the header reader", () => {
  it("reads an indicator header's columns with their years and extents, notes aside", () => {
    const text = "Resultat 2023  Resultat bydel 2024  Måltall 2024  Avvik (Resultat-måltall)";
    const { columns, years } = readHeaderWords(text, indicatorHeaderWords);
    expect(columns.map((c) => [c.kind, c.year])).toEqual([
      ["result", 2023],
      ["result", 2024],
      ["target", 2024],
      ["deviation", null],
    ]);
    expect(text.slice(columns[1]!.start, columns[1]!.end)).toBe("Resultat bydel 2024");
    expect(years).toEqual([2023, 2024, 2024]);
  });

  it("reads a laid-out cell at its own extent", () => {
    const { columns } = readHeaderWords("Måltall", positionalHeaderWords, 40);
    expect(columns).toEqual([{ kind: "target", year: null, start: 40, end: 47 }]);
  });

  it("takes a word only as a word of its own: «Målet» and «Resultatindikatorer» name no column", () => {
    expect(readHeaderWords("Målet er nådd", indicatorHeaderWords).columns).toEqual([]);
    expect(readHeaderWords("Resultatindikatorer", indicatorHeaderWords).columns).toEqual([]);
  });

  it("reads a per-unit header's columns, a note's word included", () => {
    const kinds = readHeaderWords("Enhet Opprinnelig budsjett Justert budsjett Regnskap Avvik (særskilt øremerkede midler) Resultat", unitTable.header).columns.map((c) => c.kind);
    expect(kinds).toEqual(["originalBudget", "revisedBudget", "actual", "variance", "earmarkedVariance", "ordinaryVariance"]);
  });

  it("tells an economy split's header from a budget table's by its words, inside compounds too", () => {
    const kinds = (t: string) => readHeaderWords(t, economyHeader.columns).columns.map((c) => c.kind);
    expect(kinds("Regnskap 2023 Opprinnelig budsjett 2024 Regulert budsjett 2024 Regnskap 2024 Budsjettavvik")).toEqual(["actual", "actual", "variance"]);
    expect(kinds("Avvik 2024 Øremerkede midler Ordinær drift")).toEqual(["variance", "split", "split"]);
  });
});
