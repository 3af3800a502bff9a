import { readFileSync } from "node:fs";

/** The package's version, from packages/cli/package.json (one level above both src/ and dist/). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error("packages/cli/package.json har ingen versjon");
  return pkg.version;
}
