export { importReport, DEFAULT_MAX_CHARS, type ImportOptions } from "./importReport.js";
export { NotAReportError, isNotAReportError, notAReportReasons, type NotAReportReason } from "./errors.js";
export { decodeReportBytes, repairMojibake, type DecodedText } from "./decode.js";
