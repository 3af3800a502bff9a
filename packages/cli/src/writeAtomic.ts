import { writeFileAtomic } from "./outputFiles.js";

/** Writes a file so that it is either complete or absent, replacing one that exists (`--force`'s write). */
export function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  return writeFileAtomic(path, content, true);
}
