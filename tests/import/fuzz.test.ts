import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportSchema } from "@bydel/core";
import { importReport, isNotAReportError } from "@bydel/import";

const dir = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const reports = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"].map((n) => readFileSync(`${dir}${n}.txt`, "utf8").split("\n"));

type Mutation =
  | { kind: "delete"; at: number; count: number }
  | { kind: "shuffle"; at: number; count: number; seed: number }
  | { kind: "bytes"; at: number; text: string }
  | { kind: "duplicate"; at: number; count: number }
  | { kind: "digits"; at: number; seed: number }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("shuffle" as const), at: fc.nat(), count: fc.integer({ min: 2, max: 30 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant("bytes" as const), at: fc.nat(), text: fc.string({ unit: "binary", maxLength: 40 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 15 }) }),
  fc.record({ kind: fc.constant("digits" as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const at = out.length === 0 ? 0 : m.at % out.length;
  switch (m.kind) {
    case "delete":
      out.splice(at, m.count);
      break;
    case "shuffle": {
      const part = out.slice(at, at + m.count);
      let s = m.seed;
      for (let i = part.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const j = s % (i + 1);
        [part[i], part[j]] = [part[j]!, part[i]!];
      }
      out.splice(at, part.length, ...part);
      break;
    }
    case "bytes": {
      const line = out[at] ?? "";
      const pos = m.at % (line.length + 1);
      out[at] = line.slice(0, pos) + m.text + line.slice(pos);
      break;
    }
    case "duplicate":
      out.splice(at, 0, ...out.slice(at, at + m.count));
      break;
    case "digits":
      out[at] = (out[at] ?? "").replace(/\d/g, (d) => String((Number(d) + m.seed) % 10));
      break;
    case "truncate":
      out.length = at;
      break;
  }
  return out;
}

/** A window of a fixture (tables included), mutated. Windows keep each run fast. */
const input = fc
  .record({
    report: fc.integer({ min: 0, max: reports.length - 1 }),
    start: fc.nat(),
    length: fc.integer({ min: 0, max: 1500 }),
    mutations: fc.array(mutation, { maxLength: 6 }),
  })
  .map(({ report, start, length, mutations }) => {
    const lines = reports[report]!;
    const from = start % lines.length;
    return mutations.reduce(apply, lines.slice(from, from + length)).join("\n");
  });

describe("the importer on mutated reports", () => {
  it("returns a schema-valid report or a typed not-a-report error, never throws otherwise, never hangs", () => {
    let slowest = 0;
    fc.assert(
      fc.property(input, (text) => {
        const started = performance.now();
        try {
          const r = importReport(text);
          expect(reportSchema.safeParse(r).success).toBe(true);
        } catch (e) {
          if (!isNotAReportError(e)) throw e;
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 2500, seed: 20240501 },
    );
    expect(slowest).toBeLessThan(2000);
  });

  it("handles whole mutated reports too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reports.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 10 }), (i, ms) => {
        const text = ms.reduce(apply, reports[i]!).join("\n");
        try {
          expect(reportSchema.safeParse(importReport(text)).success).toBe(true);
        } catch (e) {
          if (!isNotAReportError(e)) throw e;
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe("the search bound", () => {
  it("keeps rows with hundreds of digit groups fast and reports them instead of guessing", () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "1" : "123")).join(" ");
    const rows = Array.from({ length: 12 }, () => `Funksjonsområde 1 ${row(60)}`).join("\n");
    const text = `Årsberetning 2024 Bydel Sagene\nTabell 0.1 B Netto driftsutgifter i 1000 kr\nNetto driftsutgifter\nRegnskap\nAvvik\n${rows}\nSum netto ${row(60)}\n`;
    const started = performance.now();
    const r = importReport(text);
    expect(performance.now() - started).toBeLessThan(2000);
    const t = r.budgetTables.find((x) => x.id === "0.1B")!;
    expect(t.rows.every((row) => row.variance === null)).toBe(true);
    expect(r.findings.filter((f) => f.code === "UNREADABLE_ROW" || f.code === "AMBIGUOUS_NUMBERS").length).toBe(t.rows.length);
  });
});
