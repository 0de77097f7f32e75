import { addDiagnostic } from './addDiagnostic';
import { buildBody } from './buildBody';
import { firstNonSpace } from './firstNonSpace';
import { HandlerCollector } from './handlerCollector';
import { closesScriptBlock, isCommentLine, isStatusLine, opensScriptBlock, startsJsonBody } from './lineShapes';
import { parseHandlerLine } from './parseHandlerLine';
import { parseHeaderLine } from './parseHeaderLine';
import { isBareRequestLine, parseRequestLine, splitVersion, withAssumedScheme } from './parseRequestLine';
import { readMetaLine } from './readMetaLine';
import { nameDirective } from './nameDirective';
import type { BlockSink } from './blockSink';
import type { Diagnostic, Directive, RequestBlock } from './types';

/** What one block between separators holds: its request (if it has a request line) and its directives. */
export interface ParsedBlock {
  /** The request, with a placeholder `range` the caller fills in. */
  request?: RequestBlock;
  directives: Directive[];
  /** Where a second request written without `###` starts: the caller parses again from this line. */
  next?: number;
}

type Phase = 'pre' | 'url' | 'headers' | 'body' | 'after' | 'response';

/** Parses lines [start, end) of one block (no separator lines inside). Never throws for any text. */
export function parseBlock(lines: readonly string[], start: number, end: number, sink: BlockSink): ParsedBlock {
  const directives: Directive[] = [];
  let request: ParsedBlock['request'];
  let phase: Phase = 'pre';
  const handlers = new HandlerCollector(lines, sink);
  const report = (d: Diagnostic): void => addDiagnostic(sink.diagnostics, sink.counts, d);
  let bodyStart = end;
  let bodyEnd = end;
  let next: number | undefined;
  // First line after the last blank line of the body, while only comments follow it; -1 otherwise.
  let afterBlank = -1;
  let inScriptBlock = false;
  let inBadRun = false;
  const urlPieces: string[] = [];

  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (handlers.inScript) {
      handlers.feed(i);
      continue;
    }
    const at = firstNonSpace(line);
    if (inScriptBlock) {
      inScriptBlock = !closesScriptBlock(line, at);
      continue;
    }
    if (phase === 'response') continue;
    const blank = at === line.length;
    if (!blank && opensScriptBlock(line, at)) {
      report({ line: i, column: at, endColumn: line.length, message: 'JavaScript blocks ({{ … }}) are not supported; the block is skipped', severity: 'warning' });
      inScriptBlock = true;
      if (phase === 'body') bodyEnd = i;
      if (phase !== 'pre') phase = 'after';
      continue;
    }
    if (phase === 'body' || phase === 'after') {
      if (blank || isCommentLine(line, at)) {
        if (blank) afterBlank = i + 1;
        continue;
      }
      if (afterBlank >= 0 && isBareRequestLine(line, at)) {
        next = afterBlank;
        if (phase === 'body') bodyEnd = afterBlank;
        const fix = { title: 'Insert ### above this request', line: afterBlank, insert: '###\n' };
        report({ line: i, column: at, endColumn: line.length, message: 'A second request without ### above it: it is sent as its own request', severity: 'warning', fix });
        break;
      }
      afterBlank = -1;
      if (phase === 'body' && isStatusLine(line, at)) {
        bodyEnd = i;
        phase = 'response';
        continue;
      }
      const handler = parseHandlerLine(line, at);
      // `??` lines and handlers end the body: they are never part of it.
      if (handler !== undefined || handlers.assertion(i, at)) {
        if (phase === 'body') bodyEnd = i;
        phase = 'after';
        if (handler !== undefined) handlers.start(handler, i, at);
      }
      continue;
    }
    if (blank) {
      inBadRun = false;
      if (phase !== 'pre') {
        phase = 'body';
        bodyStart = i + 1;
        afterBlank = i + 1;
      }
      continue;
    }
    if (readMetaLine(line, at, i, directives, sink)) {
      inBadRun = false;
      continue;
    }
    if (phase === 'pre') {
      const handler = parseHandlerLine(line, at);
      if (handler !== undefined) {
        handlers.start(handler, i, at);
        continue;
      }
      if (handlers.startPreFile(i, at)) continue;
      const parsed = parseRequestLine(line, at);
      if (!parsed.ok) {
        // One error per run of lines we cannot read; the lines after it are still read.
        if (!inBadRun) report({ line: i, column: parsed.column, endColumn: line.length, message: parsed.message, severity: 'error' });
        inBadRun = true;
        continue;
      }
      request = { method: parsed.method, url: parsed.url, headers: [], directives, requestLine: i, range: { startLine: start, endLine: i } };
      if (parsed.httpVersion !== undefined) request.httpVersion = parsed.httpVersion;
      assumeScheme(request, line, at, report);
      phase = 'url';
      continue;
    }
    if (request === undefined) continue;
    if (handlers.assertion(i, at)) {
      phase = 'after';
      continue;
    }
    if (startsJsonBody(line, at)) {
      const fix = { title: 'Insert a blank line before the body', line: i, insert: '\n' };
      report({ line: i, column: at, endColumn: line.length, message: 'The body starts here: put a blank line between the headers and the body', severity: 'warning', fix });
      phase = 'body';
      bodyStart = i;
      continue;
    }
    if (phase === 'url' && isUrlContinuation(line, at)) {
      const piece = splitVersion(line.slice(at));
      // Joined once at the end: thousands of `+=` on one string cost more than they should.
      urlPieces.push(piece.url);
      if (piece.httpVersion !== undefined) request.httpVersion = piece.httpVersion;
      continue;
    }
    phase = 'headers';
    const handler = parseHandlerLine(line, at);
    if (handler !== undefined) {
      phase = 'after';
      handlers.start(handler, i, at);
      continue;
    }
    const header = parseHeaderLine(line, at, i);
    if (!('message' in header)) request.headers.push(header);
    else report({ line: i, column: header.column, endColumn: header.endColumn, message: header.message, severity: 'error' });
  }

  handlers.finish(request);
  if (request !== undefined) finishRequest(request, lines, phase, bodyStart, bodyEnd, urlPieces);
  const parsed: ParsedBlock = request === undefined ? { directives } : { request, directives };
  if (next !== undefined) parsed.next = next;
  return parsed;
}

function finishRequest(request: RequestBlock, lines: readonly string[], phase: Phase, bodyStart: number, bodyEnd: number, urlPieces: string[]): void {
  if (urlPieces.length > 0) request.url += urlPieces.join('');
  const body = phase === 'body' || phase === 'after' || phase === 'response' ? buildBody(lines, bodyStart, bodyEnd) : undefined;
  if (body !== undefined) request.body = body;
  const name = nameDirective(request.directives);
  if (name !== undefined) {
    request.name = name.value;
    request.nameLine = name.line;
  }
}

/** `GET localhost:3000/api` is sent as `http://localhost:3000/api`, with a hint saying so. */
function assumeScheme(request: RequestBlock, line: string, at: number, report: (d: Diagnostic) => void): void {
  const url = withAssumedScheme(request.url);
  if (url === undefined) return;
  request.url = url;
  const column = line.indexOf(url.slice(7), at);
  report({ line: request.requestLine, column: Math.max(column, at), endColumn: line.length, message: `No scheme in the URL: it is sent as ${url.length > 80 ? `${url.slice(0, 80)}…` : url}`, severity: 'info' });
}

/** `?a=1` / `&b=2` lines, and JetBrains' indented pieces of a long URL. */
function isUrlContinuation(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (c === 63 /* ? */ || c === 38 /* & */) return true;
  return at > 0 && (c === 47 /* / */ || line.indexOf(':', at) < 0);
}
