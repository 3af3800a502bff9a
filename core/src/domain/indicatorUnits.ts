/**
 * What an indicator's name says about its values: the unit it is measured in, and whether its values
 * carry at most two decimals, so that a comma before exactly three digits («2,252», «811,455») can
 * only be a thousands separator (an amount in kroner, øre being the second decimal, or a count of
 * people, cases or days). The one place these words are written down; the table and prose readers
 * add what their cells show.
 */

/** The words by which an indicator's name states its unit. */
export const unitWords = {
  /** A survey score («brukerundersøkelse», «skår»): a score even where the report prints «%». */
  score: /undersøkelse|score|skår/iu,
  /** A share («Andel …», «Dekningsgrad …»). */
  share: /^\s*(?:andel|dekningsgrad)/iu,
  /** Days («liggedøgn», «dager») in the name, or a day in a stated target («3 dager», «døgn»). */
  days: /liggedøgn|dager/iu,
  daysInTarget: /\bdag(?:er)?\b|døgn/iu,
  /** A count («Antall …»). */
  count: /^\s*antall/iu,
  /** Kroner. */
  kroner: /\bkr\b|kroner/iu,
} as const;

/** Kroner named («i kroner», «kr»), or an expense per head («driftsutgifter per barn», «utgifter pr klient»): KOSTRA prints both in kroner. */
const KRONER = /\bkroner\b|\bkr\b|utgift\w*\s+(?:per|pr\.?)\s/iu;
/** An amount in thousands or millions of kroner may carry three decimals (its kroner). */
const SCALED = /\b1\s?000\s*kr|\btusen\b|\bmill|\bmrd/iu;

/** «Antall …», «Personer med …»: a whole number, unless it is a rate («pr 1 000 innbyggere»), an average, a share or full-time equivalents. */
const COUNT = /^\s*(?:antall|personer)\b/iu;
const NOT_WHOLE = /\b(?:per|pr\.?)\s|gjennomsnitt|snitt|årsverk|andel|prosent/iu;

/** Whether an indicator's name says its values have at most two decimals: kroner, or a count. */
export function atMostTwoDecimals(label: string): boolean {
  return (KRONER.test(label) && !SCALED.test(label)) || (COUNT.test(label) && !NOT_WHOLE.test(label));
}
