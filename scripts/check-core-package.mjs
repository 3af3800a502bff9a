// Run by scripts/check-core-package.sh inside an empty project with the @bydel/core tarball
// installed: the package works from ESM, ships its declarations, and its source maps resolve.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { AmountRangeError, NumberParseError, formatNorwegian, parseNorwegianNumber, parseTarget, reportJsonSchema, variance, variancePercent } from "@bydel/core";

assert.equal(variance(0.3, 0.1), 0.2);
assert.equal(variancePercent(100, 96.77), 3.23);
assert.equal(parseNorwegianNumber("−1 234,5"), -1234.5);
assert.equal(formatNorwegian(-1234.5, { decimals: 1 }), "\u22121\u00A0234,5");
assert.deepEqual(parseTarget("maks 8 %"), { raw: "maks 8 %", operator: "<=", value: 8, unit: "percent" });
assert.throws(() => parseNorwegianNumber("1.234"), NumberParseError);
assert.throws(() => variancePercent(1, 1e308), AmountRangeError);
assert.equal(typeof reportJsonSchema(), "object");

// The package's own files: resolved through its exports, as a user's tools resolve them.
const main = fileURLToPath(import.meta.resolve("@bydel/core"));
const pkgDir = resolve(dirname(main), "..");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
assert.notEqual(pkg.private, true, "@bydel/core is private");
const types = pkg.exports["."].types;
assert.ok(types && existsSync(join(pkgDir, types)), `no declaration file at ${types}`);
const require = createRequire(import.meta.url);
assert.ok(require("@bydel/core/report.schema.json").$schema, "report.schema.json missing");

// Every source map (.js.map, .d.ts.map) points at sources that are in the package.
let maps = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".map")) {
      maps++;
      const map = JSON.parse(readFileSync(path, "utf8"));
      for (const source of map.sources) {
        const target = resolve(dirname(path), map.sourceRoot ?? "", source);
        assert.ok(target.startsWith(pkgDir + "/") && existsSync(target), `${path}: source ${source} is not in the package`);
      }
    }
  }
};
walk(join(pkgDir, "dist"));
assert.ok(maps > 0, "no source maps found");
console.log(`@bydel/core ${pkg.version}: imports, results, declarations (${types}) and ${maps} source maps ok`);
