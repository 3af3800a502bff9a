import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/io.js";
import { commandOptions, parseCommand } from "../src/options.js";
import { writeAtomic } from "../src/writeAtomic.js";

describe("parseCommand", () => {
  it("reads files and options of import", () => {
    const cmd = parseCommand("import", ["a.txt", "--json", "-o", "ut", "b.txt"]);
    expect(cmd.files).toEqual(["a.txt", "b.txt"]);
    expect(cmd.values).toMatchObject({ json: true, "out-dir": "ut" });
  });

  it("turns an unknown option into one usage message", () => {
    expect(() => parseCommand("check", ["--jsno", "a.txt"])).toThrow(InputError);
    expect(() => parseCommand("check", ["--jsno", "a.txt"])).toThrow(/^Ukjent valg «--jsno»\. Mente du «--json»\?\nSe «bydel check --help»\.$/);
    expect(() => parseCommand("check", ["--xlsx", "a.xlsx", "a.txt"])).toThrow(/finnes bare for «bydel import»/);
  });

  it("accepts every option declared in the one option table", () => {
    expect(Object.keys(commandOptions.import)).toEqual(expect.arrayContaining(["json", "out-dir", "help"]));
    for (const [command, spec] of Object.entries(commandOptions) as [keyof typeof commandOptions, Record<string, { type: string }>][]) {
      for (const [name, o] of Object.entries(spec)) {
        const argv = o.type === "string" ? [`--${name}`, "verdi", "a.txt"] : [`--${name}`, "a.txt"];
        expect(parseCommand(command, argv).values[name], `${command} --${name}`).toBe(o.type === "string" ? "verdi" : true);
      }
    }
  });
});

describe("writeAtomic", () => {
  it("creates the folder, replaces an existing file whole and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bydel-write-"));
    const path = join(dir, "ny", "rapport.json");
    await writeAtomic(path, "første");
    await writeAtomic(path, "andre");
    expect(readFileSync(path, "utf8")).toBe("andre");
    expect(readdirSync(join(dir, "ny"))).toEqual(["rapport.json"]);
  });

  it("fails without leaving a partial file when the target cannot be written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bydel-write-"));
    mkdirSync(join(dir, "opptatt"));
    writeFileSync(join(dir, "opptatt", "x"), "");
    await expect(writeAtomic(join(dir, "opptatt"), "data")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["opptatt"]);
    expect(readdirSync(join(dir, "opptatt"))).toEqual(["x"]);
  });
});
