// PDF → report JSON in Node, against the built @bydel/import: pdf.js's legacy build in-process
// (loadNodePdfjs), page layout, the text import and JSON.stringify, per fixture PDF. The first run
// of each (pdf.js loaded, JIT cold) is reported apart from the median of the warm runs. "read ms" is
// the part until the last page is read (pdf.js's text extraction and each page's lines); the rest is
// the furniture, the layout, the text import and JSON. CPU is process.cpuUsage (all threads).
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { importPdf } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";

const dir = fileURLToPath(new URL("../tests/fixtures/pdf/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"];
const GOAL_MS = 1500; // Sagene, 103 pages
const ROUNDS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function once(pdfjs, bytes) {
  let pages = 0;
  let read = 0;
  const c0 = cpuMs();
  const w0 = performance.now();
  const onPage = (_, total) => {
    pages = total;
    read = performance.now() - w0;
  };
  const report = await importPdf(bytes, { pdfjs, onPage });
  const json = JSON.stringify(report);
  return { wall: performance.now() - w0, read, cpu: cpuMs() - c0, pages, tables: report.budgetTables.length, json: json.length };
}

export async function run() {
  const t0 = performance.now();
  const pdfjs = await loadNodePdfjs();
  const load = performance.now() - t0;
  console.log(`PDF → report JSON in Node (pdf.js legacy build in-process, loaded in ${load.toFixed(0)} ms); median of ${ROUNDS} warm runs; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores:`);
  console.log("  fixture            pages    size   first run  ms/report  pages/s  CPU ms  read ms  tables");
  const results = [];
  for (const name of names) {
    const bytes = new Uint8Array(readFileSync(`${dir}${name}.pdf`));
    const first = await once(pdfjs, bytes);
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(await once(pdfjs, bytes));
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    const read = median(runs.map((r) => r.read));
    results.push({ name, wall, pages: first.pages });
    console.log(
      `  ${name.padEnd(18)} ${String(first.pages).padStart(5)} ${`${(bytes.length / 1e6).toFixed(2)} MB`.padStart(8)} ${`${first.wall.toFixed(0)} ms`.padStart(11)} ${wall.toFixed(0).padStart(10)} ${(first.pages / (wall / 1000)).toFixed(0).padStart(8)} ${cpu.toFixed(0).padStart(7)} ${read.toFixed(0).padStart(8)} ${String(first.tables).padStart(7)}`,
    );
  }
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const ms = results.reduce((n, r) => n + r.wall, 0);
  const sagene = results.find((r) => r.name === "sagene-2024");
  console.log(`all three (${pages} pages): ${ms.toFixed(0)} ms, ${(pages / (ms / 1000)).toFixed(0)} pages/s`);
  console.log(`largest (sagene-2024, ${sagene.pages} pages): ${sagene.wall.toFixed(0)} ms per report; goal < ${GOAL_MS} ms: ${sagene.wall < GOAL_MS ? "OK" : "OVER"} (load average now ${loadavg()[0].toFixed(1)})`);
}
