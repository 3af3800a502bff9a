import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/cli/src/index.js";

const fixture = fileURLToPath(new URL("../fixtures/reports/vestre-aker-2024.txt", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "bydel-argv-"));

describe("main on arbitrary arguments", () => {
  it("never throws and always returns a documented exit code", async () => {
    const token = fc.oneof(
      // output only ever goes to the temporary folder: "--out-dir=<tmp>" is the one form of the option offered
      fc.constantFrom("import", "check", "help", "--json", "--help", "-h", `--out-dir=${out}`, "--force", "--all", "-a", "--version", "-V", "--jsno", "-ah", "--", "-", fixture, out, join(out, "finnes-ikke.txt")),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (argv) => {
        const code = await main(argv, { stdout: () => {}, stderr: () => {} });
        expect([0, 1, 2, 3]).toContain(code);
        expect(code).not.toBe(3);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
