import { link, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "./io.js";

/**
 * The rule every output file of `bydel import` follows (JSON and workbooks alike): an existing
 * file is replaced only with --force, every target is checked before anything is written, and a
 * file is written whole or not at all.
 */

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    // ENOTDIR: a folder on the path is a file, so nothing is there (writing reports it)
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw e;
  }
}

export const alreadyThere = (path: string): string => `«${path}» finnes allerede. Bruk --force for å overskrive den.`;

/** Without `force`, refuses (exit 2, one message naming every such file) when any target exists. */
export async function refuseExisting(paths: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const p of new Set(paths)) if (await exists(p)) existing.push(p);
  if (existing.length === 1) throw new InputError(alreadyThere(existing[0]!));
  if (existing.length > 1) throw new InputError(`Disse filene finnes allerede: ${existing.map((p) => `«${p}»`).join(", ")}. Bruk --force for å overskrive dem.`);
}

/**
 * Writes the content so the file is either complete or absent: a temporary file beside it, then
 * into place. Without `force` the last step is a hard link, which fails if the file appeared in the
 * meantime, so an existing file is never replaced.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, force: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, content);
    if (force) {
      await rename(tmp, path);
      return;
    }
    try {
      await link(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new InputError(alreadyThere(path));
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw e;
      // No hard links here (some network and FAT file systems): check, then rename.
      if (await exists(path)) throw new InputError(alreadyThere(path));
      await rename(tmp, path);
    }
  } finally {
    await rm(tmp, { force: true });
  }
}
