import type { ConfirmFn, PromptFn, RunResult } from '../../core/runner/types';

/** What is about to be sent, for the "Sending…" state, the status bar and the Restricted Mode question. */
export interface SendInfo {
  label: string;
  method: string;
  url: string;
}

/** What the controller hands a send: the signal Cancel aborts, and how to ask `# @note` and `# @prompt`. */
export interface SendIo {
  signal: AbortSignal;
  confirm: ConfirmFn;
  prompt: PromptFn;
}

/** Runs one request; never throws for a failed exchange (that is the result's error). */
export type SendFn = (io: SendIo) => Promise<RunResult>;

/** A request read and ready to go: what it is, and how to send it. */
export interface PreparedSend {
  info: SendInfo;
  send: SendFn;
}

/**
 * Where a send comes from: a request at a line of a file, or a stored history entry. `prepare` reads it now
 * (the file as it is, the active environment), so a Rerun sends the edited request; undefined when there is
 * nothing to send (the user has been told why).
 */
export interface SendSource {
  prepare(): Promise<PreparedSend | undefined>;
}
