import * as path from 'node:path';
import * as vscode from 'vscode';
import { requestAtLine } from '../../core/parser/requestAtLine';
import type { RequestBlock } from '../../core/parser/types';
import type { RunContext } from '../../core/runner/types';
import type { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import { editorRunContext } from './editorRunContext';

/** What the workflow commands need to build a request the way Send Request does. */
export interface RequestServices {
  documents: DocumentCache;
  sessions: SessionStore;
  /** The active environment's values for a document. */
  environmentOf(document: vscode.TextDocument): Promise<Record<string, string>>;
  /** The same for a file that may be gone (a history entry's), for its OAuth2 configurations. */
  environmentAt?(uri: vscode.Uri): Promise<Record<string, string>>;
}

/**
 * The request at `lineArg` of `uriArg` (or under the cursor) and the context Send Request would run it in;
 * shows an information message and returns undefined when there is none. Environment errors throw.
 */
export async function requestContext(services: RequestServices, uriArg: unknown, lineArg: unknown): Promise<{ ctx: RunContext; block: RequestBlock } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const document = uriArg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uriArg) : editor?.document;
  if (!document || document.languageId !== 'http') {
    void vscode.window.showInformationMessage('Open an .http file and put the cursor in a request.');
    return undefined;
  }
  const line = typeof lineArg === 'number' ? lineArg : editor?.document === document ? editor.selection.active.line : 0;
  const file = services.documents.get(document);
  const block = requestAtLine(file, line);
  if (!block) {
    void vscode.window.showInformationMessage(`No request at line ${line + 1} of ${path.basename(document.fileName)}.`);
    return undefined;
  }
  const environment = await services.environmentOf(document);
  const ctx: RunContext = { ...editorRunContext(document.uri, services.sessions, environment, { prompt: true }), filePath: document.uri.fsPath, file };
  return { ctx, block };
}
