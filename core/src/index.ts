export * from "./schema/report.js";
export * from "./schema/prose.js";

// The domain's vocabulary, defined once: service areas, tables, totals, corrections, directions, year targets.
export { serviceAreas, FO4, FO4_PARTS, FO4_PART_BY_FUNCTION, isFo4Part, serviceAreaOf, serviceAreaOfRow, type ServiceArea } from "./domain/serviceAreas.js";
export { tableIds, textTables, isDistrictTable, tableBasis, isServiceAreaTable, budgetTableName, netTable, unitSplitTotal } from "./domain/tables.js";
export { isTotalLabel, mainTotalRow, mainTotals, summaryAreaOf, TOTAL_WORD, TOTAL_WORDS } from "./domain/totals.js";
export { TEXT_CELL_AT_END, textCellReason } from "./domain/textCells.js";
export { statementVerdictWords, statementSubjectWords, proseScopeWords, PROSE_MISMATCH, proseContradictions } from "./domain/prose.js";
export {
  adjustmentKinds,
  adjustmentRules,
  adjustmentKindOf,
  adjustmentWords,
  adjustmentLabelWithQualifier,
  type AdjustmentKind,
  type AdjustmentRule,
} from "./domain/adjustments.js";
export { higherIsBetterOf, lowerIsBetterBySubject, higherIsBetterBySubject } from "./domain/indicatorDirection.js";
export { isYearTarget, refersToYearResult } from "./domain/yearTargets.js";
export { atMostTwoDecimals, unitWords } from "./domain/indicatorUnits.js";
export { severityWords, severityOrder, severityLabel, severityCount } from "./domain/severity.js";
export { AmountRangeError, InvalidArgumentError, NumberParseError, numberParseReasons, type NumberParseReason } from "./errors.js";
export { MAX_AMOUNT, MAX_DECIMALS, MAX_INTEGER_DIGITS } from "./range.js";
export type { Amount } from "./amount.js";
export type { Calculator } from "./calculator/types.js";
export { nativeCalculator } from "./calculator/native.js";
export { decimalCalculator, ExactDecimal } from "./calculator/decimal.js";

export { variance, varianceWith } from "./api/variance.js";
export { variancePercent, variancePercentWith } from "./api/variancePercent.js";
export { ordinaryVariance, ordinaryVarianceWith } from "./api/ordinaryVariance.js";
export { adjustmentKindSchema, adjustmentSchema } from "./schema/adjustment.js";
export { correctionBridge, correctionBridgeWith, type Adjustment, type Bridge, type BridgeStep } from "./api/correctionBridge.js";
export { realChange, realChangeWith, type Growth } from "./api/realChange.js";
export {
  indicatorDeviation,
  indicatorDeviationWith,
  isMet,
  type DeviationUnit,
  type IndicatorDeviation,
  type IndicatorDeviationOptions,
  type TargetInput,
} from "./api/indicatorDeviation.js";
export { round } from "./api/round.js";
export { sum, sumWith } from "./api/sum.js";

export { parseNorwegianNumber, type ParseNorwegianNumberOptions } from "./parse/parseNorwegianNumber.js";
export {
  readNorwegianNumber,
  type NumberContext,
  type NumberUnit,
  type PointConvention,
  type ReadNumber,
  type ReadNumberOptions,
} from "./parse/readNorwegianNumber.js";
export { isOperatorAlone, isUnitAlone, parseTarget, type ParsedTarget, type ParseTargetOptions, type TargetUnit } from "./parse/parseTarget.js";
export { MINUS_SIGNS, DASH_MINUS_SIGNS, GROUP_SPACES, THOUSANDS_ONLY_SPACES, charClass, isSigned } from "./parse/typography.js";
export { formatNorwegian, type FormatNorwegianOptions } from "./format/formatNorwegian.js";

export { tolerances, pdfLayout, columnAnchor, tableReading, severityOf } from "./checks/tolerances.js";
export { budgetColumns, splitColumns } from "./checks/columns.js";
export { checkRowVariance } from "./checks/checkRowVariance.js";
export { checkSums } from "./checks/checkSums.js";
export { checkCrossTables, areaTotals } from "./checks/checkCrossTables.js";
export { checkSplits } from "./checks/checkSplits.js";
export { checkIndicator, printedDecimals } from "./checks/checkIndicator.js";
export { checkReport } from "./checks/checkReport.js";
export { proseVerdict, type ProseVerdict } from "./checks/proseVerdict.js";
export { approximatePrecision } from "./checks/approximatePrecision.js";
export { reportJsonSchema, reportJsonSchemaText } from "./schema/jsonSchema.js";
