// When an import's sheets or tables get new names (the workbook already has them), the formulas
// that refer to them must follow.

export interface Renames {
  /** Lower-cased layout sheet name → the name written. */
  sheets: Map<string, string>;
  /** Lower-cased layout table name → the name written. */
  tables: Map<string, string>;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const NAME_START = "A-Za-z_\\u00C0-\\uFFFF";
const NAME_CHAR = "A-Za-z0-9_.\\u00C0-\\uFFFF";
// Outside string literals: a quoted sheet reference, an unquoted one, or an identifier before "[".
const TOKEN = new RegExp(
  `'((?:[^']|'')+)'!|(?<![${NAME_CHAR}])([${NAME_START}][${NAME_CHAR}]*)!|(?<![${NAME_CHAR}\\]])([${NAME_START}\\\\][${NAME_CHAR}]*)(?=\\[)`,
  "g",
);

/**
 * Rewrites sheet references ('Oversikt'!A1, Oversikt!A1) and structured references (Tabell[Avvik])
 * in an invariant formula after renames. String literals ("…") are left alone.
 */
export function renameReferences(formula: string, renames: Renames): string {
  if (renames.sheets.size === 0 && renames.tables.size === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(TOKEN, (whole, quoted?: string, bare?: string, table?: string) => {
            if (quoted !== undefined || bare !== undefined) {
              const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
              const to = renames.sheets.get(sheet.toLowerCase());
              return to === undefined || to === sheet ? whole : `${quoteSheet(to)}!`;
            }
            const to = renames.tables.get(table!.toLowerCase());
            return to === undefined ? whole : to;
          }),
    )
    .join("");
}
