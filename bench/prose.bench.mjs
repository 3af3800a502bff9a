// The running text's readers: the statements stage on the fixture reports (its share of an
// import), and both prose readers on adversarial input, one paragraph of goal and outcome phrases
// (ms per MB; a linear reader takes about twice as long for 2 MB as for 1 MB).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importReport } from "@bydel/import";
import { readStatements } from "../packages/import/dist/prose/statements.js";
import { readProseIndicators } from "../packages/import/dist/prose/indicators.js";
import { splitLines } from "../packages/import/dist/source/lines.js";
import { blocksOf } from "../packages/import/dist/prose/text.js";

const dir = fileURLToPath(new URL("../tests/fixtures/reports/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn, rounds) {
  const ms = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** A paragraph of goal and outcome phrases, `bytes` long; `periods`: sentences end, or one run of clauses. */
export function adversarial(bytes, periods) {
  const phrase = periods
    ? "Sykefraværsmålet har vært 7 %. Resultatet per 2024 er 8,1 %. Målet er minimum 85 % fagdekning, og per 31.12.2024 var fagdekningen 81,6 %. Bydelen har et mindreforbruk på 2,5 millioner kroner. "
    : "sykefraværsmålet har vært 7 %, resultatet per 2024 er 8,1 %; målet er minimum 85 % fagdekning, og avdelingen skal være minimum 80 %; bydelen har et mindreforbruk på 2,5 millioner kroner; ";
  const n = Math.ceil(bytes / Buffer.byteLength(phrase));
  // one paragraph: phrases on consecutive lines, no blank line
  return `Årsberetning 2024 Bydel Sagene\n\n${Array.from({ length: n }, () => phrase).join("\n")}\n`;
}

export async function run() {
  for (const name of names) {
    const text = readFileSync(`${dir}${name}.txt`, "utf8");
    for (let i = 0; i < 5; i++) importReport(text);
    const report = importReport(text);
    const lines = splitLines(text);
    // in the import the stage reads the paragraphs the indicator reader found
    const blocks = blocksOf(lines, new Set());
    const whole = time(() => importReport(text), 15);
    const stage = time(() => readStatements(lines, new Set(), report, report.year, blocks), 25);
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < 25; i++) readStatements(lines, new Set(), report, report.year, blocks);
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `  ${name.padEnd(18)} import ${whole.toFixed(1).padStart(5)} ms (goal < 50 ms), statements stage ${stage.toFixed(2)} ms, CPU ${((cpu.user + cpu.system) / 1000 / 25).toFixed(2)} ms (${report.statements.length} statements, ${report.corrections.length} corrections)`,
    );
  }
  for (const periods of [true, false]) {
    const perMb = [];
    for (const mb of [1, 2]) {
      const text = adversarial(mb * 1e6, periods);
      const lines = splitLines(text);
      const empty = { budgetTables: [], varianceSplits: [] };
      const indicators = time(() => readProseIndicators(lines, new Set(), 2024), 3);
      const statements = time(() => readStatements(lines, new Set(), empty, 2024), 3);
      const whole = time(() => importReport(text), 3);
      perMb.push(whole / mb);
      console.log(
        `  adversarial ${mb} MB (${periods ? "sentences" : "one run of clauses"}): import ${whole.toFixed(0)} ms = ${(whole / mb).toFixed(0)} ms/MB; prose indicators ${indicators.toFixed(0)} ms, statements ${statements.toFixed(0)} ms`,
      );
    }
    console.log(`  2 MB / 1 MB: ${((perMb[1] * 2) / perMb[0]).toFixed(2)}× (linear: 2×)`);
  }
  // the statements stage's table and list readers on input built to make them quadratic or worse
  for (const [what, make] of Object.entries(tableAdversaries)) {
    const ms = [1, 2].map((mb) => time(() => importReport(make(mb * 1e6)), 3));
    console.log(`  adversarial ${what}: 1 MB ${ms[0].toFixed(0)} ms, 2 MB ${ms[1].toFixed(0)} ms, 2 MB / 1 MB ${(ms[1] / ms[0]).toFixed(2)}× (linear: 2×)`);
  }
}

const HEAD = "Årsberetning 2024 for Bydel Sagene\n\n";
const repeat = (unit, bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

/** Inputs, `bytes` long, that a reader trying every reading or every pair would take quadratic time or worse on. */
export const tableAdversaries = {
  // a pay table «row» of a megabyte of digit groups: every split into headcount and two pays
  "pay row of digit groups": (bytes) => `${HEAD}Kjønnsbalanse Lønnsbalanse\nKategori Menn % Kvinner %\n2024 29 71 1 ${repeat("123 ", bytes)}108\n`,
  // a paragraph of sentences naming parts above a list of as many parts: every sentence against every part
  "named parts over a long list": (bytes) =>
    `${HEAD}${repeat("Boligdrift fellesposteringer og boligkontor har en netto positiv prognose på +1,8 millioner kroner.\n", bytes / 2)}` +
    `Resultatet for 2024 i administrasjon (i millioner kroner):\n\n${repeat("• Boligdrift fellesposteringer -2,2\n", bytes / 2)}`,
  // a sum table's header over a megabyte of rows
  "sum table of many rows": (bytes) => `${HEAD}Økonomiplan (i mill kr) 2023 2024 2025\n${repeat("Rad 1,0\n", bytes)}Sum 1,0 2,0 3,0\n`,
  // bulleted totals one under another
  "bulleted totals": (bytes) => `${HEAD}${repeat("• Totalt antall ungdom i jobb i 2024: 170 ungdommer\n", bytes)}`,
};
