/**
 * The service areas (funksjonsområder) of an Oslo district's budget, and how a label names one.
 * This module is the one place these names are defined; the import, the checks, the workbook and
 * the add-in read them from here.
 */

/** The service areas, as the report's tables name them ("Funksjonsområde 2A" is `FO2A`). */
export const serviceAreas = ["FO1", "FO2A", "FO2B", "FO2C", "FO3", "FO4"] as const;

/**
 * FO4 (social services) is often printed as three tables: FO4A, FO4B (KOSTRA 276) and FO4C
 * (KOSTRA 281). Together they make up Tabell 0.1 B's FO4 row.
 */
export const FO4_PARTS = ["FO4A", "FO4B", "FO4C"] as const;

/** The area FO4_PARTS make up together. */
export const FO4 = "FO4";

/** The FO4 part whose table holds one KOSTRA function alone (FO4A holds the rest). */
export const FO4_PART_BY_FUNCTION: Readonly<Record<string, (typeof FO4_PARTS)[number]>> = { "276": "FO4B", "281": "FO4C" };

/** Whether an id is a part of FO4 (FO4A, FO4B, FO4C), not FO4 itself. */
export const isFo4Part = (id: string): boolean => (FO4_PARTS as readonly string[]).includes(id);

export type ServiceArea = (typeof serviceAreas)[number] | (typeof FO4_PARTS)[number];

/**
 * The service area a label names: "Funksjonsområde 2A" → "FO2A", "Funk.omr. 4, Sosiale
 * tjenester …" → "FO4", "Sum FO4A *)" → "FO4A", "F02C" (zero for O, a real typo) → "FO2C".
 * Null when the label names none.
 */
export function serviceAreaOf(label: string): string | null {
  const m = /(?:funksjonsområde|funk\.?\s*omr\.?|\bF[O0])\s*(\d)\s*([ABC])?(?![\dA-Za-zæøå])/i.exec(label);
  return m ? `FO${m[1]}${(m[2] ?? "").toUpperCase()}` : null;
}

/**
 * The service area a table row stands for: its label starts with the area's name
 * ("Funksjonsområde 2A …", "Funk.omr. 4, …", "FO3 …"); a label that only mentions an area further
 * on ("Sum FO4A") stands for none. Null when it names none.
 */
export function serviceAreaOfRow(label: string): string | null {
  return /^(?:funksjonsomr[åa]de|funk\.?\s*omr|f[o0]\s?\d)/iu.test(label.trim()) ? serviceAreaOf(label) : null;
}
