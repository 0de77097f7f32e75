import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { buildResponseModel } from '../../src/vscode/response/responseModel';
import { startServer, type TestServer } from '../support/startServer';
import { completionLabels, labelOf, ourDiagnostics, waitFor } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

describe('# @ref / # @import in the editor: sending, completion, definition, diagnostics', () => {
  let server: TestServer;
  let api: HttpSessionApi;

  before(async () => {
    server = await startServer((req, res) => {
      req.resume();
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/login') res.setHeader('Set-Cookie', 'sid=ref-1; Path=/');
      res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
  });
  after(() => server?.close());

  it('Send Request on a request with # @ref sends the ref first in the same session; the response view says so and the history has it', async () => {
    await api.sessions.clear();
    writeWorkspaceFile('refs/auth.http', `### login\nPOST ${server.url}/login\n`);
    const uri = writeWorkspaceFile('refs/main.http', `# @import ./auth.http\n###\n### me\n# @ref login\nGET ${server.url}/me\n`);
    const before = server.requests.length;
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 4);
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.deepEqual(server.requests.slice(before).map((r) => r.url), ['/login', '/me']);
    assert.equal(server.requests.at(-1)?.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1], 'sid=ref-1');
    assert.equal(result.refs?.[0].request.name, 'login');
    assert.ok(api.sessions.get('default').namedResponses.has('login'));
    const exchange = result.exchange;
    assert.ok(exchange);
    const { model } = buildResponseModel(1, result, exchange);
    assert.equal(model.warnings[0], 'Sent first (# @ref): login → 200 OK');
    const history = api.workflow.history.entries.slice(0, 2).map((e) => e.url);
    assert.deepEqual(history, [`${server.url}/me`, `${server.url}/login`], 'the ref is in the history, before the request that needed it');
    const again = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 4);
    assert.equal(again.refs, undefined, 'a ref already in the session is not sent again');
  });

  it('completion in the prologue offers only the directives that act there; above a request, all of them', async () => {
    const uri = writeWorkspaceFile('refs/prologue.http', `# @\n\n###\n# @\nGET ${server.url}/x\n`);
    await vscode.workspace.openTextDocument(uri);
    const prologue = (await completionLabels(uri, 0, 3, '@')).map(labelOf);
    assert.ok(prologue.includes('session-header') && prologue.includes('import'), prologue.join(','));
    for (const requestOnly of ['name', 'no-redirect', 'ref', 'timeout']) assert.ok(!prologue.includes(requestOnly), `${requestOnly} offered in the prologue: ${prologue.join(',')}`);
    const request = (await completionLabels(uri, 3, 3, '@')).map(labelOf);
    assert.ok(request.includes('name') && request.includes('ref') && request.includes('session-header'), request.join(','));
  });

  it('after # @ref completes the names of the file and of its imports', async () => {
    writeWorkspaceFile('refs/other.http', `### remote-login\nPOST ${server.url}/login\n`);
    const uri = writeWorkspaceFile('refs/complete.http', `# @import ./other.http\n###\n### local\nGET ${server.url}/l\n###\n# @ref \nGET ${server.url}/x\n`);
    await vscode.workspace.openTextDocument(uri);
    const names = (await completionLabels(uri, 5, 7, ' ')).map(labelOf);
    assert.deepEqual(names.filter((n) => n === 'local' || n === 'remote-login').sort(), ['local', 'remote-login']);
  });

  it('go to definition on a # @ref name opens the request it names (in an imported file), and on # @import the file', async () => {
    const other = writeWorkspaceFile('refs/target.http', `\n### far\nGET ${server.url}/far\n`);
    const uri = writeWorkspaceFile('refs/nav.http', `# @import ./target.http\n###\n# @forceRef far\nGET ${server.url}/x\n`);
    await vscode.workspace.openTextDocument(uri);
    type Loc = vscode.Location | vscode.LocationLink;
    const where = (l: Loc): [string, number] => ('uri' in l ? [l.uri.fsPath, l.range.start.line] : [l.targetUri.fsPath, l.targetRange.start.line]);
    const ref = await vscode.commands.executeCommand<Loc[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(2, 13));
    assert.deepEqual(ref.map(where), [[other.fsPath, 1]]);
    const imported = await vscode.commands.executeCommand<Loc[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(0, 12));
    assert.deepEqual(imported.map(where), [[other.fsPath, 0]]);
  });

  it('a # @ref to a name found nowhere is an error at its line; an @import that cannot be read a warning naming it', async () => {
    const uri = writeWorkspaceFile('refs/broken.http', `# @import ./absent.http\n###\n# @ref ghost\nGET ${server.url}/x\n`);
    await vscode.workspace.openTextDocument(uri);
    const found = await waitFor('ref diagnostics', () => ourDiagnostics(uri), (d) => d.length >= 2);
    const at = (line: number) => found.find((d) => d.range.start.line === line);
    assert.equal(at(2)?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(at(2)?.message ?? '', /@ref ghost: no request named 'ghost'/);
    assert.equal(at(0)?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(at(0)?.message ?? '', /@import \.\/absent\.http: cannot read .*absent\.http \(no such file\)/);
  });
});
