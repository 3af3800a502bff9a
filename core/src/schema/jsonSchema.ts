import { z } from "zod";
import { reportSchema } from "./report.js";

/**
 * The report JSON as a JSON Schema (draft 2020-12), generated from the zod schema, the single
 * source of truth. Shipped as `@bydel/core/report.schema.json` (written by `npm run build -w core`).
 */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(reportSchema, { target: "draft-2020-12", unrepresentable: "throw" }) as Record<string, unknown>;
  return {
    $schema,
    $id: "https://bydel.oslo.invalid/report.schema.json",
    title: "Bydel report JSON",
    description: "The import's output: budget tables, earmarked splits, indicators and findings of an Oslo district annual report (schemaVersion 1).",
    ...rest,
  };
}

/** The exact text of `report.schema.json`. */
export const reportJsonSchemaText = (): string => JSON.stringify(reportJsonSchema(), null, 2) + "\n";
