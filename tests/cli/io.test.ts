import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportSchema } from "@bydel/core";
import { main } from "../../packages/cli/src/index.js";
import type { FileOps } from "../../packages/cli/src/outputFiles.js";
import { writeOutputs } from "../../packages/cli/src/outputFiles.js";
import { megabytes } from "../../packages/cli/src/readReport.js";

/**
 * The command's input and output under bad conditions: pipes and devices that never end or never
 * deliver, files in odd encodings, and writes that fail. Every case: exit 2, one Norwegian message,
 * no stack trace, no hang (reads time out after BYDEL_READ_TIMEOUT_MS), no partial or lost file.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "packages/cli/bin/bydel.js");
const fixture = (n: string) => join(root, "tests/fixtures/reports", `${n}.txt`);
const sagene = fixture("sagene-2024");
const vestreAker = fixture("vestre-aker-2024");

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "bydel-io-"));
  dirs.push(d);
  return d;
};
const children: number[] = [];
afterEach(() => {
  for (const pid of children.splice(0)) {
    try {
      process.kill(pid);
    } catch {
      // already gone
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let savedTimeout: string | undefined;
beforeEach(() => {
  savedTimeout = process.env.BYDEL_READ_TIMEOUT_MS;
  process.env.BYDEL_READ_TIMEOUT_MS = "400";
});
afterEach(() => {
  if (savedTimeout === undefined) delete process.env.BYDEL_READ_TIMEOUT_MS;
  else process.env.BYDEL_READ_TIMEOUT_MS = savedTimeout;
});

async function run(argv: string[], files?: Partial<FileOps>) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), files });
  return { code, stdout, stderr };
}

/** One message, in Norwegian, and nothing that looks like a stack trace. */
function expectOneMessage(stderr: string, message: RegExp) {
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(/\n\s+at |intern feil|Error:/);
  // one message, and for a usage error the hint to the command's help after it
  expect(stderr.trim().split("\n").filter((l) => !/^Se «bydel/u.test(l))).toHaveLength(1);
}

/** Every file under `dir`, with its bytes, to compare before and after a failed run. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).toString("base64");
  }
  return out;
}

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe("bounded input", () => {
  it("a FIFO with no writer times out with one message, exit 2", async () => {
    const dir = tmp();
    const fifo = join(dir, "rør");
    execFileSync("mkfifo", [fifo]);
    const started = performance.now();
    const r = await run(["import", fifo, "--out-dir", join(dir, "ut")]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /Fikk ingen data fra «.*rør» på 0,4 sekunder/);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(existsSync(join(dir, "ut"))).toBe(false);
  });

  it("a FIFO whose writer opens it and sends nothing times out too", async () => {
    const dir = tmp();
    const fifo = join(dir, "rør");
    execFileSync("mkfifo", [fifo]);
    // a writer that holds the FIFO open and never writes
    const writer = spawn("sh", ["-c", `exec 3>"${fifo}"; sleep 20`], { stdio: "ignore" });
    children.push(writer.pid!);
    const r = await run(["check", fifo]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /Fikk ingen data/);
  });

  it("a FIFO that delivers a report is read like the file", async () => {
    const dir = tmp();
    const fifo = join(dir, "rør");
    execFileSync("mkfifo", [fifo]);
    process.env.BYDEL_READ_TIMEOUT_MS = "20000";
    const writer = spawn("sh", ["-c", `sleep 0.2; cat "${sagene}" > "${fifo}"`], { stdio: "ignore" });
    children.push(writer.pid!);
    const viaFifo = await run(["import", fifo, "--json"]);
    const viaFile = await run(["import", sagene, "--json"]);
    expect(viaFifo.code).toBe(0);
    expect(viaFifo.stdout).toBe(viaFile.stdout);
  });

  it("/dev/zero is refused after the limit plus one byte, not read to the end", async () => {
    const started = performance.now();
    const r = await run(["import", "/dev/zero"]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /«\/dev\/zero» er over 10 MB; grensen er 10 MB/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("reads /dev/stdin from a pipe", () => {
    const p = spawnSync(process.execPath, [bin, "import", "/dev/stdin", "--json"], { input: readFileSync(vestreAker), encoding: "utf8" });
    expect(p.status).toBe(0);
    expect(reportSchema.parse(JSON.parse(p.stdout)).district).toBe("Vestre Aker");
  });

  it("gives sizes with one decimal: a 10.18 MB file «er 10,2 MB; grensen er 10 MB»", async () => {
    const dir = tmp();
    const file = join(dir, "stor.txt");
    writeFileSync(file, "");
    truncateSync(file, 10_180_000);
    const r = await run(["import", file]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /er 10,2 MB; grensen er 10 MB\./);
    // just over the limit is never shown as the limit itself
    expect(megabytes(10_040_000, 1e6, 10_000_000)).toBe("10,04 MB");
    expect(megabytes(10_000_001, 1e6, 10_000_000)).toBe("10,000001 MB");
    expect(megabytes(52_428_800, 1e6)).toBe("52,4 MB");
  });
});

describe("encodings and line ends", () => {
  const utf8 = readFileSync(sagene, "utf8");
  let expected: string;
  beforeEach(async () => {
    expected ??= (await run(["import", sagene, "--json"])).stdout;
  });

  function utf32(text: string, little: boolean): Buffer {
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (little ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
    return b;
  }
  const be16 = (text: string) => Buffer.from(text, "utf16le").swap16();
  const encodings: [string, Buffer][] = [
    ["UTF-16 LE uten BOM", Buffer.from(utf8, "utf16le")],
    ["UTF-16 BE uten BOM", be16(utf8)],
    ["UTF-32 LE uten BOM", utf32(utf8, true)],
    ["UTF-32 BE uten BOM", utf32(utf8, false)],
    ["UTF-32 LE med BOM", utf32(`\uFEFF${utf8}`, true)],
    ["UTF-32 BE med BOM", utf32(`\uFEFF${utf8}`, false)],
  ];
  for (const [name, bytes] of encodings) {
    it(`reads ${name} as the same report`, async () => {
      const file = join(tmp(), "rapport.txt");
      writeFileSync(file, bytes);
      const r = await run(["import", file, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expected);
    });
  }

  it("still calls binary data binary", async () => {
    const file = join(tmp(), "data.bin");
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251 < 60 ? 0 : (i * 31) % 256;
    writeFileSync(file, bytes);
    const r = await run(["import", file]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /binær/);
  });

  for (const [name, eol] of [["U+2028", "\u2028"], ["U+2029", "\u2029"], ["CR", "\r"], ["CRLF", "\r\n"]] as const) {
    it(`reads ${name} line ends as line ends`, async () => {
      const file = join(tmp(), "rapport.txt");
      writeFileSync(file, utf8.replace(/\n/g, eol));
      const r = await run(["import", file, "--json"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expected);
    });
  }

  it("a check that read no tables and no indicators exits 2, never 0", async () => {
    const file = join(tmp(), "avkortet.txt");
    writeFileSync(file, utf8.split("\n").slice(0, 55).join("\n"));
    const r = await run(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("NOTHING_FOUND");
    expectOneMessage(r.stderr, /Ingenting er kontrollert i «.*avkortet\.txt»: fant 0 økonomitabeller og 0 indikatorer/);
  });
});

describe("all or nothing on disk", () => {
  it("a workbook whose folder is a file (ENOTDIR): exit 2, a message, and the JSON of the same run is not written", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "fil"), "x");
    const r = await run(["import", sagene, "--xlsx", join(dir, "fil", "r.xlsx"), "--out-dir", join(dir, "ut")]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /Kan ikke skrive «.*r\.xlsx»: «.*fil» er ikke en mappe, men en fil\. Ingen filer er skrevet\./);
    expect(readdirSync(dir)).toEqual(["fil"]);
  });

  it("a workbook target that is a folder (EISDIR): exit 2 with or without --force, the folder untouched", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "r.xlsx"));
    writeFileSync(join(dir, "r.xlsx", "inni"), "x");
    for (const force of [[], ["--force"]]) {
      const r = await run(["import", sagene, "--xlsx", join(dir, "r.xlsx"), ...force]);
      expect(r.code).toBe(2);
      expectOneMessage(r.stderr, /«.*r\.xlsx»: det er en mappe; oppgi et filnavn/);
      expect(readdirSync(dir)).toEqual(["r.xlsx"]);
      expect(readdirSync(join(dir, "r.xlsx"))).toEqual(["inni"]);
    }
  });

  it("a folder the run may not write in (EACCES, real: sysfs refuses new files even to root)", async () => {
    const dir = tmp();
    const r = await run(["import", sagene, "--xlsx", "/sys/bydel-test.xlsx", "--out-dir", join(dir, "ut")]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /Kan ikke skrive «\/sys\/bydel-test\.xlsx»: mangler skrivetilgang til mappen «\/sys»\. Ingen filer er skrevet/);
    expect(existsSync(join(dir, "ut"))).toBe(false);
  });

  // A full disk and a read-only file system cannot be produced here as root without mounting one:
  // the failure is injected through the write function the command uses (Io.files).
  for (const code of ["ENOSPC", "EROFS", "EACCES", "EIO"]) {
    it(`${code} on the JSON after the workbook: exit 2, neither file left, no temporary file`, async () => {
      const dir = tmp();
      const failJson: Partial<FileOps> = {
        writeFile: async (path, content) => {
          if (path.includes(".json.")) throw errno(code);
          writeFileSync(path, content, { flag: "wx" });
        },
      };
      const r = await run(["import", sagene, "--xlsx", join(dir, "r.xlsx"), "--json", "--out-dir", dir], failJson);
      expect(r.code).toBe(2);
      expectOneMessage(r.stderr, /Kan ikke skrive «.*sagene-2024\.json»: .*\. Ingen filer er skrevet\./);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it("--workbooks --force on a full disk keeps every previous workbook (failure on the second write)", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "sagene-2024.xlsx"), "gammel sagene");
    writeFileSync(join(dir, "vestre-aker-2024.xlsx"), "gammel vestre aker");
    const before = snapshot(dir);
    let writes = 0;
    const fullOnSecond: Partial<FileOps> = {
      writeFile: async (path, content) => {
        if (++writes === 2) throw errno("ENOSPC");
        writeFileSync(path, content, { flag: "wx" });
      },
    };
    const r = await run(["import", sagene, vestreAker, "--workbooks", "--out-dir", dir, "--force"], fullOnSecond);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr.replace(/^\[\d\/2\].*\n/gm, ""), /ikke plass på disken\. Ingen filer er skrevet eller endret\./);
    expect(snapshot(dir)).toEqual(before);
  });

  it("--workbooks --force puts every previous workbook back when a move into place fails", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "sagene-2024.xlsx"), "gammel sagene");
    writeFileSync(join(dir, "vestre-aker-2024.xlsx"), "gammel vestre aker");
    writeFileSync(join(dir, "sagene-2024.json"), "gammel json");
    const before = snapshot(dir);
    let renames = 0;
    const failThirdMove: Partial<FileOps> = {
      rename: async (from, to) => {
        if (from.endsWith(".tmp") && ++renames === 3) throw errno("EIO");
        const { rename } = await import("node:fs/promises");
        await rename(from, to);
      },
    };
    const r = await run(["import", sagene, vestreAker, "--workbooks", "--json", "--out-dir", dir, "--force"], failThirdMove);
    expect(r.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
    // and the same run without the failure replaces all of them
    const ok = await run(["import", sagene, vestreAker, "--workbooks", "--json", "--out-dir", dir, "--force"]);
    expect(ok.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["sagene-2024.json", "sagene-2024.xlsx", "vestre-aker-2024.json", "vestre-aker-2024.xlsx"]);
    expect(readFileSync(join(dir, "sagene-2024.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("a file that appears between the check and the move is not replaced, and the run's other file is taken back", async () => {
    const dir = tmp();
    let writes = 0;
    // someone else creates the second target while this run writes its temporary files
    const racing: Partial<FileOps> = {
      writeFile: async (path, content) => {
        writeFileSync(path, content, { flag: "wx" });
        if (++writes === 2) writeFileSync(join(dir, "b.json"), "someone else's");
      },
    };
    await expect(writeOutputs([{ path: join(dir, "a.json"), content: () => "a" }, { path: join(dir, "b.json"), content: () => "b" }], false, racing)).rejects.toThrow(
      /«.*b\.json» finnes allerede\. Bruk --force for å overskrive den\. Ingen filer er skrevet\./,
    );
    expect(snapshot(dir)).toEqual({ "b.json": Buffer.from("someone else's").toString("base64") });
  });

  it("writeOutputs removes the folders it created when it fails", async () => {
    const dir = tmp();
    const fail: Partial<FileOps> = { writeFile: async () => Promise.reject(errno("ENOSPC")) };
    await expect(writeOutputs([{ path: join(dir, "ny", "mappe", "a.json"), content: () => "{}" }], false, fail)).rejects.toThrow(/ikke plass på disken/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("two outputs on one file, and options given twice", () => {
  it("--xlsx r.xlsx --combined ./r.xlsx is refused before anything is written, --force or not", async () => {
    const dir = tmp();
    for (const force of [[], ["--force"]]) {
      const r = await run(["import", sagene, "--xlsx", join(dir, "r.xlsx"), "--combined", join(dir, ".", "r.xlsx"), ...force]);
      expect(r.code).toBe(2);
      expectOneMessage(r.stderr, /samme fil/);
      expect(r.stderr).not.toContain("Skrev");
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it("the same file through a symbolic link is the same file", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "ekte"));
    symlinkSync(join(dir, "ekte"), join(dir, "lenke"));
    writeFileSync(join(dir, "ekte", "r.xlsx"), "gammel");
    const r = await run(["import", sagene, "--xlsx", join(dir, "lenke", "r.xlsx"), "--combined", join(dir, "ekte", "r.xlsx"), "--force"]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /«.*lenke\/r\.xlsx» og «.*ekte\/r\.xlsx» er samme fil/);
    expect(readFileSync(join(dir, "ekte", "r.xlsx"), "utf8")).toBe("gammel");
  });

  it("--xlsx into the --workbooks folder under a workbook's own name is refused", async () => {
    const dir = tmp();
    const r = await run(["import", sagene, "--workbooks", "--out-dir", dir, "--xlsx", join(dir, "sagene-2024.xlsx")]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /oppgitt som utdata to ganger/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--xlsx a --xlsx b is refused, nothing written", async () => {
    const dir = tmp();
    const r = await run(["import", sagene, "--xlsx", join(dir, "a.xlsx"), `--xlsx=${join(dir, "b.xlsx")}`]);
    expect(r.code).toBe(2);
    expectOneMessage(r.stderr, /Valget «--xlsx» er gitt to ganger \(«.*a\.xlsx» og «.*b\.xlsx»\)/);
    expect(readdirSync(dir)).toEqual([]);
    const short = await run(["import", sagene, "-o", join(dir, "a"), "--out-dir", join(dir, "b")]);
    expect(short.code).toBe(2);
    expectOneMessage(short.stderr, /Valget «--out-dir» er gitt to ganger/);
    expect(readdirSync(dir)).toEqual([]);
    // a flag given twice says the same thing twice: no harm
    expect((await run(["import", sagene, "--json", "--json"])).code).toBe(0);
  });

  it("prints «Skrev» once per file written", async () => {
    const dir = tmp();
    const r = await run(["import", sagene, vestreAker, "--workbooks", "--json", "--out-dir", dir, "--combined", join(dir, "alle.xlsx")]);
    expect(r.code).toBe(0);
    const written = r.stderr.split("\n").filter((l) => l.startsWith("Skrev "));
    expect(written).toHaveLength(5);
    expect(readdirSync(dir)).toHaveLength(5);
  });
});

describe("stdout that cannot be written", () => {
  it("/dev/full: exit 2, one message, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const p = spawnSync(process.execPath, [bin, "import", sagene, "--json"], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect(p.status).toBe(2);
      expectOneMessage(p.stderr, /^bydel: Kan ikke skrive utdata: det er ikke plass på disken \(ENOSPC\)\.$/m);
    } finally {
      closeSync(full);
    }
  });

  it("a reader that closes the pipe (EPIPE): exit 2, one message", () => {
    const p = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" import "${sagene}" --json | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`], { encoding: "utf8" });
    expect(p.status).toBe(2);
    expectOneMessage(p.stderr, /^bydel: Utdata ble lukket før alt var skrevet/m);
  });

  it("check on /dev/full keeps exit 2, not the findings' 1", () => {
    const full = openSync("/dev/full", "w");
    try {
      const p = spawnSync(process.execPath, [bin, "check", sagene], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect(p.status).toBe(2);
      expectOneMessage(p.stderr, /ikke plass på disken/);
    } finally {
      closeSync(full);
    }
  });
});
