import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ourDiagnostics, waitFor } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const rangeOf = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`;

describe('language: diagnostics as you type', () => {
  before(activeExtension);

  it('warns for an unknown {{variable}} with its exact range, and clears the warning once it is defined', async () => {
    const uri = writeWorkspaceFile('diagUnknown.http', 'GET http://127.0.0.1:9/{{ missingVar }}\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const first = await waitFor('the unknown-variable warning', () => ourDiagnostics(uri), (d) => d.length > 0);
    assert.deepEqual(first.map((d) => [rangeOf(d), d.severity, d.message.split(':')[0]]), [['0:26-36', vscode.DiagnosticSeverity.Warning, "Unknown variable 'missingVar'"]]);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '@missingVar = 1\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.lineAt(0).text, '@missingVar = 1');
    await waitFor('the warning to clear', () => ourDiagnostics(uri), (d) => d.length === 0);
  });

  it('reports the parser\'s problems: a malformed request line and an unknown directive (a note)', async () => {
    const uri = writeWorkspaceFile('diagParser.http', '# @frobnicate yes\nGET http://127.0.0.1:9/a\n\n###\nthis is not a request\n');
    await vscode.workspace.openTextDocument(uri);
    const found = await waitFor('parser diagnostics', () => ourDiagnostics(uri), (d) => d.length >= 2);
    const byLine = new Map(found.map((d) => [d.range.start.line, d]));
    assert.equal(byLine.get(0)?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(byLine.get(0)?.message ?? '', /frobnicate/);
    assert.equal(byLine.get(4)?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('a second request without ### gets a warning whose quick fix inserts ### above it', async () => {
    const uri = writeWorkspaceFile('diagSeparator.http', 'GET http://127.0.0.1:9/a\n\nGET http://127.0.0.1:9/b\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor('the warning', () => ourDiagnostics(uri), (d) => d.some((x) => x.range.start.line === 2));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(2, 0, 2, 0));
    const fix = actions.find((a) => a.title === 'Insert ### above this request');
    assert.ok(fix?.edit, 'a quick fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), 'GET http://127.0.0.1:9/a\n\n###\nGET http://127.0.0.1:9/b\n');
  });

  it('a request named in another file of the workspace is known; environment variables of any environment are known', async () => {
    writeWorkspaceFile('diagEnv/http-client.env.json', JSON.stringify({ staging: { stagingOnly: 's' } }));
    writeWorkspaceFile('diagEnv/named.http', '# @name diagToken\nPOST http://127.0.0.1:9/t\n');
    const uri = writeWorkspaceFile('diagEnv/uses.http', 'GET http://127.0.0.1:9/{{stagingOnly}}\nX-T: {{diagToken.response.body.$.t}}\nX-U: {{nobodyNamed.response.body.$.t}}\n');
    await vscode.workspace.openTextDocument(uri);
    const found = await waitFor('only the unknown request to be reported', () => ourDiagnostics(uri).map((d) => `${rangeOf(d)} ${d.message.split(':')[0]}`),
      (d) => d.length === 1 && d[0].includes('nobodyNamed'));
    assert.deepEqual(found, ["2:7-36 Unknown request 'nobodyNamed'"]);
  });
});
