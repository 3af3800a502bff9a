// Named assertion messages (Norwegian, shown to the user in the add-in and the CLI).
export const INVALID_AMOUNT_MESSAGE = "Beløpet må være et endelig tall, en tallstreng eller en Decimal.";
export const NON_FINITE_AMOUNT_MESSAGE = "Beløpet er ikke et endelig tall (NaN eller uendelig).";
export const MISSING_AMOUNT_MESSAGE = "Beløpet mangler (undefined).";
export const NOT_AVAILABLE_AMOUNT_MESSAGE = "Beløpet er ikke tilgjengelig (tom celle eller «*») der et tall kreves.";
export const INVALID_DECIMALS_MESSAGE = "Antall desimaler må være et heltall mellom −20 og 20.";
export const INVALID_ADJUSTMENT_KIND_MESSAGE =
  "Ukjent korreksjonstype; bruk earmarked, priorYearOverspend, plannedOverspend, riskReserveRelease eller other.";
export const INVALID_ADJUSTMENTS_MESSAGE = "Korreksjonene må være en liste med { kind, amount, label? }.";
export const INVALID_GROWTH_MESSAGE =
  "Oppgi nøyaktig én av priceGrowth (beløp) og deflator (rate, f.eks. 0,043 for 4,3 %).";
export const INVALID_TARGET_MESSAGE = "Måltallet må være en tekst, et tall eller et tolket måltall.";
export const INVALID_CONTEXT_MESSAGE = "context må være «money» eller «indicator».";
export const INVALID_TEXT_MESSAGE = "Teksten som skal tolkes som tall må være en streng.";
