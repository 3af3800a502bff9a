import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";

/** A seeded generator (mulberry32): the property draws the seed, so fast-check can replay a failure. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

/** What a page break leaves in the text: a bare page number, or the page footer; the page's number when the report counts its pages. */
export function pageBreakLine(rng: Rng, district: string, year: number, page?: number): string {
  return rng.chance(0.5) ? ` ${page ?? rng.int(5, 120)} ` : `Bydel ${district} • Årsberetning ${year} • ${page ?? rng.int(5, 120)}`;
}

/**
 * Runs `check` on a generated report per seed. A problem names a line ("line 46: …"); the failure
 * shows the text around it and saves the whole report to a file. GENERATED_RUNS and GENERATED_SEED
 * override the run count and seed, for soak runs.
 */
export function assertGenerated<G extends { text: string }>(
  name: string,
  generate: (seed: number) => G,
  check: (g: G) => string | null,
  defaults: { runs: number; seed: number; contextBefore: number },
): void {
  fc.assert(
    // without bias: fast-check favours small and edge integers, which repeats seeds (3 176 distinct in 4 000) and so whole reports
    fc.property(fc.noBias(fc.integer({ min: 1, max: 2 ** 31 - 1 })), (seed) => {
      const g = generate(seed);
      const problem = check(g);
      if (problem) {
        const at = Number(/line (\d+)/.exec(problem)?.[1] ?? 0);
        const context = g.text
          .split("\n")
          .slice(Math.max(0, at - defaults.contextBefore), at + 2)
          .join("\n");
        const file = join(tmpdir(), `${name}-${seed}.txt`);
        writeFileSync(file, g.text);
        throw new Error(`seed ${seed}: ${problem} (whole report: ${file})\n---\n${context}`);
      }
    }),
    { numRuns: Number(process.env.GENERATED_RUNS ?? defaults.runs), seed: Number(process.env.GENERATED_SEED ?? defaults.seed) },
  );
}
