import { proseVerdict, sum, type ProseScope, type StatedAmount, type Statement } from "@bydel/core";
import type { AmountAt } from "./amounts.js";
import { approximately } from "./approximate.js";
import { ABOUT, GROSS, NOT_A_RESTATEMENT, OVERSPEND, UNDERSPEND } from "./phrases.js";
import { candidates, type Tables } from "./references.js";

/**
 * A deviation the text states for several service areas together: «Funksjonsområdene 2A, 2B og 2C
 * … har totalt et mindre-forbruk på ca. 10 mill.» against the areas' deviations added up, their
 * total or their ordinary operations (reports use both for a plain «mindreforbruk»): the first sum
 * the figure agrees with, else the nearest. Only a sentence that names the areas, then «totalt»
 * («samlet», «til sammen»), then one direction word right before the amount, naming no other year
 * than the report's, nor gross figures, a forecast or a change. An approximate amount
 * («ca. 10 mill.») is held at its last significant digit (`approximately`).
 */

export interface SeveralAreas {
  readonly stated: StatedAmount;
  readonly scope: ProseScope;
  readonly amountAt: number;
  readonly reference: NonNullable<Statement["reference"]>;
}

const AREA_LIST = /(?<![\p{L}])funksjonsområdene\s+(\d[ABC]?(?:\s*,\s*\d[ABC]?)*\s+og\s+\d[ABC]?)(?![\p{L}\d])/iu;
const TOGETHER = /(?<![\p{L}])(?:totalt|samlet|til sammen)(?![\p{L}])/iu;
/** Between the direction word and the amount: «på», «med», an approximation word. */
const BRIDGE = /^\s*(?:på|med|av)?\s*(?:ca\.|cirka|om lag|omtrent|rundt|nesten|nærmere|drøyt)?\s*$/iu;

const join = (names: readonly string[]): string => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}`);

export function severalAreas(text: string, amounts: readonly AmountAt[], tables: Tables, year: number | null): SeveralAreas | null {
  const list = AREA_LIST.exec(text);
  // gross figures, another year's, a forecast or a change are no sum of the net tables' deviations
  if (!list || GROSS.test(text) || [...text.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu)].some((y) => Number(y[0]) !== year)) return null;
  const areas = [...new Set(list[1]!.split(/\s*(?:,|\bog\b)\s*/u).map((a) => `FO${a.trim().toUpperCase()}`))];
  const together = TOGETHER.exec(text.slice(list.index + list[0].length));
  if (areas.length < 2 || !together) return null;
  const from = list.index + list[0].length + together.index;
  const a = amounts.find((x) => x.at > from && x.amount.unit === "kNOK");
  if (!a) return null;
  const before = text.slice(from, a.at);
  if (NOT_A_RESTATEMENT.test(text.slice(0, a.at))) return null;
  // the direction word right before the amount, and no other
  const under = [...before.matchAll(UNDERSPEND)];
  const over = [...before.matchAll(OVERSPEND)];
  if (under.length + over.length !== 1) return null;
  const word = (under[0] ?? over[0])!;
  if (!BRIDGE.test(before.slice(word.index + word[0].length))) return null;
  const sign = under.length === 1 ? 1 : -1;
  const amount = ABOUT.test(before) ? approximately(a.amount) : a.amount;
  const precision = amount.precision;
  const stated: StatedAmount = { ...amount, value: sign * Math.abs(a.amount.value) };
  // per column, every area's first cell (the budget tables' before the splits'), added up
  const sums = (["variance", "ordinaryVariance"] as const).flatMap((column) => {
    const cells = areas.map((area) => candidates(tables, "netVariance", { level: "serviceArea", table: area, name: null }, false).find((c) => c.column === column));
    if (cells.some((c) => c === undefined)) return [];
    const first = cells[0]!;
    return [{ table: first.table, line: first.line, column, value: sum(cells.map((c) => c!.value)), note: `summen for ${join(areas)}` }];
  });
  if (sums.length === 0) return null;
  const reference =
    sums.find((s) => proseVerdict(stated.value, s.value, precision, true).verdict === "agrees") ??
    sums.reduce((best, s) => (Math.abs(s.value - stated.value) < Math.abs(best.value - stated.value) ? s : best));
  return { stated, scope: { level: "serviceArea", table: null, name: join(areas) }, amountAt: a.at, reference };
}
