import { constants } from "node:fs";
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

/** How long a read may wait for its first or next bytes (a FIFO without a writer, a silent device): 30 s, or `BYDEL_READ_TIMEOUT_MS`. */
export function readTimeoutMs(): number {
  const env = Number(process.env.BYDEL_READ_TIMEOUT_MS);
  return Number.isFinite(env) && env > 0 ? env : 30_000;
}

/** A number with up to `digits` decimals and a decimal comma («10,2», «10»). */
const decimal = (n: number, digits: number): string => n.toFixed(digits).replace(/\.?0+$/, "").replace(".", ",");

/** A size in MB with one decimal, Norwegian style («10,2 MB»), and more decimals when one would hide that it is over the limit. */
export function megabytes(bytes: number, unit: number, limit?: number): string {
  let digits = 1;
  while (limit !== undefined && bytes > limit && digits < 6 && Number((bytes / unit).toFixed(digits)) <= limit / unit) digits++;
  return `${decimal(bytes / unit, digits)} MB`;
}

function tooLarge(file: string, pdf: boolean, size: number | null): InputError {
  const limit = pdf ? MAX_PDF_BYTES : MAX_FILE_BYTES;
  const unit = pdf ? 1048576 : 1e6;
  const what = size === null ? `over ${megabytes(limit, unit)}` : megabytes(size, unit, limit);
  return new InputError(
    pdf
      ? `«${file}» er en PDF på ${what}; grensen er ${megabytes(limit, unit)}. En årsberetning som PDF er vanligvis under 10 MB – er dette riktig fil?`
      : `«${file}» er ${what}; grensen er ${megabytes(limit, unit)}. En årsberetning som tekst er vanligvis under 1 MB – er dette riktig fil?`,
  );
}

const CHUNK = 1 << 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const silent = (file: string, total: number, timeoutMs: number) =>
  new InputError(
    `Fikk ${total === 0 ? "ingen data" : "ikke mer data"} fra «${file}» på ${decimal(timeoutMs / 1000, 1)} ${timeoutMs === 1000 ? "sekund" : "sekunder"} (en pipe uten avsender, eller en enhet som ikke sender noe?). Ingenting er skrevet.`,
  );

/** Bytes gathered with a running count: refused as soon as they pass the limit, which the head decides (a PDF's is larger). */
class Collected {
  private readonly chunks: Uint8Array[] = [];
  total = 0;
  private pdf: boolean | null = null;
  constructor(
    private readonly file: string,
    private readonly knownSize: number | null,
  ) {}
  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.total += chunk.length;
    if (this.pdf === null && this.total >= 1024) this.pdf = isPdfBytes(this.bytes().subarray(0, 1024));
    const limit = this.pdf ? MAX_PDF_BYTES : MAX_FILE_BYTES;
    if (this.total > limit) throw tooLarge(this.file, this.pdf === true, this.knownSize === null ? null : Math.max(this.knownSize, this.total));
  }
  bytes(): Uint8Array {
    return Buffer.concat(this.chunks, this.total);
  }
}

/** Standard input that is a socket (a parent process's pipe), which cannot be opened by path: read as a stream, with the same bounds. */
function readStdinStream(file: string, timeoutMs: number): Promise<Uint8Array> {
  const stdin = process.stdin;
  const collected = new Collected(file, null);
  return new Promise<Uint8Array>((resolve, reject) => {
    let timer: NodeJS.Timeout;
    const finish = (error: unknown) => {
      clearTimeout(timer);
      stdin.removeAllListeners("data").removeAllListeners("end");
      stdin.pause();
      if (error) stdin.destroy();
      if (error) reject(error);
      else resolve(collected.bytes());
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(silent(file, collected.total, timeoutMs)), timeoutMs);
    };
    arm();
    stdin.on("data", (chunk: Buffer) => {
      try {
        collected.push(chunk);
        arm();
      } catch (e) {
        finish(e);
      }
    });
    stdin.once("end", () => finish(null));
    stdin.once("error", (e) => finish(new InputError(`Kan ikke lese «${file}»: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
  });
}

const STDIN_PATHS = new Set(["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/**
 * Reads at most the limit plus one byte from any path: a file, a FIFO, a device, /dev/stdin. The
 * size a file system reports is used only to refuse a large regular file at once (it is 0 for
 * devices and pipes); otherwise the running count decides. The file is opened without blocking, so
 * a FIFO with no writer cannot hang the open, and a read that brings nothing for the timeout is refused.
 */
async function readBytes(file: string, timeoutMs = readTimeoutMs()): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENXIO" && STDIN_PATHS.has(file)) return readStdinStream(file, timeoutMs);
    if (code === "ENOENT") throw new InputError(`Finner ikke filen «${file}».`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`Mangler tilgang til å lese «${file}».`);
    if (code === "EISDIR") throw new InputError(`«${file}» er en mappe, ikke en fil.`);
    if (code === "ENXIO") throw new InputError(`«${file}» er en socket eller en enhet som ikke kan leses som fil.`);
    if (code === "ENOTDIR") throw new InputError(`Finner ikke filen «${file}»: en del av stien er en fil, ikke en mappe.`);
    throw new InputError(`Kan ikke åpne «${file}»: ${code ?? (e as Error).message}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError(`«${file}» er en mappe, ikke en fil.`);
    if (stat.isFile() && stat.size > MAX_FILE_BYTES) {
      // refused at once, unread, unless it is a PDF within the PDF limit
      const head = new Uint8Array(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const pdf = isPdfBytes(head.subarray(0, bytesRead));
      if (!pdf || stat.size > MAX_PDF_BYTES) throw tooLarge(file, pdf, stat.size);
    }
    const collected = new Collected(file, stat.isFile() ? stat.size : null);
    let lastData = performance.now();
    let wait = 5;
    let buffer = new Uint8Array(CHUNK);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK, null));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
        bytesRead = -1; // nothing yet from a pipe or device
      }
      if (bytesRead > 0) {
        collected.push(buffer.subarray(0, bytesRead));
        buffer = new Uint8Array(CHUNK); // the chunk kept is a view of the old one
        lastData = performance.now();
        wait = 5;
        continue;
      }
      // End of file. A FIFO reads as ended until a writer opens it: wait for one, as a blocking open would.
      if (bytesRead === 0 && !(stat.isFIFO() && collected.total === 0)) break;
      if (performance.now() - lastData > timeoutMs) throw silent(file, collected.total, timeoutMs);
      await sleep(wait);
      wait = Math.min(wait * 2, 100);
    }
    return collected.bytes();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new InputError(`«${file}» er en mappe, ikke en fil.`);
    throw new InputError(`Kan ikke lese «${file}»: ${code ?? (e as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** A report read as no tables and no indicators: nothing was checked, which must never read as a pass. */
export function nothingChecked(reports: readonly ImportedReport[]): void {
  const empty = reports.filter(({ report }) => report.budgetTables.length === 0 && report.indicators.length === 0);
  if (empty.length === 0) return;
  throw new InputError(
    `Ingenting er kontrollert i ${empty.map((r) => `«${r.file}»`).join(", ")}: fant 0 økonomitabeller og 0 indikatorer. Er filen avkortet, eller er tabellene bilder i PDF-en?`,
  );
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
