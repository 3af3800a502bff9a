import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { decodeReportBytes, importReport, isNotAReportError, DEFAULT_MAX_CHARS } from "@bydel/import";
import type { Report } from "@bydel/core";
import { InputError, type Io } from "./io.js";

/** Largest file accepted. A report's text is 0.2–0.5 MB; 10 MB leaves room, and a larger file is refused at once, unread. */
export const MAX_FILE_BYTES = DEFAULT_MAX_CHARS;

export interface ImportedReport {
  /** The file name without its extension: the output is written as `<name>.json`. */
  readonly name: string;
  readonly file: string;
  readonly report: Report;
}

async function readBytes(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`Finner ikke filen «${file}».`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`Mangler tilgang til å lese «${file}».`);
    if (code === "EISDIR") throw new InputError(`«${file}» er en mappe, ikke en fil.`);
    throw new InputError(`Kan ikke åpne «${file}»: ${(e as Error).message}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError(`«${file}» er en mappe, ikke en fil.`);
    if (stat.size > MAX_FILE_BYTES) {
      throw new InputError(
        `«${file}» er ${(stat.size / 1e6).toFixed(0)} MB; grensen er ${MAX_FILE_BYTES / 1e6} MB. En årsberetning som tekst er vanligvis under 1 MB – er dette riktig fil?`,
      );
    }
    return new Uint8Array(await handle.readFile());
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new InputError(`«${file}» er en mappe, ikke en fil.`);
    throw new InputError(`Kan ikke lese «${file}»: ${(e as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** Reads, decodes (UTF-8, else Windows-1252) and imports one file; bad input becomes an InputError. */
export async function readReport(file: string): Promise<ImportedReport> {
  const bytes = await readBytes(file);
  const { text } = decodeReportBytes(bytes);
  try {
    const report = importReport(text);
    return { name: basename(file, extname(file)), file, report };
  } catch (e) {
    if (isNotAReportError(e)) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

/**
 * Imports every file before anything is written, so one bad file leaves no partial output.
 * With several files, a progress line per file goes to stderr.
 */
export async function readReports(files: readonly string[], io: Io): Promise<ImportedReport[]> {
  const out: ImportedReport[] = [];
  for (const [i, file] of files.entries()) {
    const started = performance.now();
    const imported = await readReport(file);
    out.push(imported);
    if (files.length > 1) {
      const r = imported.report;
      const errors = r.findings.filter((f) => f.severity === "error").length;
      io.stderr(
        `[${i + 1}/${files.length}] ${file}: ${r.budgetTables.length} tabeller, ${r.indicators.length} indikatorer, ${errors} feil (${Math.round(performance.now() - started)} ms)\n`,
      );
    }
  }
  const names = new Map<string, string>();
  for (const r of out) {
    const seen = names.get(r.name);
    if (seen) throw new InputError(`«${seen}» og «${r.file}» gir begge ${r.name}.json; gi filene ulike navn.`);
    names.set(r.name, r.file);
  }
  return out;
}
