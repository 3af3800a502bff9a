import { readNorwegianNumber, type StatedAmount, type Statement, type StatementSubject } from "@bydel/core";

/** A check of the text's own figures, which the statements stage emits as a statement with a verdict from core's proseVerdict. */
export interface Check {
  readonly subject: StatementSubject;
  readonly stated: StatedAmount;
  readonly line: number;
  readonly quote: string;
  readonly reference: NonNullable<Statement["reference"]>;
  /** The reference sums this many figures each rounded at the stated precision (see proseVerdict). */
  readonly addends: number;
  /** The stated figure is a table's own (its Totalt or Sum row, its change column), not the running text's: a finding names the table. */
  readonly inTable?: boolean;
}

/** A printed number's value, or null where core's parser refuses it (more digits than any report prints, say): never a throw. */
export function valueOf(raw: string): number | null {
  try {
    return readNorwegianNumber(raw.replace(/\s+/gu, " ")).value;
  } catch {
    return null;
  }
}
