import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

function header(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

describe('httpSession.sendRequest', () => {
  let server: TestServer;
  let api: HttpSessionApi;

  before(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/login') res.setHeader('Set-Cookie', 'sid=abc123; Path=/; HttpOnly');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
    await api.sessions.clear();
  });
  after(async () => { await server?.close(); });

  it('sends the request under the cursor to a loopback server and resolves with its response', async () => {
    const uri = writeWorkspaceFile('send.http', `GET ${server.url}/hello\nX-Test: yes\n`);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest');
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const arrived = server.requests.at(-1);
    assert.equal(arrived?.url, '/hello');
    assert.equal(header(arrived?.headers ?? [], 'x-test'), 'yes');
  });

  it('a second request carries the cookie the first one received (one workspace session)', async () => {
    const uri = writeWorkspaceFile('cookies.http', [
      `GET ${server.url}/login`,
      '',
      '###',
      `GET ${server.url}/profile`,
    ].join('\n'));
    await vscode.workspace.openTextDocument(uri);
    const first = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    assert.equal(first?.exchange?.response?.status, 200, first?.error?.describe());
    assert.equal(header(server.requests.at(-1)?.headers ?? [], 'cookie'), undefined, 'the login request had no cookie yet');
    const second = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 3);
    assert.equal(second?.exchange?.response?.status, 200, second?.error?.describe());
    assert.equal(server.requests.at(-1)?.url, '/profile');
    assert.equal(header(server.requests.at(-1)?.headers ?? [], 'cookie'), 'sid=abc123');
  });

  it('clearing the session through the exported API stops the cookie from being sent', async () => {
    await api.sessions.clear();
    const uri = writeWorkspaceFile('afterClear.http', `GET ${server.url}/profile\n`);
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    assert.equal(header(server.requests.at(-1)?.headers ?? [], 'cookie'), undefined);
  });

  it('httpSession.sendAll sends every request of the file in order through one session', async () => {
    await api.sessions.clear();
    const uri = writeWorkspaceFile('sendAll.http', [
      `GET ${server.url}/login`,
      '',
      '###',
      `GET ${server.url}/profile`,
      '',
      '###',
      `GET ${server.url}/orders`,
    ].join('\n'));
    const before = server.requests.length;
    const results = await vscode.commands.executeCommand<RunResult[]>('httpSession.sendAll', uri);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200, 200]);
    const arrived = server.requests.slice(before);
    assert.deepEqual(arrived.map((r) => r.url), ['/login', '/profile', '/orders']);
    assert.equal(header(arrived[2].headers, 'cookie'), 'sid=abc123', 'later requests carry the login cookie');
  });

  it('httpSession.sendAll stops at the first request that got no response', async () => {
    const closed = await startServer((_req, res) => { res.end(); });
    const deadUrl = closed.url;
    await closed.close();
    const uri = writeWorkspaceFile('sendAllStops.http', `GET ${deadUrl}/down\n\n###\nGET ${server.url}/never\n`);
    const before = server.requests.length;
    const results = await vscode.commands.executeCommand<RunResult[]>('httpSession.sendAll', uri);
    assert.equal(results.length, 1);
    assert.equal(results[0].error?.code ?? results[0].exchange?.error?.code, 'REFUSED');
    assert.equal(server.requests.length, before, 'nothing after the failed request was sent');
  });

  it('reports a refused connection as a typed error instead of throwing', async () => {
    const closed = await startServer((_req, res) => { res.end(); });
    const url = closed.url;
    await closed.close();
    const uri = writeWorkspaceFile('refused.http', `GET ${url}/nothing\n`);
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    assert.equal(result?.error?.code ?? result?.exchange?.error?.code, 'REFUSED');
  });
});
