import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const FILE = [
  '@base = http://127.0.0.1:9',       // 0
  '',                                 // 1
  '### first',                        // 2
  '# @name first',                    // 3
  'GET {{base}}/one',                 // 4
  '',                                 // 5
  '###',                              // 6
  'POST {{base}}/two HTTP/1.1',       // 7
  'Content-Type: application/json',   // 8
  '',                                 // 9
  '{ "a": 1 }',                       // 10
  '',                                 // 11
  '### only a comment',               // 12
  '# nothing to send here',           // 13
  '###',                              // 14
  '{{base}}/three',                   // 15
].join('\n');

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

describe('Send Request CodeLens', () => {
  before(activeExtension);

  it('provides one "Send Request" lens per request, on its request line', async () => {
    const uri = writeWorkspaceFile('lenses.http', FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ours = (await lensesOf(uri)).filter((l) => l.command?.command === 'httpSession.sendRequest');
    assert.deepEqual(ours.map((l) => l.command?.title), ['Send Request', 'Send Request', 'Send Request']);
    assert.deepEqual(ours.map((l) => l.range.start.line), [4, 7, 15]);
    assert.deepEqual(ours.map((l) => l.command?.arguments?.[1]), [4, 7, 15]);
    assert.equal(ours[1].range.end.character, 'POST {{base}}/two HTTP/1.1'.length);
  });

  it('follows edits: a request added to the document gets its lens', async () => {
    const uri = writeWorkspaceFile('edited.http', 'GET http://127.0.0.1:9/a\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.equal((await lensesOf(uri)).length, 1);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '\n###\nDELETE http://127.0.0.1:9/b\n'));
    const lines = (await lensesOf(uri)).filter((l) => l.command?.command === 'httpSession.sendRequest').map((l) => l.range.start.line);
    assert.deepEqual(lines, [0, 3]);
  });

  it('shows no lenses when httpSession.codeLens.enabled is false', async () => {
    const uri = writeWorkspaceFile('disabled.http', 'GET http://127.0.0.1:9/a\n');
    await vscode.workspace.openTextDocument(uri);
    const config = vscode.workspace.getConfiguration('httpSession');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal((await lensesOf(uri)).filter((l) => l.command?.command === 'httpSession.sendRequest').length, 0);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
