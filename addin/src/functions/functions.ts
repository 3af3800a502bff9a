import {
  adjustmentKindOf,
  adjustmentWords,
  correctionBridge,
  ExactDecimal,
  indicatorDeviation,
  isYearTarget,
  ordinaryVariance,
  parseNorwegianNumber,
  parseTarget,
  readNorwegianNumber,
  realChange,
  variance,
  variancePercent,
  type Adjustment,
  type AdjustmentKind,
  type Amount,
  type IndicatorDeviation,
} from "@bydel/core";
import { blank, divisionByZero, elementwise, invalid, notAvailable, withArgument, type CellInput, type CellOutput } from "./cells.js";

// The BYDEL.* custom functions: thin wrappers over @bydel/core. The metadata (functions.json) is
// generated from the JSDoc below by custom-functions-metadata-plugin, and the ids after
// @customfunction are permanent: saved workbooks call them. A golden test pins them.
//
// Conventions for every function:
// - Arguments are single cells or ranges; a range gives a range (it spills), a single cell repeats.
// - An omitted optional argument arrives as null (not undefined, and no TS default applies); the
//   signatures say `x?: T` because the metadata generator reads `T | null` as a scalar `any`.
// - An empty cell gives an empty result ("" — Excel would show null as 0). Desktop Excel passes
//   empty cells inside a range as 0, so there they compute as 0.
// - Numbers may also be Norwegian number text ("1 234,5", "−2 642", "(1 337)").
// - Results are exact and not rounded: format the cell, or wrap in AVRUND, to show fewer decimals.
// - Bad input gives #VALUE! with a Norwegian message; a revised budget of 0 gives #DIV/0!.

const amount = (x: CellInput): Amount => x as Amount; // core validates and explains the type

/**
 * Avvik: regulert budsjett minus regnskap. Positivt er mindreforbruk, negativt merforbruk. Eksakt, uten avrunding.
 * @customfunction AVVIK AVVIK
 * @param regulert_budsjett Regulert budsjett: en celle eller et område.
 * @param regnskap Regnskap: en celle eller et område med samme størrelse.
 * @returns Avviket (i samme enhet som tallene, f.eks. 1000 kr).
 */
export function avvik(regulert_budsjett: any[][], regnskap: any[][]): any[][] {
  return elementwise(["regulert_budsjett", "regnskap"], [regulert_budsjett, regnskap], (r, a) =>
    blank(r) || blank(a) ? "" : (variance(amount(r), amount(a)) ?? ""),
  );
}

/**
 * Avvik i prosent av regulert budsjett, som brøk (0,0323 vises som 3,23 % med prosentformat). #DIV/0! når budsjettet er 0.
 * @customfunction AVVIKPROSENT AVVIKPROSENT
 * @param regulert_budsjett Regulert budsjett: en celle eller et område.
 * @param regnskap Regnskap: en celle eller et område med samme størrelse.
 * @returns (regulert budsjett − regnskap) / regulert budsjett.
 */
export function avvikprosent(regulert_budsjett: any[][], regnskap: any[][]): any[][] {
  return elementwise(["regulert_budsjett", "regnskap"], [regulert_budsjett, regnskap], (r, a): CellOutput => {
    if (blank(r) || blank(a)) return "";
    const percent = variancePercent(amount(r), amount(a));
    if (percent === null) return variance(amount(r), 0) === 0 ? divisionByZero() : "";
    // Core gives percent (3.23); a fraction is what Excel's percent format expects. Exact shift.
    return new ExactDecimal(percent).div(100).toNumber();
  });
}

/**
 * Avvik i ordinær drift: avviket minus avviket på øremerkede midler (ubrukte øremerkede midler er ingen reell besparelse).
 * @customfunction ORDINAER ORDINÆR
 * @param avvik Samlet avvik: en celle eller et område.
 * @param øremerket_avvik Avvik på øremerkede midler (positivt når midler er ubrukt): en celle eller et område.
 * @returns Avvik − øremerket avvik.
 */
export function ordinaer(avvik: any[][], øremerket_avvik: any[][]): any[][] {
  return elementwise(["avvik", "øremerket_avvik"], [avvik, øremerket_avvik], (v, e) =>
    blank(v) || blank(e) ? "" : (ordinaryVariance(amount(v), amount(e)) ?? ""),
  );
}

// The correction kinds by their Norwegian names (and core's English ids), read from the start of the text.
function kindOf(x: CellInput): AdjustmentKind | null {
  return typeof x === "string" ? adjustmentKindOf(x) : null;
}

/** The adjustments in a range of rows (amount, type[, label]) or (type, amount[, label]); blank rows skipped. */
function readAdjustments(rows: any[][]): Adjustment[] {
  if ((rows[0]?.length ?? 0) < 2) {
    throw invalid(`korreksjoner: området må ha to kolonner, beløp og type (${adjustmentWords}), og gjerne en tredje med tekst.`);
  }
  const out: Adjustment[] = [];
  rows.forEach((row, i) => {
    const [a, b, label] = row as CellInput[];
    if (blank(a) && blank(b) && blank(label)) return;
    const where = `korreksjoner, rad ${i + 1}`;
    const kindFirst = kindOf(a) !== null;
    const kind = kindFirst ? kindOf(a) : kindOf(b);
    const value = kindFirst ? b : a;
    const typeCell = kindFirst ? a : b;
    if (kind === null) {
      throw invalid(
        blank(typeCell)
          ? `${where}: typen mangler. Bruk ${adjustmentWords}.`
          : `${where}: ukjent type «${String(typeCell)}». Bruk ${adjustmentWords}.`,
      );
    }
    if (blank(value) || typeof value === "boolean") throw invalid(`${where}: beløpet mangler.`);
    out.push({ kind, amount: amount(value), label: typeof label === "string" && label.trim() !== "" ? label : null });
  });
  return out;
}

/**
 * Korrigert avvik: fra rapportert avvik til reelt resultat, med en kjede av korreksjoner. Øremerket og risiko trekkes fra; inndekning og planlagt legges til; annet legges til med fortegn.
 * @customfunction KORRIGERT KORRIGERT
 * @param avvik Rapportert avvik (startverdien).
 * @param korreksjoner Område med én korreksjon per rad: beløp og type (øremerket, inndekning, planlagt, risiko, annet), eventuelt en tekst i tredje kolonne.
 * @param [trinn] SANN gir hele broen (tekst og delsum per trinn) som et område; utelatt eller USANN gir bare resultatet.
 * @returns Korrigert avvik, eller broen trinn for trinn.
 */
export function korrigert(avvik: any, korreksjoner: any[][], trinn?: boolean): any[][] {
  if (blank(avvik as CellInput)) return [[""]];
  const adjustments = readAdjustments(korreksjoner);
  const bridge = withArgument("avvik", () => correctionBridge(amount(avvik as CellInput), adjustments));
  if (trinn !== true) return [[bridge.result]];
  return [["Rapportert avvik", bridge.start], ...bridge.steps.map((s) => [s.label, s.total])];
}

const DIRECTION_HINT = "Oppgi høyere_er_bedre (SANN eller USANN), eller skriv målet med retning (>, <, minst, maks).";

/** The indicator deviation for one result/target pair, or an Excel error saying why there is none. */
function deviationOf(result: CellInput, target: CellInput, higherIsBetter: boolean | null): IndicatorDeviation | CellOutput {
  if (blank(result) || blank(target)) return "";
  if (typeof target === "boolean" || typeof result === "boolean") return invalid("resultat og mål må være tall eller tekst, ikke SANN/USANN.");
  if (typeof target === "string") {
    // A target typed in a cell is copied from a report, where "> 2022" names a year: allowed, and answered below.
    const parsed = withArgument("mål", () => parseTarget(target, { yearsAllowed: true }));
    if (parsed === null) return invalid(`mål: «${target}» er ikke et måltall (f.eks. 73 %, >74, maks 8 %, minst 95 %).`);
    if (isYearTarget(parsed)) {
      return notAvailable(`mål: «${target}» betyr bedre enn resultatet i ${parsed.value}; sammenlign med det resultatet i stedet.`);
    }
  }
  // The target was checked above, so a number that cannot be read is the result's.
  const d = withArgument("resultat", () => indicatorDeviation(amount(result), target as string | number, { higherIsBetter }));
  return d.deviation === null ? "" : d;
}

/**
 * Avvik fra måltall for en resultatindikator: resultat − mål, i prosentpoeng når målet er i prosent. Målet kan være tekst som «>74», «73 %», «maks 8 %».
 * @customfunction PP PP
 * @param resultat Resultatet: en celle eller et område (51 for 51 %).
 * @param mål Måltallet som tall eller tekst: en celle eller et område.
 * @returns Resultat − mål, eksakt.
 */
export function pp(resultat: any[][], mål: any[][]): any[][] {
  return elementwise(["resultat", "mål"], [resultat, mål], (r, t) => {
    const d = deviationOf(r, t, null);
    return typeof d === "object" && d !== null && "deviation" in d ? d.deviation! : (d as CellOutput);
  });
}

/**
 * Om målet er nådd (SANN/USANN). Retningen kommer fra målet (>, <, minst, maks), ellers fra høyere_er_bedre. #N/A når retningen er ukjent.
 * @customfunction MAALNAADD MÅLNÅDD
 * @param resultat Resultatet: en celle eller et område (51 for 51 %).
 * @param mål Måltallet som tall eller tekst: en celle eller et område.
 * @param [høyere_er_bedre] SANN når et høyere resultat er bedre, USANN når lavere er bedre (sykefravær). Brukes når målet ikke har retning.
 * @returns SANN når målet er nådd, ellers USANN.
 */
export function maalnaadd(resultat: any[][], mål: any[][], høyere_er_bedre?: boolean): any[][] {
  const direction = typeof høyere_er_bedre === "boolean" ? høyere_er_bedre : null;
  return elementwise(["resultat", "mål"], [resultat, mål], (r, t): CellOutput => {
    const d = deviationOf(r, t, direction);
    if (!(typeof d === "object" && d !== null && "deviation" in d)) return d as CellOutput;
    if (d.met === null) return notAvailable(`Ukjent om målet er nådd: målet sier ikke om høyere eller lavere er bedre. ${DIRECTION_HINT}`);
    return d.met;
  });
}

/** A rate: a number as is (a 4,3 % cell holds 0.043), text with "%" divided by 100 exactly ("4,3 %" → "0.043"). */
function rate(x: CellInput): Amount {
  if (typeof x !== "string") return amount(x);
  const read = withArgument("deflator", () => readNorwegianNumber(x, "money"));
  if (read.decimal === null) throw invalid(`deflator: «${x}» er ikke en rate.`);
  return read.unit === "%" ? new ExactDecimal(read.decimal).div(100).toString() : read.decimal;
}

/**
 * Reell endring fra i fjor, fratrukket lønns- og prisvekst: (regnskap − regnskap i fjor) − prisvekst, eller med deflator d: regnskap − regnskap i fjor × (1 + d). Oppgi enten prisvekst eller deflator.
 * @customfunction REALENDRING REALENDRING
 * @param regnskap_i_fjor Fjorårets regnskap: en celle eller et område.
 * @param regnskap Årets regnskap: en celle eller et område.
 * @param [prisvekst] Lønns- og prisvekst som beløp, i samme enhet som regnskapet.
 * @param [deflator] Lønns- og prisvekst som rate, f.eks. 4,3 % (0,043). Brukes i stedet for prisvekst.
 * @returns Den reelle endringen, eksakt.
 */
export function realendring(regnskap_i_fjor: any[][], regnskap: any[][], prisvekst?: any[][], deflator?: any[][]): any[][] {
  return elementwise(
    ["regnskap_i_fjor", "regnskap", "prisvekst", "deflator"],
    [regnskap_i_fjor, regnskap, prisvekst ?? null, deflator ?? null],
    (p, a, g, d): CellOutput => {
      const hasGrowth = !blank(g);
      const hasDeflator = !blank(d);
      if (hasGrowth === hasDeflator) {
        return invalid(
          hasGrowth
            ? "Oppgi enten prisvekst (beløp) eller deflator (rate), ikke begge."
            : "Oppgi prisvekst (beløp i samme enhet som regnskapet) eller deflator (rate, f.eks. 4,3 %).",
        );
      }
      if (blank(p) || blank(a)) return "";
      const growth = hasGrowth ? { priceGrowth: amount(g) } : { deflator: rate(d) };
      return realChange(amount(p), amount(a), growth) ?? "";
    },
  );
}

/**
 * Gjør et tall skrevet som norsk tekst (som limt inn fra en PDF) om til et tall: «1 234,5», «−2 642», «(1 337)», «26,550 mill.», «87,4 %». Enheten fjernes, men brukes ikke: «3,23 %» blir 3,23.
 * @customfunction TALL TALL
 * @param tekst Teksten: en celle eller et område.
 * @param [kontekst] «beløp» (standard: en enslig strek er 0) eller «indikator» (en strek betyr ikke tilgjengelig).
 * @returns Tallet; #N/A for «*» og andre tegn for «ikke tilgjengelig».
 */
export function tall(tekst: any[][], kontekst?: string): any[][] {
  const k = typeof kontekst === "string" ? kontekst.trim().toLowerCase() : "";
  const context = k === "" || k === "beløp" || k === "belop" || k === "penger" || k === "money" ? "money" : k === "indikator" || k === "indicator" ? "indicator" : null;
  if (context === null) throw invalid(`kontekst: «${kontekst}» er ukjent; bruk «beløp» eller «indikator».`);
  return elementwise(["tekst"], [tekst], (t): CellOutput => {
    if (typeof t === "number") return t;
    if (typeof t === "boolean") return invalid("tekst: SANN/USANN er ikke et tall.");
    if (blank(t)) return "";
    const n = parseNorwegianNumber(t as string, { context });
    return n === null ? notAvailable(`«${String(t).trim()}» betyr «ikke tilgjengelig» i rapporten.`) : n;
  });
}
