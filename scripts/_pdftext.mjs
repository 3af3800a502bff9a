import { readFileSync } from "node:fs";
import { readPdf } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";
const r = await readPdf(new Uint8Array(readFileSync(process.argv[2])), {pdfjs: await loadNodePdfjs()});
const t = r.text ?? "";
const i = t.indexOf(process.argv[3]);
console.log(t.slice(i, i + 1500));
