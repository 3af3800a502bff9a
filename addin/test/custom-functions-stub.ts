// The `CustomFunctions` global that Excel provides, for tests: the same ErrorCode strings as
// @types/custom-functions-runtime, and an Error class carrying code and message.

export class StubCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubCustomFunctionsError, ErrorCode };

/** The error a one-cell call throws, for assertions. */
export function thrown(f: () => unknown): StubCustomFunctionsError {
  try {
    f();
  } catch (e) {
    if (e instanceof StubCustomFunctionsError) return e;
    throw new Error(`threw something other than CustomFunctions.Error: ${String(e)}`);
  }
  throw new Error("did not throw");
}
