import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

describe('folding per request', () => {
  before(activeExtension);

  it('folds each request from its ### separator to its last line', async () => {
    const uri = writeWorkspaceFile('folding.http', [
      'GET http://127.0.0.1:9/a',   // 0
      'Accept: */*',                // 1
      '',                           // 2
      '### second',                 // 3
      'POST http://127.0.0.1:9/b',  // 4
      'Content-Type: text/plain',   // 5
      '',                           // 6
      'hello',                      // 7
    ].join('\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
    const spans = ranges.map((r) => [r.start, r.end]).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(spans, [[0, 1], [3, 7]]);
  });
});
