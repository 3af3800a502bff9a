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

const LOWER = DISTRICTS.map((d) => d.toLowerCase());

/** The district the report is about: the "Bydel X" named most often (a report mentions neighbours too). */
export function findDistrict(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\b[Bb][Yy][Dd][Ee][Ll]\s+/g)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 24).toLowerCase().replace(/\s+/g, " ");
    const k = LOWER.findIndex((d) => rest.startsWith(d) && !/\p{L}/u.test(rest[d.length] ?? ""));
    const name = k >= 0 ? DISTRICTS[k] : undefined;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size === 0) {
    for (const m of text.matchAll(/\bBydel\s+(\p{Lu}[\p{L}.]+(?:[ ]\p{Lu}\p{L}+)?)/gu)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [name, c] of counts) if (c > n) [best, n] = [name, c];
  return best;
}

function mostFrequent(text: string, re: RegExp): { year: number; count: number } | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(re)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: { year: number; count: number } | null = null;
  for (const [year, count] of counts) if (!best || count > best.count || (count === best.count && year > best.year)) best = { year, count };
  return best;
}

/**
 * The report year: the year of the budget columns ("Regulert budsjett 2024", also split over
 * lines), which every economy table prints; else "Årsberetning 2024" / "årsberetningen for 2024".
 */
export function findYear(text: string): number | null {
  const headers = mostFrequent(text, /[Bb]udsjett\s+(20\d\d)\b/g);
  if (headers && headers.count >= 3) return headers.year;
  const title = mostFrequent(text, /[ÅåAa][Rr][Ss][Bb][Ee][Rr][Ee][Tt][Nn][Ii][Nn][Gg](?:[Ee][Nn])?\s+(?:for\s+)?(?:år\s+)?(20\d\d)\b/g);
  return title?.year ?? headers?.year ?? null;
}
