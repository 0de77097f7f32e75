import * as assert from 'node:assert/strict';
import type { HttpFile } from '../../../src/core/parser/types';

/** Asserts the structural promises of a parse result against its input: every position in bounds and in order. */
export function assertWellFormed(text: string, file: HttpFile): void {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const inBounds = (line: number): boolean => Number.isInteger(line) && line >= 0 && line < lines.length;
  for (const d of file.diagnostics) {
    assert.ok(inBounds(d.line), `diagnostic line ${d.line}`);
    assert.ok(d.column >= 0 && d.column <= lines[d.line].length, `diagnostic column ${d.column}`);
    if (d.endColumn !== undefined) assert.ok(d.endColumn >= d.column && d.endColumn <= lines[d.line].length, 'endColumn');
    assert.ok(d.severity === 'error' || d.severity === 'warning' || d.severity === 'info');
    if (d.fix !== undefined) assert.ok(inBounds(d.fix.line) && d.fix.line <= d.line, 'a fix inserts at or above its line');
    assert.ok(d.message.length > 0 && d.message.length < 200, 'message is one short line');
    assert.ok(!d.message.startsWith('Internal parser error'), d.message);
  }
  for (let i = 1; i < file.variables.length; i++) assert.ok(file.variables[i].line > file.variables[i - 1].line);
  for (const v of file.variables) assert.ok(inBounds(v.line) && v.name.length > 0);
  const firstStart = file.requests[0]?.range.startLine ?? lines.length;
  for (const d of file.prologue) assert.ok(inBounds(d.line) && d.line < firstStart, 'prologue before the first request');
  let previousEnd = -1;
  for (const r of file.requests) {
    const { startLine, endLine } = r.range;
    const blockEnd = r.blockEndLine ?? endLine;
    assert.ok(startLine > previousEnd, 'requests in order, blocks disjoint');
    assert.ok(startLine <= r.requestLine && r.requestLine <= endLine && endLine <= blockEnd && inBounds(blockEnd), 'requestLine within range');
    assert.match(r.method, /^[A-Z][A-Z0-9_-]*$/);
    assert.ok(r.url.length > 0 && !r.url.includes('\n'), 'url is one non-empty line');
    for (const h of r.headers) assert.ok(h.line > r.requestLine && h.line <= endLine && h.name.length > 0, 'header in range');
    for (const d of r.directives) assert.ok(d.line >= startLine && d.line <= endLine, 'directive in range');
    if (r.body !== undefined) {
      assert.ok(r.body.startLine > r.requestLine && r.body.startLine <= r.body.endLine && r.body.endLine <= endLine, 'body in range');
      // Parts are runs of consecutive lines, in order; comment lines between them are left out.
      let line = r.body.startLine;
      assert.equal(r.body.parts[0]?.line, line, 'the first part starts the body');
      for (const p of r.body.parts) {
        assert.ok(p.line >= line, 'body parts in order, disjoint');
        line = p.line + (p.kind === 'text' ? p.text.split('\n').length : 1);
      }
      assert.equal(line, r.body.endLine + 1, 'the last part ends the body');
    }
    previousEnd = blockEnd;
  }
}
