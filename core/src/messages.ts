import { MAX_DECIMALS, MAX_INTEGER_DIGITS } from "./range.js";

// Named assertion messages (Norwegian, shown to the user in the add-in and the CLI).
export const INVALID_AMOUNT_MESSAGE = "Beløpet må være et endelig tall, en tallstreng eller en Decimal.";
export const NON_FINITE_AMOUNT_MESSAGE = "Beløpet er ikke et endelig tall (NaN eller uendelig).";
export const MISSING_AMOUNT_MESSAGE = "Beløpet mangler (undefined).";
export const NOT_AVAILABLE_AMOUNT_MESSAGE = "Beløpet er ikke tilgjengelig (tom celle eller «*») der et tall kreves.";
export const INVALID_ROUND_DECIMALS_MESSAGE =
  "Antall desimaler må være et heltall fra −20 til 20 (negativt tall runder til tiere, hundrere …).";
export const INVALID_FORMAT_DECIMALS_MESSAGE = "Antall desimaler må være et heltall fra 0 til 20.";
export const AMOUNT_TOO_LARGE_MESSAGE = `Beløpet er for stort: tallverdien må være under 10^${MAX_INTEGER_DIGITS} (høyst ${MAX_INTEGER_DIGITS} sifre før desimaltegnet).`;
export const AMOUNT_TOO_MANY_DECIMALS_MESSAGE = `Beløpet har for mange desimaler: høyst ${MAX_DECIMALS} (et så lite tall kan gi et resultat som ikke kan vises, eller bli 0).`;
export const INVALID_ADJUSTMENT_KIND_MESSAGE =
  "Ukjent korreksjonstype; bruk earmarked, priorYearOverspend, plannedOverspend, riskReserveRelease eller other.";
export const INVALID_ADJUSTMENTS_MESSAGE = "Korreksjonene må være en liste med { kind, amount, label? }.";
export const INVALID_GROWTH_MESSAGE =
  "Oppgi nøyaktig én av priceGrowth (beløp) og deflator (rate, f.eks. 0,043 for 4,3 %).";
export const INVALID_TARGET_MESSAGE = "Måltallet må være en tekst, et tall eller et tolket måltall.";
export const INVALID_CONTEXT_MESSAGE = "context må være «money» eller «indicator».";
export const INVALID_TEXT_MESSAGE = "Teksten som skal tolkes som tall må være en streng.";
export const RESULT_OUT_OF_RANGE_MESSAGE = "Resultatet er utenfor tallområdet som kan vises (for stort eller for nær null).";
export const INVALID_POINT_MESSAGE = "point må være «decimal» (punktum er desimaltegn) eller «thousands» (punktum er tusenskille).";
