import * as vscode from 'vscode';
import { curlToHttp } from '../../core/curl/curlToHttp';
import { parseCurl } from '../../core/curl/parseCurl';
import { requestAtLine } from '../../core/parser/requestAtLine';
import type { DocumentCache } from '../documentCache';

/** Command id of Paste cURL as Request. */
export const PASTE_CURL_COMMAND = 'httpSession.pasteCurl';

/**
 * `httpSession.pasteCurl`: turns the curl command on the clipboard into a request block, inserted after the
 * request under the cursor (or at the cursor) with a `###` separator. Resolves with the inserted block, or
 * undefined when the clipboard held no usable curl command (a message says why).
 */
export function registerPasteCurl(documents: DocumentCache): vscode.Disposable {
  return vscode.commands.registerCommand(PASTE_CURL_COMMAND, async (): Promise<string | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'http') {
      void vscode.window.showInformationMessage('Open an .http file to paste a cURL command into.');
      return undefined;
    }
    const request = parseCurl(await vscode.env.clipboard.readText());
    if (!request.url) {
      void vscode.window.showWarningMessage(`Paste cURL as Request: ${request.problems.join(' ') || 'no URL found.'}`);
      return undefined;
    }
    const block = curlToHttp(request);
    const document = editor.document;
    const cursor = editor.selection.active.line;
    const current = requestAtLine(documents.get(document), cursor);
    const at = current ? Math.min((current.blockEndLine ?? current.range.endLine) + 1, document.lineCount) : cursor;
    const atEnd = at >= document.lineCount;
    const before = atEnd && document.lineCount > 0 && document.lineAt(document.lineCount - 1).text !== '' ? '\n' : '';
    const needsSeparator = document.getText(new vscode.Range(0, 0, at, 0)).trim() !== '';
    const text = `${before}${needsSeparator ? '###\n' : ''}${block}\n${atEnd ? '' : '\n'}`;
    const position = atEnd ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(at, 0);
    await editor.edit((edit) => edit.insert(position, text));
    if (request.problems.length) void vscode.window.showWarningMessage(`Paste cURL as Request: ${request.problems.join(' ')}`);
    return block;
  });
}
