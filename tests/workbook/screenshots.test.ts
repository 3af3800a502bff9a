import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importReport } from "@bydel/import";
import { buildLayout } from "@bydel/layout";
// @ts-expect-error: a plain ESM script shared with scripts/screenshot-workbook.mjs, no types
import { screenshots, sheetHash } from "../../scripts/screenshots.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PNG = [0x89, 0x50, 0x4e, 0x47];

/**
 * The README's workbook screenshots show the workbook as it is: each image's recorded layout hash
 * must equal the hash of the sheet the layout builds now from the same report.
 */
describe("the README's workbook screenshots", () => {
  for (const shot of screenshots as { image: string; source: string; sheet: string }[]) {
    it(`${shot.image} shows the current ${shot.sheet} sheet (else run: npm run build && node scripts/screenshot-workbook.mjs)`, () => {
      const image = readFileSync(`${root}/${shot.image}`);
      expect([...image.subarray(0, 4)]).toEqual(PNG);
      expect(existsSync(`${root}/${shot.image}.json`)).toBe(true);
      const recorded = JSON.parse(readFileSync(`${root}/${shot.image}.json`, "utf8")) as { source: string; sheet: string; layoutHash: string };
      expect({ source: recorded.source, sheet: recorded.sheet }).toEqual({ source: shot.source, sheet: shot.sheet });
      const layout = buildLayout(importReport(readFileSync(`${root}/${shot.source}`, "utf8")));
      const sheet = layout.sheets.find((s) => s.name === shot.sheet);
      expect(sheet).toBeDefined();
      expect(recorded.layoutHash, `${shot.image} is stale: run npm run build && node scripts/screenshot-workbook.mjs`).toBe(sheetHash(sheet));
    });
  }

  it("the hash changes with the sheet (a stale screenshot is caught)", () => {
    const layout = buildLayout(importReport(readFileSync(`${root}/tests/fixtures/reports/sagene-2024.txt`, "utf8")));
    const sheet = layout.sheets[0]!;
    const edited = { ...sheet, columns: sheet.columns.map((c, i) => (i === 0 ? { ...c, width: c.width + 1 } : c)) };
    expect(sheetHash(edited)).not.toBe(sheetHash(sheet));
    expect(sheetHash(structuredClone(sheet))).toBe(sheetHash(sheet));
  });
});
