/** Norwegian display of an amount for messages: "−10 410" style with plain spaces, "tom" for a blank. */
export function formatAmount(value: number | null): string {
  if (value === null) return "tom";
  const abs = Math.abs(value);
  const [int, frac] = String(abs).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
