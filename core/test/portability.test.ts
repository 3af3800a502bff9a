import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const src = fileURLToPath(new URL("../src", import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

describe("@bydel/core is pure and browser-safe", () => {
  const all = files(src);
  it("has sources", () => expect(all.length).toBeGreaterThan(20));
  it.each(all.map((f) => [f.slice(src.length + 1), f]))("%s uses no Node, DOM or Office globals and imports only decimal.js, zod and itself", (_, file) => {
    // Code only: comments may name Excel.
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    for (const i of imports) expect(i === "decimal.js" || i === "zod" || i.startsWith("./") || i.startsWith("../")).toBe(true);
    expect(text).not.toMatch(/\b(process|Buffer|require|window|document|Office|Excel|fetch|localStorage)\s*[.(]/);
  });
});
