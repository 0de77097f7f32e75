import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HttpSessionApi } from '../../src/extension';
import { startServer, type TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

describe('script limits from the settings httpSession.scripts.timeout / .memory', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpSession');

  before(async () => {
    server = await startServer((_req, res) => { res.end('ok'); });
    api = (await activeExtension()).exports as HttpSessionApi;
  });
  after(async () => {
    await config().update('scripts.timeout', undefined, vscode.ConfigurationTarget.Workspace);
    await server?.close();
  });

  it('a low httpSession.scripts.timeout stops a while(true){} handler with a message naming the limit; the host goes on', async () => {
    await config().update('scripts.timeout', 300, vscode.ConfigurationTarget.Workspace);
    const uri = writeWorkspaceFile('limits/loop.http', `GET ${server.url}/loop\n> {% while (true) {} %}\n`);
    // A first script starts the sandbox's worker and compiles its WebAssembly: not part of what is timed.
    const warm = writeWorkspaceFile('limits/warm.http', `GET ${server.url}/warm\n> {% client.log("warm") %}\n`);
    await api.requests.send(api.requestAt(warm, 0), { quiet: true });
    const started = Date.now();
    const result = await api.requests.send(api.requestAt(uri, 0), { quiet: true });
    const ms = Date.now() - started;
    const handler = result?.tests.find((t) => t.kind === 'response-handler');
    assert.equal(handler?.passed, false, JSON.stringify(result?.tests));
    assert.match(handler?.message ?? '', /loop\.http:2:5: stopped after 300 ms \(the script time limit\)/);
    assert.ok(ms < 4000, `the 300 ms limit held (took ${ms} ms; the default is 5 s)`);
    const again = await api.requests.send(api.requestAt(uri, 0), { quiet: true });
    assert.equal(again?.exchange?.response?.status, 200, 'the extension host still sends');
  });

  it('a bad value keeps the default limit (a warning names the setting) and scripts still run', async () => {
    await config().update('scripts.timeout', -5, vscode.ConfigurationTarget.Workspace);
    const uri = writeWorkspaceFile('limits/bad.http', `GET ${server.url}/bad\n> {% client.test("ran", function () { client.assert(response.status === 200); }); %}\n`);
    const result = await api.requests.send(api.requestAt(uri, 0), { quiet: true });
    assert.deepEqual(result?.tests.map((t) => [t.name, t.passed]), [['ran', true]]);
  });
});
