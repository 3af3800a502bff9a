import { charClass, GROUP_SPACES, MINUS_SIGNS, TOTAL_WORD } from "@bydel/core";

/**
 * The words a report's running text uses when it restates its own figures: one home for the word
 * lists of the statements stage (indicator prose has its own in indicatorPhrases.ts). Each list is a
 * regular expression over lower-cased text; none of them decides a number alone.
 */

/** A printed number: grouped thousands (space or NBSP), or plain digits, with an optional decimal comma or point. */
export const NUMBER = String.raw`[1-9]\d{0,2}(?:${charClass(GROUP_SPACES)}\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;

/** Signs before a number: core's minus signs (hyphen-minus, U+2212, the dashes), and plus. */
export const SIGN = charClass(`+${MINUS_SIGNS}`);

/** A row of a table as text: a label, then numbers (any of core's minus signs and group spaces) to the line's end. */
export const LABEL_THEN_NUMBERS = new RegExp(String.raw`^\s*(\p{L}[^\d]*?)\s+${charClass(MINUS_SIGNS)}?\d[\d\s,.${MINUS_SIGNS.replace("-", "\\-")}]*$`, "u");

/**
 * The unit after a stated amount, longest first. `power`: the power of ten that turns the number
 * into 1000 kr (kNOK), or 0 for percent.
 */
export const AMOUNT_UNITS: readonly { readonly re: string; readonly power: number; readonly percent: boolean }[] = [
  { re: String.raw`milliarder(?:\s+kroner)?|mrd\.?(?:\s*kr\.?)?`, power: 6, percent: false },
  { re: String.raw`million(?:er)?(?:\s+kroner)?|mill\.?(?:\s*(?:kroner|kr\.?))?|mnok\b|mnkr\b|mkr\b`, power: 3, percent: false },
  { re: String.raw`tusen(?:\s+kroner)?|\(?i\s+1\s?000\s*kr\.?\)?|(?:1\s?000|tusen)\s*kr\.?`, power: 0, percent: false },
  { re: String.raw`kroner\b|kr\b\.?`, power: -3, percent: false },
  { re: String.raw`%|prosent\b`, power: 0, percent: true },
];

/** A cheap first test: the words and signs every unit of AMOUNT_UNITS starts with. */
export const UNIT_WORD = /mill|mrd|milliard|mnok|mnkr|mkr|tusen|1\s?000|kr|%|prosent/iu;

/** Direction words: the sign the text gives a deviation. */
export const UNDERSPEND = /\b(?:mindre-?\s?forbruk\w*|underforbruk\w*|overskudd\w*|positivt?\s+(?:resultat|avvik|netto\s+avvik)\w*|merinntekt\w*)/giu;
export const OVERSPEND = /\b(?:mer-?\s?forbruk\w*|underskudd\w*|negativt?\s+(?:resultat|avvik)\w*|overforbruk\w*)/giu;

/** Words that make a figure approximate, a forecast, or a change: no restatement of a table cell. */
export const NOT_A_RESTATEMENT =
  /(?<![\p{L}\d])(?:høyere|lavere|mer enn|mindre enn|prognose\w*|forventet|forventer|anslag\w*|økning\w*|økt med|redusert med|reduksjon\w*|nedgang\w*|endring\w*|forbedring\w*|forverring\w*|vekst|kutt\w*|rammejuster\w*|justert internt|budsjettjuster\w*|innsparing\w*|tiltak|tilskudd(?!smidler)\w*|estimert|beregnet|lønns- og prisstigning)/iu;
export const APPROXIMATE = /\b(?:ca\.|cirka|om lag|omtrent|rundt|drøyt|nesten|i underkant av|i overkant av|over|under|nærmere)\s*$/iu;

/** Earmarked funds named right after the amount («20 mill. i ubrukte øremerkede midler»). */
export const EARMARKED_AFTER = /^\s*(?:kroner\s+|kr\.?\s+)?(?:(?:i|av|med)\s+)?(?:\S+\s+){0,2}?øremerke?t?e?\w*/iu;
/** …or right before it («overføring av øremerkede midler på», «øremerkete midler til 2025 med»). */
export const EARMARKED_BEFORE = /øremerke?t?e?\w*(?:\s+(?![^\s,;]*(?:forbruk|avvik|resultat|overskudd|underskudd))[^\s,;]+){0,5}\s+(?:på|med|utgjør|er)\s*$/iu;

/** Last year's overspend recovered this year («inndekning av merforbruk fra tidligere år»). */
export const PRIOR_YEAR_AFTER = /^\s*(?:er|gjelder|til|i)?\s*(?:inndekning|inndekking)\s+av\s+(?:\S+\s+){0,2}merforbruk/iu;
export const PRIOR_YEAR_BEFORE = /(?:inndekning|inndekking)\s+av\s+(?:\S+\s+){0,3}merforbruk(?:\s+\S+){0,3}\s+(?:på|med)\s*$/iu;
/** An overspend the district was allowed to budget for («planlagt merforbruk på 41 mill.»). */
export const PLANNED_BEFORE = /planlagt\w*\s+(?:\S+\s+){0,2}?merforbruk(?:\s+\S+){0,3}\s+(?:på|med)\s*$/iu;
/** A released risk reserve («Disponering av risikoavsetning gir 11 mill.»). */
export const RISK_RESERVE_BEFORE = /risikoavsetning\w*(?:\s+\S+){0,3}\s+(?:gir|på|med)\s*$/iu;

/** The result after the stated corrections («reelt regnskap», «endelige resultatet», «korrigert merforbruk»). */
export const REAL_RESULT = /\b(?:reel\w*|endelige?|korrigert\w*|etter\s+(?:justering|korrigering|overføring)|når\s+(?:man|det)\s+korrigerer|korrigeres|justert for|det betyr at|slik at|ordinære?\s+drift|gjeldende årets drift)/iu;
/** The ordinary operations named right after the amount («2,7 mill. på ordinær drift»). */
export const ORDINARY_AFTER = /^\s*(?:\S+\s+)?(?:på|for|i|gjeldende)\s+(?:bydelens\s+)?ordinære?\s+drift/iu;
/** A stated correction without an amount («Etter justering for øremerkede tilskuddsmidler …»). */
export const CORRECTION_NAMED = /\b(?:etter|når)\s+(?:\S+\s+){0,3}(?:justering|korrigering|korrigere\w*|overføring)\s+(?:\S+\s+){0,4}øremerke?t?e?\w*/iu;

/** Gross basis («brutto»). */
export const GROSS = /\bbrutto\b/iu;
/** A percent deviation of the revised budget («Prosentavvik mellom resultat 2024 og justert budsjett er -16,6 %»). */
export const PERCENT_DEVIATION = /\bprosentavvik\b[^.!?]{0,160}?\b(?:justert|regulert)\s+budsjett[^.!?\d]{0,40}$/iu;
export const PERCENT_WORD = /prosentavvik|(?:%|prosent)\s+av\s+/iu;
/** «… som utgjør 1,2 % av budsjettet», «0,9 prosent av regulert budsjett»: the deviation in percent of the revised budget, after the amount. */
export const PERCENT_OF_BUDGET_AFTER = /^\s*av\s+(?:det\s+|bydelens\s+|årets\s+)?(?:justerte?|regulerte?|netto)?\s*(?:budsjett|budsjettramme)\w*/iu;
/** How far before its amount the percent deviation's words may stand. */
export const PERCENT_REACH = 240;
/** Last year's result («da bydelen hadde et negativt avvik … med 55 mill.», «i 2023»). */
export const PREVIOUS_YEAR = /\b(?:i fjor|fjorårets|året før|forrige år|tidligere år)\b/iu;

/** Outside a service area's chapter, the accounts or the result without an owner are the district's («Regnskapet for 2024 viser …»). */
export const DISTRICT_UNOWNED = /^\s*(?:regnskapet|årsresultatet|resultatet|driftsresultatet|netto driftsresultat)\b/iu;

/** The district as subject: «Bydelens regnskap», «Driftsregnskapet viser», «Bydel Sagene har», «Netto driftsresultat for Bydel …». */
export const DISTRICT = /\b(?:bydel(?:en|ens)?\b|driftsregnskapet\b|netto driftsresultat\b|årsregnskap(?:et)?\b)/iu;
/** A service area: «Funksjonsområde 2A», «FO3», «funk.omr. 4»; «Funksjonsområdet» is the chapter's own. */
export const SERVICE_AREA = /\b(?:funksjonsområde|funk\.?\s*omr\.?|FO)\s*(\d)\s*([ABC])?(?![\dA-Za-zæøå])/iu;
export const THIS_SERVICE_AREA = /\bfunksjonsområdet\b/iu;
/** A KOSTRA function: «Funksjon 201 Barnehage», «KOSTRA-funksjon 211». */
export const FUNCTION = /\b(?:kostra-?\s*)?funksjon(?:en)?\s+(\d{3})\b/iu;
/** Several areas or functions at once («Funksjonsområdene 2A, 2B og 2C»): no single table cell. */
export const SEVERAL = /\b(?:funksjonsområdene|funksjonene|områdene|enhetene)\b/iu;

/** A sentence without its own subject that goes on about the previous one's («Etter justering …», «Av dette gjelder …», «Det betyr at …»). */
/** «Justert for dette …»: a correction the sentence refers back to. */
export const BACK_REFERENCE = /(?:justert|korrigert|korrigeres)\s+for\s+(?:dette|disse)/iu;

export const CONTINUES = /^\s*(?:etter|når|korrigert\w*|justert|det|dette|av dette|herav|hvorav|totalt|samlet|slik|i tillegg|resultatet|merforbruket|mindreforbruket|avviket)\b/iu;

/** A part of a deviation, not the deviation («Av dette gjelder 8 mill. …», «hvorav 36 mill.»). */
export const PART_OF = /(?<![\p{L}\d])(?:av\s+(?:dette|disse|merforbruket|mindreforbruket|avviket|overskuddet|underskuddet)|hvorav|herav|derav)(?![\p{L}\d])/iu;

/**
 * Between a direction word and its amount, what names a sub-item («et merforbruk for økonomisk
 * sosialhjelp på 27 mill.», «positivt avvik for introduksjonsordningen med 11 mill.»): the figure is
 * that item's, not the scope's. The words allowed after «for», «til» … name the scope itself or the
 * basis («i forhold til regulert budsjett», «for bydelens ordinære drift»).
 */
export const SUB_ITEM =
  /(?<![\p{L}\d])(?:for|til|knyttet til|gjeldende|innen|innenfor|vedrørende|på)\s+(?!(?:bydelen|bydelens|funksjonsområdet|funksjonen|funksjon|funksjonsområde|kostra|enheten|området|ordinær|ordinære|regulert|justert|budsjett\w*|årets|året|hele|totalt|samlet|ca\.|cirka|om lag|omtrent|rundt|nesten|nærmere|drøyt|\d))\p{L}/iu;

/** A service area or function named as a place, not as the subject («innen funksjonsområde 3», «Øvrige tjenester under FO4»). */
export const LOCATION_BEFORE = /(?<![\p{L}\d])(?:innen|innenfor|under|i|på tvers av)\s+(?:kostra-?\s*|funksjonsområde(?:t)?\s+)?$/iu;

/** A direction word right after the amount («har 2,7 mill. i mindreforbruk», «3,9 mill. i merforbruk»). */
export const DIRECTION_AFTER = /^\s*i\s+(mindre-?\s?forbruk|mer-?\s?forbruk|overskudd|underskudd)(?![\p{L}])/iu;

/** A level, not a deviation, right before its amount: the revised budget («Regulert budsjett for bydelen er 1 901,9 millioner»). */
export const REVISED_BUDGET_BEFORE = /(?<![\p{L}])(?:regulert|justert)e?\s+(?:netto\s+)?budsjett(?:ramme)?(?:\s+(?:for|i|til)\s+(?:\S+\s+){0,3}?)?\s*(?:på|er|var|utgjør|utgjorde|ble)\s+(?:totalt\s+|samlet\s+)?$/iu;
/** …or the accounts («Netto driftsutgifter for Bydel Sagene var 1 873,2 millioner», «regnskapet viser netto utgifter på …»). */
export const ACTUAL_BEFORE = /(?<![\p{L}])(?:netto\s+driftsutgift(?:er|ene)|regnskapet?|regnskapsførte\s+(?:netto\s+)?utgifter)(?:\s+(?:for|i|til)\s+(?:\S+\s+){0,3}?)?\s*(?:viser\s+(?:netto\s+)?(?:utgifter\s+)?)?(?:på|er|var|utgjør|utgjorde|ble)\s+(?:totalt\s+|samlet\s+)?$/iu;

/**
 * A change stated right before its amount: an increase («har hatt en økning i forbruket på», «har
 * økt med», «har fått en økning på») or a decrease («en reduksjon på», «en nedgang på», «redusert
 * med»). Group 1 is the word that gives the sign.
 */
export const CHANGE_BEFORE =
  /(?<![\p{L}])(økning|reduksjon|nedgang|økt|redusert|gått opp|gått ned)(?:\s+(?:i|av)\s+(?:\S+\s+){0,1}?(?:forbruk|utgift|kostnad)\w*)?\s+(?:på|med)\s+$/iu;
export const INCREASE = /^(?:økning|økt|gått opp)$/iu;
/** A real change (corrected for wage and price growth): no table holds it. */
export const REAL_CHANGE = /lønns-?\s*og\s+prisstigning|prisvekst|deflat|reell\w*\s+(?:økning|vekst|endring)|faktiske økningen/iu;
/** A change of the budget frame, not of the accounts («Utgiftsrammen for funksjon 252 har fått en økning på 3,5 mill.»). */
export const BUDGET_CHANGE = /(?:utgifts|budsjett)ramme\w*|\bbudsjett(?:et)?\b/iu;

/**
 * A result told as a list of parts: «Resultatet for 2024 på totalt +11,8 millioner kroner og består
 * av følgende (i millioner kroner):», «Resultatet for 2024 fordeler seg følgende i mill kr:», then a
 * bullet line per part. The intro names the unit (or states the total with its unit).
 */
export const PARTS_INTRO = /^\s*(?:resultatet|avviket|mindreforbruket|merforbruket)\b.*(?:følgende|slik|består av|fordeler seg|\(i\s+mill)[^:]*:\s*$/iu;
export const MILLIONS_NAMED = /(?<![\p{L}])(?:millioner|mill\.?)(?:\s*(?:kr\.?|kroner))?(?![\p{L}])/iu;
/** A bullet line ending in one number, the bullet lost by some extractors: «• Omsorgslønn            -1,2», «    Omsorgslønn -1,2». */
/** A part's line up to its figure (group 1), and words after it (group 2): a table's header run into the line. */
export const PART_THEN_WORDS = new RegExp(String.raw`^(\s*(?:[•·▪◦\-–]\s*)?\p{L}[^\d]*?\s+${SIGN}?\s?\d{1,3}(?:[ \u00A0]\d{3})*(?:,\d+)?)\s+(\p{L}[\p{L}\s]*?)\s*$`, "u");
export const PART_LINE = new RegExp(String.raw`^\s*(?:[•·▪◦\-–]\s*)?(\p{L}[^\d]*?)\s+(${SIGN}?\s?\d{1,3}(?:[ \u00A0]\d{3})*(?:,\d+)?)\s*$`, "u");

/**
 * The budget's adjustments over the year, told before the list of them (Grünerløkka: «Det er gjort
 * eksterne rammejusteringer for totalt 21,5 millioner og overført 6,6 millioner i øremerkede
 * tilskuddsmidler fra 2023. I tillegg er budsjettet justert internt med –0,9 millioner.»): together
 * they take the original budget to the revised one.
 */
export const ADJUSTMENTS_WORD = /rammejuster/iu;
export const EXTERNAL_ADJUSTMENTS_BEFORE = /(?<![\p{L}])eksterne\s+rammejusteringer\s+(?:for|på|med)\s+(?:totalt\s+|samlet\s+)?$/iu;
export const TRANSFERRED_BEFORE = /(?<![\p{L}])overført\s+$/iu;
/** What was carried over from last year, right after its amount («i mindreforbruk fra 2023», «i øremerkede tilskuddsmidler fra 2023»). */
export const TRANSFERRED_AFTER = /^\s*i\s+(?:mindreforbruk|(?:ubrukte\s+)?øremerke\w*\s+(?:tilskudds)?midler|tilskuddsmidler)\s+fra\s+20\d{2}/iu;
export const INTERNAL_BEFORE = /(?<![\p{L}])justert\s+internt\s+(?:med|for)\s+$/iu;

/**
 * A change from an earlier figure the same sentence states, right before the change's amount: «en
 * forbedring på +13,5 millioner kroner fra siste prognose … som viste et mindreforbruk på +4,8
 * millioner», «en økning av merforbruket med 50 mill. sammenlignet med 2023, da bydelen hadde et
 * negativt avvik på ordinær drift med 55 mill.». Group 1: forbedring/forverring, or økning/reduksjon
 * with group 2 the deviation it changes (mer/mindre).
 */
export const CHANGE_FROM_BEFORE = /(?<![\p{L}])(forbedring|forverring|økning|reduksjon|nedgang)(?:\s+(?:av|i)\s+(mer|mindre)-?\s?forbruket)?\s+(?:på|med)\s+(?:hele\s+)?$/iu;
/** Between the change and the earlier figure: what it is compared with («fra siste prognose per 30. november som viste et mindreforbruk på»). */
export const FROM_EARLIER = /^\s*(?:kroner\s+)?(?:fra|sammenlignet\s+med|i\s+forhold\s+til)\s/iu;

/** A total split in the same sentence, between the total and its first part: «18,9 mill. fordelt på 5,6 mill. …», «27,4 mill. som fordeler seg på 18,7 mill. …». */
export const SPLIT_BETWEEN = /^\s*(?:kroner\s+)?(?:totalt\s+)?(?:som\s+)?(?:fordelt|fordeler\s+seg)\s+(?:på|med)\s+$/iu;
/** Between two parts: the first's label, then a comma or «og» («5,6 mill. som vikarlønn og 13,3 mill.»). Group 1: «og», which ends the list. */
export const PART_BETWEEN = /^[^\d;:]{0,80}?(?:,|\s(og))\s+$/iu;

/**
 * The change of an area's accounts from last year, right before its amount (money or percent):
 * «Endring av utgiftsnivå i regnskapet fra 2023 til 2024 viser en økning på 7 %», «Økning i netto
 * utgiftsnivå fra 2023 til 2024 er på 17,7 mill.». Groups: the leading word, the two years, the
 * direction word before «på».
 */
export const LEVEL_CHANGE_BEFORE =
  /(?<![\p{L}])(endring|økning|nedgang|reduksjon)\s+(?:av|i)\s+(?:netto\s+)?utgiftsnivå(?:et)?\s+(?:i\s+regnskapet\s+)?fra\s+(20\d{2})\s+til\s+(20\d{2})\s+(?:er|var|viser)\s+(?:en\s+)?(?:(økning|nedgang|reduksjon)\s+)?på\s+$/iu;
/** A real change's amount after the real-change words («… har økningen vært ca. 5,1 millioner», «… blir økningen ca. 9,1 millioner», «har vært en nedgang på 4 millioner»). Group 1 gives the sign. */
export const REAL_AMOUNT_BEFORE = /(?<![\p{L}])(økningen|nedgangen|reduksjonen|økning|nedgang|reduksjon)\s+(?:(?:har\s+)?(?:vært|blitt|blir|er|var)\s+)?(?:på\s+)?(ca\.\s+|om lag\s+|omtrent\s+)?$/iu;
/** After a part of a total spread over functions: the function, then a comma or «og» before the next part («… er henført til funksjon 253 og omtalt over, 12,7 mill. …»). Group 1 the function, group 2 «og». */
export const FUNCTION_PART_BETWEEN = /^[^\d;:]{0,60}?funksjon\s+(\d{3})(?![\d])[^\d;:]{0,60}?(?:,|\s(og))\s+$/iu;
/** …and after the last part: its function, then the sentence's end. */
export const FUNCTION_PART_LAST = /^[^\d;:]{0,60}?funksjon\s+(\d{3})(?![\d])[^\d;:]{0,60}$/iu;

/* Counts, shares and sick leave (./counts.ts, ./sickLeave.ts): figures that are no money. */

/** A whole count: plain digits or grouped thousands, no decimals, not inside a longer number or a date («31.08.2024»). */
export const COUNT = String.raw`(?<![\d.,\p{L}])([1-9]\d{0,2}(?:[ \u00A0]\d{3})+|\d+)(?![.,]?\d)`;
/** A unit after a number that makes it no count of things: money, a percent («prosent», «prosentpoeng»). */
export const NOT_A_COUNT_UNIT = String.raw`(?:mill\p{L}*\.?|mrd\.?|milliard\p{L}*|kr\.?|kroner|tusen|prosent\p{L}*|%)`;
/** A count of things: the number and the noun after it (no unit of money, no percent, not «år»: an age or a span). */
export const COUNT_OF = new RegExp(String.raw`${COUNT}(?=\s+(?!(?:${NOT_A_COUNT_UNIT}|år|måneder|dager|uker|timer)(?![\p{L}]))\p{L})`, "giu");
/** A total told with its parts after it: «totalt 2 351 barn …, hvorav 1 369 i …», «12 045 konsultasjoner fordelt på …», «22 personer … Av disse er 3 fra …». */
export const COUNT_PARTS = /(?<![\p{L}])(?:hvorav|herav|derav|fordelt på|av disse (?:er|var)|av dem (?:er|var))(?![\p{L}])/iu;
/** Last year's count after this year's: «2 141 unike brukere …, mot 2 001 året før». */
export const AGAINST_LAST_YEAR = new RegExp(String.raw`(?<![\p{L}])mot\s+${COUNT}\s+(?:året før|i fjor)(?![\p{L}])`, "iu");
/** A percent change right after it: «Dette tilsvarer en økning på 7 %». Group 1 the word that gives the sign, group 2 the number. */
export const PERCENT_CHANGE = new RegExp(String.raw`^\s*(?:dette|det)\s+(?:tilsvarer|utgjør|er|gir)\s+en\s+(økning|vekst|nedgang|reduksjon)\s+på\s+(${NUMBER})\s?(?:%|prosent(?![\p{L}]))`, "iu");

/** Sick leave in running text: the total, the long-term and the short-term part, each followed by its percent. */
export const SICK_LEAVE = /sykefravær/iu;
export const SICK_TOTAL = /(?<![\p{L}])totalt?(?![\p{L}])/giu;
export const SICK_LONG = /(?<![\p{L}])(?:langtids\w*|langtid(?![\p{L}])|fravær\s+utover\s+16\s+dager)/giu;
export const SICK_SHORT = /(?<![\p{L}])korttids?\w*/giu;

/**
 * The header of a two-column table with a change column, the columns dates, years or months:
 * «01.01.2024 01.01.2025 Endring», «2023 2024 Prosentøkning», «Prognoser/resultat pr område 2024 NOV DES Endring».
 */
export const CHANGE_HEADER = /(?<!\S)(\d[\d./]*|jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)\s+(\d[\d./]*|jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)\s+(endring|prosentøkning|prosentvis endring|endring i %)\s*$/iu;
/** The unit a table's amounts are in, named in or above its header: «(i millioner kr)», «i mill. kr», «i 1000 kr». */
export const TABLE_UNIT = /(?<![\p{L}])i\s+(?:(millioner|mill\.?)|(1\s?000|tusen))\s*(?:kr\.?|kroner)(?![\p{L}])/iu;
/** A row under it: a label, then numbers (a percent sign after the last allowed): «Lån 3 454 3 952 14,42 %». */
export const CHANGE_ROW = new RegExp(String.raw`^\s*(\p{L}[^\d]*?)\s+(${SIGN}?\d[\d\s,.%${MINUS_SIGNS.replace("-", "\\-")}]*?)\s*$`, "u");
/** «20 av 35 tjenestesteder har …. Av de 15 gjenstående …»: the rest of a whole, stated. Groups: part, whole, rest. */
export const REST_OF = new RegExp(String.raw`${COUNT}\s+av\s+${COUNT}\s+\p{L}[^.\d]{0,100}?[.,]?\s+(?:av\s+)?(?:de|resten|de øvrige)\s+${COUNT}\s+(?:gjenstående|resterende|øvrige)(?![\p{L}])`, "iu");
/** «2,5 årsverk (spesialpedagog 100 %, fysioterapeut 100 % og familieterapeut 50 %)»: full-time equivalents and their positions. */
export const FTE_OF_POSITIONS = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s+årsverk\s*\(([^()]{1,300})\)`, "iu");
/** A result or deviation, what a list of parts under a «Resultatet …:» intro states («netto positiv prognose», «mindreforbruk»), not a budget or a cost. */
export const RESULT_WORD = /(?<![\p{L}])\p{L}*(?:resultat|avvik|prognose|mindreforbruk|merforbruk|overskudd|underskudd)/iu;
/** A Sum row under a one-column list: «Sum konsultasjoner 83 507», «Totalt 305». Group 1 the count. */
export const LIST_SUM = new RegExp(String.raw`^\s*${TOTAL_WORD}[^\d]{0,80}?\s([1-9]\d{0,2}(?:[ \u00A0]\d{3})+|\d+)\s*$`, "iu");
/** A row of the list: a label without digits, then one count. */
export const LIST_ROW = /^\s*(\p{L}[^\d]{0,100}?)\s([1-9]\d{0,2}(?:[ \u00A0]\d{3})+|\d+)\s*$/u;
/** Rows that are no addends of the list's sum. */
export const NOT_AN_ADDEND = new RegExp(String.raw`^\s*(?:${TOTAL_WORD}|(?:herav|hvorav|derav|av dette)(?![\p{L}]))`, "iu");
/** The first item of a list whose total comes first: «• Totalt antall ungdom i ferie-deltidsjobb i 2024: 170 ungdommer», «Samlet antall …». */
export const TOTAL_ITEM = new RegExp(String.raw`^${TOTAL_WORD}\s*`, "iu");
/**
 * A part that names the rest of a whole («… til andre tider enn sommeren», «øvrige», «resten»): the
 * parts claim to be all of it. «andre» alone may be an ordinal («andre kvartal»): only with «enn».
 */
export const COMPLEMENT = /(?<![\p{L}])(?:(?:andre|annen|annet)\s+\p{L}+\s+enn|øvrige|resten|resterende|ellers)(?![\p{L}])/iu;
/**
 * A count's change in a year: «Antallet konsultasjoner er økt med 300 i 2024», «Antall vedtak har gått
 * ned med ca. 40 i 2024». Groups: the noun, the verb, an approximation word, the count, the year.
 */
export const COUNT_CHANGE = new RegExp(
  String.raw`(?<![\p{L}])antall(?:et)?\s+(\p{L}+)\s+(?:er|har)\s+(?:blitt\s+)?(økt|gått opp|steget|gått ned|sunket|redusert|falt)\s+med\s+(?:(ca\.|cirka|om lag|omtrent|rundt|nesten|nærmere)\s+)?${COUNT}(?:\s+(?!i\s)(?!${NOT_A_COUNT_UNIT}(?![\p{L}]))\p{L}+)?\s+i\s+((?:19|20)\d{2})(?!\d)`,
  "iu",
);
/**
 * A change of a count named in a paragraph that gives its two levels: «… forutsatt kjøp av 351
 * sykehjemsplasser, mens resultatet var oppe i 373 plasser … en økning i antall kjøpte plasser på
 * ca. 20». Groups: the word, the noun, an approximation word, the count.
 */
export const CHANGE_IN_COUNT = new RegExp(
  String.raw`(?<![\p{L}])(økning|oppgang|nedgang|reduksjon)\s+i\s+antall(?:et)?\s+(?:\p{L}+\s+){0,3}?(\p{L}+)\s+på\s+(?:(ca\.|cirka|om lag|omtrent|rundt|nesten|nærmere)\s+)?${COUNT}(?!\s*${NOT_A_COUNT_UNIT}(?![\p{L}]))`,
  "iu",
);
/** Symmetric approximation words before a figure («ca. 20», «om lag 300»): it is rounded (see tolerances.prose.approximate). A bound («over», «i underkant av») is no such figure. */
export const ABOUT = /(?<![\p{L}])(?:ca\.?|cirka|om lag|omtrent|rundt|drøyt|nesten|nærmere)\s*$/iu;

/** A population table's header: two or more 1 January dates («01.01.2021 01.01.2022 …»). */
export const POPULATION_DATES = /(?<![\d.])01\.01\.((?:19|20)\d{2})(?!\d)/gu;
/** Its district row: «Sum bydel 63 445 63 871 64 257 65 532 9,15 9,14», its numbers up to the next word (an extraction may run rows together: «10,89 % Sum bydel 50 558 … 52 590 Herav»). */
export const POPULATION_TOTAL = /(?<![\p{L}])sum\s+bydel(?:en)?\s+(\d[\d\s,.%]*?)\s*(?=\p{L}|$)/iu;
/** «Per 01.01.2024 hadde Vestre Aker bydel 49 759 innbyggere». Groups: year, count. */
export const POPULATION_LEVEL = new RegExp(String.raw`(?<![\p{L}])(?:per|pr\.?)\s+01\.01\.((?:19|20)\d{2}),?\s+(?:hadde|har)\s+([^.\d]{0,80}?)\s${COUNT}\s+innbyggere`, "iu");
/** «Bydelens befolkning har fra 01.01.2023 til 01.01.2024 økt med 1 275 nye innbyggere». Groups: from, to, direction, count. */
export const POPULATION_FROM_TO = new RegExp(String.raw`befolkning\w*\s+(?:har\s+)?fra\s+01\.01\.((?:19|20)\d{2})\s+til\s+01\.01\.((?:19|20)\d{2})\s+(?:har\s+)?(økt|gått opp|gått ned|sunket|blitt redusert)\s+med\s+${COUNT}\s+(?:nye\s+)?(?:innbyggere|personer)`, "iu");
/** «Dette er en økning på 1 103 personer sammenlignet med 2023» after a level. Groups: direction, count, year. */
export const POPULATION_SINCE = new RegExp(String.raw`^\s*(?:dette|det)\s+er\s+en\s+(økning|nedgang|reduksjon)\s+på\s+${COUNT}\s+(?:personer|innbyggere)\s+(?:sammenlignet\s+med|fra)\s+((?:19|20)\d{2})(?!\d)`, "iu");

/**
 * Key figures the running text restates, by the words it uses: the words, and the label of the
 * key-figure row (the indicator reader's rows of kind keyFigure) that holds the figure by year.
 */
export const KEY_FIGURE_WORDS: readonly { readonly words: RegExp; readonly label: RegExp; readonly noun: string }[] = [
  { words: /fødsler|født|fødte/iu, label: /^antall fødte/iu, noun: String.raw`(?:fødsler|fødte|barn)` },
  { words: /mottakere av (?:økonomisk )?sosialhjelp|sosialhjelpsmottakere/iu, label: /^antall mottakere av økonomisk sosialhjelp/iu, noun: String.raw`(?:mottakere|brukere)` },
];
const YEAR = String.raw`((?:19|20)\d{2})(?!\d)`;
/** «1059 i 2024, 1163 i 2023, 1108 i 2022 og 1138 i 2021»: a count of a year. Groups: count, year. */
export const COUNT_IN_YEAR = new RegExp(String.raw`${COUNT}\s+i\s+${YEAR}`, "giu");
/** «det ble født 795 barn i 2024», «I 2024 ble det født 1 059 barn». Group 1 the count. */
export const BORN = new RegExp(String.raw`(?<![\p{L}])født\s+${COUNT}\s+barn(?![\p{L}])`, "iu");
/** «har økt fra 755 til 912 i 2024»: last year's count and this year's. Groups: direction, from, to, year. */
export const FROM_TO_IN_YEAR = new RegExp(String.raw`(?<![\p{L}])(økt|gått opp|gått ned|sunket|blitt redusert)\s+fra\s+${COUNT}\s+til\s+${COUNT}\s+i\s+${YEAR}`, "iu");
/** «har hatt en oppgang på 30 fødsler i 2024». Groups: direction, count, year. */
export const CHANGE_OF_COUNT = new RegExp(String.raw`(?<![\p{L}])(oppgang|økning|nedgang|reduksjon)\s+på\s+${COUNT}\s+\p{L}+\s+i\s+${YEAR}`, "iu");

/** The political bodies' table (section 2.3 of every report): «Møter Saker Møter Saker» under «2023 2024». */
export const MEETINGS_HEADER = /^\s*møter\s+saker\s+møter\s+saker\s*$/iu;
/** A sentence on one body's year: «… Ungdomsråd har gjennomført 7 møter, og behandlet 43 saker i 2024». Groups: meetings, cases, year. */
export const MEETINGS_AND_CASES = new RegExp(String.raw`${COUNT}\s+møter\b[^.\d]{0,60}?${COUNT}\s+saker\s+i\s+${YEAR}`, "iu");
