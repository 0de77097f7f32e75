import { isAssertionLine, parseAssertion } from '../assertions/parseAssertion';
import type { Assertion } from '../assertions/types';
import { addDiagnostic } from './addDiagnostic';
import type { BlockSink } from './blockSink';
import type { HandlerLine } from './parseHandlerLine';
import { preRequestScriptFile, scriptEnd } from './parseHandlerLine';
import type { RequestBlock, SaveResponse, ScriptRef } from './types';

interface OpenScript {
  kind: 'response' | 'pre-request';
  line: number;
  column: number;
  codeColumn: number;
  firstCode: string;
}

/**
 * Collects one block's scripts (`> {% … %}` over one line or many, `> ./file.js`, `< …` above the request
 * line), `??` assertions and `>>` save lines while the block parser walks its lines. Multi-line code is
 * joined once when `%}` closes it, so a file of unclosed `{%` lines stays linear.
 */
export class HandlerCollector {
  private readonly pre: ScriptRef[] = [];
  private readonly response: ScriptRef[] = [];
  private readonly assertions: Assertion[] = [];
  private save: SaveResponse | undefined;
  private open: OpenScript | undefined;

  constructor(private readonly lines: readonly string[], private readonly sink: BlockSink) {}

  /** True while inside a multi-line `{% … %}`: the block parser hands every line to `feed`. */
  get inScript(): boolean {
    return this.open !== undefined;
  }

  /** A handler line at line `i`, column `at`. */
  start(h: HandlerLine, i: number, at: number): void {
    if (h.form === 'previous') return;
    if (h.form === 'save') {
      this.save = { path: h.path, overwrite: h.overwrite, line: i };
      return;
    }
    const list = h.kind === 'response' ? this.response : this.pre;
    if (h.form === 'file') list.push({ kind: 'file', path: h.path, line: i, column: at });
    else if (h.closed) list.push({ kind: 'inline', code: h.code, codeLine: i, codeColumn: h.codeColumn, line: i, column: at });
    else this.open = { kind: h.kind, line: i, column: at, codeColumn: h.codeColumn, firstCode: h.code };
  }

  /** `< ./pre.js` above the request line, if line `i` is one. */
  startPreFile(i: number, at: number): boolean {
    const path = preRequestScriptFile(this.lines[i], at);
    if (path === undefined) return false;
    this.pre.push({ kind: 'file', path, line: i, column: at });
    return true;
  }

  /** A line inside an open script: closes it at `%}`. */
  feed(i: number): void {
    const open = this.open;
    const close = scriptEnd(this.lines[i]);
    if (open === undefined || close < 0) return;
    const middle = this.lines.slice(open.line + 1, i);
    const code = [open.firstCode, ...middle, this.lines[i].slice(0, close)].join('\n');
    (open.kind === 'response' ? this.response : this.pre).push({ kind: 'inline', code, codeLine: open.line, codeColumn: open.codeColumn, line: open.line, column: open.column });
    this.open = undefined;
  }

  /** A `??` line at `i` (true), with a diagnostic when it is malformed; false for other lines. */
  assertion(i: number, at: number): boolean {
    const line = this.lines[i];
    if (!isAssertionLine(line, at)) return false;
    const parsed = parseAssertion(line, at, i);
    if ('field' in parsed) this.assertions.push(parsed);
    else addDiagnostic(this.sink.diagnostics, this.sink.counts, { line: i, column: parsed.column, endColumn: line.length, message: parsed.message, severity: 'error' });
    return true;
  }

  /** Ends the block: an unclosed `{%` is an error; everything found goes onto the request. */
  finish(request: RequestBlock | undefined): void {
    if (this.open !== undefined) {
      const { line, column } = this.open;
      addDiagnostic(this.sink.diagnostics, this.sink.counts, { line, column, endColumn: this.lines[line].length, message: 'This script has no closing %} before the end of the request', severity: 'error' });
      this.open = undefined;
    }
    if (request === undefined) return;
    if (this.pre.length > 0) request.preRequestScripts = this.pre;
    if (this.response.length > 0) request.responseHandlers = this.response;
    if (this.assertions.length > 0) request.assertions = this.assertions;
    if (this.save !== undefined) request.saveResponse = this.save;
  }
}
