import { link, rename } from "node:fs/promises";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../packages/cli/src/io.js";
import { writeOutputs, type FileOps } from "../../packages/cli/src/outputFiles.js";

/**
 * All or nothing, for any set of outputs and any failing call: a run either puts every new file in
 * place, or leaves the folders exactly as they were (no temporary file, no backup, no lost file).
 * A failing call is injected (a full disk, an I/O error cannot be produced on demand, and root
 * ignores permissions); the calls themselves are the real ones.
 */

const base = mkdtempSync(join(tmpdir(), "bydel-tx-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length + 1)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

let round = 0;

describe("writeOutputs", () => {
  it("writes every output or none, whichever call fails", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ name: fc.constantFrom("a.json", "b.json", "a.xlsx", "sub/c.json", "ny/mappe/d.xlsx"), old: fc.boolean() }), { selector: (t) => t.name, minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.option(fc.record({ call: fc.constantFrom<keyof FileOps>("writeFile", "rename", "link"), at: fc.nat(6), code: fc.constantFrom("ENOSPC", "EIO", "EROFS", "EACCES") }), { nil: null }),
        async (targets, force, failure) => {
          const dir = join(base, String(round++));
          mkdirSync(dir);
          for (const t of targets) {
            if (!t.old) continue;
            mkdirSync(join(dir, t.name, ".."), { recursive: true });
            writeFileSync(join(dir, t.name), `gammel ${t.name}`);
          }
          const before = snapshot(dir);
          const counts: Record<string, number> = { writeFile: 0, rename: 0, link: 0 };
          const maybeFail = (call: keyof FileOps) => {
            if (failure?.call === call && counts[call]++ === failure.at) throw Object.assign(new Error(failure.code), { code: failure.code });
          };
          const ops: FileOps = {
            writeFile: async (p, c) => {
              maybeFail("writeFile");
              writeFileSync(p, c, { flag: "wx" });
            },
            rename: async (a, b) => {
              maybeFail("rename");
              await rename(a, b);
            },
            link: async (a, b) => {
              maybeFail("link");
              await link(a, b);
            },
          };
          let error: unknown = null;
          try {
            await writeOutputs(targets.map((t) => ({ path: join(dir, t.name), content: () => `ny ${t.name}` })), force, ops);
          } catch (e) {
            error = e;
          }
          if (error === null) {
            expect(snapshot(dir)).toEqual(Object.fromEntries(targets.map((t) => [t.name, `ny ${t.name}`])));
            expect(force || targets.every((t) => !t.old)).toBe(true);
          } else {
            expect(error).toBeInstanceOf(InputError);
            expect((error as Error).message).toMatch(/finnes allerede|Ingen filer er skrevet/);
            expect(snapshot(dir)).toEqual(before);
            // the folders this run created are gone again
            if (!targets.some((t) => t.old && t.name.startsWith("ny/"))) expect(readdirSync(dir).includes("ny")).toBe(false);
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
