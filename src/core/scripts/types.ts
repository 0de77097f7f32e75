/** Types of the script sandbox: what goes into a script, what comes out. Lines and columns are 0-based. */

/** Limits of one script run; each has a default (see `DEFAULT_SCRIPT_LIMITS`). */
export interface ScriptLimits {
  /** Wall-clock time for the script and its tests together, in ms. */
  timeMs: number;
  /** Size of the WebAssembly memory the script's engine gets, in MB (a hard cap: it cannot grow). */
  memoryMb: number;
  /** QuickJS stack size in KB (deep recursion ends in "stack overflow"). */
  stackKb: number;
}

/** Defaults: 5 s, 64 MB, 256 KB. */
export const DEFAULT_SCRIPT_LIMITS: ScriptLimits = { timeMs: 5000, memoryMb: 64, stackKb: 256 };

/** A place in a `.http` or `.js` file. */
export interface ScriptPosition {
  /** Path as given (absolute for files on disk). */
  file: string;
  line: number;
  column: number;
}

/** A script's text and where it starts, so errors name the file's own line and column. */
export interface ScriptSource {
  code: string;
  /** Where `code` starts: the `.http` file and the line/column after `{%`, or line 0 of a `.js` file. */
  start: ScriptPosition;
}

/** What a script can see of the request. */
export interface ScriptRequestView {
  method: string;
  /** URL as written (`{{…}}` kept) and as it will be / was sent. */
  rawUrl: string;
  url: string;
  rawBody: string;
  body: string;
  headers: { name: string; rawValue: string; value: string }[];
}

/** What a response handler can see of the response. */
export interface ScriptResponseView {
  status: number;
  headers: [string, string][];
  /** Body decoded as text. */
  body: string;
  /** From Content-Type, lower-cased ('' when absent). */
  mimeType: string;
  charset: string;
}

/** The host side of `client.global`: the session's globals. Values are strings. */
export interface GlobalStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  clear(): void;
  size(): number;
  /** Every global, for a sandbox that runs on a copy. */
  entries(): [string, string][];
}

/** Everything a script runs against. */
export interface ScriptEnvironment {
  kind: 'pre-request' | 'response';
  request: ScriptRequestView;
  response?: ScriptResponseView;
  /** The selected environment's values (`request.environment.get(name)`). */
  environment: Record<string, string>;
  globals: GlobalStore;
  /** `request.variables`: set by a pre-request script, they feed its own request. */
  requestVariables: Map<string, string>;
}

/** Why a script stopped early. */
export type ScriptFailureKind = 'error' | 'timeout' | 'memory' | 'stack' | 'syntax';

/** A script that threw, ran too long or ran out of memory. */
export interface ScriptFailure {
  kind: ScriptFailureKind;
  /** One line: what happened, without the position ("TypeError: x is undefined", "stopped after 5 s"). */
  message: string;
  position: ScriptPosition;
}

/** One `client.test(name, fn)`. */
export interface ScriptTestOutcome {
  name: string;
  passed: boolean;
  /** Failure message (the thrown error or the `client.assert` message). */
  message?: string;
  /** Where `client.test` was called, and for a failure where it failed (e.g. the `client.assert` line). */
  position: ScriptPosition;
  failurePosition?: ScriptPosition;
}

/** Result of one script run. */
export interface ScriptRun {
  tests: ScriptTestOutcome[];
  /** `client.log` lines, in order. */
  logs: string[];
  /** Set when the script's own code (outside `client.test`) failed or a limit stopped it. */
  failure?: ScriptFailure;
  /** Time the run took, ms. */
  ms: number;
}

/** A change a script made to the session's globals or the request's variables, replayed on the host in order. */
export type StoreOp =
  | { store: 'globals' | 'variables'; op: 'set'; name: string; value: string }
  | { store: 'globals'; op: 'delete'; name: string }
  | { store: 'globals'; op: 'clear' };
