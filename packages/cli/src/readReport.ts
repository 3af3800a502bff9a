import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { decodeReportBytes, importPdf, importReport, isNotAReportError, isPdfBytes, DEFAULT_MAX_CHARS, DEFAULT_MAX_PDF_BYTES } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";
import type { Report } from "@bydel/core";
import { InputError, type Io } from "./io.js";

/** Largest text file accepted. A report's text is 0.2–0.5 MB; 10 MB leaves room, and a larger file is refused at once, unread. */
export const MAX_FILE_BYTES = DEFAULT_MAX_CHARS;
/** Largest PDF accepted (the import's own limit): a report's PDF is 1–5 MB, more with photos. */
export const MAX_PDF_BYTES = DEFAULT_MAX_PDF_BYTES;

export interface ImportedReport {
  /** The file name without its extension: the output is written as `<name>.json`. */
  readonly name: string;
  readonly file: string;
  readonly report: Report;
  /** Pages read, when the file was a PDF. */
  readonly pages?: number;
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
      // A PDF may be larger than a text (photos, fonts): its limit is the PDF import's. The head decides, by bytes.
      const head = new Uint8Array(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const pdf = isPdfBytes(head.subarray(0, bytesRead));
      const limit = pdf ? MAX_PDF_BYTES : MAX_FILE_BYTES;
      if (stat.size > limit) {
        throw new InputError(
          pdf
            ? `«${file}» er en PDF på ${(stat.size / 1048576).toFixed(0)} MB; grensen er ${(limit / 1048576).toFixed(0)} MB. En årsberetning som PDF er vanligvis under 10 MB – er dette riktig fil?`
            : `«${file}» er ${(stat.size / 1e6).toFixed(0)} MB; grensen er ${limit / 1e6} MB. En årsberetning som tekst er vanligvis under 1 MB – er dette riktig fil?`,
        );
      }
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

/**
 * Reads and imports one file; bad input becomes an InputError. A PDF (known by its bytes, whatever
 * its name) is read by pdf.js in this process; anything else is text, decoded as UTF-8, else
 * Windows-1252.
 */
export async function readReport(file: string): Promise<ImportedReport> {
  const bytes = await readBytes(file);
  const name = basename(file, extname(file));
  try {
    if (isPdfBytes(bytes)) {
      let pages = 0;
      const report = await importPdf(bytes, { pdfjs: await loadNodePdfjs(), onPage: (_, total) => void (pages = total) });
      return { name, file, report, pages };
    }
    const { text } = decodeReportBytes(bytes);
    return { name, file, report: importReport(text) };
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
        `[${i + 1}/${files.length}] ${file}: ${imported.pages !== undefined ? `${imported.pages} sider, ` : ""}${r.budgetTables.length} tabeller, ${r.indicators.length} indikatorer, ${errors} feil (${Math.round(performance.now() - started)} ms)\n`,
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
