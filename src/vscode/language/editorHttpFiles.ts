import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { HttpFileCache } from '../../core/runner/httpFileCache';

/**
 * A cache for `# @import`ed files that reads an open document's text (unsaved edits included) before the
 * file on disk. Make one per send or per language request: it keeps what it read.
 */
export function editorHttpFileCache(): HttpFileCache {
  return new HttpFileCache(async (path) => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    return open ? open.getText() : readFile(path, 'utf8');
  });
}
