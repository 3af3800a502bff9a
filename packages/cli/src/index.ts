export { main } from "./main.js";
export { commandOptions, parseCommand, type ParsedCommand, type CommandName } from "./options.js";
export { readReports, readReport, MAX_FILE_BYTES, type ImportedReport } from "./readReport.js";
export { writeAtomic } from "./writeAtomic.js";
export { InputError, type Io, EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL } from "./io.js";
