import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { splitLines } from '../../core/parser/splitLines';

/** The lines of `uri`: from its open document when there is one (unsaved edits included), else from disk. */
export async function documentLines(uri: vscode.Uri): Promise<string[]> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return splitLines(open.getText());
  try {
    return splitLines(await readFile(uri.fsPath, 'utf8'));
  } catch {
    return [];
  }
}
