import * as vscode from 'vscode';
import type { ConfirmFn } from '../../core/runner/types';

/** The button that sends a `# @note` request. */
export const SEND_NOTED_REQUEST = 'Send';

/** Asks in a modal before a `# @note` request is sent: the request as written, the note as detail; only "Send" sends. */
export const noteConfirmInput: ConfirmFn = async (note, request) => {
  const answer = await vscode.window.showWarningMessage(`Send ${request}?`, { modal: true, detail: note || 'This request is marked # @note.' }, SEND_NOTED_REQUEST);
  return answer === SEND_NOTED_REQUEST;
};
