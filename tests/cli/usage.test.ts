import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commandOptions, main } from "../../packages/cli/src/index.js";
import { editDistance, nearest } from "../../packages/cli/src/suggest.js";

// The command's own interface: --version, Norwegian argument errors with the nearest option, repeated options.

const root = fileURLToPath(new URL("../../", import.meta.url));
const sagene = join(root, "tests/fixtures/reports/sagene-2024.txt");

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("bydel --version", () => {
  const pkg = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string };

  it("prints «bydel <version>» from package.json, exit 0, for --version and -V", async () => {
    for (const flag of ["--version", "-V"]) {
      const r = await run(flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`bydel ${pkg.version}\n`);
      expect(r.stderr).toBe("");
    }
  });

  it("is the built command's version too", () => {
    if (!existsSync(join(root, "packages/cli/dist/index.js"))) throw new Error("packages/cli/dist mangler: kjør `npx tsc -b` før testene");
    const p = spawnSync(process.execPath, [join(root, "packages/cli/bin/bydel.js"), "--version"], { encoding: "utf8" });
    expect(p.status).toBe(0);
    expect(p.stdout).toBe(`bydel ${pkg.version}\n`);
  });

  it("is listed in the top help", async () => {
    expect((await run("--help")).stdout).toMatch(/-V, --version\s+vis versjonen/);
  });
});

describe("argument errors", () => {
  it("suggests the nearest option in Norwegian, exit 2, with a hint to the help, and reads no file", async () => {
    const r = await run("import", sagene, "--xslx", "ut.xlsx");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("bydel: Ukjent valg «--xslx». Mente du «--xlsx»?\nSe «bydel import --help».\n");
  });

  it.each([
    [["import", sagene, "--jsno"], "Mente du «--json»?"],
    [["import", sagene, "--out-dr", "ut"], "Mente du «--out-dir»?"],
    [["import", sagene, "--out", "ut"], "Mente du «--out-dir»?"],
    [["import", sagene, "--workbook"], "Mente du «--workbooks»?"],
    [["import", sagene, "--forse"], "Mente du «--force»?"],
    [["import", sagene, "--JSON"], "Mente du «--json»?"],
    [["import", sagene, "-json"], "Mente du «--json»?"],
    [["import", sagene, "-out-dir", "ut"], "Ukjent valg «-out-dir». Mente du «--out-dir»?"],
    [["check", sagene, "-all"], "Ukjent valg «-all». Mente du «--all»?"],
    [["check", sagene, "--alle"], "Mente du «--all»?"],
    [["check", sagene, "--xlsx", "ut.xlsx"], "Valget «--xlsx» finnes bare for «bydel import»."],
    [["--versjon"], "Mente du «--version»?"],
    [["-v"], "Mente du «-V» (--version)?"],
    [["--json", sagene], "Valget «--json» finnes bare etter en kommando"],
    [["import", sagene, "--version"], "Valget «--version» står foran kommandoen: «bydel --version»."],
  ])("%j: %s", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/Se «bydel (import |check )?--help»\.\n$/);
  });

  it("names no option when none is near", async () => {
    const r = await run("import", sagene, "--qqqqqq");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("bydel: Ukjent valg «--qqqqqq».\nSe «bydel import --help».\n");
  });

  it("suggests the nearest command, and the import for a file given without one", async () => {
    const typo = await run("imprt", sagene);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("bydel: Ukjent kommando «imprt». Mente du «bydel import»?\nSe «bydel --help».\n");
    expect((await run("chek", sagene)).stderr).toContain("Mente du «bydel check»?");
    const file = await run("rapport.pdf");
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("Mente du «bydel import rapport.pdf»?");
    const none = await run("eksporter");
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("bydel: Ukjent kommando «eksporter». Kommandoene er «import» og «check».\nSe «bydel --help».\n");
  });

  it("refuses a single-value option given twice, in every spelling, and writes nothing", async () => {
    for (const argv of [
      ["import", sagene, "--xlsx", "a.xlsx", "--xlsx", "b.xlsx"],
      ["import", sagene, "--xlsx=a.xlsx", "--xlsx", "b.xlsx"],
      ["import", sagene, "--json", "-o", "a", "--out-dir=b"],
      ["import", sagene, "--combined", "a.xlsx", "--combined", "a.xlsx"],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^bydel: Valget «--(xlsx|out-dir|combined)» er gitt to ganger \(«a(\.xlsx)?» og «[ab](\.xlsx)?»\)\. Det tar én verdi: gi det én gang\.\nSe «bydel import --help»\.\n$/);
    }
    expect(existsSync("a.xlsx") || existsSync("b.xlsx")).toBe(false);
  });

  it("accepts a flag given twice: it means the same", async () => {
    const r = await run("check", sagene, "--all", "-a");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("MERKNAD");
  });

  it("says in Norwegian when a value is missing or not wanted", async () => {
    expect((await run("import", sagene, "--xlsx")).stderr).toBe("bydel: Valget «--xlsx» mangler verdi: skriv «--xlsx <fil.xlsx>».\nSe «bydel import --help».\n");
    expect((await run("import", sagene, "--out-dir", "--json")).stderr).toContain("Valget «--out-dir» mangler verdi");
    expect((await run("import", sagene, "--json=ja")).stderr).toContain("Valget «--json» tar ingen verdi (fikk «ja»).");
    for (const argv of [["import", sagene, "--xlsx"], ["import", sagene, "--json=ja"]]) expect((await run(...argv)).code).toBe(2);
  });

  it("never shows node's English parser messages", async () => {
    for (const argv of [["import", "--xyz"], ["import", "-z"], ["check", "--xlsx"], ["import", "--out-dir"], ["import", "--json=1"], ["--foo"]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/Unknown|option|argument|positional/);
    }
  });

  it("still reads every way of giving a value, `--` and grouped short flags", async () => {
    const grouped = await run("check", "-ah");
    expect(grouped.code).toBe(0);
    expect(grouped.stdout).toMatch(/^Bruk: bydel check/);
    // after `--` an option-like name is a file
    const r = await run("check", "--", "--all");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Finner ikke filen «--all»");
  });
});

describe("the nearest option", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("xslx", "xlsx")).toBe(1);
    expect(editDistance("json", "json")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests only what is near, from the command's own options", () => {
    const importOptions = Object.keys(commandOptions.import);
    expect(nearest("xslx", importOptions)).toBe("xlsx");
    expect(nearest("combind", importOptions)).toBe("combined");
    expect(nearest("zzz", importOptions)).toBeUndefined();
    expect(nearest("o", importOptions)).toBeUndefined();
    expect(nearest("", importOptions)).toBeUndefined();
  });
});
