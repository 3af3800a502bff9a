import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";

// Saved workbooks call the functions by id: an id, name or parameter list that changes breaks
// them. The generated metadata's signature is pinned in golden/functions.signature.json. To add a
// function (or change one on purpose, before release), run with UPDATE_GOLDEN=1 and review the diff.

const source = fileURLToPath(new URL("../src/functions/functions.ts", import.meta.url));
const goldenFile = new URL("./golden/functions.signature.json", import.meta.url);

interface Param {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: (Param & { description?: string })[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const signature = (f: Fn) => ({
  id: f.id,
  name: f.name,
  parameters: f.parameters.map((p) => ({
    name: p.name,
    type: p.type ?? "any",
    dimensionality: p.dimensionality ?? "scalar",
    optional: p.optional ?? false,
    repeating: p.repeating ?? false,
  })),
  result: { type: f.result.type ?? "any", dimensionality: f.result.dimensionality ?? "scalar" },
  options: f.options ?? {},
});

describe("custom function metadata", async () => {
  const generated = await generateCustomFunctionsMetadata([source], false);
  const functions = (JSON.parse(generated.metadataJson) as { functions: Fn[] }).functions;

  it("generates without errors from the JSDoc in functions.ts", () => {
    expect(generated.errors).toEqual([]);
    expect(generated.associate.map((a) => a.id)).toEqual(functions.map((f) => f.id));
  });

  it("keeps every released id, name and parameter list (golden file)", () => {
    const actual = functions.map(signature);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(goldenFile, "utf8")) as ReturnType<typeof signature>[];
    for (const g of golden) {
      expect(actual.map((a) => a.id), `function id ${g.id} disappeared: saved workbooks would show #NAME?`).toContain(g.id);
    }
    expect(actual).toEqual(golden);
  });

  it("has the functions controllers were promised, with Norwegian names and descriptions", () => {
    expect(functions.map((f) => `${f.id}=${f.name}`)).toEqual(
      expect.arrayContaining([
        "AVVIK=AVVIK",
        "AVVIKPROSENT=AVVIKPROSENT",
        "ORDINAER=ORDINÆR",
        "KORRIGERT=KORRIGERT",
        "PP=PP",
        "MAALNAADD=MÅLNÅDD",
        "REALENDRING=REALENDRING",
        "TALL=TALL",
      ]),
    );
    for (const f of functions) {
      expect(f.id, "ids are ASCII").toMatch(/^[A-Z0-9_.]+$/);
      expect(f.description, f.id).toMatch(/[a-zæøå]{3}/);
      for (const p of f.parameters) expect(p.description, `${f.id}(${p.name})`).toBeTruthy();
      expect(f.options?.volatile ?? false, `${f.id} need not recalculate on every change`).toBe(false);
    }
  });

  it("takes ranges and spills ranges for the element-wise functions", () => {
    const byId = new Map(functions.map((f) => [f.id, f]));
    for (const id of ["AVVIK", "AVVIKPROSENT", "ORDINAER", "PP", "MAALNAADD", "REALENDRING", "TALL"]) {
      const f = byId.get(id)!;
      expect(f.result.dimensionality, id).toBe("matrix");
      expect(f.parameters[0]!.dimensionality, id).toBe("matrix");
    }
  });
});
