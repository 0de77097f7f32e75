import type { Exchange, HeaderList, OutgoingRequest } from '../http/types';
import type { Directive, HttpFile, RequestBlock } from '../parser/types';
import type { CookiePair } from '../session/cookiePairs';
import type { Session } from '../session/session';
import type { Resolver, VariableSources } from '../variables/types';
import type { RequestOptions } from './requestOptions';
import type { SessionStatement } from './sessionStatements';
import type { RunContext, RunResult } from './types';

/** What every run of the pipeline needs besides the request: a RunContext without the file. */
export type PipelineContext = Omit<RunContext, 'file' | 'filePath'>;

/**
 * Where a request comes from: a block of a `.http` file (fileRequestSource) or a stored history entry
 * (storedRequestSource). The stages are the same for both; only these parts differ.
 */
export interface RequestSource {
  /** The request as results and errors name it. */
  readonly block: RequestBlock;
  /** The parsed file the block is in (its names and `# @import`s, for `# @ref`); absent for a stored request. */
  readonly file?: HttpFile;
  /** Absolute path of the `.http` file (the one it was sent from, for a stored request). */
  readonly filePath: string;
  readonly sessionName: string;
  /** The file's prologue: its session statements are applied before each send ([] for a stored request). */
  readonly prologue: Directive[];
  /** False for a stored request: it has no scripts or `??` lines, and gets no implicit test either. */
  readonly hasTests: boolean;
  /** Where `{{…}}` values come from when the request runs in `session` (asks `# @prompt` values). */
  variables(session: Session): Promise<VariableSources>;
  /** The request's own method, URL, headers and body, resolved; no session defaults or jar cookies yet. */
  build(resolver: Resolver, sources: VariableSources): Promise<OutgoingRequest>;
}

/** Where stages report to the run's result: warnings, tests and script logs, in order. */
export type RunReport = Pick<RunResult, 'warnings' | 'tests' | 'logs' | 'refs'>;

/** Runs a request the way runSource does (the `refs` stage sends a `# @ref` with it). */
export type RunSourceFn = (source: RequestSource, ctx: PipelineContext) => Promise<RunResult>;

/** A request being prepared: each prepare stage reads what the stages before it set and adds its part. */
export interface RequestDraft {
  readonly source: RequestSource;
  readonly ctx: PipelineContext;
  readonly session: Session;
  readonly report: RunReport;
  /** True when the request is about to be sent (runRequest, re-send); false for Copy as cURL. */
  readonly sending: boolean;
  /** How the `refs` stage sends a `# @ref` (runSource, handed in by it: the pipeline cannot import its caller). */
  readonly runRef?: RunSourceFn;
  sources?: VariableSources;
  resolver?: Resolver;
  /** The prologue's statements, resolved; applied to the session by the send step, never while preparing. */
  prologue?: SessionStatement[];
  /** The session's default headers as they will be when sent (prologue applied to a copy). */
  sessionHeaders?: HeaderList;
  options?: RequestOptions;
  /** The request so far; after the `headers` stage its headers are merged, its Cookie only its own. */
  request?: OutgoingRequest;
  /** Set by the `cookies` stage: the first hop exactly as it goes out, the jar's cookies merged in. */
  asSent?: OutgoingRequest;
  /** Set by the `cookies` stage: the Cookie pairs of `asSent`, so the send need not ask the jar again. */
  firstHopCookies?: CookiePair[];
}

/** A draft every prepare stage has run on. */
export type PreparedRequest = Readonly<Required<Omit<RequestDraft, 'runRef'>>>;

/** One named step of preparing a request (see PREPARE_STAGES). Throws HttpSessionError for bad input. */
export interface PrepareStage {
  readonly name: string;
  /** Runs only when the request is about to be sent (a confirmation, a script with side effects). */
  readonly onlyWhenSending?: boolean;
  run(draft: RequestDraft): Promise<void> | void;
}

/**
 * Sends `request` (headers merged; its Cookie header holds only its own cookies, the jar's are added per
 * hop) for `prepared`. Never throws: failures are in the exchange's `error`.
 */
export type SendStep = (request: OutgoingRequest, prepared: PreparedRequest) => Promise<Exchange>;

/** Wraps the send (see SEND_WRAPPERS): may call `next` again (a retry, an answer to a 401 challenge). */
export interface SendWrapper {
  readonly name: string;
  wrap(next: SendStep): SendStep;
}

/** A request that was sent: what after-response stages read, and where they report. */
export interface CompletedRequest {
  readonly prepared: PreparedRequest;
  readonly exchange: Exchange;
  /** The run's result lists (warnings shown beside the response, tests, logs). */
  readonly report: RunReport;
}

/** One named step after the exchange (see AFTER_RESPONSE_STAGES); runs even when no response came. */
export interface AfterResponseStage {
  readonly name: string;
  run(done: CompletedRequest): Promise<void> | void;
}
