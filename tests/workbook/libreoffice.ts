import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const SOFFICE_HINT =
  "LibreOffice (soffice) ble ikke funnet. Installer den: `apt-get install -y libreoffice-calc-nogui` (Debian/Ubuntu) " +
  "eller sett SOFFICE=/sti/til/soffice. E2E-testene av arbeidsboken krever en ekte regnearkmotor og hoppes aldri over.";

/** The soffice binary, or a loud error with an install hint (the e2e tests must never skip). */
export function findSoffice(
  candidates: readonly (string | undefined)[] = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"],
): string {
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(SOFFICE_HINT);
}

/**
 * A fresh LibreOffice profile that recalculates every formula of an xlsx on load. The workbook
 * carries cached results (the core's values), and LibreOffice's default is to trust them: without
 * this, a test would read back the layout's own expectations instead of the engine's.
 */
export function recalculatingProfile(dir: string): string {
  const user = join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

/** Minimal RFC 4180 reader (LibreOffice quotes text fields with ", doubling inner quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens the workbook in LibreOffice headless, made to recalculate every formula (their cached results
 * are the layout's expectations, not proof), and returns each sheet's values as unformatted text, by sheet name.
 */
export async function recalculate(xlsx: Uint8Array, sheetNames: readonly string[], name = "workbook"): Promise<Map<string, string[][]>> {
  const soffice = findSoffice();
  const dir = mkdtempSync(join(tmpdir(), "bydel-lo-"));
  try {
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, xlsx);
    const out = join(dir, "out");
    await run(
      soffice,
      [
        `-env:UserInstallation=${recalculatingProfile(join(dir, "profile"))}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1031,false,true,false,false,false,-1",
        "--outdir",
        out,
        file,
      ],
      { timeout: 120_000 },
    );
    const files = existsSync(out) ? readdirSync(out) : [];
    const sheets = new Map<string, string[][]>();
    for (const sheet of sheetNames) {
      const csv = `${name}-${sheet}.csv`;
      if (!files.includes(csv)) throw new Error(`LibreOffice skrev ikke ${csv} (fant: ${files.join(", ") || "ingenting"})`);
      sheets.set(sheet, parseCsv(readFileSync(join(out, csv), "utf8")));
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a workbook to PDF with LibreOffice (for the screenshot). */
export async function toPdf(xlsxPath: string, outDir: string): Promise<string> {
  const soffice = findSoffice();
  const profile = mkdtempSync(join(tmpdir(), "bydel-lo-profile-"));
  try {
    await run(soffice, [`-env:UserInstallation=${recalculatingProfile(profile)}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsxPath], { timeout: 120_000 });
    return join(outDir, basename(xlsxPath).replace(/\.xlsx$/, ".pdf"));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export const POPPLER_HINT = "pdftotext/pdftoppm (poppler-utils) ble ikke funnet. Installer: `apt-get install -y poppler-utils`.";

/** A poppler tool, or a loud error with an install hint. */
export function findPoppler(tool: "pdftotext" | "pdftoppm"): string {
  for (const dir of ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]) if (existsSync(join(dir, tool))) return join(dir, tool);
  throw new Error(POPPLER_HINT);
}

/**
 * A PDF's text per page, in content order (`pdftotext -raw`): LibreOffice draws a cell's text in one
 * piece, cut where the cell clips it, and its wrapped lines one after the other.
 */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run(findPoppler("pdftotext"), ["-raw", "-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split("\f").slice(0, -1);
}

/** One page as RGB pixels (`pdftoppm` PPM at `dpi`). */
export async function pdfPagePixels(pdf: string, page: number, dpi = 50): Promise<{ width: number; height: number; rgb: Buffer }> {
  const { stdout } = await run(findPoppler("pdftoppm"), ["-r", String(dpi), "-f", String(page), "-l", String(page), pdf], { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  const buf = stdout as unknown as Buffer;
  // P6 header: "P6\n<width> <height>\n255\n"
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("pdftoppm skrev ikke et PPM-bilde");
  return { width: Number(header[1]), height: Number(header[2]), rgb: buf.subarray(header[0].length) };
}
