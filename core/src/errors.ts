/**
 * Typed errors. Every message is Norwegian, for the controller who typed the cell or wrote the
 * report; `code` is stable English for programs.
 */

/** A function got an argument it cannot compute with (not a number, NaN, Infinity, null where not allowed). */
export class InvalidArgumentError extends Error {
  override readonly name = "InvalidArgumentError";
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
] as const;
export type NumberParseReason = (typeof numberParseReasons)[number];

/** Text that is not a Norwegian number. `text` is the text as given, `reason` says what was wrong. */
export class NumberParseError extends Error {
  override readonly name = "NumberParseError";
  constructor(
    readonly text: string,
    readonly reason: NumberParseReason,
    detail: string,
  ) {
    super(`«${text}» er ikke et gyldig tall: ${detail}`);
  }
}
