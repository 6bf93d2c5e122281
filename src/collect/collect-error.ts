/** Raised for an input that cannot be collected; `problem` is the human-readable reason. */
export class CollectError extends Error {
  constructor(
    readonly origin: string,
    readonly problem: string,
  ) {
    super(`${origin}: ${problem}`);
  }
}
