import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import * as fsp from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "./io.js";

/**
 * The rule every output file of `bydel import` follows (JSON and workbooks alike), as one
 * transaction: every target is checked before anything is written (an existing file is replaced only
 * with --force; two outputs on one path are refused), every file is written to a temporary file
 * beside its target, and only when all of them are complete are they moved into place. On any
 * failure the run removes what it wrote and every previous file is as it was.
 */

/** The file system calls a write uses; tests replace one to inject a failure (a full disk) that a test cannot cause for real. */
export interface FileOps {
  writeFile: (path: string, content: string | Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  link: (existing: string, path: string) => Promise<void>;
}

/** Writes with the exclusive flag (a temporary name never replaces anything) and syncs, so a full disk shows here, not later. */
async function writeNew(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await fsp.open(path, "wx");
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const realOps: FileOps = { writeFile: writeNew, rename: fsp.rename, link: fsp.link };

export interface Output {
  readonly path: string;
  /** Called once, before anything is written (a workbook is rendered here). */
  readonly content: () => string | Uint8Array | Promise<string | Uint8Array>;
}

export async function exists(path: string): Promise<boolean> {
  return (await statOrNull(path)) !== null;
}

async function statOrNull(path: string) {
  try {
    return await fsp.stat(path);
  } catch (e) {
    // ENOTDIR: a folder on the path is a file, so nothing is there (writing reports it)
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new InputError(writeErrorMessage(path, e));
  }
}

export const alreadyThere = (path: string): string => `«${path}» finnes allerede. Bruk --force for å overskrive den.`;

/** One Norwegian message for a failed write, whatever the call that failed. */
export function writeErrorMessage(path: string, e: unknown): string {
  if (e instanceof InputError) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "EACCES" || code === "EPERM"
      ? `mangler skrivetilgang til mappen «${nearestFolder(path)}»`
      : code === "EROFS"
        ? "filsystemet er skrivebeskyttet"
        : code === "ENOSPC" || code === "EDQUOT"
          ? "det er ikke plass på disken"
          : code === "ENOTDIR" || code === "EEXIST"
            ? `${fileOnPath(path) ?? "en del av stien"} er ikke en mappe, men en fil`
            : code === "EISDIR"
              ? "det er en mappe; oppgi et filnavn"
              : code === "ENAMETOOLONG"
                ? "navnet er for langt"
                : `${code ?? (e as Error)?.message ?? String(e)}`;
  return `Kan ikke skrive «${path}»: ${reason}.`;
}

/** The deepest folder of `path` that exists: where a missing permission bites. */
function nearestFolder(path: string): string {
  let d = dirname(resolve(path));
  while (dirname(d) !== d) {
    try {
      statSync(d);
      break;
    } catch {
      d = dirname(d);
    }
  }
  return d === dirname(resolve(path)) ? dirname(path) : d;
}

/** The file that stands where a folder of `path` should be («ut» in ut/a.json), if one does. */
function fileOnPath(path: string): string | null {
  for (let d = dirname(path); dirname(d) !== d; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory()) return `«${d}»`;
    } catch {
      // not there, or not reachable: look further up
    }
  }
  return null;
}

/** Without `force`, refuses (exit 2, one message naming every such file) when any target exists. */
export async function refuseExisting(paths: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const p of new Set(paths)) if (await exists(p)) existing.push(p);
  if (existing.length === 1) throw new InputError(alreadyThere(existing[0]!));
  if (existing.length > 1) throw new InputError(`Disse filene finnes allerede: ${existing.map((p) => `«${p}»`).join(", ")}. Bruk --force for å overskrive dem.`);
}

/** The path a target will have on disk: resolved, with the existing part of it through its symbolic links. */
async function identity(path: string): Promise<string> {
  const full = resolve(path);
  try {
    return await fsp.realpath(full);
  } catch {
    try {
      return join(await fsp.realpath(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/** Two outputs of one run on the same file would overwrite each other: refused, with or without --force. */
export async function refuseSamePath(paths: readonly string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const p of paths) {
    const id = await identity(p);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new InputError(first === p ? `«${p}» er oppgitt som utdata to ganger.` : `«${first}» og «${p}» er samme fil; to utdata kan ikke skrives til samme fil.`);
    }
    seen.set(id, p);
  }
}

const tempName = (path: string, tag: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.${tag}`);

/** Creates the missing folders of `dir`, returning those it created (deepest last), so a failed run can remove them again. */
async function makeDirs(dir: string): Promise<string[]> {
  const first = await fsp.mkdir(dir, { recursive: true });
  if (first === undefined) return [];
  const created = [dir];
  for (let d = dir; d !== first && dirname(d) !== d; ) created.unshift((d = dirname(d)));
  return created;
}

/**
 * Writes every output or none. Returns the paths written, in order. Throws an InputError (exit 2)
 * naming the file on any failure, after removing this run's temporary files and folders and putting
 * back every file it had replaced.
 */
export async function writeOutputs(outputs: readonly Output[], force: boolean, ops: Partial<FileOps> = {}): Promise<string[]> {
  const fs: FileOps = { ...realOps, ...ops };
  const paths = outputs.map((o) => o.path);
  await refuseSamePath(paths);
  for (const p of paths) {
    const st = await statOrNull(p);
    if (st?.isDirectory()) throw new InputError(`Kan ikke skrive «${p}»: det er en mappe; oppgi et filnavn.`);
    // a device or a pipe is never replaced by a file (with --force, /dev/full would be)
    if (st && !st.isFile()) throw new InputError(`Kan ikke skrive «${p}»: det er ingen vanlig fil (en enhet eller en pipe).`);
  }
  await refuseExisting(paths, force);
  const contents = await Promise.all(outputs.map((o) => o.content()));

  const dirs: string[] = [];
  const temps: { path: string; temp: string }[] = [];
  /** Targets moved into place: with the old file's backup, when there was one. */
  const done: { path: string; backup: string | null }[] = [];
  let current = paths[0] ?? "";
  try {
    for (const [i, path] of paths.entries()) {
      current = path;
      dirs.push(...(await makeDirs(dirname(path))));
      const temp = tempName(path, "tmp");
      await fs.writeFile(temp, contents[i]!);
      temps.push({ path, temp });
    }
    for (const { path, temp } of temps) {
      current = path;
      if (!force) {
        // a hard link fails if the file appeared since the check, so an existing file is never replaced
        await linkOrRename(fs, temp, path);
        done.push({ path, backup: null });
        continue;
      }
      // the old file stays reachable under a backup name until every output is in place
      let backup: string | null = null;
      let linked = false;
      if (await exists(path)) {
        backup = tempName(path, "old");
        try {
          await fs.link(path, backup);
          linked = true;
        } catch {
          await fs.rename(path, backup); // no hard links here: the old file moves aside instead
        }
      }
      try {
        await fs.rename(temp, path);
      } catch (e) {
        // a linked backup is the old file under a second name (renaming it onto itself would do nothing)
        if (backup) await (linked ? fsp.unlink(backup) : fsp.rename(backup, path)).catch(() => undefined);
        throw e;
      }
      done.push({ path, backup });
    }
  } catch (e) {
    for (const { path, backup } of done.reverse()) {
      if (backup) await fsp.rename(backup, path).catch(() => undefined);
      else await fsp.unlink(path).catch(() => undefined);
    }
    await removeAll(temps.map((t) => t.temp));
    for (const d of dirs.reverse()) await fsp.rmdir(d).catch(() => undefined);
    throw new InputError(`${writeErrorMessage(current, e)} Ingen filer er skrevet${force ? " eller endret" : ""}.`);
  }
  await removeAll([...temps.map((t) => t.temp), ...done.flatMap((d) => (d.backup ? [d.backup] : []))]);
  return paths;
}

async function linkOrRename(fs: FileOps, temp: string, path: string): Promise<void> {
  try {
    await fs.link(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new InputError(alreadyThere(path));
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
    // No hard links here (some network and FAT file systems): check, then rename.
    if (await exists(path)) throw new InputError(alreadyThere(path));
    await fs.rename(temp, path);
  }
}

async function removeAll(paths: readonly string[]): Promise<void> {
  for (const p of paths) await fsp.rm(p, { force: true }).catch(() => undefined);
}

/**
 * Writes one file whole or not at all (a temporary file beside it, then into place); without
 * `force` an existing file, even one that appears meanwhile, is never replaced.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, force: boolean): Promise<void> {
  await writeOutputs([{ path, content: () => content }], force);
}
