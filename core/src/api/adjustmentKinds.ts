/**
 * The kinds of correction in a deviation bridge (from the reported deviation to the "real" result
 * of the year), each with its sign rule and its Norwegian default label. This table is the one
 * place the sign rules are defined. No zod here: the calculations (and the add-in's functions.js)
 * import this module; the zod schemas of a correction are in `../schema/adjustment.ts`.
 *
 * | kind | sign | why |
 * |---|---|---|
 * | `earmarked` | − | unspent earmarked grants (positive when unspent) are carried to next year: no real saving |
 * | `priorYearOverspend` | + | last year's overspend was recovered by cutting this year's budget: add it back |
 * | `plannedOverspend` | + | an overspend the district was allowed to budget for: add it back |
 * | `riskReserveRelease` | − | releasing a risk reserve shows as a positive deviation that is not operations |
 * | `other` | own sign | anything else (e.g. a prior-year estimate correction): added as signed |
 */
export const adjustmentKinds = ["earmarked", "priorYearOverspend", "plannedOverspend", "riskReserveRelease", "other"] as const;
export type AdjustmentKind = (typeof adjustmentKinds)[number];

export const adjustmentRules: Readonly<Record<AdjustmentKind, { readonly sign: 1 | -1; readonly label: string }>> = {
  earmarked: { sign: -1, label: "Øremerkede midler" },
  priorYearOverspend: { sign: 1, label: "Inndekning av fjorårets merforbruk" },
  plannedOverspend: { sign: 1, label: "Planlagt merforbruk" },
  riskReserveRelease: { sign: -1, label: "Frigjort risikoavsetning" },
  other: { sign: 1, label: "Annen korreksjon" },
};
