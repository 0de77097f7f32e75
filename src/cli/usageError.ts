/** A problem with how the CLI was called (unknown command or flag, bad value): exit status 2, usage shown. */
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit statuses of the CLI. */
export const EXIT = {
  /** Every request got a response, whatever its HTTP status. */
  ok: 0,
  /** A request got no response (refused, timeout, TLS, ...). */
  noResponse: 1,
  /** A usage error, or a problem in a file (parse error, unknown variable, bad environment). */
  input: 2,
  /** A test, `??` assertion or script failed (every request got a response). */
  testFailed: 4,
} as const;
