import { formatNorwegian } from "@bydel/core";

/** An amount in a message, as nb-NO prints it (like the core's findings); "tom" for a blank cell. */
export function formatAmount(value: number | null): string {
  return value === null ? "tom" : formatNorwegian(value);
}
