// The README's workbook screenshots: which report and sheet each shows, and the hash of the sheet's
// layout it was made from. `node scripts/screenshot-workbook.mjs` remakes them and writes the hash
// beside each image (<image>.json); tests/workbook/screenshots.test.ts fails when a hash is stale.
import { createHash } from "node:crypto";

export const screenshots = [
  { image: "docs/images/workbook.png", source: "tests/fixtures/reports/sagene-2024.txt", sheet: "Oversikt" },
  { image: "docs/images/workbook-okonomi.png", source: "tests/fixtures/reports/sagene-2024.txt", sheet: "Økonomi" },
];

/** sha256 of a sheet's layout: what the screenshot shows, as data (cells, widths, print setup, charts). */
export function sheetHash(sheet) {
  return createHash("sha256").update(JSON.stringify(sheet)).digest("hex");
}
