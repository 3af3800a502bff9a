import type { FileOps } from "./outputFiles.js";

/** Where the command writes text; tests pass their own to capture it. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Resolves when everything written to stdout has reached it; throws an InputError when a write
   * failed (a full disk, a reader that closed the pipe). Absent for captured output, which cannot fail.
   */
  readonly flush?: () => Promise<void>;
  /** The file system calls outputs are written with; tests replace one to inject a failure a test cannot cause for real (a full disk). */
  readonly files?: Partial<FileOps>;
}

/** Bad input or bad usage: one message on stderr, exit code 2, nothing written. */
export class InputError extends Error {
  override readonly name = "InputError";
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 3;

/** The message for stdout that could not be written: a full disk, a closed pipe, any other failure. */
export function stdoutErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") return "Utdata ble lukket før alt var skrevet (mottakeren av stdout stoppet å lese).";
  if (code === "ENOSPC" || code === "EDQUOT") return "Kan ikke skrive utdata: det er ikke plass på disken (ENOSPC).";
  return `Kan ikke skrive utdata (${code ?? (e as Error)?.message ?? String(e)}).`;
}

/**
 * One standard stream: every write is counted until its callback, and the first error is kept
 * (errors arrive asynchronously, as an 'error' event and in the callback), so `flush` can report it
 * instead of an uncaught exception.
 */
function tracked(stream: NodeJS.WriteStream) {
  let pending = 0;
  let failure: unknown = null;
  let waiters: (() => void)[] = [];
  let listening = false;
  const settle = () => {
    if (pending > 0) return;
    for (const w of waiters.splice(0)) w();
  };
  return {
    write(text: string): void {
      if (!listening) {
        listening = true;
        stream.on("error", (e) => void (failure ??= e));
      }
      if (failure !== null) return;
      pending++;
      try {
        stream.write(text, (e) => {
          if (e) failure ??= e;
          pending--;
          settle();
        });
      } catch (e) {
        failure ??= e;
        pending--;
      }
    },
    async flush(): Promise<unknown> {
      if (pending > 0) await new Promise<void>((resolve) => waiters.push(resolve));
      waiters = [];
      return failure;
    },
  };
}

const out = tracked(process.stdout);
const err = tracked(process.stderr);

export const processIo: Io = {
  stdout: (text) => out.write(text),
  stderr: (text) => err.write(text),
  flush: async () => {
    const failure = await out.flush();
    if (failure !== null) throw new InputError(stdoutErrorMessage(failure));
  },
};
