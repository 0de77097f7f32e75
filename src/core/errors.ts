/** Machine-readable reason for a failed request or a problem in a file. */
export type ErrorCode =
  // problems in the user's file or settings: nothing was sent (CLI exit 2)
  | 'PARSE'
  | 'UNRESOLVED_VARIABLE'
  | 'INVALID_HEADER'
  | 'INVALID_URL'
  | 'BODY_FILE'
  | 'ENVIRONMENT'
  | 'REFERENCE'
  | 'CONFIRMATION'
  | 'CERTIFICATE'
  // a pre-request script threw or hit a limit: nothing was sent, a test failed (CLI exit 4)
  | 'SCRIPT'
  // transport failures: no response (CLI exit 1)
  | 'REFUSED'
  | 'DNS'
  | 'TLS'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'RESET'
  | 'TOO_MANY_REDIRECTS'
  | 'UNSUPPORTED_SCHEME'
  | 'PROTOCOL'
  | 'DECODE'
  | 'UNKNOWN';

/** Codes that describe a problem in the input rather than in the network. */
export const INPUT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PARSE', 'UNRESOLVED_VARIABLE', 'INVALID_HEADER', 'INVALID_URL', 'BODY_FILE', 'ENVIRONMENT', 'REFERENCE', 'CONFIRMATION', 'CERTIFICATE',
]);

/** Where in a file a problem sits; line is 0-based, `file` an absolute path when known. */
export interface SourceLocation {
  file?: string;
  line: number;
  column?: number;
}

/** The one error type the core throws or returns: a code, a one-line plain message, an optional location. */
export class HttpSessionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly location?: SourceLocation,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'HttpSessionError';
  }

  /** True when the user's input is at fault (nothing was sent). */
  get isInputError(): boolean {
    return INPUT_ERROR_CODES.has(this.code);
  }

  /**
   * One line a user understands, with `file:line` in front when known (line shown 1-based). Messages name
   * their line for places that show them alone; here the prefix says it, so that phrase is dropped once.
   */
  describe(): string {
    if (!this.location) return this.message;
    const line = this.location.line + 1;
    const message = this.message.replace(new RegExp(` on line ${line}(?:, column (\\d+))?(?!\\d)`), (_all, column?: string) => (column ? ` at column ${column}` : ''));
    return `${this.location.file ?? '<input>'}:${line}: ${message}`;
  }
}
