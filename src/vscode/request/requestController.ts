import * as vscode from 'vscode';
import { withRefs } from '../../core/runner/refResults';
import { requestLabel } from '../../core/runner/requestLabel';
import type { RunResult } from '../../core/runner/types';
import { Disposable, toDisposable } from '../disposable';
import type { LogChannel } from '../logChannel';
import { compactResult } from '../response/compactResult';
import { errorText, reportError } from '../response/reportError';
import type { ResponsePanel } from '../response/responsePanel';
import { sendConfirmation } from '../trust/trustPolicy';
import type { RequestHistory } from '../workflow/requestHistory';
import { noteConfirmInput } from '../workflow/noteConfirmInput';
import { promptInput } from '../workflow/promptInput';
import { RequestActivity } from './requestActivity';
import type { PreparedSend, SendSource } from './sendSource';

/** Command ids the controller registers. */
export const RERUN_COMMAND = 'httpSession.rerunLastRequest';
export const CANCEL_COMMAND = 'httpSession.cancelRequest';

/** How one send is run. */
export interface SendOptions {
  /**
   * No response view render, not remembered for Rerun, failures not shown as notifications (the caller reports
   * them, e.g. a test run). Still confirmed, logged, in the history, on the status bar and cancellable.
   */
  quiet?: boolean;
  /** The caller's own cancellation (a test run's token), on top of Cancel. */
  signal?: AbortSignal;
  /** The caller asked the Restricted Mode question already, for all its sends (a test run asks once). */
  askedFirst?: boolean;
}

/** What the response view shows (the controller only tells it; it decides nothing). */
export type ResponseDisplay = Pick<ResponsePanel, 'showSending' | 'showResult'>;

/**
 * The one owner of a send in the editor: reads the request (its source), asks the Restricted Mode question
 * and `# @note`/`# @prompt`, tracks it as activity (status bar, Cancel), shows it in the response view, logs
 * it, reports a failure, records it in the history and remembers it for Rerun. Commands and other callers
 * (history, a test controller) only say what to send.
 */
export class RequestController extends Disposable {
  readonly activity = this._register(new RequestActivity());
  private readonly finished = this._register(new vscode.EventEmitter<RunResult>());
  private readonly shown = this._register(new vscode.EventEmitter<RunResult>());
  private last: SendSource | undefined;

  /** Fires with every result (shown or quiet). */
  readonly onDidFinish = this.finished.event;
  /** Fires with every result shown in the response view (not the quiet ones). */
  readonly onDidShow = this.shown.event;

  constructor(private readonly view: ResponseDisplay, private readonly log: LogChannel, private readonly history: RequestHistory) {
    super();
    this._register(vscode.commands.registerCommand(RERUN_COMMAND, () => this.rerun()));
    this._register(vscode.commands.registerCommand(CANCEL_COMMAND, () => this.cancelAll()));
  }

  /**
   * Sends what `source` holds now. Resolves with the result (its JSON form leaves body bytes out, see
   * compactResult), or undefined when nothing ran (no request there, the question declined, a thrown error).
   */
  async send(source: SendSource, options: SendOptions = {}): Promise<RunResult | undefined> {
    let prepared: PreparedSend | undefined;
    try {
      prepared = await source.prepare();
    } catch (error) {
      if (!options.quiet) void reportError(this.log, error);
      else this.log.channel.error(errorText(error));
      return undefined;
    }
    if (!prepared || !(options.askedFirst || (await confirmRestricted(prepared)))) return undefined;
    if (!options.quiet) this.last = source;
    return this.run(prepared, options);
  }

  /** Sends the last request shown again, read afresh from its file and line (an edit or a new environment counts). */
  async rerun(): Promise<RunResult | undefined> {
    if (!this.last) {
      void vscode.window.showInformationMessage('No request has been sent yet.');
      return undefined;
    }
    return this.send(this.last);
  }

  /** Aborts every request in flight; returns how many. */
  cancelAll(): number {
    return this.activity.cancelAll();
  }

  private async run({ info, send }: PreparedSend, options: SendOptions): Promise<RunResult | undefined> {
    const running = this.activity.start(info.label);
    const unlink = linkAbort(options.signal, running.controller);
    if (!options.quiet) this.view.showSending(info.label, info.method, info.url);
    try {
      const result = await send({ signal: running.controller.signal, confirm: noteConfirmInput, prompt: promptInput });
      if (!options.quiet) this.view.showResult(result);
      this.finish(result, options);
      return compactResult(result);
    } catch (error) {
      if (!options.quiet) void reportError(this.log, error);
      return undefined;
    } finally {
      unlink.dispose();
      running.end();
    }
  }

  private finish(result: RunResult, options: SendOptions): void {
    // A `# @ref` sent first is logged and kept in the history like any send, before the request that needed it.
    for (const ref of withRefs(result).slice(0, -1)) {
      this.log.channel.info(`# @ref: sent ${requestLabel(ref.request)} first, for ${requestLabel(result.request)}`);
      this.log.logResult(ref);
      this.history.record(ref);
    }
    this.log.logResult(result);
    this.history.record(result);
    this.finished.fire(result);
    if (!options.quiet) this.shown.fire(result);
    const error = result.error;
    // A cancel is the user's own doing (Cancel, a declined # @note, an unanswered prompt): the view says so, no toast.
    // logResult has logged it already (one line for a # @no-log request), so the notification does not log again.
    if (!options.quiet && error && !result.exchange?.response && error.code !== 'CANCELLED') {
      void reportError(this.log, error, 'error', false);
    }
  }
}

/** In Restricted Mode, asks (modal) before each send; true when the request may go out. */
async function confirmRestricted({ info }: PreparedSend): Promise<boolean> {
  const asked = sendConfirmation(vscode.workspace.isTrusted, info.method, info.url);
  if (!asked) return true;
  const choice = await vscode.window.showWarningMessage(asked.message, { modal: true, detail: asked.detail }, asked.confirm);
  return choice === asked.confirm;
}

/** Aborts `controller` when `signal` does; the returned Disposable stops listening. */
function linkAbort(signal: AbortSignal | undefined, controller: AbortController): vscode.Disposable {
  if (!signal) return toDisposable(() => undefined);
  if (signal.aborted) controller.abort();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  return toDisposable(() => signal.removeEventListener('abort', abort));
}
