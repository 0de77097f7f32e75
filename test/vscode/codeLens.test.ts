import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CodeLensProvider } from '../../src/vscode/codeLensProvider';
import { DocumentCache } from '../../src/vscode/documentCache';
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

/**
 * The lenses VS Code gets for `uri`, the first `resolveCount` of them resolved (VS Code resolves only the lenses
 * on screen; given a count, it leaves the unresolved rest out; null: no count, every lens as provided). Sorted by
 * line: resolves finish in any order.
 */
async function lensesOf(uri: vscode.Uri, resolveCount: number | null = 100): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, ...(resolveCount === null ? [] : [resolveCount])) ?? [];
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
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

  it('gives VS Code range-only lenses: without a resolve count every lens comes back with no command', async () => {
    const uri = writeWorkspaceFile('unresolved.http', FILE);
    await vscode.workspace.openTextDocument(uri);
    const lenses = await lensesOf(uri, null);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [4, 7, 15]);
    assert.deepEqual(lenses.map((l) => l.command), [undefined, undefined, undefined]);
  });

  it('fills in the Send Request command only for the lenses VS Code resolves (the first N of a resolve count)', async () => {
    const uri = writeWorkspaceFile('resolveCount.http', FILE);
    await vscode.workspace.openTextDocument(uri);
    const lenses = await lensesOf(uri, 2);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [4, 7]);
    assert.deepEqual(lenses.map((l) => l.command?.command), ['httpSession.sendRequest', 'httpSession.sendRequest']);
    assert.equal(lenses[1].command?.tooltip, 'Send POST {{base}}/two through the session');
    assert.equal((lenses[1].command?.arguments?.[0] as vscode.Uri).toString(), uri.toString());
  });

  it('resolves a lens against the document as it is now: the request on its line, or blank (and a refresh) when none is', async () => {
    const uri = writeWorkspaceFile('stale.http', 'GET http://127.0.0.1:9/a\n\n###\nGET http://127.0.0.1:9/b\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const documents = new DocumentCache();
    const provider = new CodeLensProvider(documents);
    let refreshes = 0;
    const listener = provider.onDidChangeCodeLenses(() => { refreshes += 1; });
    try {
      const before = provider.provideCodeLenses(editor.document);
      assert.deepEqual(before.map((l) => [l.range.start.line, l.command]), [[0, undefined], [3, undefined]]);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'GET http://127.0.0.1:9/new\n\n###\n\n'));
      const moved = provider.resolveCodeLens(before[0]).command;
      assert.equal(moved?.tooltip, 'Send GET http://127.0.0.1:9/new through the session', 'line 0 now holds the new request');
      assert.deepEqual(moved?.arguments?.[1], 0);
      assert.equal(refreshes, 0);
      const stale = provider.resolveCodeLens(before[1]).command;
      assert.equal(stale?.title, '', 'line 3 is blank now');
      assert.equal(stale?.command, '');
      assert.equal(refreshes, 1, 'VS Code is asked for fresh lenses');
      const after = provider.provideCodeLenses(editor.document);
      const fresh = provider.resolveCodeLens(after[2]).command;
      assert.equal(fresh?.title, 'Send Request');
      assert.equal(fresh?.tooltip, 'Send GET http://127.0.0.1:9/b through the session');
      assert.deepEqual([(fresh?.arguments?.[0] as vscode.Uri).toString(), fresh?.arguments?.[1]], [uri.toString(), 7]);
    } finally {
      listener.dispose();
      provider.dispose();
      documents.dispose();
    }
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
