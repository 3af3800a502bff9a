/**
 * Edit distance with adjacent swaps (optimal string alignment): «xslx» is one step from «xlsx»,
 * where plain Levenshtein counts two.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate a mistyped word most likely meant, or undefined when none is close: at most one
 * edit for a word of up to four letters, two for longer ones, or the start of exactly one candidate
 * («out» → «out-dir»). Case is ignored; on a tie the first candidate wins.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === "") return undefined;
  const limit = w.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = editDistance(w, c.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  const starts = w.length >= 2 ? candidates.filter((c) => c.toLowerCase().startsWith(w)) : [];
  return starts.length === 1 ? starts[0] : undefined;
}
