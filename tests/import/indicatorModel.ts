import type { Indicator } from "@bydel/core";
import { Rng } from "./generator.js";

/**
 * The model of a generated indicator table, the truth both renderings are checked against: its
 * columns (earlier results with years, Måltall, Resultat, Avvik), and per row the label, the
 * printed cells, the target, the deviation result − target and the stated one. The text test
 * (generated-indicators.test.ts) prints it as extracted text; tests/pdf/indicators.ts draws it as
 * a PDF. `difference` says how an imported indicator differs from its row.
 */

// ---------- exact decimals: n × 10^-d ----------

export interface Dec {
  readonly n: number;
  readonly d: number;
}

export const valueOf = (x: Dec): number => Number(decString(x));

export function decString(x: Dec): string {
  const abs = String(Math.abs(x.n)).padStart(x.d + 1, "0");
  const s = x.d === 0 ? abs : `${abs.slice(0, -x.d)}.${abs.slice(-x.d)}`;
  return (x.n < 0 ? "-" : "") + s;
}

export function subtract(a: Dec, b: Dec): Dec {
  const d = Math.max(a.d, b.d);
  return { n: a.n * 10 ** (d - a.d) - b.n * 10 ** (d - b.d), d };
}

export type Unit = "percent" | "score" | "count" | "nok" | "decimal";

export interface Style {
  /** The decimal mark: comma, point, or either cell by cell ("49.35%" among "87,4 %"). */
  readonly point: "comma" | "point" | "mixed";
  /** "%" after a space, glued, or either. */
  readonly percentSpace: "space" | "glued" | "mixed";
  /** Thousands groups: space, no-break space, or none ("1365"). */
  readonly group: "space" | "nbsp" | "thin" | "none" | "mixed" | "comma";
  /** Extra spaces between cells (pdftotext -layout). */
  readonly padded: boolean;
  /** Minus as U+2212. */
  readonly unicodeMinus: boolean;
  /** The minus when not «-»: U+2212, en dash, figure dash or U+2010. */
  readonly minus: string;
}

/** A number as a cell prints it, without sign. */
export function digits(rng: Rng, x: Dec, style: Style): string {
  const s = decString({ n: Math.abs(x.n), d: x.d });
  const [int, frac] = s.split(".") as [string, string | undefined];
  const group = style.group === "mixed" ? rng.pick(["space", "nbsp", "thin", "none"] as const) : style.group;
  // "1,119": an English thousands comma, only in whole numbers (Vestre Aker's counts of children)
  const sep = group === "space" ? " " : group === "nbsp" ? "\u00A0" : group === "thin" ? rng.pick(["\u202F", "\u2009", "\u2007"]) : group === "comma" && frac === undefined ? "," : "";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const mark = style.point === "comma" ? "," : style.point === "point" ? "." : rng.pick([",", "."]);
  return frac === undefined ? grouped : `${grouped}${mark}${frac}`;
}

export function pct(rng: Rng, style: Style): string {
  return style.percentSpace === "space" ? " %" : style.percentSpace === "glued" ? "%" : rng.pick([" %", "%"]);
}

export function render(rng: Rng, x: Dec, unit: Unit, style: Style): string {
  const sign = x.n < 0 ? (style.unicodeMinus ? style.minus : "-") : "";
  return sign + digits(rng, x, style) + (unit === "percent" ? pct(rng, style) : "");
}

/** A realistic value of a unit. */
export function draw(rng: Rng, unit: Unit, near?: Dec): Dec {
  // a share stops at 0 and 100 % and a score at its scale's ends; a count's or an amount's upper end is only
  // the generator's range, where values must not pile up («400 400 1 457 400», «1 200 000» again and again)
  const ceiling = unit === "percent" || unit === "score";
  const around = (lo: number, hi: number, d: number): Dec => {
    if (near && rng.chance(0.8)) {
      const base = valueOf(near);
      const spread = Math.max(1, Math.abs(base) * 0.25);
      const drawn = base + (rng.next() * 2 - 1) * spread;
      const v = Math.min(ceiling ? hi : Infinity, Math.max(lo, drawn));
      return { n: Math.round(v * 10 ** d), d };
    }
    return { n: Math.round((lo + rng.next() * (hi - lo)) * 10 ** d), d };
  };
  switch (unit) {
    case "percent":
      return around(0, 100, rng.pick([0, 0, 1, 1, 2]));
    case "score":
      return around(3, 5, 1);
    case "count":
      // an indicator's scale is its own: a series near a count above 400 keeps to the larger range
      return around(0, near ? (Math.abs(valueOf(near)) > 400 ? 3000 : 400) : rng.chance(0.3) ? 3000 : 400, 0);
    case "nok":
      return around(2000, 1_200_000, 0);
    case "decimal":
      return around(0, 12, rng.pick([1, 2]));
  }
}

export const LABELS: Record<Unit, string[]> = {
  percent: [
    "Andel fast ansatte i heltidsstillinger",
    "Andel avsluttede undersøkelser innen 3 måneder",
    "Andel barnehagelærere i prosent av grunnbemanningen i kommunale barnehager",
    "Andel positive vedtak for kommunal bolig effektuert innen 6 mnd.",
    "Andel søknader om økonomisk sosialhjelp - behandlet innen 2 uker",
    "Andel av mottakerne som har sosialhjelp som viktigste inntektskilde",
    "Andel mottakere av helsetjenester i hjemmet over 67 år som er kartlagt for ernæringsmessig risiko 2)",
    "Dekningsgrad 1-5 åringer",
    "Andel barn 1-2 år med barnehageplass (dekningsgrad)",
    "Andel som tilbys introduksjonsprogram innen 3 mnd etter bosetting",
  ],
  score: ["Foreldreundersøkelse: Barns trivsel", "Foreldreundersøkelse: Språklig og sosial utvikling", "Foreldreundersøkelse: Forberedelse til skolestart"],
  count: [
    "Antall brukere som har mottatt tjenestene hverdagsrehabilitering og avklaring og mestring 3)",
    "Antall mottakere dagaktivitetstilbud i bydelene for mennesker med kognitiv svikt",
    "Antall innbyggere 65 år og eldre innlagt på sykehus med hoftebrudd pr 1 000 innbyggere",
    "Antall betalingspliktige liggedøgn etter meldt utskrivningsklare fra somatiske sykehusavdeling",
    "Personer med rusutfordringer bosatt i bolig fra institusjon",
    "Antall deltakere i introduksjonsordning i løpet av året",
  ],
  nok: [
    "Korrigerte brutto driftsutgifter i kroner per barn i kommunal barnehage",
    "Netto driftsutgifter pr innbygger 0-24 år - barnevernet",
    "Brutto driftsutgifter per barn i barnevernet (f. 244)",
  ],
  decimal: ["Gjennomsnittlig stønadslengde økonomisk sosialhjelp (måneder) - mottakere 25-66 år", "Årsverk jordmødre"],
};

/** Text printed in a result cell, kept as its raw text with no value. */
export const TEXT_CELLS = ["Ingen måling i år", "Bydelen har ikke tall", "Ikke målt"];

export type ColumnKind = "result" | "target" | "deviation";

export interface Column {
  readonly kind: ColumnKind;
  readonly year: number | null;
}

export interface Cell {
  readonly raw: string;
  readonly value: number | null;
}

export interface GenRow {
  readonly labelLines: string[];
  /** One per column; null = blank (the cell vanishes). */
  readonly cells: (Cell | null)[];
  readonly target: { raw: string; value: number; operator: string | null; year: boolean } | null;
  /** result − target when both are numbers and the target is no year reference. */
  readonly deviation: number | null;
  /** The stated deviation has the wrong sign (or none where it is negative). */
  readonly wrongSign: boolean;
  /** split: the first cell after the label, the rest lines below (sick leave); lastAlone: the last cell on a line of its own (Vestre Aker's "*"). */
  readonly numbersOn: "last" | "own" | "split" | "lastAlone" | "cellPerLine";
}

export interface GenTable {
  readonly shape: "full" | "targets" | "keyFigure" | "sickLeave" | "monthly";
  readonly head: string[];
  readonly columns: Column[];
  readonly rows: GenRow[];
  /** Every deviation printed without a sign (the table's convention). */
  readonly unsigned?: boolean;
}

export const OPERATORS: [string, string | null][] = [
  ["", null],
  ["", null],
  ["> ", ">"],
  [">", ">"],
  ["≥ ", ">="],
  ["< ", "<"],
  ["<", "<"],
  ["maks ", "<="],
  ["minst ", ">="],
];

export function targetOf(rng: Rng, unit: Unit, near: Dec, style: Style, year: number): { cell: Cell; dec: Dec | null; parsed: GenRow["target"] } {
  if (unit === "count" && rng.chance(0.05)) {
    const raw = `> ${year - 2}`;
    return { cell: { raw, value: null }, dec: null, parsed: { raw, value: year - 2, operator: ">", year: true } };
  }
  const t = draw(rng, unit, near);
  const tt: Dec = unit === "percent" && rng.chance(0.7) ? { n: Math.round(valueOf(t)), d: 0 } : t;
  // "> 2085" with four digits from 1990 to 2100 is a year reference to parseTarget, whose check then skips the avvik: not generated
  const yearLike = tt.d === 0 && Math.abs(tt.n) >= 1990 && Math.abs(tt.n) <= 2100;
  const [prefix, operator] = unit === "score" || yearLike ? rng.pick(OPERATORS.slice(0, 2)) : rng.pick(OPERATORS);
  const raw = prefix + render(rng, { n: Math.abs(tt.n), d: tt.d }, unit, style);
  return { cell: { raw, value: null }, dec: tt, parsed: { raw, value: valueOf(tt), operator, year: false } };
}

/** Rounded half away from zero to d decimals ("-28,11" printed as "-28"). */
export function roundTo(x: Dec, d: number): Dec {
  if (d >= x.d) return x;
  const f = 10 ** (x.d - d);
  return { n: Math.sign(x.n) * Math.round(Math.abs(x.n) / f), d };
}

export function deviationCell(rng: Rng, exact: Dec, unit: Unit, style: Style, wrongSign: boolean, unsigned: boolean): Cell {
  // the avvik is sometimes printed with fewer decimals than the difference has
  const dev = exact.d > 0 && rng.chance(0.2) ? roundTo(exact, rng.int(0, exact.d - 1)) : exact;
  const shown = wrongSign ? { n: -dev.n, d: dev.d } : dev;
  const neg = shown.n < 0;
  const unsignedNegative = wrongSign && dev.n < 0 && rng.chance(0.5);
  // «+ 4 %», «- 8 %»: a sign set apart from its number
  const signed = neg ? (style.unicodeMinus ? style.minus : "-") : shown.n > 0 && rng.chance(0.3) ? "+" : "";
  const sign = signed + (signed !== "" && rng.chance(0.1) ? " " : "");
  const abs = digits(rng, { n: Math.abs(shown.n), d: shown.d }, style);
  const suffix = unit === "percent" ? rng.pick(["pp", " pp", "%", " %", ""]) : "";
  // a table that prints every deviation without a sign: its convention, no misprint
  const raw = (unsignedNegative || unsigned ? "" : sign) + abs + suffix;
  const value = unsignedNegative || unsigned ? Math.abs(valueOf(dev)) : valueOf(shown);
  return { raw, value };
}

export function labelLines(rng: Rng, label: string): string[] {
  const words = label.split(" ");
  if (words.length < 4 || !rng.chance(0.6)) return [label];
  const fits: number[] = [];
  for (let at = 2; at < words.length - 1; at++) if (!/^(\d+|§)$/.test(words[at - 1]!) || !/^\d+$/.test(words[at]!)) fits.push(at);
  const at = rng.pick(fits);
  const lines = [words.slice(0, at).join(" "), words.slice(at).join(" ")];
  if (lines[1]!.split(" ").length > 4 && rng.chance(0.3)) {
    const w = lines[1]!.split(" ");
    return [lines[0]!, w.slice(0, 2).join(" "), w.slice(2).join(" ")];
  }
  return lines;
}

export function indicatorRow(rng: Rng, shape: "full" | "targets", columns: Column[], style: Style, year: number, unsigned = false): GenRow {
  const unit: Unit = rng.pick(["percent", "percent", "percent", "score", "count"]);
  const label = rng.pick(LABELS[unit]);
  const result = draw(rng, unit);
  const cells: (Cell | null)[] = [];
  let target: GenRow["target"] = null;
  let deviation: number | null = null;
  let wrongSign = false;
  let resultDec: Dec | null = null;
  let targetDec: Dec | null = null;
  const reportYear = columns.findIndex((c) => c.kind === "result" && c.year === year);
  const targetCol = columns.map((c) => c.kind).lastIndexOf("target");
  columns.forEach((c, j) => {
    if (c.kind === "result") {
      if (j === reportYear && rng.chance(0.08)) {
        cells.push({ raw: rng.pick(["*", "-"]), value: null });
        return;
      }
      const v = j === reportYear ? result : draw(rng, unit, result);
      if (j === reportYear) resultDec = v;
      cells.push({ raw: render(rng, v, unit, style), value: valueOf(v) });
    } else if (c.kind === "target") {
      const t = targetOf(rng, unit, result, style, year);
      if (j === targetCol) {
        target = t.parsed;
        targetDec = t.dec;
      }
      cells.push(t.cell);
    } else {
      if (resultDec === null || targetDec === null) {
        cells.push({ raw: rng.pick(["*", "-"]), value: null });
        return;
      }
      const dev = subtract(resultDec, targetDec);
      deviation = valueOf(dev);
      // a wrong sign only where it shows after rounding
      wrongSign = !unsigned && Math.abs(valueOf(dev)) >= 1 && rng.chance(0.1);
      cells.push(deviationCell(rng, dev, unit, style, wrongSign, unsigned));
    }
  });
  if (resultDec !== null && targetDec !== null) deviation = valueOf(subtract(resultDec, targetDec));
  // blank cells vanish: the oldest result (a new indicator), or the report year's result and avvik (not yet known)
  const k = rng.next();
  if (k < 0.08 && shape === "full") cells[0] = null;
  else if (k < 0.12 && shape === "full") {
    cells[reportYear] = null;
    cells[cells.length - 1] = null;
    deviation = null;
    wrongSign = false;
  } else if (k < 0.16 && shape === "targets") cells[0] = null;
  else if (k < 0.2 && shape === "full") {
    // a text cell in the result column («Ingen måling i år»): no value, and the avvik left blank
    cells[reportYear] = { raw: rng.pick(TEXT_CELLS), value: null };
    cells[cells.length - 1] = null;
    deviation = null;
    wrongSign = false;
  }
  const lines = labelLines(rng, label);
  const numbersOn = rng.chance(0.06) ? "cellPerLine" : lines.length === 1 && rng.chance(0.7) ? "last" : rng.pick(["last", "own", "own"] as const);
  return { labelLines: lines, cells, target, deviation, wrongSign, numbersOn };
}

export function keyFigureRow(rng: Rng, columns: Column[], style: Style): GenRow {
  const unit: Unit = rng.pick(["percent", "count", "nok", "decimal", "score"]);
  const label = rng.pick(LABELS[unit === "score" ? "percent" : unit]);
  const base = draw(rng, unit);
  const placeholder = rng.pick(["*", "x", "-"]);
  const cells: (Cell | null)[] = columns.map(() => {
    if (rng.chance(0.06)) return { raw: placeholder, value: null };
    const v = draw(rng, unit, base);
    // a share printed as a plain number in earlier years, with % in later ones ("38,2 40,7 45,3 46 %")
    return { raw: render(rng, v, unit === "percent" && rng.chance(0.3) ? "decimal" : unit, style), value: valueOf(v) };
  });
  const k = rng.next();
  if (k < 0.08) cells[0] = null;
  else if (k < 0.14) cells[cells.length - 1] = null;
  const lines = labelLines(rng, label);
  const numbersOn = cells[cells.length - 1] !== null && rng.chance(0.1) ? "lastAlone" : lines.length === 1 ? "last" : rng.pick(["last", "own"] as const);
  return { labelLines: lines, cells, target: null, deviation: null, wrongSign: false, numbersOn };
}

export function sickLeaveRows(rng: Rng, style: Style, monthly: boolean): GenRow[] {
  const draw1 = () => ({ n: rng.int(300, 1500), d: 2 }) as Dec;
  const cellOf = (v: Dec): Cell => ({ raw: render(rng, { n: Math.round(v.n / 10 ** (2 - v.d)), d: v.d }, style.percentSpace === "glued" && !monthly ? "decimal" : "percent", style), value: Math.round(v.n / 10 ** (2 - v.d)) / 10 ** v.d });
  const targetCell = (): [Cell, GenRow["target"], Dec] => {
    const t: Dec = { n: rng.int(5, 10), d: 0 };
    const raw = rng.chance(0.5) ? `${t.n} %` : `${t.n},00 %`;
    return [{ raw, value: null }, { raw, value: t.n, operator: null, year: false }, t];
  };
  if (monthly) {
    const [tc, tp, t] = targetCell();
    return ["jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "des."].map((m) => {
      const now = cellOf({ n: rng.int(300, 1500), d: rng.pick([1, 2]) });
      const prev = cellOf({ n: rng.int(300, 1500), d: rng.pick([1, 2]) });
      return { labelLines: [m], cells: [now, tc, prev], target: tp, deviation: valueOf(subtract({ n: Math.round(now.value! * 100), d: 2 }, t)), wrongSign: false, numbersOn: "last" };
    });
  }
  const rows: GenRow[] = [];
  // short + long term make the total, as in every report (the prose checks hold a table to that)
  const parts: [Dec, Dec][] = [];
  for (const label of ["Korttid (0-16 dager)", "Langtid (17 - > dager)"]) {
    const [x, y] = [draw1(), draw1()];
    parts.push([x, y]);
    rows.push({ labelLines: [label], cells: [cellOf(x), null, cellOf(y)], target: null, deviation: null, wrongSign: false, numbersOn: rng.chance(0.3) ? "split" : "last" });
  }
  const a = cellOf({ n: parts[0]![0].n + parts[1]![0].n, d: 2 });
  const b = cellOf({ n: parts[0]![1].n + parts[1]![1].n, d: 2 });
  if (rng.chance(0.2)) rows.push({ labelLines: ["Totalt"], cells: [a, null, b], target: null, deviation: null, wrongSign: false, numbersOn: "last" });
  else {
    const [tc, tp, t] = targetCell();
    rows.push({ labelLines: ["Totalt"], cells: [a, tc, b], target: tp, deviation: valueOf(subtract({ n: Math.round(b.value! * 100), d: 2 }, t)), wrongSign: false, numbersOn: "last" });
  }
  return rows;
}

export const AREAS = ["FO1 Administrasjon og fellestjenester", "FO2A Barnehager", "FO2B Barnevern", "FO2C Helsestasjon", "FO3 Helse og omsorg", "FO4A Sosiale tjenester"];

export function fullHead(rng: Rng, year: number, area: string): string[] {
  const y = (k: number) => `${year - k} `;
  switch (rng.int(0, 3)) {
    case 0:
      return [`Resultatindikatorer ${rng.chance(0.5) ? area + " " : ""}Resultat `, y(2), "", "Resultat ", y(1), "", `Måltall ${year} Resultat `, y(0), "", `Avvik ${year} `, "(Resultat-", "måltall) ", ""];
    case 1:
      return [area, "", "Resultatindikator ", "Resultat ", "", y(2), "Resultat ", "", y(1), "Måltall ", "", y(0), "Resultat ", "", `${year} Avvik ${year} `];
    case 2:
      return rng.chance(0.5)
        ? [`Resultatindikatorer  Resultat ${year - 2}  Resultat ${year - 1}  Måltall ${year}  Resultat ${year}  Avvik ${year}`]
        : // no caption: only the header, its cells spread over lines
          rng.pick([
            [`Resultat ${year - 2}`, `Resultat ${year - 1}`, `Måltall ${year}`, `Resultat ${year} Avvik ${year}`],
            [`Resultat ${year - 2}`, "", `Resultat ${year - 1}`, "", `Måltall ${year}`, "", `Resultat ${year}`, "", `Avvik ${year}`, ""],
            [`Resultat ${year - 2} Resultat ${year - 1} Måltall ${year} Resultat ${year} Avvik ${year}`],
          ]);
    default:
      return ["Resultatindikatorer Resultat ", "", y(2), "Resultat ", "", y(1), "Måltall ", "", y(0), "Resultat ", "", y(0), "Avvik ", y(0), "", "(Resultat-", "måltall) ", ""];
  }
}

export function targetsHead(rng: Rng, year: number, area: string): string[] {
  const y = (k: number) => `${year - k} `;
  return rng.chance(0.5)
    ? ["Resultatindikatorer ", " Resultat ", "", y(3), "Resultat ", "", y(2), "Måltall ", "", y(1), "Måltall ", "", y(0), ""]
    : [" Obligatoriske sentrale måltall ", "", `${area} `, "Resultat ", "", `bydel ${year - 3} `, "Resultat ", "", `bydel ${year - 2} `, "Måltall ", "", `bydel ${year - 1} `, "Måltall ", "", `bydel ${year} `, ""];
}

export function keyHead(rng: Rng, year: number, area: string): string[] {
  const n = area.split(" ")[0]!.slice(2);
  const title = rng.pick([[`Nøkkeltall for: Funksjonsområde ${n} – `, "Tjenester "], [`Nøkkeltall: Funksjonsområde ${n} - Oppvekst `, "(UTD) "], [`Nøkkeltall for: Funksjonsområde ${n} `, "- Sosiale tjenester og ytelser (SET) "]]);
  const years = [4, 3, 2, 1, 0].flatMap((k) => ["Resultat ", `${year - k} `, ""]);
  return [...title, "", ...(rng.chance(0.3) ? [[4, 3, 2, 1, 0].map((k) => `Resultat ${year - k}`).join(" ")] : years), ...(rng.chance(0.3) ? ["Innhold ", "     "] : [])];
}

export function makeTable(rng: Rng, shape: GenTable["shape"], year: number, style: Style, area: string): GenTable {
  const n = rng.int(1, 6);
  switch (shape) {
    case "full": {
      const columns: Column[] = [
        { kind: "result", year: year - 2 },
        { kind: "result", year: year - 1 },
        { kind: "target", year },
        { kind: "result", year },
        { kind: "deviation", year },
      ];
      const unsigned = rng.chance(0.15);
      return { shape, head: fullHead(rng, year, area), columns, unsigned, rows: Array.from({ length: unsigned ? n + 2 : n }, () => indicatorRow(rng, "full", columns, style, year, unsigned)) };
    }
    case "targets": {
      const columns: Column[] = [
        { kind: "result", year: year - 3 },
        { kind: "result", year: year - 2 },
        { kind: "target", year: year - 1 },
        { kind: "target", year },
      ];
      return { shape, head: targetsHead(rng, year, area), columns, rows: Array.from({ length: n }, () => indicatorRow(rng, "targets", columns, style, year)) };
    }
    case "keyFigure": {
      const columns: Column[] = [4, 3, 2, 1, 0].map((k) => ({ kind: "result", year: year - k }));
      return { shape, head: keyHead(rng, year, area), columns, rows: Array.from({ length: n + 2 }, () => keyFigureRow(rng, columns, style)) };
    }
    case "sickLeave": {
      const columns: Column[] = [
        { kind: "result", year: year - 1 },
        { kind: "target", year },
        { kind: "result", year },
      ];
      const head = rng.chance(0.5) ? [`Sykefravær i % Resultat ${year - 1} Mål ${year} Resultat ${year} `] : [" Sykefravær i % Resultat ", `${year - 1} `, "", `Mål ${year} Resultat `, `${year} `, ""];
      return { shape, head, columns, rows: sickLeaveRows(rng, style, false) };
    }
    case "monthly": {
      const columns: Column[] = [
        { kind: "result", year },
        { kind: "target", year: null },
        { kind: "result", year: year - 1 },
      ];
      return { shape, head: ["Sykefravær ", "", `Måned Sykefraværsprosent ${year} Mål sykefravær Sykefraværsprosent ${year - 1} `, ""], columns, rows: sickLeaveRows(rng, style, true) };
    }
  }
}

export const sameNumber = (a: number | null | undefined, b: number | null | undefined): boolean => (a ?? null) === (b ?? null) || (a != null && b != null && Math.abs(a - b) < 1e-9);

export const norm = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/[\s\u00A0]+/g, " ").trim());
/** A number cell as printed, spaces aside: a text extraction may drop a narrow one («7 %» as «7%», «< 2 %» as «<2%»); its value is compared on its own. */
const sameRaw = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? null)?.replace(/\s+/gu, "") === (b ?? null)?.replace(/\s+/gu, "");

/** What is wrong with the row as read, or null when it is read exactly. */
export function difference(p: { readonly row: GenRow; readonly table: GenTable }, ind: Indicator, year: number): string | null {
  const { columns } = p.table;
  const cellAt = (j: number) => (j >= 0 ? p.row.cells[j] : null) ?? null;
  const resultCol = columns.findIndex((c) => c.kind === "result" && c.year === year);
  const devCol = columns.findIndex((c) => c.kind === "deviation");
  const want = p.row.target;
  if (p.table.shape !== "keyFigure") {
    const tgt = ind.target;
    if (want === null) {
      if (tgt !== null && tgt.value !== null) return `target ${tgt.raw}, printed none`;
    } else if (!sameRaw(tgt?.raw, want.raw) || !sameNumber(tgt?.value, want.value) || (tgt?.operator ?? null) !== want.operator) {
      return `target ${JSON.stringify(tgt)}, printed ${want.raw}`;
    }
  }
  const result = cellAt(resultCol);
  if (!sameNumber(ind.result?.value, result?.value ?? null)) return `result ${ind.result?.raw}, printed ${result?.raw ?? "(blank)"}`;
  if (result && result.value !== null && !sameRaw(ind.result?.raw, result.raw)) return `result raw ${ind.result?.raw}, printed ${result.raw}`;
  // a text cell is kept as printed, with the reason it gives
  if (result && TEXT_CELLS.includes(result.raw) && (norm(ind.result?.raw) !== result.raw || !ind.result?.reason)) return `text cell ${JSON.stringify(ind.result)}, printed ${result.raw}`;
  const stated = cellAt(devCol);
  if (!sameNumber(ind.statedDeviation?.value, stated?.value ?? null)) return `stated deviation ${ind.statedDeviation?.raw}, printed ${stated?.raw ?? "(blank)"}`;
  const wantSeries = columns
    .map((c, j) => ({ c, cell: p.row.cells[j] }))
    .filter((x) => x.c.kind === "result" && x.c.year !== null && x.cell && x.cell.value !== null)
    .map((x) => `${x.c.year}:${x.cell!.value}`)
    .join(" ");
  const gotSeries = (ind.series ?? [])
    .filter((s) => s.value !== null)
    .map((s) => `${s.year}:${s.value}`)
    .join(" ");
  if (gotSeries !== wantSeries) return `series ${gotSeries}, printed ${wantSeries}`;
  const deviation = want?.year ? null : p.row.deviation;
  if (!sameNumber(ind.deviation, result?.value == null ? null : deviation)) return `deviation ${ind.deviation}, result − target is ${deviation}`;
  // the direction: from the target's operator, else sick leave is better lower
  const higher = want?.operator ? want.operator.startsWith(">") : p.table.shape === "sickLeave" || p.table.shape === "monthly" ? false : undefined;
  if (higher !== undefined && ind.higherIsBetter !== higher) return `higherIsBetter ${ind.higherIsBetter} for ${want?.raw ?? "sick leave"}`;
  // with an operator the target says what meets it
  if (want?.operator && ind.deviation !== null) {
    const d = ind.deviation;
    const met = want.operator === ">" ? d > 0 : want.operator === ">=" ? d >= 0 : want.operator === "<" ? d < 0 : d <= 0;
    if (ind.met !== met) return `met ${ind.met} for ${want.raw} and deviation ${d}`;
  }
  return null;
}
