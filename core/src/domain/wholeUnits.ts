/**
 * Indicators whose values carry at most two decimals by what they measure, so that a comma before
 * exactly three digits («2,252», «811,455») can only be a thousands separator: an amount in kroner
 * (øre is the second decimal) and a count of people, cases or days (a whole number). The one place
 * these words are written down.
 */

/** Kroner named («i kroner», «kr»), or an expense per head («driftsutgifter per barn», «utgifter pr klient»): KOSTRA prints both in kroner. */
const KRONER = /\bkroner\b|\bkr\b|utgift\w*\s+(?:per|pr\.?)\s/iu;
/** An amount in thousands or millions of kroner may carry three decimals (its kroner). */
const SCALED = /\b1\s?000\s*kr|\btusen\b|\bmill|\bmrd/iu;

/** «Antall …», «Personer med …»: a count, unless it is a rate («pr 1 000 innbyggere»), an average, a share or full-time equivalents. */
const COUNT = /^\s*(?:antall|personer)\b/iu;
const NOT_WHOLE = /\b(?:per|pr\.?)\s|gjennomsnitt|snitt|årsverk|andel|prosent/iu;

/** Whether an indicator's name says its values have at most two decimals: kroner, or a count. */
export function atMostTwoDecimals(label: string): boolean {
  return (KRONER.test(label) && !SCALED.test(label)) || (COUNT.test(label) && !NOT_WHOLE.test(label));
}
