import { join } from "node:path";
import { checkJson, checkLines } from "./check-output.js";
import { commandHelp, topHelp } from "./help.js";
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, InputError, processIo, type Io } from "./io.js";
import { isCommand, isOptionLike, parseCommand, topOptions, unknownCommand, unknownOption, type ParsedCommand } from "./options.js";
import { nothingChecked, readReports } from "./readReport.js";
import { countsLine, severityCounts, summary } from "./format.js";
import { version } from "./version.js";
import { writeOutputs } from "./outputFiles.js";
import { validateXlsxOptions, xlsxOptions, xlsxOutputs } from "./xlsx-output.js";

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
  // Every output, JSON and workbooks, is checked before any is written, and all are written or none.
  const jsonOutputs = jsonFiles.map(({ path, report }) => ({ path, content: () => `${JSON.stringify(report, null, 2)}\n` }));
  for (const path of await writeOutputs([...xlsxOutputs(reports, workbooks), ...jsonOutputs], force, io.files)) io.stderr(`Skrev ${path}\n`);
  if (outDir && jsonFiles.length > 0) {
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
  const errors = reports.reduce((n, { report }) => n + report.findings.filter((f) => f.severity === "error").length, 0);
  if (cmd.values.json) {
    io.stdout(`${JSON.stringify(checkJson(reports), null, 2)}\n`);
  } else {
    for (const { file, report } of reports) {
      const prefix = reports.length > 1 ? `${file}: ` : "";
      for (const line of checkLines(report, cmd.values.all === true)) io.stdout(`${prefix}${line}\n`);
    }
    if (reports.length > 1) io.stdout(`I alt: ${countsLine(severityCounts(reports.flatMap(({ report }) => report.findings)))}.\n`);
  }
  // a report read as no tables and no indicators checked nothing: never a pass (exit 2, not 0)
  nothingChecked(reports);
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      (name === undefined ? io.stderr : io.stdout)(topHelp());
      return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (name === "--version" || name === "-V") {
      io.stdout(`bydel ${version()}\n`);
      return EXIT_OK;
    }
    if (isOptionLike(name)) throw new InputError(`${unknownOption(name, topOptions)}\nSe «bydel --help».`);
    if (!isCommand(name)) throw new InputError(`${unknownCommand(name)}\nSe «bydel --help».`);
    const cmd = parseCommand(name, rest);
    if (cmd.values.help) {
      io.stdout(commandHelp(name));
      return EXIT_OK;
    }
    if (cmd.files.length === 0) throw new InputError(`Mangler fil. Bruk: ${commandHelp(name).split("\n")[0]!.replace(/^Bruk: /, "")}\nSe «bydel ${name} --help».`);
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


/**
 * The `bydel` command. Returns the exit code and never throws: bad input or usage, and output that
 * cannot be written (stdout included), give one message on stderr and 2, an unexpected failure 3.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const code = await dispatch(argv, io);
  try {
    await io.flush?.();
  } catch (e) {
    io.stderr(`bydel: ${(e as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  return code;
}
