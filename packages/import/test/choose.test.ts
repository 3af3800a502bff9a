import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choose, identityKey, type Key } from "../src/solve/choose.js";

type R = { readonly v: number; readonly layout: number };
const same = (a: R, b: R) => a.v === b.v;
const even = identityKey<R>((r) => r.v % 2 === 0);
const layout: Key<R> = { of: (r) => r.layout, proves: false };

describe("the reading chooser", () => {
  it("confirms the one reading the proving keys leave, whatever the preferences say", () => {
    const c = choose([{ v: 3, layout: 0 }, { v: 4, layout: 9 }], [even, layout], same);
    expect(c.basis).toBe("proof");
    expect(c.chosen).toEqual({ v: 4, layout: 9 });
    expect(c.best).toEqual([0, 9]);
  });

  it("names a reading only the preferences set apart as preferred, with the readings the proof leaves", () => {
    const c = choose([{ v: 2, layout: 5 }, { v: 4, layout: 1 }, { v: 7, layout: 0 }], [even, layout], same);
    expect(c.basis).toBe("preference");
    expect(c.chosen).toEqual({ v: 4, layout: 1 });
    expect(c.proven).toEqual([{ v: 4, layout: 1 }, { v: 2, layout: 5 }]);
    expect(c.tied).toEqual([{ v: 4, layout: 1 }]);
  });

  it("withholds readings that differ and tie on every key, listing them in the order given", () => {
    const c = choose([{ v: 6, layout: 1 }, { v: 3, layout: 0 }, { v: 2, layout: 1 }], [even, layout], same);
    expect(c.basis).toBe("withheld");
    expect(c.chosen).toBeNull();
    expect(c.tied).toEqual([{ v: 6, layout: 1 }, { v: 2, layout: 1 }]);
  });

  it("keeps every reading where the identity holds for none (the row contradicts itself)", () => {
    const c = choose([{ v: 1, layout: 0 }, { v: 3, layout: 0 }], [even], same);
    expect(c.best).toEqual([1]);
    expect(c.proven).toHaveLength(2);
    expect(c.basis).toBe("withheld");
  });

  it("readings stating the same values are one reading: never withheld for their number", () => {
    const c = choose([{ v: 2, layout: 3 }, { v: 2, layout: 3 }], [even, layout], same);
    expect(c.basis).toBe("proof");
    expect(c.chosen).toEqual({ v: 2, layout: 3 });
  });

  it("never chooses a reading another reading beats, and withholds exactly when the best ones differ", () => {
    const reading = fc.record({ v: fc.integer({ min: 0, max: 5 }), layout: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 12 }), (readings) => {
        const c = choose(readings, [even, layout], same);
        const rank = (r: R) => [r.v % 2 === 0 ? 0 : 1, r.layout];
        const min = readings.map(rank).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)[0]!;
        const best = readings.filter((r) => rank(r)[0] === min[0] && rank(r)[1] === min[1]);
        const differ = new Set(best.map((r) => r.v)).size > 1;
        expect(c.basis === "withheld").toBe(differ);
        if (!differ) expect(rank(c.chosen!)).toEqual(min);
        expect(c.ranked).toHaveLength(readings.length);
      }),
    );
  });
});
