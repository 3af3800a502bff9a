import { InvalidArgumentError, NumberParseError } from "@bydel/core";

// What every BYDEL function does with its arguments, so the functions themselves stay one line of
// core each: ranges element by element (a single cell spreads over a range), blanks, and errors
// as Excel errors with a Norwegian message.

/** A cell as Excel passes it to `any` parameters: empty cells are "" or null (web) or 0 (desktop). */
export type CellInput = number | string | boolean | null | undefined;
/** A cell of a result: "" shows as an empty cell (null would show as 0). */
export type CellOutput = number | string | boolean | CustomFunctions.Error;

export const blank = (x: CellInput): boolean => x === null || x === undefined || (typeof x === "string" && x.trim() === "");

export function invalid(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

export function divisionByZero(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
}

/** Core's argument names as the BYDEL functions call them. */
const ARGUMENT_NAMES: Record<string, string> = {
  revisedBudget: "regulert_budsjett",
  actual: "regnskap",
  variance: "avvik",
  earmarkedVariance: "øremerket_avvik",
  previousActual: "regnskap_i_fjor",
  priceGrowth: "prisvekst",
  deflator: "deflator",
  result: "resultat",
  target: "mål",
  start: "avvik",
  text: "tekst",
};

function argumentName(core: string | undefined): string | undefined {
  if (!core) return undefined;
  const row = /^adjustments\[(\d+)\]/.exec(core);
  if (row) return `korreksjoner, rad ${Number(row[1]) + 1}`;
  return ARGUMENT_NAMES[core];
}

/** An exception from core (or anything else) as an Excel error, its message naming the argument. */
export function toExcelError(error: unknown, argument?: string): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  const name = argument ?? (error instanceof InvalidArgumentError ? argumentName(error.argument) : undefined);
  const prefix = name ? `${name}: ` : "";
  if (error instanceof NumberParseError || error instanceof InvalidArgumentError) return invalid(prefix + error.message);
  return invalid(`${prefix}uventet feil: ${error instanceof Error ? error.message : String(error)}`);
}

/** Excel's error limit for messages is not documented; long ones are cut so the tooltip stays readable. */
const cap = (m: string) => (m.length > 250 ? `${m.slice(0, 247)}…` : m);

interface Shape {
  rows: number;
  cols: number;
}

const shapeOf = (m: readonly (readonly CellInput[])[]): Shape => ({ rows: m.length, cols: m[0]?.length ?? 0 });

/**
 * Calls `f` for each position of the argument ranges and returns the results as a range.
 * Every range must have the result's size, or be one cell, one row (repeated down) or one column
 * (repeated across). `null` arguments (omitted optionals) pass null to every call.
 * A one-cell result that is an error is thrown, so Excel shows its message; inside a larger range
 * each cell carries its own error.
 */
export function elementwise(
  names: readonly string[],
  args: readonly (CellInput[][] | null)[],
  f: (...cells: CellInput[]) => CellOutput,
): CellOutput[][] {
  const present = args.filter((a): a is CellInput[][] => a !== null);
  const rows = Math.max(1, ...present.map((a) => a.length));
  const cols = Math.max(1, ...present.map((a) => a[0]?.length ?? 0));
  args.forEach((a, i) => {
    if (a === null) return;
    const s = shapeOf(a);
    if ((s.rows !== 1 && s.rows !== rows) || (s.cols !== 1 && s.cols !== cols)) {
      throw invalid(`${names[i]}: området er ${s.rows}×${s.cols} celler, men må være én celle eller ${rows}×${cols} som de andre områdene.`);
    }
  });
  const at = (a: CellInput[][] | null, r: number, c: number): CellInput =>
    a === null ? null : a[a.length === 1 ? 0 : r]![a[0]!.length === 1 ? 0 : c];
  const out: CellOutput[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellOutput[] = [];
    for (let c = 0; c < cols; c++) {
      let v: CellOutput;
      try {
        v = f(...args.map((a) => at(a, r, c)));
      } catch (e) {
        v = toExcelError(e);
      }
      if (v instanceof CustomFunctions.Error && v.message) v = new CustomFunctions.Error(v.code, cap(v.message));
      row.push(v);
    }
    out.push(row);
  }
  if (rows === 1 && cols === 1 && out[0]![0] instanceof CustomFunctions.Error) throw out[0]![0];
  return out;
}

/** Runs `f` with the argument's name attached to any error it throws. */
export function withArgument<T>(argument: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw toExcelError(e, argument);
  }
}
