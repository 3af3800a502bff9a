import type { ProseScope, StatedAmount, Statement, StatementSubject } from "@bydel/core";
import type { Block } from "./text.js";
import { readBudgetAdjustments, readChangesFromEarlier, readLevelChanges, readRealChangeParts, type OpenRealChange } from "./changes.js";
import { readFunctionSplits, readShares, readSplits } from "./parts.js";
import type { Tables } from "./references.js";

/**
 * What the readers of the text's own arithmetic (parts.ts, changes.ts) get from the statements
 * stage: the tables, the statements read so far, and `check`, which holds a stated amount against
 * a computed figure with core's proseVerdict and reports a contradiction as PROSE_MISMATCH.
 */
export interface ArithmeticContext {
  readonly tables: Tables;
  readonly statements: readonly Statement[];
  /** What a reading left open for the paragraphs after (an area's real change waiting for its functions'). */
  readonly open: { realChange: OpenRealChange | null };
  /** `slack`: how far the reference itself may be off from rounding (its terms' half-units), in 1000 kr. */
  readonly check: (subject: StatementSubject, stated: StatedAmount, signed: boolean, scope: ProseScope, line: number, quote: string, reference: NonNullable<Statement["reference"]>, slack: number) => void;
}


/** The text's own arithmetic in a paragraph: budget adjustments, changes from an earlier figure, totals split into parts. `area`: the chapter's service area. */
export function readArithmetic(block: Block, area: string | null, ctx: ArithmeticContext): void {
  // one pass decides for most paragraphs: none of the readers' words
  if (!ANY_WORD.test(block.text)) return;
  readBudgetAdjustments(block, area, ctx);
  readChangesFromEarlier(block, ctx);
  readLevelChanges(block, area, ctx);
  readRealChangeParts(block, area, ctx);
  const scope: ProseScope = area === null ? DISTRICT : { level: "serviceArea", table: area, name: null };
  readSplits(block, scope, ctx);
  readFunctionSplits(block, scope, ctx);
  readShares(block, scope, ctx);
}

/** The words every reader here starts from (rammejusteringer, forbedring, forbruket, utgiftsnivå, the real-change words, fordelt, totalt). */
const ANY_WORD = /rammejuster|forbedring|forverring|forbruket|utgiftsnivå|prisstigning|prisvekst|deflat|reell|faktiske|fordel|totalt|mens/iu;

const DISTRICT: ProseScope = { level: "district", table: null, name: null };
