import { parseRangeAddress } from "./address.js";
import { DEFAULT_FONT_SIZE } from "./measure.js";
import type { PrintSetup, SheetLayout } from "./types.js";

/** A4 in inches, and the margins every sheet prints with. */
const A4 = { width: 8.27, height: 11.69 };
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Body text is 11 pt: below this scale it would print smaller than 8 pt. */
export const MIN_PRINT_SCALE = Math.ceil((8 / DEFAULT_FONT_SIZE) * 100);
/**
 * Pixels per column unit, on the wide side: a column is as many digit widths wide as its width, and
 * LibreOffice's stand-in for Calibri (DejaVu Sans, 9.3 px at 11 pt) is wider than Calibri (7 px).
 * Measured this way a sheet that fits one page at 73 % fits it in Excel too, at a larger scale.
 */
const DIGIT_PX = 9.3;
const PADDING_PX = 5;

/** The printed width of a sheet's visible columns in points (96 px per inch, 72 pt per inch). */
export function sheetWidthPoints(sheet: SheetLayout): number {
  return sheet.columns.filter((c) => !c.hidden).reduce((sum, c) => sum + (c.width * DIGIT_PX + PADDING_PX) * 0.75, 0);
}

const printable = (paperWidth: number) => (paperWidth - MARGINS.left - MARGINS.right) * 72;

/**
 * The page setup for a sheet whose widths are final (after `fitSheet`): portrait when it fits
 * portrait, else landscape; one page wide while that keeps the text at 8 pt or more, else printed
 * at that smallest scale over as many pages wide as it takes, the label columns (the frozen ones)
 * repeated on each. A table's header row repeats on every page. Sheet name and page numbers in the footer.
 */
export function printSetup(sheet: SheetLayout, pageBreaksBefore: readonly number[] = []): PrintSetup {
  const width = sheetWidthPoints(sheet);
  const orientation = width <= printable(A4.width) ? "portrait" : "landscape";
  const page = printable(orientation === "portrait" ? A4.width : A4.height);
  const fitToWidth = (page / width) * 100 >= MIN_PRINT_SCALE;
  const header = sheet.tables[0] ? parseRangeAddress(sheet.tables[0].range).top : null;
  const labels = sheet.freeze?.columns ?? 0;
  return {
    paperSize: "A4",
    orientation,
    fitToWidth,
    scale: fitToWidth ? 100 : MIN_PRINT_SCALE,
    ...(header !== null ? { titleRows: { first: header, last: header } } : {}),
    ...(!fitToWidth && labels > 0 ? { titleColumns: { first: 0, last: labels - 1 } } : {}),
    ...(pageBreaksBefore.length > 0 ? { pageBreaksBefore: [...pageBreaksBefore] } : {}),
    footer: { left: "&A", right: "Side &P av &N" },
    margins: MARGINS,
  };
}
