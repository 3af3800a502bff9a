import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importReport } from "@bydel/import";
import { previewOf } from "../../addin/src/taskpane/preview.js";
import { encryptedByHand, shortReportPdf } from "../cli/pdf-files.js";
import { withSageneProse } from "../workbook/sagene-prose.js";

// The BUILT task pane (dist/taskpane.html, after `npm run build`) in real Chromium, with a fake
// Office host in place of Microsoft's office.js: the CDN URL is routed to the recording fake Excel
// (addin/test/fake-excel.ts, compiled here). Nothing else leaves 127.0.0.1.

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// The README's screenshot is refreshed with UPDATE_SCREENSHOTS=1; otherwise the test writes a copy to tmp/.
const screenshot = process.env.UPDATE_SCREENSHOTS ? join(root, "docs/images/taskpane.png") : join(root, "tmp/taskpane.png");

const fixture = (name: string) => readFileSync(join(root, `tests/fixtures/reports/${name}.txt`), "utf8");
const fixturePdf = (name: string) => join(root, `tests/fixtures/pdf/${name}.pdf`);
/** What dist/ holds of pdf.js: the chunk the pane imports for a PDF, and the worker copied beside it. */
const PDFJS_CHUNK = "pdfjs.js";
const PDF_WORKER = "pdf.worker.min.js";

/** Sagene with two indicator labels that are HTML and a formula: they reach the preview through the findings. */
const hostileSagene = () =>
  fixture("sagene-2024")
    .replace("Antall brukere med aktivitetstid 52 70", "<img src=x onerror=alert(1)> 52 70")
    .replace("Antall brukere som har mottatt \n", '=HYPERLINK("http://x";"klikk") \n');

/** office.js stand-in: the fake Excel plus the few Office/CustomFunctions globals the page uses. */
function fakeOfficeScript(): string {
  const compile = (file: string) =>
    ts.transpileModule(readFileSync(join(root, file), "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  // The fake's one import is @bydel/layout's A1 helpers, a module that imports nothing.
  const address = compile("packages/layout/src/address.ts");
  expect(address).not.toMatch(/require\(/);
  return `(function () {
  var layout = (function () { var exports = {}; ${address}; return exports; })();
  function require(name) {
    if (name === "@bydel/layout") return layout;
    throw new Error("fake office.js: no module " + name);
  }
  var exports = {}; var module = { exports: exports };
  ${compile("addin/test/fake-excel.ts")}
  var workbook = new exports.FakeWorkbook({
    sheets: [{ name: "Ark1", cells: { A1: "Mitt budsjett", B1: 1000 } }, { name: "Oversikt", cells: { A1: "Min egen oversikt" } }],
  });
  window.__fake = workbook;
  window.__associated = [];
  window.__functions = {};
  window.Excel = { run: workbook.run };
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function (cb) {
      var info = { host: "Excel", platform: "PC" };
      return Promise.resolve().then(function () { if (cb) cb(info); return info; });
    },
    context: { requirements: { isSetSupported: function () { return true; } } },
    actions: { associate: function () {} },
    addin: { showAsTaskpane: function () { return Promise.resolve(); } },
  };
  function CfError(code, message) { this.code = code; this.message = message; }
  window.CustomFunctions = {
    associate: function (id, fn) { window.__associated.push(id); window.__functions[id] = fn; },
    Error: CfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
  };
})();`;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "application/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json", ".xml": "application/xml" };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

let browser: Browser;
let server: Server;
let base: string;
const tmp = join(tmpdir(), `bydel-taskpane-${process.pid}`);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium). This test never skips.`);
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first.");
  mkdirSync(tmp, { recursive: true });
  ({ server, url: base } = await serve(dist));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Opened {
  page: Page;
  dialogs: string[];
  offsite: string[];
  errors: string[];
  /** Every file the page asked this server for, in order (path in dist/). */
  requested: string[];
}

async function open(): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 380, height: 1040 }, deviceScaleFactor: 1 });
  const opened: Opened = { page, dialogs: [], offsite: [], errors: [], requested: [] };
  page.on("request", (r) => {
    if (r.url().startsWith(base)) opened.requested.push(r.url().slice(base.length));
  });
  page.on("dialog", (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => opened.errors.push(e.message));
  const script = fakeOfficeScript();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: "application/javascript", body: script });
    if (url.startsWith(base)) return route.continue();
    opened.offsite.push(url);
    return route.abort();
  });
  await page.goto(`${base}taskpane.html`);
  await page.waitForFunction(() => (window as unknown as { __associated: string[] }).__associated.length > 0);
  return opened;
}

function withFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe("the built task pane in Chromium", () => {
  it("ships a production manifest without localhost", () => {
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toMatch(/<SourceLocation resid="Taskpane.Url"/);
    expect(JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")).functions).toHaveLength(8);
  });

  it("bundles the custom functions without zod (the sign rules are apart from the schemas)", () => {
    const sources: string[] = JSON.parse(readFileSync(join(dist, "functions.js.map"), "utf8")).sources;
    expect(sources.some((s) => s.includes("core/src/domain/adjustments.ts"))).toBe(true);
    expect(sources.filter((s) => /node_modules\/zod\//.test(s))).toEqual([]);
    expect(readFileSync(join(dist, "functions.js")).length).toBeLessThan(80 * 1024);
  });

  it("registers every BYDEL function in the shared runtime page, and they compute there", async () => {
    const { page, errors } = await open();
    const ids = await page.evaluate(() => (window as unknown as { __associated: string[] }).__associated);
    expect(ids.sort()).toEqual(["AVVIK", "AVVIKPROSENT", "KORRIGERT", "MAALNAADD", "ORDINAER", "PP", "REALENDRING", "TALL"]);
    // The bundled functions compute in the page as in Node (exact decimals, Norwegian text, errors).
    const results = await page.evaluate(() => {
      type Fn = (...a: unknown[]) => unknown;
      const f = (window as unknown as { __functions: Record<string, Fn> }).__functions;
      const attempt = (g: () => unknown) => {
        try {
          return g();
        } catch (e) {
          return { code: (e as { code: string }).code, message: (e as { message: string }).message };
        }
      };
      return {
        avvik: f.AVVIK!([[50560], [0.3]], [[38774], [0.1]]),
        korrigert: f.KORRIGERT!("-40,342", [[5.8, "inndekning"]], null),
        tall: f.TALL!([["−2 642"], ["26,550 mill."]], null),
        bad: attempt(() => f.AVVIK!([["abc"]], [[1]])),
        zero: attempt(() => f.AVVIKPROSENT!([[0]], [[5]])),
      };
    });
    expect(results).toEqual({
      avvik: [[11786], [0.2]],
      korrigert: [[-34.542]],
      tall: [[-2642], [26.55]],
      bad: { code: "#VALUE!", message: "«abc» er ikke et gyldig tall: inneholder tegn som ikke hører til et tall" },
      zero: { code: "#DIV/0!", message: undefined },
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("imports a report: preview, then new sheets in the workbook, report text as plain text throughout", async () => {
    const { page, dialogs, offsite, errors } = await open();
    await page.setInputFiles("#file", withFile("sagene-2024.txt", hostileSagene()));
    await page.waitForSelector("#preview:not([hidden])");

    expect(await page.textContent("#district")).toBe("Bydel Sagene");
    expect(await page.textContent("#year")).toBe("årsberetning 2024");
    const tables = await page.$$eval("#tables li", (lis) => lis.map((li) => li.textContent));
    expect(tables).toContain("Tabell 0.1 B Netto driftsutgifter i 1000 kr0.1B · 8 rader");
    expect(tables).toContain("3.7.4 Hovedoversikt økonomi FO4 – netto driftsutgifterFO4A · 9 rader");
    expect(tables).toContain("Resultatindikatorer27 rader");
    expect(tables).toContain("Fra teksten (bør kontrolleres)2 rader");
    expect(tables).toContain("Per enhet fremstår resultat med og uten særskilt øremerkede midler slik (i tusen kroner):enhet · 10 rader");
    expect(tables.length).toBe(15); // 10 budget tables, the result per unit (split enhet), 4 kinds of indicator
    expect(await page.$$eval("#findings-summary .badge", (b) => b.map((x) => x.textContent))).toEqual([
      expect.stringMatching(/^\d+ feil$/),
      expect.stringMatching(/^\d+ merknader$/),
    ]);
    const findings = await page.$$eval("#findings li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(findings[0]).toMatch(/^Feil · linje 248Sum netto utgifter, drift: avvik er oppgitt til −10\s410/);
    // The hostile labels are shown as the characters they are, never as markup.
    expect(findings.some((f) => f.includes("<img src=x onerror=alert(1)>: avviket er oppgitt uten fortegn"))).toBe(true);
    expect(findings.some((f) => f.includes('=HYPERLINK("http://x";"klikk") tjenestene'))).toBe(true);
    expect(await page.$$eval("img", (imgs) => imgs.map((i) => i.getAttribute("src")))).toEqual(["assets/icon-32.png"]);
    // The text against the tables: what the preview computes from the same import, as text nodes.
    const prose = previewOf(importReport(hostileSagene())).prose;
    expect(await page.textContent("#prose-summary")).toBe(prose.summary);
    const items = (id: string) => page.$$eval(`#${id} li`, (lis) => lis.map((li) => [li.querySelector(".where")?.textContent, li.querySelector("q")?.textContent]));
    expect(await items("corrections")).toEqual(prose.corrections.map((c) => [`${c.where} · ${c.text}`, c.quote]));
    expect(await items("contradictions")).toEqual(prose.contradictions.map((c) => [`${c.where} · ${c.text}`, c.quote]));
    expect(await page.isHidden("#corrections")).toBe(prose.corrections.length === 0);
    expect(await page.isHidden("#contradictions")).toBe(prose.contradictions.length === 0);

    await page.click("#import-button");
    await page.waitForSelector("#import-message.ok");
    const message = await page.textContent("#import-message");
    expect(message).toMatch(/^Importert til 5 nye ark: Oversikt \(2\), Økonomi, Indikatorer, Kontroll, Tekstkontroll\./);
    expect(message).toMatch(/ingenting ble overskrevet/);
    expect(await page.$eval("#progress", (p) => (p as HTMLProgressElement).value)).toBe(1);

    const recorded = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: import("../../addin/test/fake-excel.js").FakeWorkbook }).__fake;
      const cells = fake.sheets.flatMap((s) => [...s.cells.values()].map((c) => ({ sheet: s.name, ...c })));
      return {
        sheets: fake.sheets.map((s) => s.name),
        syncs: fake.syncs,
        violations: fake.violations,
        mine: fake.sheets[1]!.grid(),
        hostile: cells.filter((c) => String(c.value).includes("onerror") || String(c.value).includes("HYPERLINK")),
        converted: cells.filter((c) => c.converted),
        charts: fake.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, type: c.type, title: c.title, series: c.series.length }))),
      };
    });
    expect(recorded.sheets).toEqual(["Ark1", "Oversikt", "Oversikt (2)", "Økonomi", "Indikatorer", "Kontroll", "Tekstkontroll"]);
    expect(recorded.violations).toEqual([]);
    expect(recorded.mine).toEqual([["Min egen oversikt"]]);
    expect(recorded.syncs.length).toBeLessThanOrEqual(3);
    for (const s of recorded.syncs) expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(recorded.hostile.length).toBeGreaterThanOrEqual(4); // indicator labels and finding messages
    for (const c of recorded.hostile) expect(c.kind, JSON.stringify(c)).toBe("text");
    expect(recorded.hostile.some((c) => String(c.value).startsWith("=HYPERLINK"))).toBe(true);
    expect(recorded.converted).toEqual([]);
    // The layout's chart, drawn on the renamed overview.
    expect(recorded.charts).toEqual([
      { sheet: "Oversikt (2)", type: "BarClustered", title: "Avvik per funksjonsområde (1000 kr; positivt = mindreforbruk)", series: 1 },
    ]);

    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);

    mkdirSync(dirname(screenshot), { recursive: true });
    await page.evaluate(() => {
      document.querySelector("#findings")?.scrollTo(0, 0);
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
    await page.close();
  });

  it("says a broken PDF is broken, and that a text which is no report is no report", async () => {
    const { page } = await open();
    await page.setInputFiles("#file", withFile("rapport.pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")));
    await page.waitForSelector("#message.error");
    expect(await page.textContent("#message")).toBe("PDF-en er skadet eller avkortet og kan ikke leses. Last ned filen på nytt, eller eksporter den som PDF igjen.");
    expect(await page.isHidden("#preview")).toBe(true);
    expect(await page.isHidden("#read-box")).toBe(true);

    await page.click("#paste summary");
    await page.fill("#paste-text", "Handleliste: melk, brød og egg.");
    await page.click("#paste-read");
    await page.waitForFunction(() => /årsberetning/.test(document.querySelector("#message")?.textContent ?? ""));
    expect(await page.getAttribute("#message", "class")).toBe("message error");

    // A pasted report works like a file.
    // (fill() types a 300 kB text too slowly; a paste sets the value at once)
    await page.$eval("#paste-text", (el, text) => ((el as HTMLTextAreaElement).value = text), fixture("vestre-aker-2024"));
    await page.click("#paste-read");
    await page.waitForSelector("#preview:not([hidden])");
    expect(await page.textContent("#district")).toBe("Bydel Vestre Aker");
    expect(await page.isHidden("#message")).toBe(true);
    await page.close();
  });

  it("loads no pdf.js with the page: the first load is under 300 kB, the import, pdf.js and its worker are files of their own", async () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]!).filter((src) => !src.startsWith("http"));
    expect(scripts).toEqual(["taskpane.js"]);
    for (const src of scripts) {
      expect(readFileSync(join(dist, src)).length).toBeLessThan(300 * 1024);
      const sources: string[] = JSON.parse(readFileSync(join(dist, `${src}.map`), "utf8")).sources;
      expect(sources.filter((x) => x.includes("pdfjs-dist"))).toEqual([]);
    }
    const chunkSources: string[] = JSON.parse(readFileSync(join(dist, `${PDFJS_CHUNK}.map`), "utf8")).sources;
    expect(chunkSources.some((x) => x.includes("pdfjs-dist/build/pdf.min.mjs"))).toBe(true);
    expect(readFileSync(join(dist, PDF_WORKER), "utf8")).toMatch(/WorkerMessageHandler/);

    // Opening the pane and reading a text fetch neither.
    const { page, requested } = await open();
    await page.setInputFiles("#file", withFile("grunerlokka-2024.txt", fixture("grunerlokka-2024")));
    await page.waitForSelector("#preview:not([hidden])");
    // the import and the layout come as a chunk of their own when the first report is read; pdf.js never for a text
    const scriptsLoaded = requested.filter((r) => r.endsWith(".js"));
    expect(scriptsLoaded[0]).toBe("taskpane.js");
    expect(scriptsLoaded).toContain("engine.js");
    expect(scriptsLoaded.filter((r) => r.includes("pdf"))).toEqual([]);
    await page.close();
  });

  it("imports a PDF chosen in the file picker: progress per page, the preview's tables, then the sheets", async () => {
    const { page, dialogs, offsite, errors, requested } = await open();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __reading: string[] }).__reading = seen;
      const line = document.getElementById("read-text")!;
      new MutationObserver(() => {
        const text = line.textContent ?? "";
        if (seen.at(-1) !== text) seen.push(text);
      }).observe(line, { childList: true, characterData: true, subtree: true });
    });
    expect(requested).not.toContain(PDFJS_CHUNK);
    await page.setInputFiles("#file", fixturePdf("sagene-2024"));
    await page.waitForSelector("#preview:not([hidden])", { timeout: 120_000 });

    const reading = await page.evaluate(() => (window as unknown as { __reading: string[] }).__reading);
    const pages = reading.map((t) => /^Leser side (\d+) av 103$/.exec(t)).filter((m) => m !== null).map((m) => Number(m[1]));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(await page.isHidden("#read-box")).toBe(true);
    expect(requested).toContain(PDFJS_CHUNK);
    expect(requested).toContain(PDF_WORKER);

    expect(await page.textContent("#file-name")).toBe("sagene-2024.pdf");
    expect(await page.textContent("#message")).toBe("Lest 103 sider fra PDF-en.");
    expect(await page.textContent("#district")).toBe("Bydel Sagene");
    expect(await page.textContent("#year")).toBe("årsberetning 2024");
    const tables = await page.$$eval("#tables li", (lis) => lis.map((li) => li.textContent));
    expect(tables).toContain("Tabell 0.1 Brutto driftsutgifter i 1000 kr0.1 · 8 rader");
    expect(tables).toContain("Tabell 0.1 B Netto driftsutgifter i 1000 kr0.1B · 8 rader");
    expect(tables.filter((t) => /Hovedoversikt økonomi FO/.test(t ?? "")).length).toBe(8);
    const findings = await page.$$eval("#findings li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(findings[0]).toMatch(/^Feil · linje \d+Sum netto utgifter, drift: avvik er oppgitt til −10\s410.*\(side \d+\)$/);

    await page.click("#import-button");
    await page.waitForSelector("#import-message.ok");
    expect(await page.textContent("#import-message")).toMatch(/^Importert til 5 nye ark: Oversikt \(2\), Økonomi, Indikatorer, Kontroll, Tekstkontroll\./);
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads a PDF dropped on the pane and names its pages without text; a password-protected one is refused in Norwegian", async () => {
    const { page, offsite, errors } = await open();
    const drop = async (name: string, bytes: Buffer) => {
      const transfer = await page.evaluateHandle(
        ({ name, b64 }) => {
          const raw = atob(b64);
          const data = new Uint8Array(raw.length);
          for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
          const t = new DataTransfer();
          t.items.add(new File([data], name, { type: "application/pdf" }));
          return t;
        },
        { name, b64: bytes.toString("base64") },
      );
      await page.dispatchEvent("#drop", "dragenter", { dataTransfer: transfer });
      await page.dispatchEvent("#drop", "dragover", { dataTransfer: transfer });
      expect(await page.getAttribute("#drop", "class")).toBe("drop dragging");
      await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
      expect(await page.getAttribute("#drop", "class")).toBe("drop");
    };

    await drop("kort.pdf", await shortReportPdf([2, 4]));
    await page.waitForSelector("#preview:not([hidden])");
    expect(await page.textContent("#file-name")).toBe("kort.pdf");
    expect(await page.textContent("#message")).toBe(
      "Lest 4 sider fra PDF-en.\nSidene 2, 4 i PDF-en har ingen tekst (trolig bilder eller skannet); tabeller der er ikke lest.",
    );
    const tables = await page.$$eval("#tables li", (lis) => lis.map((li) => li.textContent));
    expect(tables[0]).toBe("Tabell 0.1 Brutto driftsutgifter i 1000 kr0.1 · 3 rader");
    const findings = await page.$$eval("#findings li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(findings).toContain("AdvarselSidene 2, 4 i PDF-en har ingen tekst (trolig bilder eller skannet); tabeller der er ikke lest.");

    await drop("kryptert.pdf", encryptedByHand());
    await page.waitForSelector("#message.error");
    expect(await page.textContent("#message")).toBe("PDF-en er passordbeskyttet. Lagre en kopi uten passord og importer den.");
    expect(await page.isHidden("#preview")).toBe(true);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders the text's corrections and contradictions in real Chromium as text nodes: a quote with markup stays characters", async () => {
    const { page, dialogs, errors } = await open();
    // The preview as the pane computes it, from Sagene with its prose and a hostile contradiction.
    const report = withSageneProse(importReport(fixture("sagene-2024")), {
      statements: [
        {
          subject: "netVariance",
          scope: { level: "serviceArea", table: "FO3", name: null },
          stated: { raw: "=8,4 millioner", value: -8400, unit: "kNOK", precision: 50 },
          line: 600,
          quote: '<img src=x onerror=alert(1)> FO3 har et merforbruk på 8,4 millioner. =HYPERLINK("http://x";"klikk")',
          reference: { table: "FO3", line: 610, column: "variance", value: -10410 },
          difference: 2010,
          verdict: "contradicts",
        },
      ],
      findings: [{ severity: "error", code: "PROSE_MISMATCH", line: 600, message: "FO3: teksten −8,4 millioner, tabellen −10 410." }],
    });
    const preview = previewOf(report);
    // renderPreview from the source, in the page. Of the core it needs only the severity words
    // (core/src/domain/severity.ts, a module that imports nothing); previewOf ran above, in Node.
    const compile = (file: string) =>
      ts.transpileModule(readFileSync(join(root, file), "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    const severity = compile("core/src/domain/severity.ts");
    expect(severity).not.toMatch(/require\(/);
    await page.addScriptTag({
      content: `(function () {
        var core = (function () { var exports = {}; ${severity}; return exports; })();
        var exports = {}; function require(n) { if (n === "@bydel/core") return core; throw new Error(n); }
        ${compile("addin/src/taskpane/preview.ts")};
        window.__renderPreview = exports.renderPreview;
      })();`,
    });
    await page.evaluate((p) => {
      const byId = (id: string) => document.getElementById(id)!;
      const w = window as unknown as { __renderPreview: (p: unknown, at: unknown) => void };
      w.__renderPreview(p, {
        district: byId("district"), year: byId("year"), counts: byId("counts"), tables: byId("tables"), summary: byId("findings-summary"),
        findings: byId("findings"), proseSummary: byId("prose-summary"), corrections: byId("corrections"), contradictions: byId("contradictions"),
      });
      byId("preview").hidden = false;
    }, preview);
    expect(await page.textContent("#prose-summary")).toBe("Motstrid i teksten: 1 (6 beløp i teksten kontrollert)");
    expect(await page.getAttribute("#prose-summary .badge", "class")).toBe("badge error");
    const items = (id: string) => page.$$eval(`#${id} li`, (lis) => lis.map((li) => [li.className, li.querySelector(".where")?.textContent, li.querySelector("q")?.textContent]));
    expect(await items("contradictions")).toEqual([
      ["error", "linje 600 · FO3: oppgitt =8,4 millioner, tabellen −10\u00a0410 – motstrid", '<img src=x onerror=alert(1)> FO3 har et merforbruk på 8,4 millioner. =HYPERLINK("http://x";"klikk")'],
    ]);
    expect(await items("corrections")).toEqual([
      ["info", "linje 256 · Øremerkede midler (ubrukt): 10,37 millioner kroner (bydelen)", expect.stringMatching(/^Når man korrigerer for overføring av øremerkede midler på 10,37 millioner kroner/)],
      ["info", "linje 4251 · Øremerkede midler (ubrukt): 10,4 millioner kroner (bydelen)", "I tillegg overføres særskilt øremerkete midler til 2025 med 10,4 millioner kroner."],
    ]);
    expect(await page.isVisible("#contradictions")).toBe(true);
    expect(await page.$$eval("img", (imgs) => imgs.map((i) => i.getAttribute("src")))).toEqual(["assets/icon-32.png"]);
    await new Promise((r) => setTimeout(r, 200)); // an onerror would fire by now
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says so when office.js cannot be loaded (offline, or opened outside Office)", async () => {
    const page = await browser.newPage();
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}taskpane.html`);
    await page.waitForSelector("#message.error");
    expect(await page.textContent("#message")).toMatch(/^Office\.js ble ikke lastet\./);
    await page.close();
  });

  it("reports a failed write in plain Norwegian and leaves the workbook as it was", async () => {
    const { page } = await open();
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { requestLimit: number } }).__fake;
      fake.requestLimit = 20_000; // as if Excel rejected the first write request for its size
    });
    await page.setInputFiles("#file", withFile("grunerlokka-2024.txt", fixture("grunerlokka-2024")));
    await page.waitForSelector("#preview:not([hidden])");
    await page.click("#import-button");
    await page.waitForSelector("#import-message.error");
    expect(await page.textContent("#import-message")).toBe(
      "Excel avviste importen fordi en forespørsel ble for stor. Ingenting som var i arbeidsboken fra før er endret. De nye arkene er fjernet igjen.",
    );
    expect(await page.evaluate(() => (window as unknown as { __fake: { sheets: { name: string }[] } }).__fake.sheets.map((s) => s.name))).toEqual([
      "Ark1",
      "Oversikt",
    ]);
    expect(await page.isEnabled("#import-button")).toBe(true);
    await page.close();
  });
});
