#!/usr/bin/env node
// Regenerates docs/images/workbook.png: the Sagene workbook (real import → layout → xlsx), rendered
// headless by LibreOffice to PDF, first page (the overview) to PNG. Needs `npm run build` first,
// soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils).
// Usage: node scripts/screenshot-workbook.mjs [report.txt] [out.png] [--sheet Økonomi]
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importReport } from "@bydel/import";
import { buildLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const sheetFlag = args.indexOf("--sheet");
const onlySheet = sheetFlag >= 0 ? args.splice(sheetFlag, 2)[1] : null;
const input = args[0] ?? join(root, "tests/fixtures/reports/sagene-2024.txt");
const output = args[1] ?? join(root, "docs/images/workbook.png");
const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
if (!soffice) {
  console.error("soffice mangler: apt-get install -y libreoffice-calc-nogui");
  process.exit(2);
}

const report = await importReport(readFileSync(input, "utf8"));
const layout = buildLayout(report);
if (onlySheet) layout.sheets = layout.sheets.filter((s) => s.name === onlySheet);
const dir = mkdtempSync(join(tmpdir(), "bydel-shot-"));
try {
  const xlsx = join(dir, "workbook.xlsx");
  writeFileSync(xlsx, await renderXlsx(layout));
  execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore" });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", join(dir, "workbook.pdf"), join(dir, "page")]);
  copyFileSync(join(dir, "page.png"), output);
  console.log(`wrote ${output}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
