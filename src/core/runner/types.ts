import type { HttpSessionError } from '../errors';
import type { Exchange, HeaderList } from '../http/types';
import type { TrailingChecks } from './trailingChecks';
import type { OAuthInteraction } from '../auth/oauth/oauthInteraction';
import type { HttpFile, RequestBlock } from '../parser/types';
import type { ScriptLimits } from '../scripts/types';
import type { RequestTest, ScriptLog } from '../testing/types';
import type { SessionStore } from '../session/sessionStore';
import type { HttpFileCache } from './httpFileCache';
import type { PassphraseFn } from '../tls/tlsProfile';

/** Engine settings (the editor maps `httpSession.*` settings onto these; the CLI uses the defaults). */
export interface EngineSettings {
  /** Base layer of default headers, below the session's own (settings `httpSession.defaultHeaders`). */
  defaultHeaders: HeaderList;
  /** ms; 0 = none. Default 30000. */
  timeoutMs: number;
  followRedirects: boolean;
  /** Default 10. */
  maxRedirects: number;
  /** Default 50 MB. */
  maxBodyBytes: number;
  /** Default true. */
  rejectUnauthorized: boolean;
  /** Retries of an idempotent request with no response or a 502/503/504 (`httpSession.request.retries`); default 0. */
  retries: number;
  /** Wait before the first retry in ms, doubled for each next one; default 500. */
  retryBackoffMs: number;
  /** HTTP version of requests whose line names none (`httpSession.request.httpVersion`): '2' offers HTTP/2 over TLS; default '1.1'. */
  httpVersion: '1.1' | '2';
  /** Client certificates by host and extra CA files (`httpSession.tls.certificates`, `httpSession.tls.ca`). */
  tls: TlsSettings;
}

/** A client certificate of `httpSession.tls.certificates`: PEM `cert` (+ `key`) or a PKCS#12 `pfx`; paths absolute or relative to `TlsSettings.baseDir`. */
export interface HostCertificate {
  cert?: string;
  key?: string;
  pfx?: string;
}

/** The TLS settings: client certificates keyed by `host`, `host:port` or `*`, and extra CA files. */
export interface TlsSettings {
  certificates: Record<string, HostCertificate>;
  ca: string[];
  /** Folder relative paths are read from (the workspace folder; the CLI's current directory). */
  baseDir?: string;
  /** Where the certificates come from in messages, instead of `httpSession.tls.certificates["KEY"]` (the CLI: `--cert`); likewise `caSetting`. */
  certificatesSetting?: string;
  caSetting?: string;
}

/** The most retries a request may ask for (`# @retry`, the setting, the CLI's `--retries`). */
export const MAX_RETRIES = 10;

/** The defaults named in session.md. */
export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  defaultHeaders: [],
  timeoutMs: 30_000,
  followRedirects: true,
  maxRedirects: 10,
  maxBodyBytes: 50 * 1024 * 1024,
  rejectUnauthorized: true,
  retries: 0,
  retryBackoffMs: 500,
  httpVersion: '1.1',
  tls: { certificates: {}, ca: [] },
};

/** Asks the user for a `# @prompt` value; undefined = cancelled. */
export type PromptFn = (name: string, description: string, masked: boolean) => Promise<string | undefined>;

/** Asks the user before a `# @note` request is sent: the note's text ('' when bare) and `METHOD URL` as written; true = send it. */
export type ConfirmFn = (note: string, request: string) => Promise<boolean>;

/** Outcome of sending one request of a file through a session. */
export interface RunResult {
  request: RequestBlock;
  /** Absolute path of the `.http` file. */
  filePath: string;
  sessionName: string;
  /** Present when something was sent (even if it then failed on the network: see exchange.error). */
  exchange?: Exchange;
  /** Set when nothing could be sent (input error) or the exchange failed. */
  error?: HttpSessionError;
  /** Plain-language warnings: rejected cookies, truncated bodies, corrupt session file, … */
  warnings: string[];
  /** The request's tests (`??` lines, `client.test`, script failures, or the implicit "got a response"), in order. */
  tests: RequestTest[];
  /** `client.log` output of its scripts. */
  logs: ScriptLog[];
  /** The requests its `# @ref` / `# @forceRef` sent first, in order (each with its own refs). */
  refs?: RunResult[];
}

/** One step of a chain of `# @ref`s: the request that refs, and the directive's line (0-based), for cycles and messages. */
export interface RefLink {
  filePath: string;
  requestLine: number;
  line: number;
  /** `@ref NAME` as written. */
  directive: string;
}

export type { HttpFile };

/** Everything runRequest needs besides the request itself. */
export interface RunContext {
  /** Absolute path of the `.http` file. */
  filePath: string;
  file: HttpFile;
  sessions: SessionStore;
  /** The selected environment, `$shared` and private values merged. */
  environment: Record<string, string>;
  /** Values that win over file variables and the environment (the CLI's `--var NAME=VALUE`). */
  overrides?: Record<string, string>;
  settings: EngineSettings;
  /** Aborts the request in flight (CANCELLED). */
  signal?: AbortSignal;
  /** Asks for `# @prompt` values; without it a prompt is an error. */
  prompt?: PromptFn;
  /** Confirms `# @note` requests; without it such a request is a CONFIRMATION error. */
  confirm?: ConfirmFn;
  /** Asks for a client certificate's passphrase; without it a certificate that needs one is a CERTIFICATE error. */
  askPassphrase?: PassphraseFn;
  /** Forgets a remembered passphrase that turned out wrong (the editor's secret storage). */
  forgetPassphrase?: (id: string) => void | Promise<void>;
  /** How OAuth2 grants that need the user (Authorization Code, Device Authorization) reach them; without it they are an error. */
  oauth?: OAuthInteraction;
  /** Restricted Mode (untrusted workspace). */
  restricted?: boolean;
  workspaceRoot?: string;
  /** Limits of each script (time, memory, stack); the defaults when absent. */
  scriptLimits?: ScriptLimits;
  /** The files `# @import` reads, parsed once per run; a fresh cache per request when absent. */
  imports?: HttpFileCache;
  /** Set while a `# @ref` is being sent: the refs that led to it (a request met again is a cycle). */
  refChain?: readonly RefLink[];
  /** Set by runEach: the checks of the request before, which may still be running while this one is prepared. */
  trailing?: TrailingChecks;
}
