// Add-in budgets: the size of the JavaScript the task pane page loads (built dist/, after
// `npm run build`), what each package contributes to it (from the source map), and the syncs and
// request bytes of importing each fixture through the recording fake Excel.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = join(root, "dist");
const BUDGET_BYTES = 300 * 1024;
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

const B64 = Object.fromEntries([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** Bytes of generated code per source file, from a source map's mappings (VLQ). */
function bytesBySource(code, map) {
  const lines = code.split("\n");
  const out = new Map();
  let source = 0;
  map.mappings.split(";").forEach((line, li) => {
    let col = 0;
    const segs = line ? line.split(",") : [];
    const starts = [];
    for (const seg of segs) {
      const values = [];
      let v = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64[ch];
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          values.push(v & 1 ? -(v >>> 1) : v >>> 1);
          v = 0;
          shift = 0;
        }
      }
      col += values[0];
      if (values.length > 1) source += values[1];
      starts.push([col, values.length > 1 ? source : -1]);
    }
    const len = lines[li]?.length ?? 0;
    starts.forEach(([c, s], i) => {
      if (s < 0) return;
      const end = i + 1 < starts.length ? starts[i + 1][0] : len;
      const name = map.sources[s];
      out.set(name, (out.get(name) ?? 0) + Math.max(0, end - c));
    });
  });
  return out;
}

function packageOf(source) {
  const nm = source.split("node_modules/")[1];
  if (nm) return nm.startsWith("@") ? nm.split("/").slice(0, 2).join("/") : nm.split("/")[0];
  const m = /(core|packages\/\w+|addin)\/src\//.exec(source);
  if (m) return m[1] === "core" ? "@bydel/core" : m[1] === "addin" ? "addin" : `@bydel/${m[1].split("/")[1]}`;
  return "webpack runtime";
}

function bundleReport() {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]).filter((s) => !s.startsWith("http"));
  let total = 0;
  const byPackage = new Map();
  for (const s of scripts) {
    const code = readFileSync(join(dist, s), "utf8");
    total += Buffer.byteLength(code);
    const mapFile = join(dist, `${s}.map`);
    if (existsSync(mapFile)) {
      for (const [src, n] of bytesBySource(code, JSON.parse(readFileSync(mapFile, "utf8")))) {
        const p = packageOf(src);
        byPackage.set(p, (byPackage.get(p) ?? 0) + n);
      }
    }
  }
  const gz = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s))).length, 0);
  console.log(`task pane page JavaScript (${scripts.join(", ")}): ${kB(total)} minified, ${kB(gz)} gzip; budget ${kB(BUDGET_BYTES)}: ${total <= BUDGET_BYTES ? "OK" : "OVER"}`);
  const parts = [...byPackage].sort((a, b) => b[1] - a[1]);
  console.log(`  by package (mapped bytes): ${parts.map(([p, n]) => `${p} ${kB(n)}`).join(", ")}`);
  const pdfjsInFirstLoad = [...byPackage.keys()].filter((p) => p === "pdfjs-dist");
  if (pdfjsInFirstLoad.length > 0) console.log("  pdf.js IS in the first load: it should be its own chunk (addin/src/taskpane/pdf.ts)");
  // pdf.js loads only when a PDF is chosen: its chunk and its worker, beside the page
  for (const [what, file] of [["pdf.js chunk (loaded for a PDF)", "pdfjs.js"], ["pdf.js worker (loaded for a PDF)", "pdf.worker.min.js"]]) {
    if (!existsSync(join(dist, file))) {
      console.log(`${what}: ${file} is missing from dist/`);
      continue;
    }
    const bytes = readFileSync(join(dist, file));
    console.log(`${what}, ${file}: ${kB(bytes.length)} minified, ${kB(gzipSync(bytes).length)} gzip`);
  }
  const fn = readFileSync(join(dist, "functions.js"));
  console.log(`functions.js (manifest <Script>, self-contained): ${kB(fn.length)} minified, ${kB(gzipSync(fn).length)} gzip`);
  return { total, gz };
}

/** Compiles the writer and the fake (TypeScript, not part of any dist) next to node_modules so @bydel/* resolve to the built packages. */
async function loadWriter() {
  const out = join(root, "node_modules/.cache/bydel-addin-bench");
  const files = [
    ...readdirSync(join(root, "addin/src/excel")).map((f) => `addin/src/excel/${f}`),
    "addin/test/fake-excel.ts",
  ];
  for (const f of files) {
    const js = ts.transpileModule(readFileSync(join(root, f), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    const target = join(out, f.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  const at = (f) => import(pathToFileURL(join(out, f)).href);
  return {
    writer: await at("addin/src/excel/writer.js"),
    fake: await at("addin/test/fake-excel.js"),
  };
}

export async function run() {
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm run bench does).");
  bundleReport();

  const { importReport } = await import("@bydel/import");
  const { buildLayout } = await import("@bydel/layout");
  const { writer, fake } = await loadWriter();
  console.log("import into a workbook through the recording fake (limit per request: 5 MB):");
  console.log("  fixture            sheets  cells  syncs  requests  total bytes  largest request  ms");
  for (const name of ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"]) {
    const text = readFileSync(join(root, `tests/fixtures/reports/${name}.txt`), "utf8");
    const layout = buildLayout(importReport(text));
    const workbook = new fake.FakeWorkbook({});
    const t0 = performance.now();
    const result = await writer.writeWorkbook(workbook.run, layout);
    const ms = performance.now() - t0;
    if (workbook.violations.length) throw new Error(`${name}: ${workbook.violations.join("; ")}`);
    const cells = layout.sheets.reduce((n, s) => n + s.rows.flat().filter(Boolean).length, 0);
    const largest = Math.max(...workbook.syncs.map((s) => s.bytes));
    console.log(
      `  ${name.padEnd(18)} ${String(result.sheets.length).padStart(6)} ${String(cells).padStart(6)} ${String(result.syncs).padStart(6)} ${String(result.requests).padStart(9)} ${kB(workbook.totalBytes).padStart(12)} ${kB(largest).padStart(16)} ${ms.toFixed(0).padStart(4)}`,
    );
  }
}
