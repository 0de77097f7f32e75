import * as path from 'node:path';
import * as vscode from 'vscode';
import { requestAtLine } from '../../core/parser/requestAtLine';
import { requestLabel } from '../../core/runner/requestLabel';
import { runRequest } from '../../core/runner/runRequest';
import type { SessionStore } from '../../core/session/sessionStore';
import { environmentDir } from '../../core/variables/environmentDir';
import { loadEnvironments } from '../../core/variables/environments';
import { readEditorSettings } from '../config';
import type { DocumentCache } from '../documentCache';
import type { LogChannel } from '../logChannel';
import { editorHttpFileCache } from '../language/editorHttpFiles';
import { editorRunContext } from '../workflow/editorRunContext';
import type { PreparedSend, SendSource } from './sendSource';

/** What reading a request of a file needs. */
export interface FileSourceDeps {
  documents: DocumentCache;
  sessions: SessionStore;
  log: LogChannel;
  /** The active environment's values for a document (the environment picker); default: the setting, beside the file. */
  environmentOf?: (document: vscode.TextDocument) => Promise<Record<string, string>>;
}

/**
 * The request at `line` of `uri`, read each time it is prepared: the document as it is then (an edit made
 * since counts) and the environment chosen then. Shows an information message when no request is there.
 */
export function fileRequestSource(deps: FileSourceDeps, uri: vscode.Uri, line: number): SendSource {
  return { prepare: () => prepareAt(deps, uri, line) };
}

async function prepareAt(deps: FileSourceDeps, uri: vscode.Uri, line: number): Promise<PreparedSend | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const file = deps.documents.get(document);
  const block = requestAtLine(file, line);
  if (!block) {
    void vscode.window.showInformationMessage(`No request at line ${line + 1} of ${path.basename(document.fileName)}.`);
    return undefined;
  }
  // Environment errors throw: the controller reports them with "Show Log".
  const environment = await environmentFor(deps, document);
  return {
    info: { label: requestLabel(block), method: block.method, url: block.url },
    send: ({ signal, confirm, prompt }) => runRequest({
      ...editorRunContext(document.uri, deps.sessions, environment, { signal }),
      prompt,
      confirm,
      filePath: document.uri.fsPath,
      file,
      imports: editorHttpFileCache(),
    }, block),
  };
}

/** Values of the selected environment (the picker's, or the `http-client(.private).env.json` nearest the file: environmentDir). */
async function environmentFor(deps: FileSourceDeps, document: vscode.TextDocument): Promise<Record<string, string>> {
  if (deps.environmentOf) return deps.environmentOf(document);
  const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
  const environments = await loadEnvironments(await environmentDir(path.dirname(document.uri.fsPath), root));
  for (const error of environments.errors) deps.log.channel.warn(error.describe());
  const name = readEditorSettings(document.uri).environment;
  return environments.resolve(name || undefined);
}
