import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import type { SessionTreeNode } from '../../src/vscode/tree/sessionTreeNode';
import type { OAuthPromptShown } from '../../src/vscode/workflow/oauthEditorPrompts';
import { startOAuthServer, type OAuthServer } from '../support/startOAuthServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

describe('OAuth2 sign-in grants in the editor: browser and device prompts, the tokens in the sessions tree, history re-send', () => {
  let server: OAuthServer;
  let api: HttpSessionApi;
  const shown: OAuthPromptShown[] = [];
  let listener: vscode.Disposable | undefined;
  const envFile = (): string => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'http-client.env.json');

  before(async () => {
    server = await startOAuthServer({ clientId: 'editor-app', clientSecret: 'unused' });
    api = (await activeExtension()).exports as HttpSessionApi;
    await api.sessions.clear();
    writeWorkspaceFile('http-client.env.json', JSON.stringify({ oauth: { Security: { Auth: {
      web: { Type: 'OAuth2', 'Grant Type': 'Authorization Code', 'Auth URL': server.authUrl, 'Token URL': server.tokenUrl, 'Client ID': 'editor-app', PKCE: true },
      tv: { Type: 'OAuth2', 'Grant Type': 'Device Authorization', 'Device Auth URL': server.deviceAuthUrl, 'Token URL': server.tokenUrl, 'Client ID': 'editor-app' },
    } } } }));
    await vscode.commands.executeCommand('httpSession.selectEnvironment', 'oauth');
    // The user: signs in on the page the editor opened, or approves the device code it showed.
    listener = api.onDidShowOAuthPrompt((prompt) => {
      shown.push(prompt);
      void fetch(prompt.kind === 'authorization' ? prompt.url : prompt.verificationUriComplete ?? '').then((r) => r.text());
    });
  });
  after(async () => {
    listener?.dispose();
    await vscode.commands.executeCommand('httpSession.selectEnvironment', null);
    fs.rmSync(envFile(), { force: true });
    await api.sessions.clear();
    await server.close();
  });

  const send = async (name: string, auth: string): Promise<RunResult | undefined> => {
    const uri = writeWorkspaceFile(name, `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("${auth}")}}\n`);
    await vscode.workspace.openTextDocument(uri);
    return vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
  };
  const tokenNumber = (result: RunResult | undefined): number => (JSON.parse(Buffer.from(result?.exchange?.response?.body ?? []).toString()) as { tokenNumber: number }).tokenNumber;

  it('Authorization Code: the sign-in page is opened for the user and the request completes with its token', async () => {
    const result = await send('oauth-web.http', 'web');
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const prompt = shown.find((p) => p.kind === 'authorization');
    assert.ok(prompt && prompt.kind === 'authorization');
    assert.match(prompt.url, /\/authorize\?response_type=code&client_id=editor-app&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&state=/);
    assert.equal(api.sessions.get('default').oauthTokens.get('web')?.grant, 'authorization_code');
  });

  it('Device Authorization: the code is shown, and the request completes once it is approved', async () => {
    const result = await send('oauth-tv.http', 'tv');
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    const prompt = shown.find((p) => p.kind === 'device');
    assert.ok(prompt && prompt.kind === 'device');
    assert.match(prompt.userCode, /^U[0-9A-F]{6}$/);
  });

  it('the sessions tree shows each token under Auth (name, grant, expiry, value masked); Copy copies the token', async () => {
    await new Promise((resolve) => setTimeout(resolve, 400)); // the tree refreshes after a quiet time
    const root = (api.sessionTree.getChildren() ?? []).find((n) => n.kind === 'session' && n.session === 'default')!;
    const auth = (api.sessionTree.getChildren(root) ?? []).find((n) => api.sessionTree.getTreeItem(n).label === 'Auth');
    assert.ok(auth, 'an Auth group');
    const rows = (api.sessionTree.getChildren(auth) ?? []) as SessionTreeNode[];
    const items = rows.map((n) => api.sessionTree.getTreeItem(n));
    assert.deepEqual(items.map((i) => i.label), ['OAuth2 · tv', 'OAuth2 · web']);
    assert.match(String(items[1].description), /^authorization code · expires in \d+ min · ••••••.{4}$/);
    assert.match(String(items[0].description), /^device · expires in \d+ min · ••••••.{4}$/);
    const web = api.sessions.get('default').oauthTokens.get('web')!;
    for (const item of items) assert.ok(!`${String(item.description)}${String(item.tooltip)}`.includes(web.accessToken), 'the value is masked');
    assert.equal(items[1].contextValue, 'httpSession.oauthToken');
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('httpSession.copyValue', rows[1]);
    assert.equal(await vscode.env.clipboard.readText(), web.accessToken);
  });

  it('Forget Token drops one token from the session and its row from the tree; the other stays', async () => {
    const session = api.sessions.get('default');
    const kept = session.oauthTokens.get('web');
    assert.ok(kept && session.oauthTokens.has('tv'), 'both tokens from the sign-ins above');
    const auth = (): SessionTreeNode | undefined => {
      const root = (api.sessionTree.getChildren() ?? []).find((n) => n.kind === 'session' && n.session === 'default')!;
      return (api.sessionTree.getChildren(root) ?? []).find((n) => api.sessionTree.getTreeItem(n).label === 'Auth');
    };
    const tv = ((api.sessionTree.getChildren(auth()) ?? []) as SessionTreeNode[]).find((n) => api.sessionTree.getTreeItem(n).label === 'OAuth2 · tv');
    await vscode.commands.executeCommand('httpSession.forgetToken', tv);
    assert.equal(session.oauthTokens.has('tv'), false);
    assert.equal(session.oauthTokens.get('web'), kept);
    assert.deepEqual(((api.sessionTree.getChildren(auth()) ?? []) as SessionTreeNode[]).map((n) => api.sessionTree.getTreeItem(n).label), ['OAuth2 · web']);
  });

  it('re-sending from the history when the file is gone asks the session for the token, not the expired one it sent', async () => {
    await vscode.commands.executeCommand('httpSession.clearHistory');
    const first = await send('oauth-gone.http', 'web');
    assert.equal(first?.exchange?.response?.status, 200, first?.error?.describe());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'oauth-gone.http'));
    api.sessions.get('default').oauthTokens.get('web')!.expiresAt = Date.now() - 1;
    const again = await vscode.commands.executeCommand<RunResult>('httpSession.showHistory', 0);
    assert.equal(again?.exchange?.response?.status, 200, again?.error?.describe());
    assert.ok(tokenNumber(again) > tokenNumber(first), 'a refreshed token, not the one sent first');
    const now = api.sessions.get('default').oauthTokens.get('web')!.accessToken;
    assert.equal(again?.exchange?.hops[0].request.headers.find(([name]) => name === 'Authorization')?.[1], `Bearer ${now}`);
    assert.equal(server.tokenCalls.at(-1)?.grantType, 'refresh_token');
  });
});
