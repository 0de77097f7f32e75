import { HttpSessionError } from '../core/errors';
import type { CookieView, Exchange, Hop, TryTiming } from '../core/http/types';
import { requestLabel } from '../core/runner/requestLabel';
import type { RunResult } from '../core/runner/types';
import { formatBytes } from '../shared/formatBytes';
import { prettyBodyChunks } from './bodyText';
import type { CliIo } from './cliIo';
import { maskedWarnings } from './maskedWarnings';
import type { SecretMask } from './outputSecrets';

/** The heading of a request's result: the one request label (core requestLabel). */
export function resultLabel(result: RunResult): string {
  return requestLabel(result.request);
}

/**
 * Prints one result for people: `### label`, the request as sent (its headers as `> Name: value`, the Cookie
 * header left to the "Cookies sent" line), each redirect hop, the status line with time and size, headers,
 * cookies, the pretty body, then warnings and the error (if any). Credentials go through `mask`. The lines
 * go out as one text (a run of 1,000 requests is otherwise ~20,000 small appends).
 */
export function printResult(result: RunResult, io: CliIo, mask: SecretMask): void {
  const lines = new ResultLines(io);
  lines.out(io.style(['bold', 'magenta'], `### ${resultLabel(result)}`));
  const exchange = result.exchange;
  if (exchange && exchange.hops.length > 0) {
    const first = exchange.hops[0].request;
    lines.out(io.style('dim', `${first.method} ${mask.url(first.url)}${result.sessionName !== 'default' ? `  [session ${result.sessionName}]` : ''}`));
    for (const [name, value] of first.headers) {
      if (name.toLowerCase() !== 'cookie') lines.out(io.style('dim', `> ${name}: ${mask.header(name, value)}`));
    }
    printHops(exchange.hops, lines, io);
    if (exchange.timings.tries) lines.out(io.style('dim', `  tries: ${describeTries(exchange.timings.tries)}`));
  }
  if (exchange?.response) printResponse(exchange, lines, io, mask);
  for (const warning of maskedWarnings(result, mask)) lines.err(io.style('yellow', `warning: ${warning}`));
  const error = result.error ?? exchange?.error;
  if (error) lines.err(io.style('red', `error: ${describeError(error, result.filePath)}`));
  if (error?.code === 'CONFIRMATION') lines.err(io.style('dim', 'hint: pass --yes to send requests marked # @note without asking'));
  lines.out('');
  lines.end();
}

/**
 * `-q`: one line per request, `STATUS METHOD URL  (time, size[, N tries])`, or `--- METHOD URL  CODE` when no response
 * came (the error itself on stderr, as without -q).
 */
export function printQuietResult(result: RunResult, io: CliIo, mask: SecretMask): void {
  const exchange = result.exchange;
  const first = exchange?.hops[0]?.request;
  const target = `${first?.method ?? result.request.method} ${mask.url(first?.url ?? result.request.url)}`;
  const response = exchange?.response;
  const error = result.error ?? exchange?.error;
  if (response) {
    const colour = response.status >= 400 ? 'red' : response.status >= 300 ? 'yellow' : 'green';
    const tries = exchange.timings.tries ? `, ${exchange.timings.tries.length} tries` : '';
    io.out(`${io.style(['bold', colour], String(response.status))} ${target}  ${io.style('dim', `(${Math.round(exchange.timings.totalMs)} ms, ${formatBytes(response.body.length)}${tries})`)}`);
  } else {
    io.out(`${io.style(['bold', 'red'], '---')} ${target}  ${error?.code ?? ''}`);
  }
  if (error) io.err(io.style('red', `error: ${describeError(error, result.filePath)}`));
}

/** Collects stdout lines and writes them as one text; a stderr line first writes what came before it, so the order holds. */
class ResultLines {
  private lines: string[] = [];
  private length = 0;
  constructor(private readonly io: CliIo) {}
  out(line: string): void {
    this.lines.push(line);
    this.length += line.length;
    // A large body comes in chunks: passed on at once so its whole pretty text is never held.
    if (this.length > 1024 * 1024) this.end();
  }
  err(line: string): void {
    this.end();
    this.io.err(line);
  }
  end(): void {
    if (this.lines.length > 0) this.io.out(this.lines.join('\n'));
    this.lines = [];
    this.length = 0;
  }
}

/** `error.describe()`, with the request's file filled in when the error knows its line but not its file. */
export function describeError(error: HttpSessionError, filePath: string): string {
  if (error.location && !error.location.file) return new HttpSessionError(error.code, error.message, { ...error.location, file: filePath }).describe();
  return error.describe();
}

/** A stored cookie as `name=value (domain/path)`; one the server expired (a deletion) as `name (deleted)`. */
function describeStored(cookie: CookieView, mask: SecretMask): string {
  if (cookie.expires !== undefined && Date.parse(cookie.expires) <= Date.now()) return `${cookie.name} (deleted)`;
  return `${cookie.name}=${mask.cookie(cookie.value)} (${cookie.domain}${cookie.path})`;
}

function printHops(hops: Hop[], lines: ResultLines, io: CliIo): void {
  for (const hop of hops.slice(0, -1)) {
    const location = hop.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '';
    lines.out(io.style('dim', `  ↳ ${hop.status} ${hop.statusText}${location ? ` → ${location}` : ''}`));
  }
}

/** `503 (4 ms) · waited 500 ms · 200 (3 ms)`: each try of a retried request and the waits between. */
export function describeTries(tries: TryTiming[]): string {
  return tries.flatMap((t) => [...(t.waitedMs > 0 ? [`waited ${Math.round(t.waitedMs)} ms`] : []), `${t.outcome} (${Math.round(t.ms)} ms)`]).join(' · ');
}

function printResponse(exchange: Exchange, lines: ResultLines, io: CliIo, mask: SecretMask): void {
  const response = exchange.response!;
  const status = `HTTP/${response.httpVersion.replace(/^HTTP\//, '')} ${response.status} ${response.statusText}`;
  const colour = response.status >= 400 ? 'red' : response.status >= 300 ? 'yellow' : 'green';
  const facts = `(${Math.round(exchange.timings.totalMs)} ms, ${formatBytes(response.body.length)})`;
  lines.out(`${io.style(['bold', colour], status)}  ${io.style('dim', facts)}`);
  for (const [name, value] of response.headers) lines.out(`${io.style('cyan', name)}: ${mask.header(name, value)}`);
  const { sent, stored, rejected } = exchange.cookies;
  if (sent.length > 0) lines.out(io.style('dim', `Cookies sent: ${sent.map((c) => `${c.name}=${mask.cookie(c.value)}`).join('; ')}`));
  if (stored.length > 0) lines.out(io.style('dim', `Cookies stored: ${stored.map((c) => describeStored(c, mask)).join(', ')}`));
  for (const r of rejected) lines.err(io.style('yellow', `warning: cookie rejected from ${r.url}: ${r.reason} (${mask.header('set-cookie', r.header)})`));
  if (response.body.length > 0) {
    lines.out('');
    for (const chunk of prettyBodyChunks(response.body, response.contentType)) lines.out(chunk);
  }
  if (response.truncated) lines.err(io.style('yellow', `warning: the body was cut at ${formatBytes(response.body.length)} (the response size cap)`));
}
