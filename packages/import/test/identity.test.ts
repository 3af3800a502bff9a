import { describe, expect, it } from "vitest";
import { findDistrict, findYear } from "../src/report/identity.js";

describe("findDistrict", () => {
  it("takes the district named most often, not a neighbour it mentions", () => {
    expect(findDistrict("Bydel Grünerløkka har bosatt 6 flyktninger i Bydel Ullern.\nBydel Grünerløkka • Årsberetning 2024")).toBe("Grünerløkka");
  });

  it("knows two-word names and tells Søndre Nordstrand from Nordstrand", () => {
    expect(findDistrict("BYDEL SØNDRE NORDSTRAND\nBydel Søndre Nordstrand")).toBe("Søndre Nordstrand");
    expect(findDistrict("Bydel St. Hanshaugen, årsberetning")).toBe("St. Hanshaugen");
    expect(findDistrict("Bydel Vestre\nAker")).toBe("Vestre Aker");
  });

  it("is null when no district is named", () => {
    expect(findDistrict("Årsberetning 2024")).toBeNull();
  });
});

describe("findYear", () => {
  it("takes the year of the budget columns, split over lines or not", () => {
    const header = "Regulert \nbudsjett \n\n2024\n";
    expect(findYear(`Årsberetningen for 2023 ble behandlet i fjor.\n${header.repeat(3)}`)).toBe(2024);
  });

  it("falls back to the title without economy tables", () => {
    expect(findYear("Årsberetning 2023 for Bydel Alna")).toBe(2023);
    expect(findYear("ingen år her")).toBeNull();
  });
});
