// Writes core/report.schema.json from the built zod schema (run by `npm run build -w core`, after tsc -b).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reportJsonSchemaText } from "../dist/index.js";

const out = fileURLToPath(new URL("../report.schema.json", import.meta.url));
writeFileSync(out, reportJsonSchemaText());
console.log(`wrote ${out}`);
