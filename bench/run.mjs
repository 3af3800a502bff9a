// Runs every benchmark in this folder (bench/*.bench.mjs) in sequence against the built packages.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".bench.mjs")).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n## ${file.replace(".bench.mjs", "")}`);
  const mod = await import(new URL(file, import.meta.url).href);
  await mod.run();
}
