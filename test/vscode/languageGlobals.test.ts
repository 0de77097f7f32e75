import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HttpSessionApi } from '../../src/extension';
import type { SessionTreeNode } from '../../src/vscode/tree/sessionTreeNode';
import { completionLabels, hoverText, labelOf, ourDiagnostics, waitFor } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const LOGIN = [
  'POST http://127.0.0.1:9/login',                        // 0
  '',                                                     // 1
  '> {%',                                                 // 2
  '  client.global.set("itLoginToken", response.body.t);', // 3
  '%}',                                                   // 4
  '> ./after-login.js',                                    // 5
].join('\n');
const ME = [
  'GET http://127.0.0.1:9/me',                            // 0
  'Authorization: Bearer {{itLoginToken}}',               // 1
  'X-User: {{itUserId}}',                                 // 2
  'X-Held: {{itHeldSecretToken}}',                        // 3
  'X-Nope: {{itNotAGlobal}}',                             // 4
].join('\n');

describe('language: globals (held by the session, or set by a script of the workspace)', () => {
  let api: HttpSessionApi;
  let me: vscode.Uri;

  before(async () => {
    api = (await activeExtension()).exports as HttpSessionApi;
    writeWorkspaceFile('globals/after-login.js', '// runs after the login\nclient.global.set("itUserId", response.body.id);\n');
    writeWorkspaceFile('globals/login.http', LOGIN);
    api.sessions.get('default').setGlobal('itHeldSecretToken', 'very-secret-value');
    me = writeWorkspaceFile('globals/me.http', ME);
    await vscode.workspace.openTextDocument(me);
  });
  after(async () => {
    api.sessions.get('default').deleteGlobal('itHeldSecretToken');
  });

  it('does not flag {{name}} that a login script sets (inline or in its .js handler) or the session holds; flags the rest', async () => {
    const found = await waitFor('only itNotAGlobal flagged', () => ourDiagnostics(me).map((d) => d.range.start.line), (lines) => lines.length === 1 && lines[0] === 4, 15_000);
    assert.deepEqual(found, [4]);
  });

  it('hover says where a global is set and that the session has no value yet', async () => {
    const text = await hoverText(me, 1, 26);
    assert.match(text, /Global, set by `client\.global\.set` in login\.http line 4/);
    assert.match(text, /Not in session `default` yet/);
    assert.match(await hoverText(me, 2, 13), /after-login\.js line 2/);
  });

  it('hover shows a held global\'s value, masked when the name looks secret', async () => {
    const text = await hoverText(me, 3, 14);
    assert.match(text, /In session `default`/);
    assert.match(text, /••••••/);
    assert.doesNotMatch(text, /very-secret-value/);
  });

  it('go to definition jumps to the client.global.set line', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', me, new vscode.Position(1, 26));
    assert.deepEqual(locations.map((l) => [l.uri.fsPath.endsWith('login.http'), l.range.start.line, l.range.start.character]), [[true, 3, 2]]);
  });

  it('completion inside {{ offers the globals', async () => {
    const labels = (await completionLabels(me, 4, 10, '{')).map(labelOf);
    for (const name of ['itLoginToken', 'itUserId', 'itHeldSecretToken']) assert.ok(labels.includes(name), `${name} missing`);
  });

  describe('in the sessions tree', () => {
    const labelOfNode = (n: SessionTreeNode): string => String(api.sessionTree.getTreeItem(n).label);
    const globalsNode = (): SessionTreeNode => {
      const session = api.sessionTree.getChildren().find((n) => labelOfNode(n) === 'default')!;
      return api.sessionTree.getChildren(session).find((n) => labelOfNode(n) === 'Globals')!;
    };

    it('lists the session\'s globals under their own node, secret-looking values masked', () => {
      api.sessions.get('default').setGlobal('itPlainUser', 'ann');
      const labels = api.sessionTree.getChildren(globalsNode()).map(labelOfNode);
      assert.ok(labels.includes('itHeldSecretToken = ••••••'), labels.join(','));
      assert.ok(labels.includes('itPlainUser = ann'), labels.join(','));
      assert.ok(!labels.some((l) => l.includes('very-secret-value')));
      assert.equal(api.sessionTree.getTreeItem(api.sessionTree.getChildren(globalsNode())[0]).contextValue, 'httpSession.global');
    });

    it('edits, copies and deletes a global', async () => {
      const node = (name: string): SessionTreeNode => api.sessionTree.getChildren(globalsNode()).find((n) => labelOfNode(n).startsWith(`${name} =`))!;
      await vscode.commands.executeCommand('httpSession.editValue', node('itPlainUser'), 'bob');
      assert.equal(api.sessions.get('default').globals.get('itPlainUser'), 'bob');
      await vscode.commands.executeCommand('httpSession.copyValue', node('itHeldSecretToken'));
      assert.equal(await vscode.env.clipboard.readText(), 'very-secret-value', 'copy gives the real value');
      await vscode.commands.executeCommand('httpSession.deleteGlobal', node('itPlainUser'));
      assert.equal(api.sessions.get('default').globals.has('itPlainUser'), false);
      assert.ok(!api.sessionTree.getChildren(globalsNode()).map(labelOfNode).some((l) => l.startsWith('itPlainUser')));
    });
  });
});
