import { join, resolve } from "node:path";
import type { Report } from "@bydel/core";
import { buildCombinedLayout, buildLayout, type WorkbookLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { InputError, type Io } from "./io.js";
import { writeFileAtomic, writeOutputs, type Output } from "./outputFiles.js";

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
  // every output is compared again, through links, before anything is written (outputFiles.ts)
  if (o.xlsx !== undefined && o.combined !== undefined && resolve(o.xlsx) === resolve(o.combined)) throw new InputError(`--xlsx og --combined peker på samme fil («${o.combined}»).`);
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

/** The requested workbooks as outputs of one all-or-nothing write (`writeOutputs`); each is rendered when the write starts. */
export const xlsxOutputs = (reports: Reports, o: XlsxOptions): Output[] => plan(reports, o).map((p) => ({ path: p.path, content: () => renderXlsx(p.layout()) }));

/**
 * Writes the requested workbooks, all or none: every target is checked first (an existing one
 * without --force writes nothing, exit 2 with one message), and a failure leaves every previous file.
 */
export async function writeXlsxOutputs(reports: Reports, o: XlsxOptions, io: Io): Promise<string[]> {
  const written = await writeOutputs(xlsxOutputs(reports, o), o.force === true, io.files);
  for (const path of written) io.stderr(`Skrev ${path}\n`);
  return written;
}
