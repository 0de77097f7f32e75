import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { startServer, type TestServer } from '../support/startServer';
import { hoverText } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

describe('language: hover on {{variable}}', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpSession');

  before(async () => {
    server = await startServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ token: 'tok-secret-123', user: { id: 42 } }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
    writeWorkspaceFile('hoverEnv/http-client.env.json', '{\n  "dev": {\n    "baseUrl": "http://dev.example",\n    "apiKey": "k-999"\n  }\n}\n');
    await config().update('environment', 'dev', vscode.ConfigurationTarget.Workspace);
    // Follow the setting, not an environment picked in the status bar by an earlier test.
    await vscode.commands.executeCommand('httpSession.selectEnvironment', null);
  });
  after(async () => {
    await config().update('environment', undefined, vscode.ConfigurationTarget.Workspace);
    await server?.close();
  });

  it('shows a file variable\'s resolved value and its line', async () => {
    const uri = writeWorkspaceFile('hoverEnv/fileVar.http', '@host = http://127.0.0.1:{{port}}\n@port = 8080\nGET {{host}}/a\n');
    await vscode.workspace.openTextDocument(uri);
    const text = await hoverText(uri, 2, 7);
    assert.match(text, /File variable, line 1/);
    assert.match(text, /http:\/\/127\.0\.0\.1:8080/);
  });

  it('shows an environment variable\'s value with the environment name and file', async () => {
    const uri = writeWorkspaceFile('hoverEnv/envVar.http', 'GET {{baseUrl}}/a\n');
    await vscode.workspace.openTextDocument(uri);
    const text = await hoverText(uri, 0, 7);
    assert.match(text, /Environment `dev`, http-client\.env\.json line 3/);
    assert.match(text, /http:\/\/dev\.example/);
  });

  it('masks the value when the name looks like a secret', async () => {
    const uri = writeWorkspaceFile('hoverEnv/secret.http', '@password = hunter2\nGET http://127.0.0.1:9/?p={{password}}&k={{apiKey}}\n');
    await vscode.workspace.openTextDocument(uri);
    const fileVar = await hoverText(uri, 1, 30);
    const envVar = await hoverText(uri, 1, 45);
    assert.match(fileVar, /••••/);
    assert.match(envVar, /••••/);
    assert.doesNotMatch(fileVar + envVar, /hunter2|k-999/);
  });

  it('describes a built-in', async () => {
    const uri = writeWorkspaceFile('hoverEnv/builtin.http', 'GET http://127.0.0.1:9/?n={{$randomInt 1 5}}\n');
    await vscode.workspace.openTextDocument(uri);
    assert.match(await hoverText(uri, 0, 30), /Built-in: A random whole number/);
  });

  it('shows a named response\'s value, its session and when it arrived; a token path is masked', async () => {
    await api.sessions.clear();
    const login = writeWorkspaceFile('hoverEnv/login.http', `# @name login\nPOST ${server.url}/login\n`);
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', login, 1);
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const uri = writeWorkspaceFile('hoverEnv/useLogin.http', 'GET http://127.0.0.1:9/{{login.response.body.$.user.id}}?t={{login.response.body.$.token}}\n');
    await vscode.workspace.openTextDocument(uri);
    const id = await hoverText(uri, 0, 30);
    assert.match(id, /Response of request `login` \(status 200\), session `default`, received \d{4}-\d\d-\d\dT/);
    assert.match(id, /\n42\n/);
    const token = await hoverText(uri, 0, 70);
    assert.match(token, /••••/);
    assert.doesNotMatch(token, /tok-secret-123/);
  });
});
