#!/usr/bin/env node
// Remakes the README's workbook screenshots (scripts/screenshots.mjs lists them): each report goes
// through the real import → layout → xlsx, LibreOffice prints the workbook to PDF headless, and the
// first page of the sheet (found by its footer, «<ark> Side n av m») becomes the PNG. Beside each image
// <image>.json records the sheet's layout hash; a test fails when the layout has changed since.
// Needs `npm run build` first, soffice (libreoffice-calc-nogui) and poppler-utils (pdftotext, pdftoppm).
// Usage: node scripts/screenshot-workbook.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importReport } from "@bydel/import";
import { buildLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { screenshots, sheetHash } from "./screenshots.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const soffice = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => p && existsSync(p));
if (!soffice) {
  console.error("soffice mangler: apt-get install -y libreoffice-calc-nogui");
  process.exit(2);
}

// LibreOffice keeps cached formula results by default; the screenshot shows what it computes.
function profile(dir) {
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n`,
  );
  return `file://${dir}`;
}

const dir = mkdtempSync(join(tmpdir(), "bydel-shot-"));
try {
  const pdfs = new Map();
  for (const shot of screenshots) {
    if (!pdfs.has(shot.source)) {
      const layout = buildLayout(importReport(readFileSync(join(root, shot.source), "utf8")));
      const name = `w${pdfs.size}`;
      writeFileSync(join(dir, `${name}.xlsx`), await renderXlsx(layout));
      execFileSync(soffice, [`-env:UserInstallation=${profile(join(dir, "profile"))}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, `${name}.xlsx`)], { stdio: "ignore" });
      const pages = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", join(dir, `${name}.pdf`), "-"], { encoding: "utf8", maxBuffer: 1 << 26 }).split("\f");
      pdfs.set(shot.source, { layout, pdf: join(dir, `${name}.pdf`), pages });
    }
    const { layout, pdf, pages } = pdfs.get(shot.source);
    const sheet = layout.sheets.find((s) => s.name === shot.sheet);
    if (!sheet) throw new Error(`arket ${shot.sheet} finnes ikke`);
    const page = pages.findIndex((p) => p.replace(/\s+/g, " ").includes(`${shot.sheet} Side`)) + 1;
    if (page === 0) throw new Error(`fant ikke arket ${shot.sheet} i PDF-en`);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", pdf, join(dir, "page")]);
    copyFileSync(join(dir, "page.png"), join(root, shot.image));
    writeFileSync(join(root, `${shot.image}.json`), `${JSON.stringify({ source: shot.source, sheet: shot.sheet, page, layoutHash: sheetHash(sheet) }, null, 2)}\n`);
    console.log(`wrote ${shot.image} (${shot.sheet}, page ${page})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
