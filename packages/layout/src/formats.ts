/** Invariant number format codes (Excel shows them with the user's separators: 1 234 567 in nb-NO). */
export const formats = {
  /** Money in the table's unit (1000 kr). */
  money: "#,##0",
  /** Variance in percent of the revised budget. */
  percent: "0.0%",
  /** An indicator value in percent (51 → "51,0 %"). */
  percentValue: '0.0#" %"',
  /** A deviation between two percentages, in percentage points. */
  percentagePoints: '+0.0#" pp";-0.0#" pp";0.0" pp"',
  /** A count the running text states with decimals (årsverk 1 052,15); a whole count takes `money`'s. */
  countDecimals: "#,##0.00",
  /** Scores, days and other decimals. */
  decimal: "0.0#",
  signedDecimal: "+0.0#;-0.0#;0.0",
  integer: "0",
  /** Shows nothing: a cell that is there for its data bar, beside the cell that shows the number. */
  hidden: ";;;",
  /** The sign of a correction step: 1 adds, −1 subtracts. */
  bridgeSign: '"legg til (+)";"trekk fra (−)";"0"',
} as const;
