import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { writeWorkspaceFile } from './workspaceFiles';

describe('extension activation', () => {
  it('activates when an .http file is opened, and the file gets the http language', async () => {
    const extension = vscode.extensions.getExtension('http-session.http-session');
    assert.ok(extension, 'extension http-session.http-session is loaded');
    const uri = writeWorkspaceFile('activation.http', 'GET http://127.0.0.1:9/never\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'http');
    for (let i = 0; i < 100 && !extension.isActive; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(extension.isActive, true, 'extension activated within 10 s of opening the file');
  });

  it('opens .rest files as the http language too', async () => {
    const document = await vscode.workspace.openTextDocument(writeWorkspaceFile('other.rest', 'GET http://127.0.0.1:9/\n'));
    assert.equal(document.languageId, 'http');
  });

  it('registers every command the manifest contributes', async () => {
    const extension = vscode.extensions.getExtension('http-session.http-session');
    await extension?.activate();
    const contributed = (extension?.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });
});
