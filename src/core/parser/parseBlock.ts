import { addDiagnostic } from './addDiagnostic';
import { buildBody } from './buildBody';
import { firstNonSpace } from './firstNonSpace';
import { HandlerCollector } from './handlerCollector';
import { parseHandlerLine } from './parseHandlerLine';
import { parseHeaderLine } from './parseHeaderLine';
import { parseRequestLine, splitVersion } from './parseRequestLine';
import { readMetaLine } from './readMetaLine';
import { nameDirective } from './nameDirective';
import type { BlockSink } from './blockSink';
import type { Directive, RequestBlock } from './types';

/** What one block between separators holds: its request (if it has a request line) and its directives. */
export interface ParsedBlock {
  /** The request, with a placeholder `range` the caller fills in. */
  request?: RequestBlock;
  directives: Directive[];
}

type Phase = 'pre' | 'url' | 'headers' | 'body' | 'after' | 'skip';

/** Parses lines [start, end) of one block (no separator lines inside). Never throws for any text. */
export function parseBlock(lines: readonly string[], start: number, end: number, sink: BlockSink): ParsedBlock {
  const directives: Directive[] = [];
  let request: ParsedBlock['request'];
  let phase: Phase = 'pre';
  const handlers = new HandlerCollector(lines, sink);
  let bodyStart = end;
  let bodyEnd = end;
  const urlPieces: string[] = [];

  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (handlers.inScript) {
      handlers.feed(i);
      continue;
    }
    if (phase === 'skip') continue;
    const at = firstNonSpace(line);
    if (phase === 'body' || phase === 'after') {
      const handler = at < line.length ? parseHandlerLine(line, at) : undefined;
      // `??` lines and handlers end the body: they are never part of it.
      if (handler !== undefined || (at < line.length && handlers.assertion(i, at))) {
        if (phase === 'body') bodyEnd = i;
        phase = 'after';
        if (handler !== undefined) handlers.start(handler, i, at);
      }
      continue;
    }
    if (at === line.length) {
      if (phase !== 'pre') {
        phase = 'body';
        bodyStart = i + 1;
      }
      continue;
    }
    if (readMetaLine(line, at, i, directives, sink)) continue;
    if (phase === 'pre') {
      const handler = parseHandlerLine(line, at);
      if (handler !== undefined) {
        handlers.start(handler, i, at);
        continue;
      }
      if (handlers.startPreFile(i, at)) continue;
      const parsed = parseRequestLine(line, at);
      if (!parsed.ok) {
        addDiagnostic(sink.diagnostics, sink.counts, { line: i, column: parsed.column, endColumn: line.length, message: parsed.message, severity: 'error' });
        phase = 'skip';
        continue;
      }
      request = { method: parsed.method, url: parsed.url, headers: [], directives, requestLine: i, range: { startLine: start, endLine: i } };
      if (parsed.httpVersion !== undefined) request.httpVersion = parsed.httpVersion;
      phase = 'url';
      continue;
    }
    if (request === undefined) continue;
    if (handlers.assertion(i, at)) {
      phase = 'after';
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
    else addDiagnostic(sink.diagnostics, sink.counts, { line: i, column: header.column, endColumn: header.endColumn, message: header.message, severity: 'error' });
  }

  handlers.finish(request);
  if (request !== undefined) {
    if (urlPieces.length > 0) request.url += urlPieces.join('');
    const body = phase === 'body' || phase === 'after' ? buildBody(lines, bodyStart, bodyEnd) : undefined;
    if (body !== undefined) request.body = body;
    const name = nameDirective(directives);
    if (name !== undefined) request.name = name.value;
  }
  return request === undefined ? { directives } : { request, directives };
}

/** `?a=1` / `&b=2` lines, and JetBrains' indented pieces of a long URL. */
function isUrlContinuation(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (c === 63 /* ? */ || c === 38 /* & */) return true;
  return at > 0 && (c === 47 /* / */ || line.indexOf(':', at) < 0);
}
