import * as vscode from 'vscode';
import { HttpSessionError } from '../../core/errors';
import type { LogChannel } from '../logChannel';

/** The action offered with every error and warning the extension shows. */
export const SHOW_LOG = 'Show Log';

/** The one-line text of an error: `describe()` for our typed errors, the message otherwise. */
export function errorText(error: unknown): string {
  if (error instanceof HttpSessionError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}

/**
 * Logs `error` (unless `logged` is false: a `# @no-log` request) and shows it with a "Show Log" action that
 * reveals the log channel. Resolves once the notification is dismissed or its action taken (callers normally do not wait).
 */
export async function reportError(log: LogChannel, error: unknown, severity: 'error' | 'warning' = 'error', logged = true): Promise<void> {
  const message = errorText(error);
  if (logged && severity === 'error') log.channel.error(message);
  if (logged && severity === 'warning') log.channel.warn(message);
  const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const choice = await show(`HTTP Session: ${message}`, SHOW_LOG);
  if (choice === SHOW_LOG) log.show();
}
