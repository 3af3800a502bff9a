#!/usr/bin/env bash
# @bydel/core as a user installs it: packs the workspace (after a build), installs the tarball into
# an empty project — decimal.js and zod come from the npm registry, so this needs network and runs
# as a CI step (.ci/run), not as a test — then imports it from ESM, typechecks a TypeScript user
# against its declarations (the `types` conditions), and checks that every source map resolves
# inside the package.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$root"
npm pack -w core --pack-destination "$tmp" --silent >/dev/null
tarball="$(ls "$tmp"/bydel-core-*.tgz)"

mkdir "$tmp/user"
cd "$tmp/user"
npm init -y >/dev/null
npm pkg set type=module >/dev/null
npm install --no-fund --no-audit --silent "$tarball"

# Bare specifiers resolve from the importing file, so the checks run from inside the user project.
cp "$root/scripts/check-core-package.mjs" ./check.mjs
node check.mjs

cat > use.ts <<'TS'
import { parseNorwegianNumber, variance, type ParsedTarget, NumberParseError } from "@bydel/core";
const v: number = variance(50560, 38774);
const p: number | null = parseNorwegianNumber("1 234,5", { point: "decimal" });
const t: ParsedTarget | null = null;
// @ts-expect-error: a string is no option object, so the declarations are the package's own
parseNorwegianNumber("1", "money");
export { v, p, t, NumberParseError };
TS
node "$root/node_modules/typescript/bin/tsc" --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck false use.ts
echo "check-core-package: ok ($(basename "$tarball"))"
