import * as vscode from 'vscode';
import type { DiscoveredRequest, ScriptFileSources } from '../../core/testing/discoverTests';
import type { HttpFile } from '../../core/parser/types';
import { discoverTests } from '../../core/testing/discoverTests';

/** What a TestItem stands for. */
export type ItemData =
  | { kind: 'file'; uri: vscode.Uri }
  | { kind: 'request'; uri: vscode.Uri; request: DiscoveredRequest }
  | { kind: 'test'; uri: vscode.Uri };

/** Keeps the TestItem → meaning map next to the controller's items. */
export const itemData = new WeakMap<vscode.TestItem, ItemData>();

/** An id unique among its siblings: `base`, then `base (2)`, `base (3)` … for repeats. */
function uniqueId(base: string, seen: Map<string, number>): string {
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base} (${n})`;
}

/**
 * Fills the file's item with one child per request (its label, the request line's range) and one grandchild
 * per `??` line and `client.test` name (each with its own range, so the gutter shows a run button on it); a
 * `client.test` of a `./handler.js` whose code `files` holds points into that file.
 */
export function fillFileItem(controller: vscode.TestController, fileItem: vscode.TestItem, uri: vscode.Uri, file: HttpFile, files?: ScriptFileSources): void {
  const seen = new Map<string, number>();
  const requests: vscode.TestItem[] = [];
  for (const request of discoverTests(file, files)) {
    const id = `${uri.toString()}#${uniqueId(request.label, seen)}`;
    const item = controller.createTestItem(id, request.label, uri);
    const { block } = request;
    item.range = new vscode.Range(block.requestLine, 0, block.range.endLine, 0);
    itemData.set(item, { kind: 'request', uri, request });
    const testSeen = new Map<string, number>();
    item.children.replace(request.tests.map((test) => {
      const child = controller.createTestItem(`${id}/${uniqueId(test.name, testSeen)}`, test.name, test.file ? vscode.Uri.file(test.file) : uri);
      child.range = new vscode.Range(test.line, test.column, test.line, test.endColumn);
      // The .http file's uri even for a test in a .js file: a run refreshes and sends from there.
      itemData.set(child, { kind: 'test', uri });
      return child;
    }));
    requests.push(item);
  }
  fileItem.children.replace(requests);
}
