import * as vscode from 'vscode';
import { parseHttpFile } from '../core/parser/parseHttpFile';
import type { HttpFile } from '../core/parser/types';
import { Disposable } from './disposable';

/** Parsed `.http` documents, cached per URI and version (parsed again only after an edit); dropped on close. */
export class DocumentCache extends Disposable {
  private readonly entries = new Map<string, { version: number; file: HttpFile }>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())));
  }

  /** The parse of `document` at its current version. */
  get(document: vscode.TextDocument): HttpFile {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.file;
    const file = parseHttpFile(document.getText());
    this.entries.set(key, { version: document.version, file });
    return file;
  }
}
