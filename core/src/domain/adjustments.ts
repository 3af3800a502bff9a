/**
 * The kinds of correction in a deviation bridge (from the reported deviation to the "real" result
 * of the year), each with its sign rule and its Norwegian names. This table is the one place the
 * kinds, their signs and their names are defined. No zod here: the calculations (and the add-in's
 * functions.js) import this module; the zod schemas of a correction are in `../schema/adjustment.ts`.
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

export interface AdjustmentRule {
  /** −1: the amount is taken off the running total; 1: added (as signed, for `other`). */
  readonly sign: 1 | -1;
  /** The Norwegian name of a step in a bridge (the default label of `correctionBridge`). */
  readonly label: string;
  /** What the name leaves implicit, shown after it in the workbook: "Øremerkede midler (ubrukt)". */
  readonly qualifier: string | null;
  /** The short Norwegian word a user types for the kind (the add-in's BYDEL.KORRIGERT). */
  readonly word: string;
  /** The beginnings of text that name the kind: Norwegian words and spellings, and the English id. */
  readonly names: RegExp;
  /** The sign rule in a sentence, for the controller. */
  readonly rule: string;
}

export const adjustmentRules: Readonly<Record<AdjustmentKind, AdjustmentRule>> = {
  earmarked: {
    sign: -1,
    label: "Øremerkede midler",
    qualifier: "ubrukt",
    word: "øremerket",
    names: /^(øremerk|oremerk|ørmerk|earmarked)/i,
    rule: "Trekkes fra: ubrukte øremerkede midler overføres og er ingen reell besparelse.",
  },
  priorYearOverspend: {
    sign: 1,
    label: "Inndekning av fjorårets merforbruk",
    qualifier: null,
    word: "inndekning",
    names: /^(inndekning|innd\.|overført merforbruk|fjorårets merforbruk|prioryearoverspend)/i,
    rule: "Legges til: fjorårets merforbruk er dekket inn ved å kutte årets budsjett.",
  },
  plannedOverspend: {
    sign: 1,
    label: "Planlagt merforbruk",
    qualifier: null,
    word: "planlagt",
    names: /^(planlagt|plannedoverspend)/i,
    rule: "Legges til: et merforbruk bydelen har fått lov til å budsjettere med.",
  },
  riskReserveRelease: {
    sign: -1,
    label: "Frigjort risikoavsetning",
    qualifier: null,
    word: "risiko",
    names: /^(risiko|riskreserverelease)/i,
    rule: "Trekkes fra: en frigjort avsetning viser seg som mindreforbruk.",
  },
  other: {
    sign: 1,
    label: "Annen korreksjon",
    qualifier: "f.eks. fjorårets anslag",
    word: "annet",
    names: /^(annet|annen|andre|other)/i,
    rule: "Med fortegn: positivt beløp øker resultatet, negativt reduserer det.",
  },
};

/** The kind a text names ("øremerket", "Inndekning av …", "risiko", "other"), from its start; null when none. */
export function adjustmentKindOf(text: string): AdjustmentKind | null {
  const t = text.trim();
  return adjustmentKinds.find((kind) => adjustmentRules[kind].names.test(t)) ?? null;
}

/** The kinds' words as a Norwegian list: "øremerket, inndekning, planlagt, risiko eller annet". */
export const adjustmentWords: string = (() => {
  const words = adjustmentKinds.map((kind) => adjustmentRules[kind].word);
  return `${words.slice(0, -1).join(", ")} eller ${words[words.length - 1]}`;
})();

/** A step's label with what it leaves implicit: "Øremerkede midler (ubrukt)". */
export const adjustmentLabelWithQualifier = (kind: AdjustmentKind): string => {
  const { label, qualifier } = adjustmentRules[kind];
  return qualifier ? `${label} (${qualifier})` : label;
};
