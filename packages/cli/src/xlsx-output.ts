import { link, mkdir, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Report } from "@bydel/core";
import { buildCombinedLayout, buildLayout, type WorkbookLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { InputError, type Io } from "./io.js";

/** The workbook outputs of `bydel import`: `--xlsx <fil>`, `--workbooks` (into --out-dir), `--combined <fil>`, `--force`. */
export interface XlsxOptions {
  xlsx?: string;
  workbooks?: boolean;
  combined?: string;
  outDir?: string;
  force?: boolean;
}

export function xlsxOptions(values: Record<string, string | boolean | undefined>): XlsxOptions {
  return {
    xlsx: typeof values.xlsx === "string" ? values.xlsx : undefined,
    workbooks: values.workbooks === true,
    combined: typeof values.combined === "string" ? values.combined : undefined,
    outDir: typeof values["out-dir"] === "string" ? values["out-dir"] : undefined,
    force: values.force === true,
  };
}

/** Usage errors, checked before any file is read. */
export function validateXlsxOptions(fileCount: number, o: XlsxOptions): void {
  if (o.xlsx !== undefined && fileCount > 1) {
    throw new InputError("--xlsx <fil> gjelder én rapport. Med flere filer: --workbooks --out-dir <mappe> (én arbeidsbok per rapport) eller --combined <fil> (én arbeidsbok for alle).");
  }
  if (o.workbooks && o.outDir === undefined) throw new InputError("--workbooks krever --out-dir <mappe>.");
  for (const [flag, path] of [["--xlsx", o.xlsx], ["--combined", o.combined]] as const) {
    if (path !== undefined && !/\.xlsx$/i.test(path)) throw new InputError(`${flag} ${path}: filnavnet må slutte på .xlsx.`);
  }
  if (o.xlsx !== undefined && o.combined !== undefined && o.xlsx === o.combined) throw new InputError("--xlsx og --combined peker på samme fil.");
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

/**
 * Writes the bytes so the file is either complete or absent: a temporary file beside it, then
 * into place. Without `force` the last step is a hard link, which fails if the file appeared in the
 * meantime, so an existing file is never replaced.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, bytes);
    if (force) {
      await rename(tmp, path);
      return;
    }
    try {
      await link(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new InputError(alreadyThere(path));
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw e;
      // No hard links here (some network and FAT file systems): check, then rename.
      if (await exists(path)) throw new InputError(alreadyThere(path));
      await rename(tmp, path);
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

const alreadyThere = (path: string) => `«${path}» finnes allerede. Bruk --force for å overskrive den.`;

interface Planned {
  path: string;
  layout: () => WorkbookLayout;
}

/**
 * Writes the requested workbooks. Every target is checked first: if one exists and --force is not
 * given, nothing at all is written (exit 2 with one message).
 */
export async function writeXlsxOutputs(reports: readonly { name: string; report: Report }[], o: XlsxOptions, io: Io): Promise<string[]> {
  const planned: Planned[] = [];
  if (o.xlsx !== undefined) planned.push({ path: o.xlsx, layout: () => buildLayout(reports[0]!.report) });
  if (o.workbooks && o.outDir !== undefined) {
    for (const { name, report } of reports) planned.push({ path: join(o.outDir, `${name}.xlsx`), layout: () => buildLayout(report) });
  }
  if (o.combined !== undefined) planned.push({ path: o.combined, layout: () => buildCombinedLayout(reports.map((r) => r.report)) });
  if (planned.length === 0) return [];

  if (!o.force) {
    const existing: string[] = [];
    for (const p of planned) if (await exists(p.path)) existing.push(p.path);
    if (existing.length === 1) throw new InputError(alreadyThere(existing[0]!));
    if (existing.length > 1) throw new InputError(`Disse filene finnes allerede: ${existing.map((p) => `«${p}»`).join(", ")}. Bruk --force for å overskrive dem.`);
  }
  // Render everything before writing, so a failure leaves no partial set of workbooks.
  const rendered = await Promise.all(planned.map(async (p) => ({ path: p.path, bytes: await renderXlsx(p.layout()) })));
  const written: string[] = [];
  try {
    for (const { path, bytes } of rendered) {
      await writeFileAtomic(path, bytes, o.force === true);
      written.push(path);
      io.stderr(`Skrev ${path}\n`);
    }
  } catch (e) {
    // A file that appeared while writing (without --force): take back what this run wrote.
    if (!o.force) for (const path of written) await unlink(path).catch(() => undefined);
    throw e;
  }
  return written;
}
