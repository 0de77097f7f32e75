import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import { REDACTED } from '../../src/core/variables/redactSecrets';
import type { HttpSessionApi } from '../../src/extension';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

interface Arrived {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

function workspacePath(...parts: string[]): string {
  return path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ...parts);
}

describe('workflow: environments, prompts, cURL, history', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  const arrived: Arrived[] = [];
  const last = (): Arrived => arrived[arrived.length - 1];

  before(async () => {
    server = await startServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? '']));
        arrived.push({ method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) });
        if (req.url?.startsWith('/login')) res.setHeader('Set-Cookie', 'sid=wf1; Path=/');
        res.setHeader('Content-Type', 'application/json');
        res.end('{"ok":true}');
      });
    });
    api = (await activeExtension()).exports as HttpSessionApi;
    await api.sessions.clear();
    writeWorkspaceFile('http-client.env.json', JSON.stringify({
      $shared: { host: server.url },
      demo: { token: 'demo-token', who: 'demo' },
      staging: { token: 'staging-token', who: 'staging' },
    }));
  });
  after(async () => {
    await vscode.commands.executeCommand('httpSession.selectEnvironment', null);
    fs.rmSync(workspacePath('http-client.env.json'), { force: true });
    await server?.close();
  });

  async function send(uri: vscode.Uri, line = 0): Promise<RunResult | undefined> {
    await vscode.workspace.openTextDocument(uri);
    return vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, line);
  }

  it('the picked environment (from the workspace root, for a file in a subfolder) reaches the server; the choice is kept per workspace', async () => {
    const uri = writeWorkspaceFile('envs/deep/api.http', 'GET {{host}}/env?who={{who}}\n');
    assert.equal(await vscode.commands.executeCommand('httpSession.selectEnvironment', 'demo'), 'demo');
    const demo = await send(uri);
    assert.equal(demo?.exchange?.response?.status, 200, demo?.error?.describe());
    assert.equal(last().url, '/env?who=demo');
    assert.equal(api.workflow.environment.nameFor(uri), 'demo');
    await vscode.commands.executeCommand('httpSession.selectEnvironment', 'staging');
    await send(uri);
    assert.equal(last().url, '/env?who=staging');
  });

  it('"No Environment" leaves only $shared: a variable of the environment is then unresolved and nothing is sent', async () => {
    const uri = writeWorkspaceFile('envs/none.http', 'GET {{host}}/none?who={{who}}\n');
    await vscode.commands.executeCommand('httpSession.selectEnvironment', '');
    const count = arrived.length;
    const result = await send(uri);
    assert.equal(result?.error?.code, 'UNRESOLVED_VARIABLE');
    assert.equal(arrived.length, count);
    await vscode.commands.executeCommand('httpSession.selectEnvironment', 'demo');
  });

  it('until an environment is picked, the httpSession.environment setting is the default; a pick wins over it', async () => {
    const uri = writeWorkspaceFile('envs/setting.http', 'GET {{host}}/setting?who={{who}}\n');
    const config = vscode.workspace.getConfiguration('httpSession');
    await config.update('environment', 'staging', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('httpSession.selectEnvironment', null);
      await send(uri);
      assert.equal(last().url, '/setting?who=staging');
      await vscode.commands.executeCommand('httpSession.selectEnvironment', 'demo');
      await send(uri);
      assert.equal(last().url, '/setting?who=demo');
    } finally {
      await config.update('environment', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  // Typing into the input box needs a real keyboard: test/e2e/workflow.e2e.test.ts types a value and checks the masking.
  it('# @prompt opens an input box: accepting sends its value, cancelling sends nothing', async () => {
    const uri = writeWorkspaceFile('prompt.http', `# @prompt ticket Ticket number\nGET ${server.url}/prompt?t={{ticket}}&x=1\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const count = arrived.length;
    const cancelled = vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.equal(arrived.length, count, 'nothing is sent while the input box is open');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const outcome = await cancelled;
    assert.equal(outcome?.error?.code, 'CANCELLED');
    assert.equal(arrived.length, count);
    const sending = vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await sending;
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    assert.equal(last().url, '/prompt?t=&x=1');
  });

  it('Copy Request as cURL copies the request as it will be sent; curl then sends what Send Request sends', async function () {
    this.timeout(30_000);
    const uri = writeWorkspaceFile('copy.http', [
      `POST {{host}}/login`,
      '',
      '###',
      '# @session-header X-Team: blue',
      'GET {{host}}/warm',
      '',
      '###',
      'POST {{host}}/orders?token={{token}}',
      'Content-Type: application/json',
      '',
      `{"note": "it's \${HOME} $(id)"}`,
    ].join('\n'));
    await send(uri, 0);
    await send(uri, 4);
    await vscode.env.clipboard.writeText('before');
    const command = await vscode.commands.executeCommand<string>('httpSession.copyAsCurl', uri, 7);
    assert.equal(await vscode.env.clipboard.readText(), command);
    assert.match(command, /'Cookie: sid=wf1'/);
    await promisify(execFile)('bash', ['-c', `${command} --silent --output /dev/null`]);
    const byCurl = last();
    const result = await send(uri, 7);
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const bySend = last();
    assert.equal(byCurl.url, '/orders?token=demo-token');
    assert.equal(byCurl.url, bySend.url);
    assert.equal(byCurl.body.toString(), `{"note": "it's \${HOME} $(id)"}`);
    assert.deepEqual(byCurl.body, bySend.body);
    for (const name of ['cookie', 'x-team', 'content-type']) assert.equal(byCurl.headers[name], bySend.headers[name], name);
    assert.equal(byCurl.headers['x-team'], 'blue');
  });

  it('Paste cURL as Request inserts a block after the request under the cursor, and it sends what curl sends', async function () {
    this.timeout(30_000);
    const uri = writeWorkspaceFile('paste.http', `GET ${server.url}/first\n\n###\nGET ${server.url}/third\n`);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const curl = `curl -X PUT '${server.url}/pasted?x=1' \\\n  -H 'X-One: a b' -u 'ann:pw' \\\n  --data-raw $'{"k":"it\\'s"}' -H 'Content-Type: application/json' --retry 0`;
    await vscode.env.clipboard.writeText(curl);
    await vscode.commands.executeCommand('httpSession.pasteCurl');
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(lines.slice(0, 4), [`GET ${server.url}/first`, '', '###', '# curl option not converted: --retry 0']);
    assert.equal(lines[4], `PUT ${server.url}/pasted?x=1`);
    assert.ok(lines.includes(`GET ${server.url}/third`), editor.document.getText());
    await editor.document.save();
    await promisify(execFile)('bash', ['-c', `${curl} --silent --output /dev/null`]);
    const byCurl = last();
    await send(uri, 4);
    const bySend = last();
    assert.equal(bySend.method, 'PUT');
    assert.equal(bySend.url, byCurl.url);
    assert.deepEqual(bySend.body.toString(), `{"k":"it's"}`);
    assert.deepEqual(bySend.body, byCurl.body);
    for (const name of ['x-one', 'authorization', 'content-type']) assert.equal(bySend.headers[name], byCurl.headers[name], name);
  });

  it('keeps the requests sent in the history with credentials masked, re-sends from there, and clears it', async () => {
    await vscode.commands.executeCommand('httpSession.clearHistory');
    const uri = writeWorkspaceFile('history.http', `GET ${server.url}/hist?api_key=K-SECRET&page=1\nAuthorization: Bearer B-SECRET\n`);
    await send(uri, 0);
    const [entry] = api.workflow.history.entries;
    assert.equal(entry.method, 'GET');
    assert.equal(entry.status, 200);
    assert.equal(entry.file, uri.fsPath);
    assert.equal(entry.line, 0);
    assert.ok(entry.url.includes(`api_key=${REDACTED}&page=1`), entry.url);
    const stored = JSON.stringify(api.workflow.history.entries);
    for (const secret of ['K-SECRET', 'B-SECRET', 'sid=wf1']) assert.ok(!stored.includes(secret), `${secret} in ${stored}`);
    const count = arrived.length;
    const again = await vscode.commands.executeCommand<RunResult>('httpSession.showHistory', 0);
    assert.equal(again?.exchange?.response?.status, 200);
    assert.equal(arrived.length, count + 1);
    assert.equal(last().headers.authorization, 'Bearer B-SECRET', 'from the file, the real header is sent');
    assert.equal(api.workflow.history.entries.length, 2);
    await vscode.commands.executeCommand('httpSession.clearHistory');
    assert.deepEqual(api.workflow.history.entries, []);
  });

  it('re-sends from the stored request when the file is gone, without the masked credentials', async () => {
    await vscode.commands.executeCommand('httpSession.clearHistory');
    const uri = writeWorkspaceFile('gone.http', `POST ${server.url}/gone\nAuthorization: Bearer GONE-SECRET\nContent-Type: text/plain\n\nhello\n`);
    await send(uri, 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(uri.fsPath);
    const again = await vscode.commands.executeCommand<RunResult>('httpSession.showHistory', 0);
    assert.equal(again?.exchange?.response?.status, 200, again?.error?.describe());
    assert.equal(last().url, '/gone');
    assert.equal(last().body.toString(), 'hello');
    assert.equal(last().headers.authorization, undefined);
    assert.equal(last().headers.cookie, 'sid=wf1', 'the session still supplies its cookie');
  });

  it('sends GraphQL (X-Request-Type and the GRAPHQL method) as JSON with query and variables', async () => {
    const uri = writeWorkspaceFile('graphql.http', [
      `POST ${server.url}/graphql`,
      'X-Request-Type: GraphQL',
      '',
      'query Order($id: ID!) { order(id: $id) { id } }',
      '',
      '{"id": "{{token}}"}',
      '',
      '###',
      `GRAPHQL ${server.url}/graphql2`,
      '',
      '{ me { name } }',
    ].join('\n'));
    await send(uri, 0);
    assert.equal(last().headers['content-type'], 'application/json');
    assert.equal(last().headers['x-request-type'], undefined);
    assert.deepEqual(JSON.parse(last().body.toString()), { query: 'query Order($id: ID!) { order(id: $id) { id } }', variables: { id: 'demo-token' } });
    await send(uri, 8);
    assert.equal(last().method, 'POST');
    assert.deepEqual(JSON.parse(last().body.toString()), { query: '{ me { name } }' });
  });

  it('sends multipart/form-data with a file part carrying the file bytes exactly', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    fs.mkdirSync(workspacePath('upload'), { recursive: true });
    fs.writeFileSync(workspacePath('upload', 'blob.bin'), bytes);
    const uri = writeWorkspaceFile('upload/form.http', [
      `POST ${server.url}/upload`,
      'Content-Type: multipart/form-data; boundary=XyZ',
      '',
      '--XyZ',
      'Content-Disposition: form-data; name="title"',
      '',
      'Report {{who}}',
      '--XyZ',
      'Content-Disposition: form-data; name="file"; filename="blob.bin"',
      'Content-Type: application/octet-stream',
      '',
      '< ./blob.bin',
      '--XyZ--',
    ].join('\n'));
    const result = await send(uri, 0);
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const expected = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nReport demo\r\n--XyZ\r\n'
        + 'Content-Disposition: form-data; name="file"; filename="blob.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      bytes,
      Buffer.from('\r\n--XyZ--'),
    ]);
    assert.ok(last().body.equals(expected), `body of ${last().body.length} bytes differs from the expected ${expected.length}`);
  });
});
