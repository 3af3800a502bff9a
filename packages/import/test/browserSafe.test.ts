import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));

describe("@bydel/import is browser-safe (the add-in runs it in the task pane)", () => {
  it("uses no Node API: no node: imports, fs, path, process or Buffer", () => {
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(30); // every stage folder, not only the top level
    for (const file of files) {
      const code = readFileSync(`${src}${file}`, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/from\s+["'](node:|fs|path|os|child_process)/);
      expect(code, file).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
    }
  });
});
