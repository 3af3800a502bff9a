/** Where the command writes text; tests pass their own to capture it. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

let quietPipes = false;

/** A reader that stops early (`bydel import x --json | head`) closes the pipe: that is no failure. */
function ignoreClosedPipes(): void {
  if (quietPipes) return;
  quietPipes = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
}

export const processIo: Io = {
  stdout: (text) => {
    ignoreClosedPipes();
    process.stdout.write(text);
  },
  stderr: (text) => {
    ignoreClosedPipes();
    process.stderr.write(text);
  },
};

/** Bad input or bad usage: one message on stderr, exit code 2, nothing written. */
export class InputError extends Error {
  override readonly name = "InputError";
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 3;
