import { formatNorwegian } from "../format/formatNorwegian.js";

/** A number in a message, as nb-NO prints it (every decimal it has). */
export const fmt = (x: number): string => formatNorwegian(x);
/** A signed difference in a message: "+2", "−1 337". */
export const fmtDiff = (x: number): string => (x > 0 ? "+" : "") + formatNorwegian(x);
