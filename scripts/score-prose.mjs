// Prints how many of the prose calculations in each fixture's analysis the import finds, with
// the right table figure and the same verdict (npm run build first). Usage: node scripts/score-prose.mjs [-v]
import { readFileSync } from "node:fs";
import { importReport } from "@bydel/import";
import { fixtures, score, share } from "../tests/fixtures/analysis/score.mjs";

const verbose = process.argv.includes("-v");
for (const name of fixtures) {
  const report = importReport(readFileSync(new URL(`../tests/fixtures/reports/${name}.txt`, import.meta.url), "utf8"));
  const r = score(name, report);
  const fmt = (s) => `${s.good}/${s.total} (${s.percent.toFixed(0)} %)`;
  const listed = r.rows.filter((x) => x.category === "restatement" && !x.ok);
  console.log(
    `${name.padEnd(18)} restatements ${fmt(share(r, ["restatement"]))}; all money prose (restatement, parts, change) ${fmt(share(r, ["restatement", "parts", "change"]))}; ` +
      `every entry ${fmt(share(r, ["restatement", "parts", "change", "table", "nonMoney", "noStatement"]))}; ` +
      `nonMoney ${fmt(share(r, ["nonMoney"]))}; table ${fmt(share(r, ["table"]))}; noStatement ${fmt(share(r, ["noStatement"]))}; ` +
      `listed contradictions reported ${listed.filter((x) => x.sameVerdict).length}/${listed.length}; table errors found ${r.tableErrorsFound.length}/${r.tableErrors.length}; false errors ${r.falseErrors.length}`,
  );
  if (verbose) for (const x of r.rows.filter((x) => x.category === "restatement" && !x.sameVerdict)) console.log(`   miss #${x.index} line ${x.line} ok=${x.ok} found=${x.found} ${x.statements.map((s) => `${s.subject}:${s.verdict}`).join(" ")}`);
  if (verbose) for (const x of r.rows.filter((x) => ["nonMoney", "table", "noStatement"].includes(x.category) && !x.sameVerdict)) console.log(`   miss ${x.category} #${x.index} line ${x.line} ok=${x.ok} found=${x.found} by ${x.by} ${x.statements.map((s) => `${s.subject}:${s.verdict}`).join(" ")}`);
  if (verbose) for (const f of r.falseErrors) console.log(`   false error line ${f.line}: ${f.message}`);
}
