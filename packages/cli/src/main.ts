import { unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Report } from "@bydel/core";
import { commandHelp, topHelp } from "./help.js";
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, InputError, processIo, type Io } from "./io.js";
import { isCommand, parseCommand, type ParsedCommand } from "./options.js";
import { readReports } from "./readReport.js";
import { findingLine, summary } from "./format.js";
import { proseLines } from "./prose-lines.js";
import { refuseExisting, writeFileAtomic } from "./outputFiles.js";
import { validateXlsxOptions, writeXlsxOutputs, xlsxOptions, xlsxTargets } from "./xlsx-output.js";

async function runImport(cmd: ParsedCommand, io: Io): Promise<number> {
  const outDir = cmd.values["out-dir"] as string | undefined;
  if (cmd.files.length > 1 && cmd.values.json && !outDir) {
    throw new InputError("Flere filer med --json krever --out-dir <mappe> (én JSON-fil per rapport).");
  }
  const workbooks = xlsxOptions(cmd.values);
  validateXlsxOptions(cmd.files.length, workbooks);
  const reports = await readReports(cmd.files, io);
  const force = cmd.values.force === true;
  // With --workbooks, --out-dir holds the workbooks; JSON goes there too only with --json.
  const jsonFiles = outDir && (cmd.values.json || !workbooks.workbooks) ? reports.map((r) => ({ ...r, path: join(outDir, `${r.name}.json`) })) : [];
  // Every output, JSON and workbooks, is checked before any is written.
  await refuseExisting([...xlsxTargets(reports, workbooks), ...jsonFiles.map((j) => j.path)], force);
  await writeXlsxOutputs(reports, workbooks, io);
  if (outDir && jsonFiles.length > 0) {
    const written: string[] = [];
    for (const { path, report } of jsonFiles) {
      try {
        await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`, force);
      } catch (e) {
        // a file that appeared while writing (without --force): take back what this run wrote
        if (!force) for (const p of written) await unlink(p).catch(() => undefined);
        if (e instanceof InputError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST" || code === "ENOTDIR") throw new InputError(`Kan ikke skrive «${path}»: «${outDir}» er ikke en mappe.`);
        throw new InputError(`Kan ikke skrive «${path}»: ${code ?? (e as Error).message}`);
      }
      written.push(path);
      io.stderr(`Skrev ${path}\n`);
    }
    if (!cmd.values.json) for (const { file, report } of reports) io.stdout(summary(file, report));
    return EXIT_OK;
  }
  if (cmd.values.json) {
    io.stdout(`${JSON.stringify(reports[0]!.report, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(reports.map(({ file, report }) => summary(file, report)).join("\n"));
  return EXIT_OK;
}

async function runCheck(cmd: ParsedCommand, io: Io): Promise<number> {
  const reports = await readReports(cmd.files, io);
  let errors = 0;
  for (const { file, report } of reports) {
    const prefix = reports.length > 1 ? `${file}: ` : "";
    for (const f of report.findings) io.stdout(`${prefix}${findingLine(f)}\n`);
    errors += report.findings.filter((f) => f.severity === "error").length;
    if (report.findings.length === 0) io.stdout(`${prefix}Ingen funn i ${checkedCounts(report)}.\n`);
    for (const line of proseLines(report)) io.stdout(`${prefix}${line}\n`);
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The `bydel` command. Returns the exit code and never throws: bad input or usage gives one
 * message on stderr and 2, an unexpected failure 3.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      (name === undefined ? io.stderr : io.stdout)(topHelp());
      return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (!isCommand(name)) throw new InputError(`Ukjent kommando «${name}». Se «bydel --help».`);
    const cmd = parseCommand(name, rest);
    if (cmd.values.help) {
      io.stdout(commandHelp(name));
      return EXIT_OK;
    }
    if (cmd.files.length === 0) throw new InputError(`Mangler fil. Bruk: ${commandHelp(name).split("\n")[0]!.replace(/^Bruk: /, "")}`);
    return name === "import" ? await runImport(cmd, io) : await runCheck(cmd, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`bydel: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`bydel: intern feil: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_INTERNAL;
  }
}

/** What a check covered, so "no findings" never hides that nothing was read. */
function checkedCounts(report: Report): string {
  const rows = report.budgetTables.reduce((n, t) => n + t.rows.length, 0);
  return `${report.budgetTables.length} økonomitabeller (${rows} rader) og ${report.indicators.length} indikatorer`;
}
