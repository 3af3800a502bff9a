import { describe, expect, it } from "vitest";
import { splitLines } from "../src/source/lines.js";
import { assemblePages } from "../src/source/text/pages.js";
import { refuseCellsAsParagraphs } from "../src/source/text/paragraphs.js";
import { isNotAReportError } from "../src/errors.js";

const header = ["                    Regnskap   Regulert", " Beløp i 1000 kr        2023       2024      Avvik"];
const page = (n: number, body: string[]) => [`\fÅrsberetning 2024 – Bydel X`, "", ...body, "", `      ${n}`];

describe("page assembly of form-feed text", () => {
  it("drops running headers, page numbers and a table header printed again, keeping every kept line's number", () => {
    const text = [
      ...page(1, ["Tabell 0.1", ...header, " Funksjonsområde 1   1 000   2 000   1 000"]).map((l, i) => (i === 0 ? l.slice(1) : l)),
      ...page(2, [...header, " Funksjonsområde 2   3 000   4 000   1 000", " Sum                4 000   6 000   2 000"]),
      ...page(3, ["Prosa."]),
    ].join("\n");
    const lines = assemblePages(splitLines(text));
    const texts = lines.map((l) => l.text.trim());
    expect(texts).not.toContain("Årsberetning 2024 – Bydel X");
    expect(texts.filter((t) => t.startsWith("Beløp"))).toHaveLength(1);
    expect(texts.filter((t) => /^\d+$/.test(t))).toHaveLength(0);
    const i = texts.indexOf("Funksjonsområde 1   1 000   2 000   1 000");
    expect(texts[i + 1]).toMatch(/^Funksjonsområde 2/); // the table reads on across the break
    for (const l of lines) expect(splitLines(text)[l.no - 1]!.text.replace(/\f/g, " ")).toBe(l.text);
  });

  it("keeps a numbered section heading at each page's top, even where sections share a name, and drops one printed the same on every page", () => {
    const section = (n: number) => [`\f3.${n} Funksjonsområde 1: Tjenester`, "", "Prosa om tjenestene.", "", `      ${n}`];
    const own = assemblePages(splitLines([2, 3, 4, 5].flatMap(section).join("\n"))).map((l) => l.text.trim());
    expect(own.filter((t) => t.includes("Funksjonsområde"))).toEqual([2, 3, 4, 5].map((n) => `3.${n} Funksjonsområde 1: Tjenester`));
    const running = assemblePages(splitLines([2, 3, 4, 5].map((n) => ["\f3.2 Funksjonsområde 1: Tjenester", "", `Side ${n} sin prosa.`, "", `      ${n}`].join("\n")).join("\n")));
    expect(running.map((l) => l.text.trim()).filter((t) => t.includes("Funksjonsområde"))).toEqual([]);
  });

  it("keeps a header's line of years at each page's top («2019  2020  2020» under «Resultat  Mål  Resultat»)", () => {
    const sick = (n: number) => [`\fSykefravær i %           Resultat      Mål    Resultat`, "                              2019     2020        2020", "", `Totalt                      4,15%    6,00 %    1${n},10 %`, "", `      ${n}`];
    const kept = assemblePages(splitLines([1, 2, 3, 4].flatMap(sick).join("\n"))).map((l) => l.text.trim());
    expect(kept.filter((t) => t === "2019     2020        2020")).toHaveLength(4);
  });

  it("leaves text without form feeds as it is", () => {
    const lines = splitLines("a\n\nb\n  7\n");
    expect(assemblePages(lines)).toEqual(lines);
  });
});

describe("plain pdftotext (every cell its own paragraph)", () => {
  it("is refused with advice, while a layout text with many lone numbers is not", () => {
    const cells = Array.from({ length: 80 }, (_, i) => [`Funksjonsområde ${i}`, "", "49 377", "", "88 800", ""]).flat();
    let reason: string | null = null;
    try {
      refuseCellsAsParagraphs(cells);
    } catch (e) {
      reason = isNotAReportError(e) ? e.reason : "other";
      expect((e as Error).message).toContain("pdftotext -layout");
    }
    expect(reason).toBe("cells-as-paragraphs");
    const rows = Array.from({ length: 80 }, (_, i) => [` Funksjonsområde ${i}     49 377     88 800    57 750`, "   7 628"]).flat();
    expect(() => refuseCellsAsParagraphs(rows)).not.toThrow();
  });
});
