import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportSchema } from "@bydel/core";
import { main } from "../../packages/cli/src/index.js";
import { refuseExisting, writeFileAtomic } from "../../packages/cli/src/outputFiles.js";

const reports = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const sagene = join(reports, "sagene-2024.txt");
const grunerlokka = join(reports, "grunerlokka-2024.txt");
const tmp = () => mkdtempSync(join(tmpdir(), "bydel-json-"));

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("--out-dir JSON follows the workbooks' rule", () => {
  it("refuses to overwrite an existing JSON file without --force, writing none of the others", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "grunerlokka-2024.json"), "mine");
    const r = await run("import", sagene, grunerlokka, "--json", "--out-dir", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`bydel: «${join(dir, "grunerlokka-2024.json")}» finnes allerede. Bruk --force for å overskrive den.\n`);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir)).toEqual(["grunerlokka-2024.json"]);
    expect(readFileSync(join(dir, "grunerlokka-2024.json"), "utf8")).toBe("mine");
  });

  it("names every existing file in one message", async () => {
    const dir = tmp();
    for (const n of ["sagene-2024.json", "grunerlokka-2024.json"]) writeFileSync(join(dir, n), "mine");
    const r = await run("import", sagene, grunerlokka, "--out-dir", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Disse filene finnes allerede: «.*sagene-2024\.json», «.*grunerlokka-2024\.json»\. Bruk --force for å overskrive dem\.\n$/);
  });

  it("checks the JSON files before writing a workbook, and the workbook before writing JSON", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "sagene-2024.json"), "mine");
    const r = await run("import", sagene, "--out-dir", dir, "--xlsx", join(dir, "sagene.xlsx"));
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(["sagene-2024.json"]);

    const other = tmp();
    writeFileSync(join(other, "sagene.xlsx"), "mine");
    expect((await run("import", sagene, "--out-dir", other, "--xlsx", join(other, "sagene.xlsx"))).code).toBe(2);
    expect(readdirSync(other)).toEqual(["sagene.xlsx"]);
  });

  it("overwrites with --force", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "sagene-2024.json"), "mine");
    const r = await run("import", sagene, "--json", "--out-dir", dir, "--force");
    expect(r.code).toBe(0);
    expect(reportSchema.parse(JSON.parse(readFileSync(join(dir, "sagene-2024.json"), "utf8"))).district).toBe("Sagene");
    expect(readdirSync(dir)).toEqual(["sagene-2024.json"]);
  });

  it("says so plainly when --out-dir is a file", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "ut"), "");
    const r = await run("import", sagene, "--json", "--out-dir", join(dir, "ut"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("er ikke en mappe");
    expect(statSync(join(dir, "ut")).size).toBe(0);
  });

  it("documents the rule in --help", async () => {
    const help = (await run("import", "--help")).stdout;
    expect(help).toMatch(/JSON eller arbeidsbok\) overskrives bare med --force/);
    expect(help).toMatch(/--force\s+overskriv filer \(JSON og arbeidsbøker\)/);
  });
});

describe("outputFiles", () => {
  it("refuseExisting passes with --force or when nothing is there, and names the file otherwise", async () => {
    const dir = tmp();
    const path = join(dir, "a.json");
    await expect(refuseExisting([path], false)).resolves.toBeUndefined();
    writeFileSync(path, "x");
    await expect(refuseExisting([path], true)).resolves.toBeUndefined();
    await expect(refuseExisting([path, path], false)).rejects.toThrow(`«${path}» finnes allerede.`);
  });

  it("writeFileAtomic writes text whole and never replaces a file without force", async () => {
    const dir = tmp();
    const path = join(dir, "ny", "a.json");
    await writeFileAtomic(path, "første", false);
    await expect(writeFileAtomic(path, "andre", false)).rejects.toThrow(/finnes allerede/);
    expect(readFileSync(path, "utf8")).toBe("første");
    await writeFileAtomic(path, "andre", true);
    expect(readFileSync(path, "utf8")).toBe("andre");
    expect(readdirSync(join(dir, "ny"))).toEqual(["a.json"]);
  });
});
