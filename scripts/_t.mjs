import { importReport } from "@bydel/import";
const head = (named) => `Årsberetning 2024 for Bydel Testbyen\n\nKjønnsbalanse Lønnsbalanse\n\nKategori Menn % Kvinner % Total (N) Menn (kr) Kvinner (kr) ${named ? "Kvinner andel av menn %" : "Forholdstall"}\n\n`;
const groupSpace = (n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, " ");
const groupComma = (n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
const printed = (style, kroner) => style === "space" ? groupSpace(kroner) : style === "comma" ? groupComma(kroner) : `kr ${groupSpace(kroner)},00`;
function text(style, named, rows, ratioOf, womenOf = (r) => 100 - r.men) {
  const body = rows.map((r, k) => `Kategori ${k + 1}\n${k % 2 === 0 ? 2024 : 2023} ${r.men} ${womenOf(r, k)} ${groupSpace(r.count)} ${printed(style, r.menPay)} ${printed(style, r.womenPay)} ${ratioOf(r, k)}\n\n`).join("");
  return `${head(named)}${body}Tabellen viser at det er relativt liten forskjell mellom kvinner og menns lønn i bydelen.\n`;
}
const rounded = (r) => String(Math.round((r.womenPay * 100) / r.menPay));
const cases = [
 ["kr", false, [{"men":0,"count":1,"menPay":847288,"womenPay":580392},{"men":0,"count":1,"menPay":300000,"womenPay":300000},{"men":0,"count":1,"menPay":300000,"womenPay":300000}], rounded],
 ["space", false, [{"men":0,"count":1,"menPay":877069,"womenPay":399066},{"men":0,"count":1,"menPay":300000,"womenPay":300000},{"men":0,"count":1,"menPay":300000,"womenPay":300000}], (x,k)=> k===0 ? String(Math.round((x.womenPay * 100) / x.menPay) -28) : rounded(x)],
];
for (const [st, nm, rows, rf] of cases) { const t = text(st, nm, rows, rf); console.log(t.split("\n").slice(6,8).join(" | "));
const r = importReport(t);
console.log(r.statements.filter(s=>s.reference?.column!=="kvinner %").map(s=>[s.line,s.reference?.column,s.stated.raw,s.reference?.value,s.reference?.note,s.verdict]), r.findings.filter(f=>f.code!=="NOTHING_FOUND").map(f=>f.message)); }
