// Import throughput over the three fixture reports, against the built @bydel/import.
// Reported as wall time of the (single) JS thread, and the process's CPU time across all threads
// (GC and compiler helper threads included, so it can exceed the wall time).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importReport } from "@bydel/import";

const dir = fileURLToPath(new URL("../tests/fixtures/reports/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function run() {
  const texts = names.map((n) => ({ name: n, text: readFileSync(`${dir}${n}.txt`, "utf8") }));
  const size = (t) => Buffer.byteLength(t.text);
  const bytes = texts.reduce((a, t) => a + size(t), 0);
  for (let i = 0; i < 5; i++) for (const t of texts) importReport(t.text); // warm-up (JIT)

  const rounds = 25;
  const perFile = new Map(names.map((n) => [n, { cpu: [], wall: [] }]));
  const cpuRounds = [];
  const wallRounds = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = cpuMs();
    const w0 = performance.now();
    for (const t of texts) {
      const c = cpuMs();
      const w = performance.now();
      importReport(t.text);
      perFile.get(t.name).cpu.push(cpuMs() - c);
      perFile.get(t.name).wall.push(performance.now() - w);
    }
    cpuRounds.push(cpuMs() - c0);
    wallRounds.push(performance.now() - w0);
  }
  const cpu = median(cpuRounds);
  const wall = median(wallRounds);
  console.log(
    `all three reports (${(bytes / 1e6).toFixed(2)} MB): median ${wall.toFixed(1)} ms per round, ${(bytes / 1e6 / (wall / 1000)).toFixed(1)} MB/s ` +
      `(goal < 100 ms; process CPU incl. GC threads ${cpu.toFixed(1)} ms)`,
  );
  for (const t of texts) {
    const f = perFile.get(t.name);
    console.log(`  ${t.name.padEnd(18)} ${(size(t) / 1e3).toFixed(0).padStart(4)} kB  ${median(f.wall).toFixed(1).padStart(6)} ms  (CPU ${median(f.cpu).toFixed(1)} ms; goal < 50 ms, statements included)`);
  }
  const largest = texts.reduce((a, b) => (size(b) > size(a) ? b : a));
  console.log(`largest (${largest.name}): ${median(perFile.get(largest.name).wall).toFixed(1)} ms`);
}
