import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adjustmentKinds, correctionBridge, reportSchema, statementVerdictWords, type Correction, type Finding, type Report, type Statement } from "@bydel/core";
import { buildLayout, overviewRows, PROSE_HEADER_ROW, statementColumns, statementHeaders, type Cell, type SheetLayout, type WorkbookLayout } from "@bydel/layout";
import { loadReport } from "./load-report.js";
import { sageneCorrections, sageneStatements, withSageneProse } from "./sagene-prose.js";
import { vestreAkerCorrections, vestreAkerStatements } from "./vestre-aker-prose.js";

const sheet = (layout: WorkbookLayout, name: string): SheetLayout => layout.sheets.find((s) => s.name === name)!;
const value = (c: Cell | null | undefined) => (c?.kind === "formula" ? c.expected : c?.kind === "text" || c?.kind === "number" ? c.value : c?.kind === "blank" ? null : undefined);
const textOf = (c: Cell | null | undefined) => (c?.kind === "text" ? c.value : "");
const KILDE = 10;
const stepRow = (kind: (typeof adjustmentKinds)[number]) => overviewRows.bridgeStart + 1 + adjustmentKinds.indexOf(kind);
const END = overviewRows.bridgeStart + adjustmentKinds.length + 1;
const rowsLabelled = (o: SheetLayout, label: string) => o.rows.filter((r) => textOf(r[0]) === label);
const statedRows = (o: SheetLayout) => o.rows.filter((r) => textOf(r[0]).startsWith("Oppgitt i teksten ("));

const { report: sagene } = await loadReport("sagene-2024");
const district = { level: "district", table: null, name: null } as const;
const correction = (kind: Correction["kind"], value: number, precision: number, line: number, extra: Partial<Correction> = {}): Correction => ({
  kind,
  amount: { raw: String(value), value, unit: "kNOK", precision },
  scope: district,
  line,
  quote: `Linje ${line} sier ${value}.`,
  ...extra,
});

describe("the bridge fills itself from the text (Sagene, line 256)", () => {
  const layout = buildLayout(withSageneProse(sagene));
  const o = sheet(layout, "Oversikt");

  it("keeps the table's earmarked 10 373 and shows the text's «10,37 millioner» beside it, with its line and quote", () => {
    expect(o.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "number", value: 10373, style: { fill: "FFF2CC" } });
    expect(o.rows[stepRow("earmarked")]![2]).toMatchObject({ kind: "formula", formula: "=B9", expected: 10373 });
    expect(textOf(o.rows[overviewRows.bridgeHeader]![KILDE])).toBe("Kilde");
    const source = textOf(o.rows[stepRow("earmarked")]![KILDE]);
    expect(source).toContain("Tabellen: resultat per enhet med og uten øremerkede midler, linje 4079.");
    expect(source).toContain(
      // where and what; the quote stands on Tekstkontroll, so the row stays a line or two
      "Teksten, linje 256: 10,37 millioner kroner (= 10\u00a0370 ± 5) (sitatet står i Tekstkontroll).",
    );
    expect(source).toContain("Teksten − tabellen: −3 (stemmer).");
    expect(source).toContain("Også linje 4251: 10,4 millioner kroner.");
    // the other steps: the text states none, so they stay blank inputs without a source
    for (const kind of adjustmentKinds.filter((k) => k !== "earmarked")) {
      expect(o.rows[stepRow(kind)]![2]).toMatchObject({ kind: "blank", style: { fill: "FFF2CC" } });
      expect(o.rows[stepRow(kind)]![KILDE] ?? null).toBeNull();
    }
  });

  it("computes 28 682 − 10 373 = 18 309 and holds it against the stated «18,30» (rounding) and the per-unit table's 18 306", () => {
    expect(value(o.rows[END]![3])).toBe(18309);
    expect(textOf(o.rows[END + 1]![0])).toBe("Reelt resultat holdt mot");
    // Only the result the import computed as a bridge (line 256); line 14's «+18,3» it held against the per-unit table (Tekstkontroll).
    const stated = statedRows(o);
    expect(stated.map((r) => [textOf(r[0]), value(r[2]), value(r[3]), value(r[4])])).toEqual([
      ["Oppgitt i teksten (øremerket)", 18300, -9, "stemmer innen avrunding"], // «18,30 millioner» is 18 300 ± 5, and 18 309 rounds to 18,31
    ]);
    expect(textOf(stated[0]![KILDE])).toMatch(/^linje 256: 18,30 millioner kroner \(= 18\u00a0300 ± 5\)\.$/);
    const at = o.rows.indexOf(stated[0]!) + 1;
    expect(stated[0]![3]).toMatchObject({ kind: "formula", formula: `=C${at}-($C$14+$B$15*N($C$15))` });
    expect(stated[0]![4]).toMatchObject({ kind: "formula", formula: `=IF(ROUND(ABS(D${at}),6)<=5,"stemmer",IF(ROUND(ABS(D${at}),6)<=15,"stemmer innen avrunding","motstrid"))` });
    const [units] = rowsLabelled(o, "Resultat per enhet (tabell; avvik − øremerket)");
    expect([value(units![2]), value(units![3]), value(units![4])]).toEqual([18306, -3, "tabellene avviker"]);
    expect(units![3]).toMatchObject({ formula: `=C${o.rows.indexOf(units!) + 1}-$B$10` });
  });

  it("shows the stated net variance beside the bridge's start", () => {
    expect(textOf(o.rows[overviewRows.bridgeStart]![KILDE])).toBe("Teksten, linje 256: 28,68 millioner kroner (= 28\u00a0680 ± 5): stemmer mot Tabell 0.1 B netto driftsutgifter, linje 252, avvik.");
  });

  it("counts no contradiction: line 256's rounding note is info", () => {
    const [count] = rowsLabelled(o, "Motstrid i teksten");
    expect(count![1]).toMatchObject({ kind: "formula", expected: 0 });
    expect((count![1] as { formula: string }).formula).toMatch(/^=COUNTIFS\('Kontroll'!\$B\$5:\$B\$\d+,"PROSE_MISMATCH",'Kontroll'!\$A\$5:\$A\$\d+,"<>Merknad"\)$/);
    expect(value(sheet(layout, "Kontroll").rows[2]![0])).toBe("Motstrid i teksten: 0 (tall i teksten som tabellene motsier, se arket Tekstkontroll).");
  });
});

describe("the text fills the steps the tables do not give", () => {
  const noTables: Report = { ...sagene, varianceSplits: [] };

  it("fills earmarked from line 256 (10 370, the more precise of 10,37 and 10,4) when no table has it; the verdict allows for its ± 5", () => {
    const o = sheet(buildLayout(withSageneProse(noTables)), "Oversikt");
    expect(o.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "number", value: 10370, style: { fill: "FFF2CC" } });
    expect((o.rows[overviewRows.earmarked]![1] as { note: string }).note).toMatch(/^Fra rapportteksten, linje 256: 10,37 millioner kroner/);
    expect(textOf(o.rows[overviewRows.earmarked]![2])).toBe("Oppgitt i teksten: 10,37 millioner kroner (linje 256)");
    expect(value(o.rows[overviewRows.ordinary]![1])).toBe(18312);
    expect(value(o.rows[END]![3])).toBe(18312);
    expect(textOf(o.rows[stepRow("earmarked")]![KILDE])).toMatch(/^Teksten, linje 256: 10,37 millioner kroner \(= 10\u00a0370 ± 5\) \(sitatet står i Tekstkontroll\)/);
    // 18 300 against 18 312 is 12 off, but the bridge holds the text's 10,37 (± 5): 7 beyond it, within one unit of «18,30»
    const [stated] = statedRows(o);
    expect([value(stated![3]), value(stated![4])]).toEqual([-12, "stemmer innen avrunding"]);
    expect((stated![4] as { formula: string }).formula).toContain("ROUND(MAX(0,ABS(D");
    expect(rowsLabelled(o, "Resultat per enhet (tabell; avvik − øremerket)")).toEqual([]);
  });

  it("fills any other step from the text as an input cell (St. Hanshaugen's 5,8 millioner recovered overspend), signed by the core's rule", () => {
    const report = withSageneProse(sagene, { corrections: [correction("priorYearOverspend", 5800, 50, 300), correction("other", -120, 0.5, 310)] });
    const o = sheet(buildLayout(report), "Oversikt");
    expect(o.rows[stepRow("priorYearOverspend")]![2]).toMatchObject({ kind: "number", value: 5800, style: { fill: "FFF2CC" } });
    expect(o.rows[stepRow("other")]![2]).toMatchObject({ kind: "number", value: -120, style: { fill: "FFF2CC" } });
    expect(textOf(o.rows[stepRow("priorYearOverspend")]![KILDE])).toBe("Teksten, linje 300: 5800 (= 5\u00a0800 ± 50) (sitatet står i Tekstkontroll).");
    const bridge = correctionBridge(28682, [
      { kind: "earmarked", amount: 10373 },
      { kind: "priorYearOverspend", amount: 5800 },
      { kind: "plannedOverspend", amount: 0 },
      { kind: "riskReserveRelease", amount: 0 },
      { kind: "other", amount: -120 },
    ]);
    expect(adjustmentKinds.map((k) => value(o.rows[stepRow(k)]![3]))).toEqual(bridge.steps.map((s) => s.total));
    expect(value(o.rows[END]![3])).toBe(23989);
  });

  it("withholds a step whose statements disagree, listing them (two amounts may be two corrections or a contradiction)", () => {
    const report = withSageneProse(sagene, { corrections: [correction("other", 1000, 0.5, 400), correction("other", 2500, 0.5, 420)] });
    const o = sheet(buildLayout(report), "Oversikt");
    expect(o.rows[stepRow("other")]![2]).toMatchObject({ kind: "blank", style: { fill: "FFF2CC" } });
    expect(textOf(o.rows[stepRow("other")]![KILDE])).toBe("Teksten oppgir ulike beløp: linje 400: 1000 (= 1\u00a0000 ± 0,5); linje 420: 2500 (= 2\u00a0500 ± 0,5). Fyll inn det som gjelder (se Tekstkontroll).");
    expect(value(o.rows[END]![3])).toBe(18309);
  });

  it("leaves a service area's correction out of the district's bridge", () => {
    const report = withSageneProse(sagene, { corrections: [correction("plannedOverspend", 3000, 50, 500, { scope: { level: "serviceArea", table: "FO3", name: null } })] });
    const o = sheet(buildLayout(report), "Oversikt");
    expect(o.rows[stepRow("plannedOverspend")]![2]).toMatchObject({ kind: "blank" });
  });
});

describe("a text that states its bridge in steps (Vestre Aker, lines 76–78 and 252–259)", () => {
  it("holds each stated result against the same steps of the bridge: −105 after earmarked, −64 after the planned overspend too", async () => {
    const { report: va } = await loadReport("vestre-aker-2024");
    const report = reportSchema.parse({ ...va, corrections: vestreAkerCorrections, statements: vestreAkerStatements });
    const o = sheet(buildLayout(report), "Oversikt");
    // −85 142 − 20 040 (the split table) + 36 000 + 41 000 (the text) = −28 182
    expect(o.rows[stepRow("priorYearOverspend")]![2]).toMatchObject({ kind: "number", value: 36000, style: { fill: "FFF2CC" } });
    expect(o.rows[stepRow("plannedOverspend")]![2]).toMatchObject({ kind: "number", value: 41000 });
    expect(value(o.rows[END]![3])).toBe(-28182);
    const stated = statedRows(o);
    expect(stated.map((r) => [textOf(r[0]), value(r[2]), value(r[3]), value(r[4])])).toEqual([
      ["Oppgitt i teksten (øremerket)", -105000, 182, "stemmer"],
      ["Oppgitt i teksten (øremerket + planlagt)", -64000, 182, "stemmer"],
    ]);
    const at = o.rows.indexOf(stated[1]!) + 1;
    expect(stated[1]![3]).toMatchObject({ formula: `=C${at}-($C$14+$B$15*N($C$15)+$B$17*N($C$17))` });
    expect(textOf(stated[1]![KILDE])).toContain("Broen bruker tall fra teksten (± 500)");
  });

  it("makes no comparison when the bridge lacks the steps the text's chain holds", async () => {
    const { report: va } = await loadReport("vestre-aker-2024");
    // without the planned overspend, no subset of the bridge comes near the text's −64 180
    const report = reportSchema.parse({ ...va, corrections: vestreAkerCorrections.filter((c) => c.kind !== "plannedOverspend"), statements: vestreAkerStatements });
    const o = sheet(buildLayout(report), "Oversikt");
    const row = o.rows.find((r) => textOf(r[0]) === "Oppgitt i teksten")!;
    expect([value(row[2]), row[3]?.kind, value(row[4])]).toEqual([-64000, "blank", "ikke sammenlignet"]);
    expect(textOf(row[KILDE])).toMatch(/Tekstens regnestykke gir −64\u00a0180; broen har ikke stegene det bygger på/);
  });
});

describe("Tekstkontroll", () => {
  const contradiction: Statement = {
    subject: "netVariance",
    scope: { level: "serviceArea", table: "FO3", name: null },
    stated: { raw: "=8,4 millioner", value: -8400, unit: "kNOK", precision: 50 },
    line: 600,
    quote: "=HYPERLINK(\"http://x\",\"merforbruk på 8,4 millioner\")",
    reference: { table: "FO3", line: 610, column: "variance", value: -10410 },
    difference: 2010,
    verdict: "contradicts",
  };
  const finding: Finding = { severity: "error", code: "PROSE_MISMATCH", line: 600, message: "Teksten oppgir FO3s avvik som −8,4 millioner; tabellen har −10 410.", stated: -8400, computed: -10410 };
  const report = withSageneProse(sagene, { statements: [contradiction], findings: [finding], corrections: [correction("plannedOverspend", 3000, 50, 500, { scope: { level: "serviceArea", table: "FO3", name: null } })] });
  const layout = buildLayout(report);
  const t = sheet(layout, "Tekstkontroll");
  const body = t.rows.slice(PROSE_HEADER_ROW + 1, PROSE_HEADER_ROW + 1 + report.statements.length);
  const c = statementColumns;

  it("has one row per statement in line order, the quote as text, the difference a formula of the two cells, the verdict in Norwegian", () => {
    expect(t.rows[PROSE_HEADER_ROW]!.map(textOf)).toEqual([...statementHeaders]);
    expect(t.tables[0]).toMatchObject({ name: "Tekstkontroll", range: `A4:J${4 + report.statements.length}` });
    expect(body.map((r) => value(r[c.line]))).toEqual([14, 256, 256, 256, 600, 4251]);
    expect(body.map((r) => value(r[c.verdict]))).toEqual(["stemmer", "stemmer", "stemmer", "stemmer innen avrunding", "motstrid", "stemmer"]);
    const line256 = body[1]!;
    expect(line256[c.quote]).toMatchObject({ kind: "text", value: sageneStatements[1]!.quote });
    expect(line256[c.difference]).toMatchObject({ kind: "formula", formula: '=IF(H6="","",E6-H6)', expected: -2 });
    expect(value(line256[c.reference])).toBe("Tabell 0.1 B netto driftsutgifter, linje 252, avvik");
    expect(value(body[2]![c.reference])).toBe("resultat per enhet, linje 4079, avvik øremerkede midler");
    expect(value(body[3]![c.reference])).toBe("broen (tekstens korreksjoner)");
    const hostile = body[4]!;
    expect(hostile[c.quote]).toMatchObject({ kind: "text", value: contradiction.quote });
    expect(hostile[c.raw]).toMatchObject({ kind: "text", value: "=8,4 millioner" });
    expect(hostile[c.verdict]).toMatchObject({ style: { bold: true, fontColor: "C00000" } });
    expect(value(hostile[c.difference])).toBe(2010);
    expect(value(t.rows[2]![0])).toBe("6 utsagn: 4 stemmer, 1 stemmer innen avrunding, 1 motstrid.");
  });

  it("lists the corrections and whether the bridge uses them", () => {
    const start = t.rows.findIndex((r) => textOf(r[0]) === "Korreksjoner teksten oppgir") + 1;
    const rows = t.rows.slice(start + 1, start + 4);
    expect(rows.map((r) => [value(r[0]), value(r[1]), value(r[4]), value(r[5]), value(r[6])])).toEqual([
      [256, "Øremerkede midler (ubrukt) – bydelen", 10370, 5, "Ja, der ingen tabell gir beløpet; ellers vist ved siden av tabellens tall"],
      [500, "Planlagt merforbruk – FO3", 3000, 50, "Nei: gjelder FO3, broen gjelder bydelen"],
      [4251, "Øremerkede midler (ubrukt) – bydelen", 10400, 50, "Samme korreksjon som linje 256 (den mest presise)"],
    ]);
    expect(rows[0]![2]).toMatchObject({ kind: "text", value: sageneCorrections[0]!.quote });
    expect(t.tables[1]).toMatchObject({ name: "Tekstkorreksjoner", range: `A${start + 1}:G${start + 4}` });
  });

  it("counts and lists the contradiction on Kontroll and on the overview", () => {
    expect(value(sheet(layout, "Kontroll").rows[2]![0])).toBe("Motstrid i teksten: 1 (tall i teksten som tabellene motsier, se arket Tekstkontroll).");
    const o = sheet(layout, "Oversikt");
    const at = o.rows.findIndex((r) => textOf(r[0]) === "Motstrid i teksten");
    expect(value(o.rows[at]![1])).toBe(1);
    expect(textOf(o.rows[at + 1]![0])).toBe(`linje 600: ${finding.message}`);
  });

  it("says so when the import found nothing in the text", () => {
    const empty = sheet(buildLayout({ ...sagene, corrections: [], statements: [] }), "Tekstkontroll");
    expect(value(empty.rows[2]![0])).toBe("Importen fant ingen beløp i teksten å holde mot tabellene.");
    expect(empty.tables.map((x) => x.range)).toEqual(["A4:J5", "A8:G9"]);
  });
});

describe("any stated corrections and statements (generated)", () => {
  const precision = fc.constantFrom(0, 0.5, 5, 50, 500);
  const scope = fc.oneof(
    fc.constant(district),
    fc.record({ level: fc.constant("serviceArea" as const), table: fc.constantFrom("FO1", "FO3", null), name: fc.constant(null) }),
    fc.record({ level: fc.constant("unit" as const), table: fc.constant(null), name: fc.option(fc.string({ maxLength: 20 }), { nil: null }) }),
  );
  const text = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("=1+2", "+47 22", "-herav", "@SUM(A1)", "\u0000\u000c ctrl", "<b>x</b>"));
  const amountArb = fc.record({
    raw: text,
    value: fc.integer({ min: -100_000, max: 100_000 }).chain((v) => fc.constantFrom(v, v / 10, v / 100)),
    unit: fc.constantFrom("kNOK" as const, "kNOK" as const, "percent" as const),
    precision,
  });
  const correctionArb = fc.record({ kind: fc.constantFrom(...adjustmentKinds), amount: amountArb, scope, line: fc.integer({ min: 1, max: 9000 }), quote: text });
  const statementArb = fc
    .record({
      subject: fc.constantFrom("netVariance", "grossVariance", "earmarked", "ordinaryResult", "revisedBudget", "actual", "previousResult", "arithmetic" as const),
      scope,
      stated: amountArb,
      line: fc.integer({ min: 1, max: 9000 }),
      quote: text,
      reference: fc.option(fc.record({ table: fc.constantFrom("0.1B", "FO3", "bridge", "text", "enhet"), line: fc.option(fc.integer({ min: 1, max: 9000 }), { nil: null }), column: fc.option(fc.constantFrom("variance", "actual"), { nil: null }), value: fc.integer({ min: -100_000, max: 100_000 }) }), { nil: null }),
      verdict: fc.constantFrom("agrees", "withinRounding", "contradicts", "unmatched" as const),
    })
    .map((s) => ({ ...s, difference: s.reference ? s.stated.value - s.reference.value : null }));

  it("builds a valid workbook; each step holds the text's amount exactly when its district statements agree; every quote stays text", () => {
    fc.assert(
      fc.property(fc.array(correctionArb, { maxLength: 6 }), fc.array(statementArb, { maxLength: 6 }), fc.boolean(), (corrections, statements, withTables) => {
        const report = reportSchema.parse({ ...sagene, varianceSplits: withTables ? sagene.varianceSplits : [], corrections, statements });
        const layout = buildLayout(report);
        const o = sheet(layout, "Oversikt");
        const amounts = adjustmentKinds.map((kind) => {
          const own = report.corrections.filter((x) => x.kind === kind && x.scope.level === "district" && x.amount.unit === "kNOK");
          const agree = own.every((a) => own.every((b) => Math.abs(a.amount.value - b.amount.value) <= a.amount.precision + b.amount.precision + 1e-9));
          const chosen = agree && own.length ? [...own].sort((a, b) => a.amount.precision - b.amount.precision || a.line - b.line)[0]! : null;
          if (kind === "earmarked") {
            const cell = o.rows[overviewRows.earmarked]![1]!;
            if (withTables) expect(cell).toMatchObject({ kind: "number", value: 10373 });
            else if (chosen) expect(cell).toMatchObject({ kind: "number", value: chosen.amount.value, style: { fill: "FFF2CC" } });
            else expect(cell.kind).toBe("blank");
            return withTables ? 10373 : (chosen?.amount.value ?? 0);
          }
          const cell = o.rows[stepRow(kind)]![2]!;
          if (chosen) expect(cell).toMatchObject({ kind: "number", value: chosen.amount.value, style: { fill: "FFF2CC" } });
          else expect(cell).toMatchObject({ kind: "blank", style: { fill: "FFF2CC" } });
          return chosen?.amount.value ?? 0;
        });
        const bridge = correctionBridge(28682, adjustmentKinds.map((kind, i) => ({ kind, amount: amounts[i]! })));
        expect(value(o.rows[END]![3])).toBe(bridge.result);
        // every stated district result in kNOK has one row (the import's bridge results, else the ordinary results), its verdict one of the words
        const district = report.statements.filter((s) => s.scope.level === "district" && s.stated.unit === "kNOK");
        const bridged = district.filter((s) => s.reference?.table === "bridge");
        const results = new Set((bridged.length > 0 ? bridged : district.filter((s) => s.subject === "ordinaryResult")).map((s) => `${s.line}|${s.stated.value}|${s.stated.raw}`));
        const rows = o.rows.filter((r) => textOf(r[0]).startsWith("Oppgitt i teksten"));
        expect(rows).toHaveLength(results.size);
        for (const r of rows) expect(["stemmer", "stemmer innen avrunding", "motstrid", "ikke sammenlignet"]).toContain(value(r[4]));
        // Tekstkontroll: one row per statement, each quote a text cell, never a formula
        const t = sheet(layout, "Tekstkontroll");
        const body = t.rows.slice(PROSE_HEADER_ROW + 1, PROSE_HEADER_ROW + 1 + report.statements.length);
        if (report.statements.length > 0) {
          expect(body.map((r) => r[statementColumns.quote]!.kind)).toEqual(report.statements.map(() => "text"));
          expect(body.map((r) => value(r[statementColumns.verdict]))).toEqual([...report.statements].sort((a, b) => a.line - b.line).map((s) => statementVerdictWords[s.verdict]));
        }
        for (const s of layout.sheets)
          for (const cell of s.rows.flat())
            if (cell?.kind === "formula") {
              expect(cell.formula.startsWith("=")).toBe(true);
              expect(cell.expected === "" || typeof cell.expected === "string" || Number.isFinite(cell.expected)).toBe(true);
            } else if (cell?.kind === "number") expect(Number.isFinite(cell.value)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

// The fixture's own statements parse as the schema says.
it("Sagene's prose fixture is valid report JSON", () => {
  expect(() => reportSchema.parse({ ...sagene, corrections: sageneCorrections, statements: sageneStatements })).not.toThrow();
});
