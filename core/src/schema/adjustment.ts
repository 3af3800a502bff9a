import { z } from "zod";
import { adjustmentKinds } from "../domain/adjustments.js";

// The schemas live apart from the sign rules so that code using only the rules (the calculations,
// the add-in's custom functions) bundles without zod.

export const adjustmentKindSchema = z.enum(adjustmentKinds);

/** One correction. `amount` as reported (unsigned for the signed kinds); `label` defaults to the kind's Norwegian label. */
export const adjustmentSchema = z.object({
  kind: adjustmentKindSchema,
  amount: z.union([z.number().finite(), z.string()]),
  label: z.string().nullable().optional(),
});
