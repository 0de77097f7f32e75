import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { startServer, type TestServer } from '../support/startServer';
import { completionLabels, labelOf, waitFor } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

describe('language: completion', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpSession');

  before(async () => {
    server = await startServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Trace', 'trace-1');
      res.end(JSON.stringify({ token: 'x', user: { id: 1 } }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
    writeWorkspaceFile('http-client.env.json', JSON.stringify({ $shared: { sharedHost: 'http://shared' }, dev: { devOnly: 'd1' }, prod: { prodOnly: 'p1' } }, null, 2));
    await config().update('environment', 'dev', vscode.ConfigurationTarget.Workspace);
    // Follow the setting, not an environment picked in the status bar by an earlier test.
    await vscode.commands.executeCommand('httpSession.selectEnvironment', null);
  });
  after(async () => {
    await config().update('environment', undefined, vscode.ConfigurationTarget.Workspace);
    await server?.close();
  });

  it('offers methods at the start of a request line', async () => {
    const uri = writeWorkspaceFile('complMethod.http', 'GET http://127.0.0.1:9/a\n\n###\nPO');
    await vscode.workspace.openTextDocument(uri);
    const labels = (await completionLabels(uri, 3, 2)).map(labelOf);
    assert.ok(labels.includes('POST') && labels.includes('GRAPHQL'), labels.join(','));
  });

  it('offers header names in the header section and Content-Type, Accept and Authorization values after the colon', async () => {
    const uri = writeWorkspaceFile('complHeaders.http', 'POST http://127.0.0.1:9/a\nCont\nContent-Type: \nAuthorization: \n');
    await vscode.workspace.openTextDocument(uri);
    const names = await completionLabels(uri, 1, 4);
    const contentType = names.find((i) => labelOf(i) === 'Content-Type');
    assert.equal((contentType?.insertText as string | undefined), 'Content-Type: ');
    const values = (await completionLabels(uri, 2, 14)).map(labelOf);
    assert.ok(values.includes('application/json') && values.includes('application/x-www-form-urlencoded'), values.join(','));
    const schemes = (await completionLabels(uri, 3, 15)).map(labelOf);
    assert.ok(schemes.includes('Bearer ') && schemes.includes('Basic '), schemes.join(','));
  });

  it('inside {{ offers file variables, the active environment\'s variables, prompts and $ built-ins with argument snippets', async () => {
    const uri = writeWorkspaceFile('complVars.http', '@host = http://127.0.0.1:9\n# @prompt otp One-time code\nGET {{}}\n');
    await vscode.workspace.openTextDocument(uri);
    const items = await completionLabels(uri, 2, 6, '{');
    const labels = items.map(labelOf);
    for (const expected of ['host', 'devOnly', 'sharedHost', 'otp', '$guid', '$randomInt', '$datetime']) assert.ok(labels.includes(expected), `${expected} missing from ${labels.join(',')}`);
    assert.ok(!labels.includes('prodOnly'), 'a variable of an environment that is not active is not offered');
    const randomInt = items.find((i) => labelOf(i) === '$randomInt');
    assert.ok(randomInt?.insertText instanceof vscode.SnippetString);
    assert.equal(randomInt.insertText.value, '\\$randomInt ${1:0} ${2:1000}');
  });

  it('offers $.token, $.user.id and response header names of a named request\'s stored response', async () => {
    await api.sessions.clear();
    const login = writeWorkspaceFile('complLogin.http', `# @name login\nPOST ${server.url}/login\n`);
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', login, 1);
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const uri = writeWorkspaceFile('complPaths.http', 'GET http://127.0.0.1:9/{{login.response.}}\n');
    await vscode.workspace.openTextDocument(uri);
    const labels = await waitFor('completions of login', async () => (await completionLabels(uri, 0, 40, '.')).map(labelOf), (l) => l.includes('login.response.body.$.token'));
    for (const expected of ['login.response.body.$.token', 'login.response.body.$.user', 'login.response.body.$.user.id', 'login.response.headers.X-Trace', 'login.response.body.*']) {
      assert.ok(labels.includes(expected), `${expected} missing from ${labels.filter((l) => l.startsWith('login')).join(',')}`);
    }
  });

  it('offers directives after # @ with a one-line documentation each', async () => {
    const uri = writeWorkspaceFile('complDirectives.http', '# @\nGET http://127.0.0.1:9/a\n');
    await vscode.workspace.openTextDocument(uri);
    const items = await completionLabels(uri, 0, 3, '@');
    const names = items.map(labelOf);
    for (const expected of ['name', 'no-redirect', 'no-cookie-jar', 'session', 'session-header', 'session-auth', 'no-session-header', 'timeout', 'insecure', 'prompt', 'note']) {
      assert.ok(names.includes(expected), `${expected} missing from ${names.join(',')}`);
    }
    for (const item of items.filter((i) => names.includes(labelOf(i)))) assert.ok(String(item.documentation ?? '').length > 10, `${labelOf(item)} has no documentation`);
  });
});
