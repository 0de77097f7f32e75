import * as vscode from 'vscode';
import * as path from 'node:path';
import { isNoLog } from '../core/runner/isNoLog';
import type { RunResult } from '../core/runner/types';
import { redactHeaders } from '../core/util/redactHeaders';
import { Disposable } from './disposable';

/** The extension's one log: a LogOutputChannel, so "Developer: Set Log Level" applies. Secrets redacted below trace. */
export class LogChannel extends Disposable {
  /** The underlying channel. */
  readonly channel = this._register(vscode.window.createOutputChannel('HTTP Session', { log: true }));

  /**
   * Logs one run: every hop's request and status, headers at debug level, warnings and errors. A `# @no-log`
   * request gets one line naming its file, line and outcome, never its URL, headers or body.
   */
  logResult(result: RunResult): void {
    if (isNoLog(result.request)) {
      const where = `${path.basename(result.filePath)}:${result.request.requestLine + 1}`;
      const outcome = result.exchange?.response ? `${result.exchange.response.status}` : (result.error ?? result.exchange?.error)?.code ?? 'no response';
      this.channel.info(`# @no-log request at ${where} → ${outcome} (details not logged)`);
      return;
    }
    const reveal = this.channel.logLevel === vscode.LogLevel.Trace;
    for (const hop of result.exchange?.hops ?? []) {
      this.channel.info(`${hop.request.method} ${hop.request.url} → ${hop.status} ${hop.statusText}`);
      this.channel.debug(`request headers:\n  ${redactHeaders(hop.request.headers, reveal).join('\n  ')}`);
      this.channel.debug(`response headers:\n  ${redactHeaders(hop.headers, reveal).join('\n  ')}`);
    }
    if (result.exchange) this.channel.info(`${result.request.method} ${result.request.url}: ${result.exchange.timings.totalMs.toFixed(0)} ms`);
    for (const warning of result.warnings) this.channel.warn(warning);
    if (result.error) this.channel.error(result.error.describe());
  }

  /** Reveals the channel without taking focus. */
  show(): void {
    this.channel.show(true);
  }
}
