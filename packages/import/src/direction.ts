/** Whether more is better, from what an indicator measures (used when its target has no operator). */

/** Sick leave, waiting and processing times, deadlines, hip fractures, social assistance as main income: lower is better. */
export const LOWER_IS_BETTER = /sykefravær|hoftebrudd|liggedøgn|ventetid|viktigste\s+inntektskilde|fristbrudd|saksbehandlingstid|saksbehandlingsfrist|klager/iu;

/** Coverage (fagdekning, barnehagelærerdekning), capacity (ledig listekapasitet): higher is better. */
export const HIGHER_IS_BETTER = /dekning|dekking|kapasitet/iu;
