import type { ComparisonOperator } from "../schema/report.js";

/**
 * Whether a higher result is better for an indicator. The target's operator says it first
 * (`>`, `>=`, «minst»: higher; `<`, `<=`, «maks»: lower); without one, what the indicator
 * measures may say it. The one place these rules are written down.
 */

const BY_OPERATOR: Readonly<Record<ComparisonOperator, boolean>> = { ">": true, ">=": true, "<": false, "<=": false };

/** The direction a target's operator gives: `>`/`>=` higher is better, `<`/`<=` lower; null without an operator. */
export function higherIsBetterOf(operator: ComparisonOperator | null | undefined): boolean | null {
  return operator ? BY_OPERATOR[operator] : null;
}

/** Sick leave, waiting and processing times, deadlines, hip fractures, social assistance as main income, complaints. */
const LOWER_IS_BETTER = /sykefravær|hoftebrudd|liggedøgn|ventetid|viktigste\s+inntektskilde|fristbrudd|saksbehandlingstid|saksbehandlingsfrist|klager/iu;

/** Coverage (fagdekning, barnehagelærerdekning), capacity (ledig listekapasitet). */
const HIGHER_IS_BETTER = /dekning|dekking|kapasitet/iu;

/** Whether an indicator's name (or the noun printed with its value) says lower is better: sick leave, waiting times, deadlines … */
export const lowerIsBetterBySubject = (text: string): boolean => LOWER_IS_BETTER.test(text);

/** Whether an indicator's name (or the noun printed with its value) says higher is better: coverage, capacity. */
export const higherIsBetterBySubject = (text: string): boolean => HIGHER_IS_BETTER.test(text);
