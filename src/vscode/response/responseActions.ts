import * as vscode from 'vscode';
import type { OutgoingRequest } from '../../core/http/types';
import type { BodyKind } from '../../shared/protocol';
import { curlCommand } from '../../core/curl/curlCommand';
import { prettyJsonText } from '../../core/util/prettyJson';

/** The response the view shows now, as the toolbar actions need it. */
export interface CurrentResponse {
  label: string;
  kind: BodyKind;
  contentType: string;
  bytes: Uint8Array;
  text: string;
  /** The first hop's request as sent, for "Copy as cURL". */
  firstRequest?: OutgoingRequest;
  /** True when the response came over HTTP/2 (the copied command then asks for it). */
  http2?: boolean;
}

const LANGUAGES: Partial<Record<BodyKind, string>> = { json: 'json', xml: 'xml', html: 'html' };
const EXTENSIONS: Partial<Record<BodyKind, string>> = { json: 'json', xml: 'xml', html: 'html', text: 'txt' };

/** Copies the body text to the clipboard. */
export async function copyBody(current: CurrentResponse): Promise<void> {
  if (current.kind === 'image' || current.kind === 'binary') {
    void vscode.window.showInformationMessage('The body is binary: use Save Body to keep it.');
    return;
  }
  await vscode.env.clipboard.writeText(current.text);
}

/** Writes the body's bytes to `target`, or to where the save dialog says when no target is given. */
export async function saveBody(current: CurrentResponse, target?: vscode.Uri): Promise<void> {
  const ext = EXTENSIONS[current.kind] ?? (current.contentType.split('/')[1]?.replace(/[^\w.+-]/g, '') || 'bin');
  const name = `${current.label.replace(/[^\w.-]+/g, '_') || 'response'}.${ext}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const where = target ?? await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, saveLabel: 'Save Body' });
  if (where) await vscode.workspace.fs.writeFile(where, current.bytes);
}

/** Opens the body in an untitled editor with the matching language, JSON pretty-printed when it is one JSON value. */
export async function openInEditor(current: CurrentResponse): Promise<void> {
  if (current.kind === 'image' || current.kind === 'binary') {
    void vscode.window.showInformationMessage('The body is binary: use Save Body to keep it.');
    return;
  }
  // Laid out from the text itself, so big integers, `1.0` and repeated keys stay as the server sent them.
  const content = current.kind === 'json' ? prettyJsonText(current.text) ?? current.text : current.text;
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGES[current.kind] ?? 'plaintext', content });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Copies the first hop's request, exactly as sent, as a POSIX-shell `curl` command. */
export async function copyCurl(current: CurrentResponse): Promise<void> {
  if (!current.firstRequest) {
    void vscode.window.showInformationMessage('Nothing was sent for this request.');
    return;
  }
  await vscode.env.clipboard.writeText(curlCommand(current.firstRequest, current.http2 ? { http2: true } : {}));
}
