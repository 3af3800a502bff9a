import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Indicator, Report } from "@bydel/core";
import { importFixtureSources } from "./fixture-sources.js";

/**
 * The indicator tables of the three fixture reports read from their PDFs (the import's own layout)
 * and from `pdftotext -layout`: the same indicators, with the same target, result and avvik, as the
 * original extractions give, and no header words read as indicators. Line numbers differ, so
 * indicators are matched by label, as the scorer's --by-label does.
 */
const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;

/**
 * Expected indicators found by label (the scorer's first 24 characters), with a target and a result:
 * the original texts reach these, and so do the PDF and pdftotext's layout (Vestre Aker's H3/2024 states
 * its figure after a page break: the break's running header and page number do not count as distance).
 */
const BY_LABEL: Record<(typeof names)[number], number> = { "sagene-2024": 40, "vestre-aker-2024": 15, "grunerlokka-2024": 1 };

const prefix = (t: string) => t.toLowerCase().split(/\s+/u).filter(Boolean).join(" ").slice(0, 24);
const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\d]/gu, "");
const cell = (c: { raw: string } | null | undefined) => (c ? c.raw.replace(/[\s\u00A0\u202F]/gu, "").replace(/\u2212/gu, "-") : null);
const values = (i: Indicator) => [cell(i.target), cell(i.result), cell(i.statedDeviation)];
const tables = (r: Report) => r.indicators.filter((i) => i.kind !== "prose");

let reports = new Map<string, Report>();
beforeAll(async () => {
  reports = await importFixtureSources();
}, 120_000);

describe.each(names.flatMap((n) => [[n, "pdf"], [n, "layout"]] as const))("indicators of %s as %s", (name, source) => {
  const report = () => reports.get(`${name}:${source}`)!;
  const text = () => reports.get(`${name}:text`)!;

  it("finds the expected indicators by label, as the original text does", () => {
    const expected = (JSON.parse(readFileSync(`${root}expected/${name}.json`, "utf8")) as { indicators: { label: string }[] }).indicators;
    const found = (r: Report) => expected.filter((e) => r.indicators.some((g) => prefix(g.label) === prefix(e.label) && g.target && g.result)).length;
    expect(found(text())).toBe(BY_LABEL[name]);
    expect(found(report())).toBe(BY_LABEL[name]);
  });

  it("reads every table indicator of the original text with its target, result and avvik", () => {
    const got = tables(report());
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const t of tables(text())) {
      const g = got.find((i) => key(i.label) === key(t.label) && i.kind === t.kind);
      // pdftotext prints Sagene's and Vestre Aker's last key-figure row «0 0 0 0 0» as «00000» (one number): withheld, or flagged
      if (!g) missing.push(t.label);
      else if (JSON.stringify(values(g)) !== JSON.stringify(values(t)) && !(source === "layout" && g.needsReview)) wrong.push(`${t.label}: ${values(t).join(" | ")} ≠ ${values(g).join(" | ")}`);
    }
    expect(wrong).toEqual([]);
    expect(missing.length).toBeLessThanOrEqual(source === "pdf" ? 0 : 1);
  });

  it("reads no header words as an indicator", () => {
    const known = new Set(tables(text()).map((i) => key(i.label)));
    const junk = tables(report()).filter((i) => !known.has(key(i.label)));
    expect(junk.map((i) => i.label)).toEqual([]);
    expect(report().indicators.filter((i) => /\b(?:resultat|måltall|avvik)\b/iu.test(i.label)).map((i) => i.label)).toEqual([]);
  });
});
