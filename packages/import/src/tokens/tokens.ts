import { TAIL_BLANKS, tokenize, type Token } from "./tokenize.js";

/**
 * The numeric tail of a table line: the digit groups at the end of the line, with the width of the
 * gap before each. A single space separates both thousands and columns, so the groups are kept
 * apart here and joined into numbers only by the search in `readings.ts`.
 */
export interface Group {
  /** "digits" is a run of digits; "dash" is a lone minus: a blank placeholder or the sign of the next group. */
  readonly kind: "digits" | "dash";
  readonly digits: string;
  readonly negative: boolean;
  /** Spaces before this group on its line (0 for the first token of a line). */
  readonly gap: number;
  /** Character column just after the group on its line: where a right-aligned cell ends. */
  readonly end?: number;
  /** Already a whole number: grouped with no-break spaces (nb-NO formatting) or 4+ digits unseparated. */
  readonly whole: boolean;
  /** Opens or closes an accounting-style negative "(1 234)". */
  readonly open: boolean;
  readonly close: boolean;
  /** Line number the group comes from. */
  readonly line: number;
  /** First group of a tail that follows label text on its line: a dash here may belong to the label ("Hjemmetjenester - 792 …"). */
  readonly afterLabel?: boolean;
}

export interface NumericTail {
  /** Text before the tail, trimmed. */
  readonly label: string;
  readonly groups: Group[];
}

const MINUS = /^[-\u2212]$/;
const GROUP = /^(\()?([-\u2212])?(\d+(?:[\u00A0\u202F\u2007]\d{3})*)(\))?$/;

function toGroup(t: Token, line: number): Group | null {
  if (MINUS.test(t.text)) return { kind: "dash", digits: "", negative: false, gap: t.gap, end: t.end, whole: false, open: false, close: false, line };
  const m = GROUP.exec(t.text);
  if (!m) return null;
  const raw = m[3]!;
  const joined = /[\u00A0\u202F\u2007]/.test(raw);
  const digits = raw.replace(/[\u00A0\u202F\u2007]/g, "");
  const open = m[1] !== undefined;
  const close = m[4] !== undefined;
  if (close && !open && digits.length !== 3) return null; // "2)" is a footnote marker, not a closing group
  return {
    kind: "digits",
    digits,
    negative: m[2] !== undefined || (open && close),
    gap: t.gap,
    end: t.end,
    whole: joined || digits.length > 3,
    open: open && !close,
    close: close && !open,
    line,
  };
}

/**
 * Splits a line into its label and the trailing run of integer groups. A lone dash after a label
 * is part of the label ("257 Hjemmetjenester - "); a run of dashes, or a line of dashes alone, is a
 * row of placeholders.
 */
export function numericTail(text: string, line: number): NumericTail {
  const tokens = tokenize(text.replace(/[\u00A0\u202F\u2007](?!\d{3}(?!\d))/g, " "), TAIL_BLANKS);
  const groups: Group[] = [];
  let i = tokens.length - 1;
  for (; i >= 0; i--) {
    const g = toGroup(tokens[i]!, line);
    if (!g) break;
    groups.unshift(g);
  }
  const label = tokens
    .slice(0, i + 1)
    .map((t) => t.text)
    .join(" ");
  // one dash after a label is the label's ("257 Hjemmetjenester - "); a run of them is a row of zeros in accounting style
  if (label !== "" && groups.length === 1 && groups[0]!.kind === "dash") {
    return { label: [label, ...groups.map(() => "-")].join(" "), groups: [] };
  }
  if (label !== "" && groups[0]?.kind === "dash") groups[0] = { ...groups[0]!, afterLabel: true };
  return { label, groups };
}

/** True when the line carries numbers only (no label text). */
export function isNumbersOnly(tail: NumericTail): boolean {
  return tail.label === "" && tail.groups.length > 0;
}
