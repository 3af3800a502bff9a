import type { Line } from "./lines.js";

/** Oslo's fifteen districts, longest first so "Søndre Nordstrand" wins over "Nordstrand". */
const DISTRICTS = [
  "Søndre Nordstrand",
  "St. Hanshaugen",
  "Gamle Oslo",
  "Nordre Aker",
  "Vestre Aker",
  "Grünerløkka",
  "Nordstrand",
  "Østensjø",
  "Frogner",
  "Grorud",
  "Sagene",
  "Stovner",
  "Ullern",
  "Bjerke",
  "Alna",
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The district the report is about: the "Bydel X" named most often (a report mentions neighbours too). */
export function findDistrict(lines: readonly Line[]): string | null {
  const counts = new Map<string, number>();
  const known = new RegExp(`\\bbydel\\s+(${DISTRICTS.map(escape).join("|")})`, "giu");
  const generic = /\bBydel\s+(\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}]+)?)/gu;
  for (const { text } of lines) {
    for (const m of text.matchAll(known)) {
      const name = DISTRICTS.find((d) => d.toLowerCase() === m[1]!.toLowerCase().replace(/\s+/g, " "))!;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  if (counts.size === 0) {
    for (const { text } of lines) for (const m of text.matchAll(generic)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [name, c] of counts) if (c > n) [best, n] = [name, c];
  return best;
}

/** The report year: "Årsberetning 2024", "årsberetningen for 2024", else the year most budget headers name. */
export function findYear(lines: readonly Line[]): number | null {
  const counts = new Map<number, number>();
  for (const { text } of lines) {
    for (const m of text.matchAll(/årsberetning(?:en)?\s+(?:for\s+)?(?:år\s+)?(20\d\d)\b/giu)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  if (counts.size === 0) {
    for (const { text } of lines) {
      for (const m of text.matchAll(/(?:regulert\s+budsjett|budsjett)\s+(20\d\d)\b/giu)) {
        const y = Number(m[1]);
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
  }
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y > best)) [best, n] = [y, c];
  return best;
}
