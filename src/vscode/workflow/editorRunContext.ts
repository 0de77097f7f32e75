import * as vscode from 'vscode';
import type { PipelineContext } from '../../core/runner/pipelineTypes';
import type { SessionStore } from '../../core/session/sessionStore';
import { readEngineSettings, readScriptLimits } from '../config';
import { askCertificatePassphrase, forgetCertificatePassphrase } from '../tls/certificatePassphrases';
import { noteConfirmInput } from './noteConfirmInput';
import { editorOAuthInteraction } from './oauthEditorPrompts';
import { promptInput } from './promptInput';

/** What a caller of editorRunContext lets the run do beyond resolving: ask, confirm, be cancelled. */
export interface EditorRunAsks {
  /** Aborts the request in flight (the response view's Cancel). */
  signal?: AbortSignal;
  /** Ask `# @prompt` values in an input box. */
  prompt?: boolean;
  /** Ask before a `# @note` request is sent (a modal). */
  confirm?: boolean;
}

/** Setting problems already shown: each bad value is told once, not on every send and hover. */
const told = new Set<string>();

/**
 * The one place the editor decides how a request of the file at `uri` runs: the `httpSession.*` settings
 * of that file (script limits included; a bad value is shown once, naming the setting, and its default used),
 * Restricted Mode from workspace trust, its workspace folder as the root of `< path` files, the OAuth2
 * sign-in prompts (browser, device code notification), and the asks the caller allows. Send Request, Copy
 * as cURL, history re-send and hovers all start here;
 * add `filePath` and `file` for a request of an open file.
 */
export function editorRunContext(uri: vscode.Uri, sessions: SessionStore, environment: Record<string, string>, asks: EditorRunAsks = {}): PipelineContext {
  const workspaceRoot = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  const scripts = readScriptLimits(uri);
  for (const problem of scripts.problems) {
    if (told.has(problem)) continue;
    told.add(problem);
    void vscode.window.showWarningMessage(problem);
  }
  return {
    sessions,
    environment,
    settings: readEngineSettings(uri),
    scriptLimits: scripts.limits,
    restricted: !vscode.workspace.isTrusted,
    oauth: editorOAuthInteraction,
    ...(workspaceRoot !== undefined ? { workspaceRoot } : {}),
    ...(asks.signal ? { signal: asks.signal } : {}),
    ...(asks.prompt ? { prompt: promptInput } : {}),
    ...(asks.confirm ? { confirm: noteConfirmInput } : {}),
    // Asked only when an https hop needs a certificate whose key is encrypted, and then once (secret storage).
    askPassphrase: askCertificatePassphrase,
    forgetPassphrase: forgetCertificatePassphrase,
  };
}
