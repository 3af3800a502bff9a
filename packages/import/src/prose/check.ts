import type { StatedAmount, Statement, StatementSubject } from "@bydel/core";

/** A check of the text's own figures, which the statements stage emits as a statement with a verdict from core's proseVerdict. */
export interface Check {
  readonly subject: StatementSubject;
  readonly stated: StatedAmount;
  readonly line: number;
  readonly quote: string;
  readonly reference: NonNullable<Statement["reference"]>;
  /** The reference sums this many figures each rounded at the stated precision (see proseVerdict). */
  readonly addends: number;
}
