import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reportJsonSchemaText, reportSchema } from "@bydel/core";
import { fixtureReport } from "./fixtureReport.js";

describe("report.schema.json", () => {
  it("the committed file equals a fresh generation from the zod schema (run `npm run build -w core`)", () => {
    const committed = readFileSync(fileURLToPath(new URL("../report.schema.json", import.meta.url)), "utf8");
    expect(committed).toBe(reportJsonSchemaText());
  });
  it("is a draft 2020-12 schema with the contract's required fields", () => {
    const schema = JSON.parse(reportJsonSchemaText()) as { $schema: string; required: string[] };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["schemaVersion", "district", "year", "budgetTables", "varianceSplits", "indicators", "findings", "corrections", "statements"]);
  });
  it("the zod schema accepts reports built from the fixtures and rejects NaN money", () => {
    const r = fixtureReport("vestre-aker-2024");
    expect(reportSchema.safeParse(r).success).toBe(true);
    const bad = structuredClone(r);
    bad.budgetTables[0]!.rows[0]!.actual = Number.NaN;
    expect(reportSchema.safeParse(bad).success).toBe(false);
  });
  it("refuses a number outside core's range, with a Norwegian message (the JSON Schema file cannot say it; the zod schema does)", () => {
    const r = fixtureReport("vestre-aker-2024");
    for (const [x, message] of [
      [1e15, /for stort/],
      [-1e300, /for stort/],
      [5e-324, /for mange desimaler/],
      [1e-31, /for mange desimaler/],
    ] as const) {
      const bad = structuredClone(r);
      bad.budgetTables[0]!.rows[0]!.actual = x;
      const parsed = reportSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(message);
    }
    const edge = structuredClone(r);
    edge.budgetTables[0]!.rows[0]!.actual = 1e15 - 1;
    expect(reportSchema.safeParse(edge).success).toBe(true);
  });
});
