import { InvalidArgumentError } from "./errors.js";

/** Throws an {@link InvalidArgumentError} with `message` unless `condition` holds. */
export function assert(condition: boolean, message: string, argument?: string): asserts condition {
  if (!condition) throw new InvalidArgumentError(message, argument);
}
