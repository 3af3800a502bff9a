/**
 * Typed errors. Every message is Norwegian, for the controller who typed the cell or wrote the
 * report; `code` is stable English for programs.
 */

/** A function got an argument it cannot compute with (not a number, NaN, Infinity, null where not allowed). */
export class InvalidArgumentError extends Error {
  override readonly name: string = "InvalidArgumentError";
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message);
  }
}

export const numberParseReasons = [
  "EMPTY",
  "NOT_A_NUMBER",
  "BAD_GROUPING",
  "BAD_DECIMAL",
  "BAD_SIGN",
  "BAD_UNIT",
  "NOT_AVAILABLE",
  "TOO_LARGE",
  "TOO_MANY_DECIMALS",
  "AMBIGUOUS_POINT",
] as const;
export type NumberParseReason = (typeof numberParseReasons)[number];

/** The longest text a message quotes whole; a longer one is quoted by its ends (a message stays readable). */
const QUOTED_TEXT_LENGTH = 60;

function quoted(text: string): string {
  if (text.length <= QUOTED_TEXT_LENGTH) return `«${text}»`;
  return `«${text.slice(0, 30)}…${text.slice(-20)}» (${text.length} tegn)`;
}

/** Text that is not a Norwegian number. `text` is the text as given, `reason` says what was wrong. */
export class NumberParseError extends Error {
  override readonly name = "NumberParseError";
  constructor(
    readonly text: string,
    readonly reason: NumberParseReason,
    detail: string,
  ) {
    super(`${quoted(text)} er ikke et gyldig tall: ${detail}`);
  }
}

/**
 * A number outside the range the core computes with ({@link MAX_AMOUNT}, {@link MAX_DECIMALS} in
 * `range.ts`): too large, or with more decimals than allowed (which also covers the tiny values
 * whose results would underflow to 0). A subclass of {@link InvalidArgumentError}, so a caller
 * that handles argument errors handles this one too.
 */
export class AmountRangeError extends InvalidArgumentError {
  override readonly name = "AmountRangeError";
  constructor(
    message: string,
    argument: string | undefined,
    readonly limit: "TOO_LARGE" | "TOO_MANY_DECIMALS",
  ) {
    super(message, argument);
  }
}
