// Import throughput over the three fixture reports, against the built @bydel/import.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importReport } from "@bydel/import";

const dir = fileURLToPath(new URL("../tests/fixtures/reports/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"];

export async function run() {
  const texts = names.map((n) => ({ name: n, text: readFileSync(`${dir}${n}.txt`, "utf8") }));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t.text), 0);
  for (let i = 0; i < 5; i++) for (const t of texts) importReport(t.text); // warm-up (JIT)

  const rounds = 20;
  const perFile = new Map(names.map((n) => [n, []]));
  const allRounds = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const t of texts) {
      const s = performance.now();
      importReport(t.text);
      perFile.get(t.name).push(performance.now() - s);
    }
    allRounds.push(performance.now() - start);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const all = median(allRounds);
  console.log(`all three reports (${(bytes / 1e6).toFixed(2)} MB): median ${all.toFixed(1)} ms per round, ${(bytes / 1e6 / (all / 1000)).toFixed(1)} MB/s (goal: < 100 ms)`);
  for (const t of texts) {
    const ms = median(perFile.get(t.name));
    console.log(`  ${t.name.padEnd(18)} ${(Buffer.byteLength(t.text) / 1e3).toFixed(0).padStart(4)} kB  ${ms.toFixed(1).padStart(6)} ms`);
  }
  const largest = texts.reduce((a, b) => (Buffer.byteLength(b.text) > Buffer.byteLength(a.text) ? b : a));
  console.log(`largest (${largest.name}): ${median(perFile.get(largest.name)).toFixed(1)} ms`);
}
