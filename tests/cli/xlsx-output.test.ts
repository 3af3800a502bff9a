import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { importReport } from "@bydel/import";
import type { Report } from "@bydel/core";
import { main } from "../../packages/cli/src/main.js";
import { validateXlsxOptions, writeFileAtomic, writeXlsxOutputs } from "../../packages/cli/src/xlsx-output.js";
import { fixturePath } from "../workbook/report-from-expected.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "bydel-cli-xlsx-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

const sagene = fixturePath("reports", "sagene-2024");
const vestreAker = fixturePath("reports", "vestre-aker-2024");
let reports: { name: string; report: Report }[];
beforeAll(() => {
  reports = (["sagene-2024", "vestre-aker-2024"] as const).map((name) => ({ name, report: importReport(readFileSync(fixturePath("reports", name), "utf8")) }));
});

describe("bydel import --xlsx", () => {
  it("writes one workbook for one report", async () => {
    const dir = tempDir();
    const target = join(dir, "sagene.xlsx");
    const { out, io } = capture();
    expect(await main(["import", sagene, "--xlsx", target], io)).toBe(0);
    expect(await sheetNames(target)).toEqual(["Oversikt", "Økonomi", "Indikatorer", "Kontroll", "Tekstkontroll"]);
    expect(out.stderr).toContain(`Skrev ${target}`);
    expect(readdirSync(dir)).toEqual(["sagene.xlsx"]); // no temporary file left
  });

  it("never overwrites an existing file without --force: exit 2, a Norwegian message, the file untouched", async () => {
    const dir = tempDir();
    const target = join(dir, "sagene.xlsx");
    writeFileSync(target, "mine");
    const { out, io } = capture();
    expect(await main(["import", sagene, "--xlsx", target], io)).toBe(2);
    expect(out.stderr).toBe(`bydel: «${target}» finnes allerede. Bruk --force for å overskrive den.\n`);
    expect(out.stdout).toBe("");
    expect(readFileSync(target, "utf8")).toBe("mine");
    expect(readdirSync(dir)).toEqual(["sagene.xlsx"]);

    expect(await main(["import", sagene, "--xlsx", target, "--force"], capture().io)).toBe(0);
    expect(await sheetNames(target)).toContain("Økonomi");
  });

  it("writes one workbook per report into --out-dir with --workbooks, and no JSON unless asked", async () => {
    const dir = tempDir();
    const { io } = capture();
    expect(await main(["import", sagene, vestreAker, "--workbooks", "--out-dir", dir], io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["sagene-2024.xlsx", "vestre-aker-2024.xlsx"]);
    const withJson = tempDir();
    expect(await main(["import", sagene, "--workbooks", "--json", "--out-dir", withJson], capture().io)).toBe(0);
    expect(readdirSync(withJson).sort()).toEqual(["sagene-2024.json", "sagene-2024.xlsx"]);
  });

  it("writes one combined workbook with the comparison sheet", async () => {
    const dir = tempDir();
    const target = join(dir, "alle.xlsx");
    expect(await main(["import", sagene, vestreAker, "--combined", target], capture().io)).toBe(0);
    const names = await sheetNames(target);
    expect(names[0]).toBe("Sammenligning");
    expect(names).toContain("Økonomi Vestre Aker");
  });

  it("writes nothing at all when one of several targets exists", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "vestre-aker-2024.xlsx"), "old");
    const { out, io } = capture();
    expect(await main(["import", sagene, vestreAker, "--workbooks", "--out-dir", dir], io)).toBe(2);
    expect(out.stderr).toMatch(/vestre-aker-2024\.xlsx» finnes allerede\. Bruk --force/);
    expect(readdirSync(dir)).toEqual(["vestre-aker-2024.xlsx"]);
  });

  it("rejects bad usage before reading anything", async () => {
    const cases: [string[], RegExp][] = [
      [["import", sagene, vestreAker, "--xlsx", "x.xlsx"], /--xlsx <fil> gjelder én rapport/],
      [["import", sagene, "--workbooks"], /--workbooks krever --out-dir/],
      [["import", sagene, "--xlsx", "rapport.csv"], /må slutte på \.xlsx/],
      [["import", "finnes-ikke.txt", "--xlsx", "x.xlsx"], /Finner ikke filen/],
    ];
    for (const [argv, message] of cases) {
      const { out, io } = capture();
      expect(await main(argv, io)).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    expect(() => validateXlsxOptions(1, { xlsx: "a.xlsx", combined: "a.xlsx" })).toThrow(/samme fil/);
  });
});

describe("writeFileAtomic and writeXlsxOutputs", () => {
  it("refuses to replace a file that appears between the check and the write", async () => {
    const dir = tempDir();
    const target = join(dir, "a.xlsx");
    writeFileSync(target, "someone else's");
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]), false)).rejects.toThrow(/finnes allerede/);
    expect(readFileSync(target, "utf8")).toBe("someone else's");
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]), true);
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it("creates missing folders and returns what it wrote", async () => {
    const dir = join(tempDir(), "ny", "mappe");
    const { io } = capture();
    const written = await writeXlsxOutputs(reports, { workbooks: true, outDir: dir, combined: join(dir, "alle.xlsx") }, io);
    expect(written.map((p) => p.slice(dir.length + 1)).sort()).toEqual(["alle.xlsx", "sagene-2024.xlsx", "vestre-aker-2024.xlsx"]);
    expect(existsSync(join(dir, "alle.xlsx"))).toBe(true);
  });
});
