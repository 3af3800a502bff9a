import { FO4, isFo4Part, proseVerdict, sum, type Correction, type ProseScope } from "@bydel/core";
import type { ArithmeticContext } from "./arithmetic.js";

/**
 * Earmarked funds the text states for a whole (the district, a service area) against those it
 * states for its parts (the areas, the area's functions): Grünerløkka's «korrigering for 20,9
 * millioner» against the areas' 7,2 + 1,95 + 7,1 + 1,4 + 3,3, and FO2A's 7,2 against its
 * functions' 6,2 + 1. The text need not name every part, and a part it leaves out may be negative
 * (a split table shows an area's earmarked deviation below zero), so only parts that sum to the
 * whole within their rounding say something: that the text's figures hold together. Parts short
 * of or beyond the whole prove nothing and are left out.
 */
export function earmarkedRollUps(corrections: readonly Correction[], ctx: ArithmeticContext): void {
  const earmarked = corrections.filter((c) => c.kind === "earmarked");
  for (const whole of earmarked) {
    const parts = partsOf(whole.scope, earmarked);
    if (parts === null || parts.length < 2) continue;
    const value = sum(parts.map((p) => p.amount.value));
    const slack = sum(parts.map((p) => p.amount.precision));
    if (proseVerdict(whole.amount.value, value, whole.amount.precision, false, slack / whole.amount.precision).verdict === "contradicts") continue;
    ctx.check("arithmetic", whole.amount, false, whole.scope, whole.line, whole.quote, {
      table: "text",
      line: parts[0]!.line,
      column: null,
      value,
      note: parts.map((p) => `${nameOf(p.scope)} «${p.amount.raw}»`).join(" + "),
    }, slack);
  }
}

/** The parts' corrections, one per part; null when a part states two different amounts (which one counts is unclear). */
function partsOf(scope: ProseScope, all: readonly Correction[]): Correction[] | null {
  const byPart = new Map<string, Correction>();
  for (const c of all) {
    const key = partKey(scope, c.scope);
    if (key === null) continue;
    const seen = byPart.get(key);
    if (seen && seen.amount.value !== c.amount.value) return null;
    if (!seen) byPart.set(key, c);
  }
  // FO4 holds FO4A–C: stated for both, only FO4 is a part of the district
  if (byPart.has(FO4)) for (const key of [...byPart.keys()]) if (isFo4Part(key)) byPart.delete(key);
  return [...byPart.values()].sort((a, b) => a.line - b.line);
}

/** The part a scope is of the whole, or null: an area of the district, a function of the area. */
function partKey(whole: ProseScope, part: ProseScope): string | null {
  if (whole.level === "district") return part.level === "serviceArea" && part.table ? part.table : null;
  if (whole.level === "serviceArea") return part.level === "function" && part.table === whole.table && part.kostra ? part.kostra : null;
  return null;
}

const nameOf = (scope: ProseScope): string => (scope.level === "function" ? `funksjon ${scope.kostra}` : (scope.table ?? "bydelen"));
