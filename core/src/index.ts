export * from "./schema/report.js";
