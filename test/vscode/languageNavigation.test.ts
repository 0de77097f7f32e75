import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

type Loc = vscode.Location | vscode.LocationLink;
const where = (l: Loc): string => {
  const uri = 'uri' in l ? l.uri : l.targetUri;
  const range = 'range' in l ? l.range : l.targetRange;
  return `${uri.path.split('/').pop()}:${range.start.line}:${range.start.character}`;
};

describe('language: definition, references, outline', () => {
  before(activeExtension);

  const variables = [
    '@host = http://127.0.0.1:9', // 0
    '@host = http://127.0.0.1:8', // 1 (wins)
    'GET {{host}}/a',              // 2
    '',                            // 3
    '### second',                  // 4
    'GET {{host}}/b?x={{%host}}',   // 5
    'Accept: */*',                 // 6
  ].join('\n');

  it('goes from {{host}} to the @host line that takes effect', async () => {
    const uri = writeWorkspaceFile('navVars.http', variables);
    await vscode.workspace.openTextDocument(uri);
    const found = await vscode.commands.executeCommand<Loc[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(5, 7));
    assert.deepEqual(found.map(where), ['navVars.http:1:0']);
  });

  it('finds every use of @host in the file, with and without the declaration', async () => {
    const uri = writeWorkspaceFile('navVars2.http', variables);
    await vscode.workspace.openTextDocument(uri);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, new vscode.Position(2, 7));
    assert.deepEqual(refs.map(where).sort(), ['navVars2.http:0:1', 'navVars2.http:1:1', 'navVars2.http:2:6', 'navVars2.http:5:20', 'navVars2.http:5:6']);
  });

  it('goes from {{login.response…}} to # @name login in another, unopened file of the workspace, and finds references across files', async () => {
    writeWorkspaceFile('nav/auth.http', '### sign in\n# @name navLogin\nPOST http://127.0.0.1:9/login\n');
    const use = writeWorkspaceFile('nav/use.http', 'GET http://127.0.0.1:9/me\nAuthorization: Bearer {{navLogin.response.body.$.token}}\n');
    await vscode.workspace.openTextDocument(use);
    const found = await waitFor('the definition of navLogin',
      async () => vscode.commands.executeCommand<Loc[]>('vscode.executeDefinitionProvider', use, new vscode.Position(1, 27)),
      (locations) => locations.length > 0);
    assert.deepEqual(found.map(where), ['auth.http:1:0']);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', use, new vscode.Position(1, 27));
    assert.deepEqual(refs.map(where).sort(), ['auth.http:1:8', 'use.http:1:24']);
  });

  it('outlines one symbol per request named by title, @name or METHOD URL, with headers as children', async () => {
    const uri = writeWorkspaceFile('outline.http', [
      '@base = http://127.0.0.1:9',
      '# @name first',
      'GET {{base}}/one',
      'Accept: */*',
      '',
      '### Create item',
      'POST {{base}}/items',
      '',
      '###',
      'DELETE {{base}}/items/1',
    ].join('\n'));
    await vscode.workspace.openTextDocument(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.range.start.line, s.selectionRange.start.line]), [
      ['@base', 0, 0], ['first', 1, 2], ['Create item', 5, 6], ['DELETE {{base}}/items/1', 8, 9],
    ]);
    assert.deepEqual(symbols[1].children.map((c) => c.name), ['Accept']);
  });
});
