import type { Report } from "@bydel/core";
import { importReport, isNotAReportError } from "@bydel/import";
import { buildLayout } from "@bydel/layout";
import { ImportWriteError, writeWorkbook, type ExcelRun } from "../excel/writer.js";
import { previewOf, renderPreview } from "./preview.js";
import { textOfBytes, tooLarge } from "./read-input.js";

// The task pane: choose or paste a report's text → preview (district, tables, findings) →
// "Importer" writes the workbook layout as new sheets. Report text reaches the page only through
// textContent (preview.ts), never as HTML.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let report: Report | null = null;
let busy = false;

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

/** Runs the import on text and shows the preview, or says why the text is no report. */
function read(text: string, note: string | null): void {
  clearPreview();
  try {
    report = importReport(text);
  } catch (e) {
    say(isNotAReportError(e) ? e.message : `Kunne ikke lese teksten: ${e instanceof Error ? e.message : String(e)}`, "error");
    return;
  }
  renderPreview(previewOf(report), {
    district: byId("district"),
    year: byId("year"),
    counts: byId("counts"),
    tables: byId("tables"),
    summary: byId("findings-summary"),
    findings: byId("findings"),
  });
  byId("preview").hidden = false;
  byId("import").hidden = false;
  byId("progress-box").hidden = true;
  byId<HTMLButtonElement>("import-button").disabled = false;
  if (note) say(note, "info");
  else byId("message").hidden = true;
}

async function onFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  byId("file-name").textContent = file.name;
  const refused = tooLarge(file.size);
  if (refused) {
    clearPreview();
    say(refused, "error");
    return;
  }
  try {
    const { text, note } = textOfBytes(new Uint8Array(await file.arrayBuffer()));
    read(text, note);
  } catch (e) {
    clearPreview();
    say(`Kunne ikke lese filen: ${e instanceof Error ? e.message : String(e)}`, "error");
  }
}

function onPaste(): void {
  byId("file-name").textContent = "Innlimt tekst";
  read(byId<HTMLTextAreaElement>("paste-text").value, null);
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
  file.addEventListener("change", () => void onFile(file));
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
