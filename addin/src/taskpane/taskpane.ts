import type { Report } from "@bydel/core";
import { ImportWriteError, writeWorkbook, type ExcelRun } from "../excel/writer.js";
import { loadPdfjs } from "./pdf.js";
import { previewOf, renderPreview } from "./preview.js";
import { isPdfFile, pdfNote, textOfBytes, tooLarge } from "./read-input.js";

// The task pane: choose (or drop) a report's PDF or text, or paste its text → preview (district,
// tables, findings) → "Importer" writes the workbook layout as new sheets. pdf.js is loaded only
// when a PDF is chosen (pdf.ts). Report text reaches the page only through textContent
// (preview.ts), never as HTML.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let report: Report | null = null;
let busy = false;
/** Counts the files chosen: a read whose number is no longer current is stale, and stops. */
let reading = 0;

class Stale extends Error {}

/** Shows a message under the file choice (`message`) or under the import button (`import-message`). */
function say(text: string, kind: "info" | "error" | "ok" = "info", where: "message" | "import-message" = "message"): void {
  const box = byId<HTMLDivElement>(where);
  box.className = `message ${kind}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  box.textContent = text;
  box.hidden = false;
}

function clearPreview(): void {
  report = null;
  byId("import-message").hidden = true;
  byId("preview").hidden = true;
  byId("import").hidden = true;
}

/** A new choice: the previous one's preview, message and reading progress go. */
function startReading(name: string): number {
  clearPreview();
  byId("message").hidden = true;
  byId("read-box").hidden = true;
  byId("file-name").textContent = name;
  return ++reading;
}

/** Shows the preview of an imported report, with a note above it (or none). */
function show(imported: Report, note: string | null): void {
  report = imported;
  renderPreview(previewOf(imported), {
    district: byId("district"),
    year: byId("year"),
    counts: byId("counts"),
    tables: byId("tables"),
    summary: byId("findings-summary"),
    findings: byId("findings"),
    proseSummary: byId("prose-summary"),
    corrections: byId("corrections"),
    contradictions: byId("contradictions"),
  });
  byId("preview").hidden = false;
  byId("import").hidden = false;
  byId("progress-box").hidden = true;
  byId<HTMLButtonElement>("import-button").disabled = false;
  if (note) say(note, "info");
  else byId("message").hidden = true;
}

type Engine = typeof import("./engine.js");
let engineLoading: Promise<Engine> | null = null;
/** The import and the layout, a chunk of their own: the pane's first load stays small. */
function engine(): Promise<Engine> {
  engineLoading ??= import(/* webpackChunkName: "engine" */ "./engine.js").catch((e: unknown) => {
    engineLoading = null; // a failed load may succeed on the next choice
    throw e;
  });
  return engineLoading;
}
const ENGINE_FAILED = "Kunne ikke laste importen. Sjekk nettilgangen og velg filen på nytt.";

/** Runs the import on text and shows the preview, or says why the text is no report. */
async function read(text: string, note: string | null): Promise<void> {
  let eng: Engine;
  try {
    eng = await engine();
  } catch {
    say(ENGINE_FAILED, "error");
    return;
  }
  let imported: Report;
  try {
    imported = eng.importReport(text);
  } catch (e) {
    say(eng.isNotAReportError(e) ? e.message : `Kunne ikke lese teksten: ${e instanceof Error ? e.message : String(e)}`, "error");
    return;
  }
  show(imported, note);
}

/** Reads a PDF page by page («Leser side 12 av 103»), then shows the preview and names the pages without text. */
async function readPdfFile(bytes: Uint8Array, current: number): Promise<void> {
  const box = byId("read-box");
  const bar = byId<HTMLProgressElement>("read-progress");
  const line = byId("read-text");
  const stillCurrent = () => {
    if (current !== reading) throw new Stale();
  };
  box.hidden = false;
  bar.removeAttribute("value"); // indeterminate until the page count is known
  line.textContent = "Laster PDF-leseren …";
  let eng: Engine | null = null;
  try {
    try {
      eng = await engine();
    } catch {
      stillCurrent();
      say(ENGINE_FAILED, "error");
      return;
    }
    let pdfjs;
    try {
      pdfjs = await loadPdfjs();
    } catch {
      stillCurrent();
      say("Kunne ikke laste PDF-leseren (pdf.js). Sjekk nettilgangen og velg filen på nytt.", "error");
      return;
    }
    stillCurrent();
    line.textContent = "Åpner PDF-en …";
    let pages = 0;
    const imported = await eng.importPdf(bytes, {
      pdfjs,
      onPage: (page, total) => {
        stillCurrent(); // a newer choice stops this read at the next page
        pages = total;
        bar.value = page / total;
        line.textContent = `Leser side ${page} av ${total}`;
      },
    });
    stillCurrent();
    show(imported, pdfNote(pages, imported.findings));
  } catch (e) {
    if (e instanceof Stale || current !== reading) return;
    say(eng?.isNotAReportError(e) ? e.message : `Kunne ikke lese PDF-en: ${e instanceof Error ? e.message : String(e)}`, "error");
  } finally {
    if (current === reading) box.hidden = true;
  }
}

/** A file from the file picker or dropped on the pane: a PDF by its bytes, else text. */
async function onFile(file: File): Promise<void> {
  const current = startReading(file.name);
  try {
    const pdf = await isPdfFile(file);
    if (current !== reading) return;
    const refused = tooLarge(file.size, pdf);
    if (refused) {
      say(refused, "error");
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (current !== reading) return;
    if (pdf) await readPdfFile(bytes, current);
    else {
      const { text, note } = textOfBytes(bytes);
      await read(text, note);
    }
  } catch (e) {
    if (current !== reading) return;
    clearPreview();
    say(`Kunne ikke lese filen: ${e instanceof Error ? e.message : String(e)}`, "error");
  }
}

function onPaste(): void {
  startReading("Innlimt tekst");
  void read(byId<HTMLTextAreaElement>("paste-text").value, null);
}

/** A file dropped anywhere on the pane is read as if chosen; other drops (text into the box) are the browser's. */
function acceptDrops(zone: HTMLElement): void {
  const withFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") === true;
  const over = (e: DragEvent) => {
    if (!withFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = "copy";
    zone.classList.add("dragging");
  };
  document.addEventListener("dragenter", over);
  document.addEventListener("dragover", over);
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) zone.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    if (!withFiles(e)) return;
    e.preventDefault();
    zone.classList.remove("dragging");
    const file = e.dataTransfer?.files[0];
    if (file) void onFile(file);
  });
}

async function onImport(run: ExcelRun, notes: boolean): Promise<void> {
  if (!report || busy) return;
  busy = true;
  const button = byId<HTMLButtonElement>("import-button");
  const bar = byId<HTMLProgressElement>("progress");
  const line = byId("progress-text");
  button.disabled = true;
  byId("import-message").hidden = true;
  byId("progress-box").hidden = false;
  bar.value = 0;
  line.textContent = "Forbereder arkene …";
  try {
    const { buildLayout } = await engine();
    const result = await writeWorkbook(run, buildLayout(report), {
      notes,
      onProgress: (p) => {
        bar.value = p.total === 0 ? 1 : p.done / p.total;
        line.textContent = p.text;
      },
    });
    bar.value = 1;
    line.textContent = "Ferdig";
    const renamed = result.sheets.filter((s) => s.name !== s.wanted);
    say(
      [
        `Importert til ${result.sheets.length} nye ark: ${result.sheets.map((s) => s.name).join(", ")}.`,
        renamed.length ? "Arbeidsboken hadde allerede ark med samme navn; de nye arkene fikk et nummer, og ingenting ble overskrevet." : "",
        result.notesSkipped ? `${result.notesSkipped} cellemerknader er utelatt (krever en nyere Excel).` : "",
      ]
        .filter(Boolean)
        .join("\n"),
      "ok",
      "import-message",
    );
  } catch (e) {
    line.textContent = "Avbrutt";
    say(e instanceof ImportWriteError ? e.message : `Importen mislyktes: ${e instanceof Error ? e.message : String(e)}`, "error", "import-message");
  } finally {
    busy = false;
    button.disabled = false;
  }
}

function start(info: { host: Office.HostType | null }): void {
  const file = byId<HTMLInputElement>("file");
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) void onFile(chosen);
    file.value = ""; // the same file chosen again is read again
  });
  acceptDrops(byId("drop"));
  byId("paste-read").addEventListener("click", onPaste);
  const inExcel = info.host === Office.HostType.Excel;
  const run: ExcelRun = (batch) => Excel.run(batch);
  const notes = inExcel && Office.context.requirements.isSetSupported("ExcelApi", "1.18");
  byId("import-button").addEventListener("click", () => {
    if (!inExcel) say("Importen skriver til en Excel-arbeidsbok: åpne oppgaveruten i Excel.", "error", "import-message");
    else void onImport(run, notes);
  });
}

if (typeof Office === "undefined") {
  // office.js comes from Microsoft's CDN: without it (offline, or the page opened outside Office) say so.
  say("Office.js ble ikke lastet. Åpne oppgaveruten fra Excel (Hjem → Importer årsberetning), og sjekk nettilgangen.", "error");
} else {
  void Office.onReady(start);
}
