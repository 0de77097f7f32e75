// Messages between the extension host and the response view. Imports nothing: both sides compile it.

/** A header as `[name, value]`, in wire order. */
export type HeaderPair = [name: string, value: string];

/** One request/response pair on the wire, as the Request tab shows it. */
export interface HopView {
  method: string;
  url: string;
  headers: HeaderPair[];
  /** Start of the request body as text (at most a few KB); '' when none. */
  bodyPreview: string;
  /** Full size of the request body in bytes. */
  bodySize: number;
  status: number;
  statusText: string;
  responseHeaders: HeaderPair[];
}

/** A cookie row in the Cookies tab. */
export interface CookieRow {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  /** ISO date, or undefined for a session cookie. */
  expires?: string;
  flags?: string;
}

/** One test of the request, as the Tests tab shows it (all text, never parsed as HTML). */
export interface TestRow {
  /** `status == 200`, a `client.test` name, "response handler", "pre-request script", "got a response". */
  name: string;
  passed: boolean;
  /** True for the failure of a script's own code (it threw, ran too long, ran out of memory). */
  scriptError: boolean;
  message?: string;
  expected?: string;
  actual?: string;
  /** Where it is written, or where it failed: `api.http:12`. */
  where: string;
}

/** The request's tests and script output: the Tests tab and the status line's "3/4 tests passed". */
export interface TestsView {
  tests: TestRow[];
  /** `client.log` lines, each with the file and line it came from. */
  logs: Array<{ text: string; where: string }>;
  /** False when the only test is the implicit "got a response" and nothing was logged: no Tests tab then. */
  show: boolean;
}

/** How the body is shown. */
export type BodyKind = 'json' | 'xml' | 'html' | 'text' | 'image' | 'binary' | 'none';

/** Everything the view needs for one response, apart from the rest of a large body. */
export interface ResponseModel {
  /** Identifies this response; chunk requests name it so late answers for an old response are ignored. */
  id: number;
  /** Short name of the request (its `@name`, title, or method and path). */
  label: string;
  status: number;
  statusText: string;
  httpVersion: string;
  /** Whole exchange in ms. */
  durationMs: number;
  headersMs?: number;
  bodyMs?: number;
  /** Each try of a retried request (`# @retry`): its outcome ('503', 'REFUSED'), ms, and ms waited before it. */
  tries?: Array<{ outcome: string; ms: number; waitedMs: number }>;
  /** Body size in bytes (decoded). */
  size: number;
  truncated: boolean;
  contentType: string;
  headers: HeaderPair[];
  kind: BodyKind;
  /** Body text (or a data: URL for images) from offset 0; may be only the start of it. */
  bodyStart: string;
  /** Length of the whole body text in UTF-16 units (equals bodyStart.length when all of it was sent). */
  bodyTextLength: number;
  /** Pretty-printing is off because the body is above the threshold. */
  prettyOff: boolean;
  cookiesSent: CookieRow[];
  cookiesStored: CookieRow[];
  cookiesRejected: Array<{ header: string; url: string; reason: string }>;
  hops: HopView[];
  warnings: string[];
  tests: TestsView;
}

/** A request that failed before or without a response. */
export interface ErrorModel {
  id: number;
  label: string;
  code: string;
  message: string;
  /** The request as it was attempted (the first hop), or none when nothing was built. */
  hops: HopView[];
  durationMs?: number;
  warnings: string[];
  tests: TestsView;
}

/**
 * Host → view. `page` on a state names the page it is for (every request gets a new page); a page ignores a
 * state meant for another one, which VS Code can deliver to it while pages are being replaced.
 */
export type HostMessage =
  | { type: 'sending'; label: string; method: string; url: string; page?: number }
  | { type: 'response'; model: ResponseModel; page?: number }
  | { type: 'error'; model: ErrorModel; page?: number }
  | { type: 'bodyChunk'; id: number; offset: number; text: string; done: boolean };

/** The actions the view's toolbar asks the host for. */
export type ViewAction = 'copyBody' | 'saveBody' | 'openInEditor' | 'copyCurl' | 'cancel';

/** View → host. */
export type ViewMessage =
  | { type: 'ready'; page?: number }
  | { type: 'action'; action: ViewAction }
  | { type: 'moreBody'; id: number; offset: number };

const ACTIONS: readonly string[] = ['copyBody', 'saveBody', 'openInEditor', 'copyCurl', 'cancel'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** True when `value` is a well-formed message from the view. */
export function isViewMessage(value: unknown): value is ViewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return value.page === undefined || Number.isInteger(value.page);
    case 'action':
      return typeof value.action === 'string' && ACTIONS.includes(value.action);
    case 'moreBody':
      return Number.isInteger(value.id) && Number.isInteger(value.offset) && (value.offset as number) >= 0;
    default:
      return false;
  }
}

/** True when `value` is a well-formed message from the host. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'sending':
      return typeof value.label === 'string' && typeof value.url === 'string';
    case 'response':
    case 'error':
      return isRecord(value.model) && typeof value.model.id === 'number';
    case 'bodyChunk':
      return typeof value.id === 'number' && typeof value.text === 'string' && typeof value.offset === 'number';
    default:
      return false;
  }
}
