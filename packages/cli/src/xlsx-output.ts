import { unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Report } from "@bydel/core";
import { buildCombinedLayout, buildLayout, type WorkbookLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { InputError, type Io } from "./io.js";
import { refuseExisting, writeFileAtomic } from "./outputFiles.js";

export { writeFileAtomic };

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

interface Planned {
  path: string;
  layout: () => WorkbookLayout;
}

type Reports = readonly { name: string; report: Report }[];

function plan(reports: Reports, o: XlsxOptions): Planned[] {
  const planned: Planned[] = [];
  if (o.xlsx !== undefined) planned.push({ path: o.xlsx, layout: () => buildLayout(reports[0]!.report) });
  if (o.workbooks && o.outDir !== undefined) {
    for (const { name, report } of reports) planned.push({ path: join(o.outDir, `${name}.xlsx`), layout: () => buildLayout(report) });
  }
  if (o.combined !== undefined) planned.push({ path: o.combined, layout: () => buildCombinedLayout(reports.map((r) => r.report)) });
  return planned;
}

/** The workbook files the options ask for, so the caller can check them with its other outputs before writing any. */
export const xlsxTargets = (reports: Reports, o: XlsxOptions): string[] => plan(reports, o).map((p) => p.path);

/**
 * Writes the requested workbooks. Every target is checked first: if one exists and --force is not
 * given, nothing at all is written (exit 2 with one message).
 */
export async function writeXlsxOutputs(reports: Reports, o: XlsxOptions, io: Io): Promise<string[]> {
  const planned = plan(reports, o);
  if (planned.length === 0) return [];
  await refuseExisting(planned.map((p) => p.path), o.force === true);
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
