/** Where the command writes text; tests pass their own to capture it. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Bad input or bad usage: one message on stderr, exit code 2, nothing written. */
export class InputError extends Error {
  override readonly name = "InputError";
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 3;
