/**
 * The request pipeline: the one place where a request is prepared, sent and followed up. runRequest (a
 * block of a `.http` file), resendStoredRequest (a history entry) and requestAsSent (Copy as cURL) all go
 * through it, so a step added here is added for all of them.
 *
 *   PREPARE_STAGES          confirm → refs → variables → pre-request-scripts → oauth → prologue → build → options → tls → headers → default-params → aws-signature → cookies
 *   SEND_WRAPPERS           around the send: outermost first; the innermost step is sendWithSession
 *   AFTER_RESPONSE_STAGES   cookie-warnings → truncation-warning → http-version-note → named-response → session-statements → tests
 *
 * Extension points (add an entry to a list; keep the order meaningful):
 * - A prepare stage is a `PrepareStage` ({ name, onlyWhenSending?, run(draft) }) that reads and sets fields of
 *   the `RequestDraft` (`sources`, `resolver`, `request`, …) and reports to `draft.report` (warnings, tests,
 *   logs); `need(draft, 'request')` reads a field an earlier stage set. Whatever feeds `{{…}}` goes after
 *   `variables` and before `build` (as `pre-request-scripts` does); a signing step (AWS SigV4) goes after
 *   `headers` (it sees the final headers and body). Mark a stage `onlyWhenSending` when Copy as cURL must
 *   not run it (a confirmation, side effects). Throw HttpSessionError for bad input: nothing is sent, the
 *   run's result carries the error and the request's tests fail.
 * - A send wrapper is a `SendWrapper` ({ name, wrap(next) }): `wrap` returns a SendStep that may call
 *   `next(request, prepared)` more than once (a retry loop, an answer to a 401 Digest challenge with an
 *   added Authorization header). The request it gets has merged headers and only its own Cookie header;
 *   the session adds the jar's cookies afresh on every hop (the first call's first hop reuses what the
 *   `cookies` stage just read, as long as the wrapper passes `prepared.request` itself). Respect `prepared.options.send.signal`.
 * - An after-response stage is an `AfterResponseStage` ({ name, run(done) }): `done` holds the prepared
 *   request, the exchange (its `response` may be missing, its `error` set) and the report. Response
 *   handler scripts and `??` assertions run here (`tests`), after the session has what the response gave.
 * Preparing never changes the session (but for a token the `oauth` stage fetched, which the session keeps); the send step applies the prologue's statements, then sends.
 */
import { awsSignatureStage } from '../auth/awsSignatureStage';
import { digestWrapper } from '../auth/digestWrapper';
import { oauthStage } from '../auth/oauth/oauthStage';
import type { Exchange } from '../http/types';
import { sendWithSession } from '../session/sendWithSession';
import {
  cookieWarningsStage,
  namedResponseStage,
  sessionStatementsStage,
  truncationWarningStage,
} from './afterResponseStages';
import type {
  AfterResponseStage,
  CompletedRequest,
  PipelineContext,
  PreparedRequest,
  PrepareStage,
  RequestDraft,
  RequestSource,
  RunReport,
  RunSourceFn,
  SendStep,
  SendWrapper,
} from './pipelineTypes';
import { refsStage } from './refsStage';
import { retryWrapper } from './retryWrapper';
import { tlsStage } from '../tls/tlsStage';
import { httpVersionNoteStage } from './httpVersionNoteStage';
import { applyStatement } from './sessionStatements';
import { defaultParamsStage } from './defaultParamsStage';
import { preRequestScriptsStage, testsStage } from '../testing/testStages';
import { buildStage, confirmStage, cookiesStage, headersStage, need, optionsStage, prologueStage, variablesStage } from './prepareStages';

/** The stages that turn a source into the request as it will be sent, in order. */
export const PREPARE_STAGES: readonly PrepareStage[] = [
  confirmStage,
  refsStage,
  variablesStage,
  preRequestScriptsStage,
  oauthStage,
  prologueStage,
  buildStage,
  optionsStage,
  tlsStage,
  headersStage,
  defaultParamsStage,
  awsSignatureStage,
  cookiesStage,
];

/** Wrappers around the send, outermost first. */
export const SEND_WRAPPERS: readonly SendWrapper[] = [retryWrapper, digestWrapper];

/** The stages run once an exchange exists (even a failed one), in order. */
export const AFTER_RESPONSE_STAGES: readonly AfterResponseStage[] = [
  cookieWarningsStage,
  truncationWarningStage,
  httpVersionNoteStage,
  namedResponseStage,
  sessionStatementsStage,
  testsStage,
];

/** How prepareRequest runs. */
export interface PrepareOptions {
  /** True when the request is about to be sent; false for Copy as cURL (onlyWhenSending stages skipped). */
  sending: boolean;
  /** Where stages add warnings, tests and logs (the run's result); a fresh one when absent. */
  report?: RunReport;
  /** PREPARE_STAGES unless given (tests try a list with a stage added). */
  stages?: readonly PrepareStage[];
  /** How a `# @ref` is sent (runSource passes itself); without it a request with a ref cannot be sent. */
  runRef?: RunSourceFn;
}

/**
 * Runs `how.stages` (PREPARE_STAGES) on `source`, those marked onlyWhenSending only
 * when `how.sending`; stages add their tests and logs to `how.report`. Never changes the session (a pre-request
 * script, which runs only when sending, may set globals). Throws HttpSessionError for input errors (unresolved variable, bad header, CANCELLED, …).
 */
export async function prepareRequest(source: RequestSource, ctx: PipelineContext, how: PrepareOptions): Promise<PreparedRequest> {
  const { sending, report = { warnings: [], tests: [], logs: [] }, stages = PREPARE_STAGES, runRef } = how;
  const draft: RequestDraft = { source, ctx, sending, report, session: ctx.sessions.get(source.sessionName), ...(runRef ? { runRef } : {}) };
  for (const stage of stages) {
    if (stage.onlyWhenSending && !sending) continue;
    await stage.run(draft);
  }
  return {
    ...draft,
    sources: need(draft, 'sources'),
    resolver: need(draft, 'resolver'),
    prologue: need(draft, 'prologue'),
    sessionHeaders: need(draft, 'sessionHeaders'),
    options: need(draft, 'options'),
    request: need(draft, 'request'),
    asSent: need(draft, 'asSent'),
    firstHopCookies: need(draft, 'firstHopCookies'),
  };
}

/**
 * Applies the prologue's statements to the session (like `s.headers.update(...)` before each send), then
 * sends `prepared.request` through `wrappers` (SEND_WRAPPERS) around sendWithSession. Never throws.
 */
export async function sendPrepared(prepared: PreparedRequest, wrappers: readonly SendWrapper[] = SEND_WRAPPERS): Promise<Exchange> {
  for (const statement of prepared.prologue) applyStatement(prepared.session, statement);
  let fresh = true;
  let step: SendStep = (request, { session, options }) => {
    // The cookies stage just asked the jar for this very request; a retry or a changed request asks again.
    const reuse = fresh && request === prepared.request;
    fresh = false;
    return sendWithSession(session, request, reuse ? { ...options.send, firstHopCookies: prepared.firstHopCookies } : options.send);
  };
  for (const wrapper of [...wrappers].reverse()) step = wrapper.wrap(step);
  return step(prepared.request, prepared);
}

/** Runs `stages` (AFTER_RESPONSE_STAGES) on a sent request, in order. */
export async function afterResponse(done: CompletedRequest, stages: readonly AfterResponseStage[] = AFTER_RESPONSE_STAGES): Promise<void> {
  for (const stage of stages) await stage.run(done);
}
