import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, hoverText, labelOf } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const FILE = [
  '< {% request. %}',                         // 0
  'POST http://127.0.0.1:9/login',            // 1
  'Content-Type: application/json',           // 2
  '',                                         // 3
  '{"user": "ann"}',                          // 4
  '',                                         // 5
  '> {%',                                     // 6
  '  client.global.set("token", response.body.token);', // 7
  '  client.',                                // 8
  '  $random.',                               // 9
  '  crypto.hmac.',                           // 10
  '  c',                                      // 11
  '%}',                                       // 12
].join('\n');

describe('language: the script API inside {% %}', () => {
  let uri: vscode.Uri;
  before(async () => {
    await activeExtension();
    uri = writeWorkspaceFile('scriptApi.http', FILE);
    await vscode.workspace.openTextDocument(uri);
  });

  it('completes client. members in a response handler, with their signatures', async () => {
    const items = await completionLabels(uri, 8, 9, '.');
    const labels = items.map(labelOf);
    for (const name of ['global', 'test', 'assert', 'log', 'exit']) assert.ok(labels.includes(name), `${name} missing from ${labels.join(',')}`);
    assert.equal(items.find((i) => labelOf(i) === 'test')?.detail, 'test(name: string, fn: () => void): void');
    assert.ok(!labels.includes('Content-Type'), 'no .http completions inside a script');
  });

  it('completes $random. and crypto.hmac. members, and the globals for a bare word', async () => {
    const random = (await completionLabels(uri, 9, 10, '.')).map(labelOf);
    for (const name of ['uuid', 'email', 'integer', 'alphanumeric']) assert.ok(random.includes(name), random.join(','));
    const hmac = (await completionLabels(uri, 10, 14, '.')).map(labelOf);
    assert.ok(hmac.includes('sha256') && hmac.includes('md5'), hmac.join(','));
    const globals = (await completionLabels(uri, 11, 3)).map(labelOf);
    assert.ok(globals.includes('client') && globals.includes('response') && globals.includes('jsonPath'), globals.join(','));
  });

  it('completes request. by the script kind: url members in a pre-request script include getRaw via request.url', async () => {
    const labels = (await completionLabels(uri, 0, 13, '.')).map(labelOf);
    for (const name of ['variables', 'environment', 'headers', 'url', 'body', 'method']) assert.ok(labels.includes(name), labels.join(','));
    // VS Code adds the document's words (kind Text); ours are modules, methods and properties.
    const globals = (await completionLabels(uri, 0, 6)).filter((i) => i.kind !== vscode.CompletionItemKind.Text).map(labelOf);
    assert.ok(globals.includes('request'), globals.join(','));
    assert.ok(!globals.includes('response'), 'a pre-request script has no response');
  });

  it('hovers a member with its signature and what it does', async () => {
    const set = await hoverText(uri, 7, 17);
    assert.match(set, /set\(name: string, value: any\): void/);
    assert.match(set, /session/);
    const body = await hoverText(uri, 7, 41);
    assert.match(body, /parsed when the content type is JSON/);
  });

  it('offers nothing of the script API outside {% %}', async () => {
    assert.equal(await hoverText(uri, 4, 3), '');
  });
});
