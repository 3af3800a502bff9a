import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportSchema } from "@bydel/core";
import { main } from "../../packages/cli/src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (n: string) => join(root, "tests/fixtures/reports", `${n}.txt`);
const tmp = () => mkdtempSync(join(tmpdir(), "bydel-cli-"));

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("bydel import", () => {
  it("prints schema-valid report JSON with --json", async () => {
    const r = await run("import", fixture("sagene-2024"), "--json");
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.district).toBe("Sagene");
    expect(report.budgetTables.flatMap((t) => t.rows).length).toBe(68);
  });

  it("prints a Norwegian summary without --json", async () => {
    const r = await run("import", fixture("vestre-aker-2024"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bydel Vestre Aker, årsberetning 2024");
    expect(r.stdout).toMatch(/Tabell 0\.1 B netto driftsutgifter\s+linje 267\s+8 rader/);
    expect(r.stdout).toMatch(/Funn: 6 feil/); // with the pay table's 32 % + 98 % (line 4132)
    expect(r.stdout).toContain("SPLIT_MISMATCH");
  });

  it("writes one JSON file per report to --out-dir, atomically, with a progress line per file", async () => {
    const dir = tmp();
    const r = await run("import", fixture("sagene-2024"), fixture("grunerlokka-2024"), "--json", "--out-dir", dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["grunerlokka-2024.json", "sagene-2024.json"]);
    expect(reportSchema.parse(JSON.parse(readFileSync(join(dir, "grunerlokka-2024.json"), "utf8"))).district).toBe("Grünerløkka");
    expect(r.stderr.match(/^\[\d\/2\] .*tabeller/gm)?.length).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("writes nothing when one of several files is bad", async () => {
    const dir = tmp();
    const r = await run("import", fixture("sagene-2024"), join(dir, "mangler.txt"), "--out-dir", join(dir, "ut"));
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "ut"))).toBe(false);
    expect(r.stderr).toContain("Finner ikke filen");
  });

  it("asks for --out-dir when several files are imported as JSON", async () => {
    const r = await run("import", fixture("sagene-2024"), fixture("grunerlokka-2024"), "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--out-dir");
  });
});

describe("bydel check", () => {
  it("never lets an empty result read as a clean report: a truncated file says nothing was checked", async () => {
    const dir = tmp();
    const truncated = join(dir, "avkortet.txt");
    // The opening pages only: a real report heading with no table under it.
    writeFileSync(truncated, readFileSync(fixture("sagene-2024"), "utf8").split("\n").slice(0, 55).join("\n"));
    const r = await run("check", truncated);
    expect(r.stdout).toContain("ADVARSEL  NOTHING_FOUND");
    expect(r.stdout).toContain("ingenting er kontrollert");
    expect(r.stdout).not.toContain("Ingen funn");
  });

  it("says what it checked when it finds nothing", async () => {
    const dir = tmp();
    const text = readFileSync(fixture("grunerlokka-2024"), "utf8");
    const report = reportSchema.parse(JSON.parse((await run("import", fixture("grunerlokka-2024"), "--json")).stdout));
    expect(report.findings.length).toBeGreaterThan(0);
    // Only the gross Tabell 0.1 and its heading: a table whose arithmetic holds.
    const lines = text.split("\n");
    const t01 = report.budgetTables.find((t) => t.id === "0.1")!;
    const last = Math.max(...t01.rows.map((row) => row.line));
    const clean = join(dir, "ren.txt");
    writeFileSync(clean, [...lines.slice(0, 60), ...lines.slice(t01.line - 1, last)].join("\n"));
    const r = await run("check", clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Ingen funn i 1 økonomitabeller \(\d+ rader\) og 0 indikatorer\.$/m);
  });

  it("prints each finding on its line and exits 1 when the report has errors", async () => {
    const r = await run("check", fixture("sagene-2024"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("linje 248  FEIL  SUM_MISMATCH  ");
    const errors = r.stdout.split("\n").filter((l) => / FEIL /.test(l)).map((l) => Number(/^linje (\d+)/.exec(l)![1]));
    // 4650: the text's «+1,0 %» for a unit whose row gives 4,8 % (PROSE_MISMATCH); 6815: «22 personer» whose parts make 24
    expect(errors).toEqual([248, 1057, 2119, 2298, 2309, 2318, 4650, 6815]);
  });

  it("exits 0 when the report has no errors", async () => {
    const dir = tmp();
    const file = join(dir, "uten-feil.txt");
    // the first 302 lines of Vestre Aker: Tabell 0.1 and 0.1 B, whose differences are all rounding (less line 133,
    // whose «49 759 innbyggere» the population table's 52 590 contradicts)
    writeFileSync(file, readFileSync(fixture("vestre-aker-2024"), "utf8").split("\n").slice(0, 302).map((l, i) => (i === 132 ? "" : l)).join("\n"));
    const r = await run("check", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 feil, 0 advarsler, \d+ merknader?\.$/m);
    expect(r.stdout).not.toMatch(/FEIL/);
    const all = await run("check", "--all", file);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^linje \d+  MERKNAD  /m);
    expect(all.stdout).not.toMatch(/FEIL/);
  });
});

describe("help and usage", () => {
  it("prints help at top level and for every command", async () => {
    for (const argv of [["--help"], ["import", "--help"], ["check", "-h"]]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Bruk: bydel/);
    }
    expect((await run("import", "--help")).stdout).toContain("--out-dir");
  });

  it("gives one message and exit 2 for a missing command, an unknown command, an unknown option or a missing file", async () => {
    for (const argv of [[], ["eksporter"], ["import", "--xyz", fixture("sagene-2024")], ["import"]]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });
});

describe("bad input", () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ["tom.txt", "", /tom/],
    ["binær.txt", new Uint8Array([0x41, 0x00, 0x42, 0x00, 0xff]), /binær/],
    // a PDF is known by its bytes, whatever its name: this one is read as a PDF, and is broken
    ["rapport.txt", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>", /PDF-en er skadet eller avkortet/],
    ["handleliste.txt", "melk 2\nbrød 1\n", /ikke ut som en årsberetning/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: one clear message, exit 2, no output`, async () => {
      const dir = tmp();
      writeFileSync(join(dir, name), content);
      const r = await run("import", join(dir, name), "--json");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    });
  }

  it("refuses a 50 MB file at once with the size limit in the message", async () => {
    const dir = tmp();
    const file = join(dir, "stor.txt");
    writeFileSync(file, "");
    truncateSync(file, 50 * 1024 * 1024);
    const started = performance.now();
    const r = await run("import", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/grensen er 10 MB/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("reads a Windows-1252 file", async () => {
    const dir = tmp();
    const file = join(dir, "latin1.txt");
    const text = readFileSync(fixture("grunerlokka-2024"), "utf8").replace(/[^\u0000-\u00ff]/g, "?");
    writeFileSync(file, Buffer.from(text, "latin1"));
    const r = await run("import", file, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).district).toBe("Grünerløkka");
  });

  it("reports a directory given as a file", async () => {
    const r = await run("import", tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mappe/);
  });
});

describe("the built command", () => {
  it("runs as `node packages/cli/bin/bydel.js` on the built dist", () => {
    const dist = join(root, "packages/cli/dist/index.js");
    if (!existsSync(dist)) throw new Error("packages/cli/dist mangler: kjør `npm run build` (eller `npx tsc -b`) før testene");
    const p = spawnSync(process.execPath, [join(root, "packages/cli/bin/bydel.js"), "import", fixture("grunerlokka-2024"), "--json"], { encoding: "utf8" });
    expect(p.status).toBe(0);
    const report = reportSchema.parse(JSON.parse(p.stdout));
    expect(report.budgetTables.flatMap((t) => t.rows).length).toBe(67);
    const check = spawnSync(process.execPath, [join(root, "packages/cli/bin/bydel.js"), "check", fixture("grunerlokka-2024")], { encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("linje 2295  FEIL  CROSS_TABLE_MISMATCH");
  });
});
