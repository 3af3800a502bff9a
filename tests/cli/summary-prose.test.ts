import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/cli/src/index.js";

const report = fileURLToPath(new URL("../fixtures/reports/grunerlokka-2024.txt", import.meta.url));

describe("bydel import summary", () => {
  it("counts the indicators read from the running text apart from the tables'", async () => {
    let stdout = "";
    expect(await main(["import", report], { stdout: (t) => void (stdout += t), stderr: () => {} })).toBe(0);
    const line = stdout.split("\n").find((l) => l.startsWith("Indikatorer:"));
    expect(line).toMatch(/^Indikatorer: (\d+) \((\d+) resultatindikatorer, (\d+) sykefravær, (\d+) nøkkeltall, 7 fra teksten; /);
    const [total, ...parts] = /^Indikatorer: (\d+) \((\d+) resultatindikatorer, (\d+) sykefravær, (\d+) nøkkeltall, (\d+) fra teksten/.exec(line!)!.slice(1).map(Number);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
