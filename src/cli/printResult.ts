import { HttpSessionError } from '../core/errors';
import type { CookieView, Exchange, Hop } from '../core/http/types';
import { requestLabel } from '../core/runner/requestLabel';
import type { RunResult } from '../core/runner/types';
import { formatBytes } from '../shared/formatBytes';
import { prettyBodyChunks } from './bodyText';
import type { CliIo } from './cliIo';

/** The heading of a request's result: the one request label (core requestLabel). */
export function resultLabel(result: RunResult): string {
  return requestLabel(result.request);
}

/**
 * Prints one result for people: `### label`, the request as sent, each redirect hop, the status line with
 * time and size, headers, cookies, the pretty body, then warnings and the error (if any).
 */
export function printResult(result: RunResult, io: CliIo): void {
  io.out(io.style(['bold', 'magenta'], `### ${resultLabel(result)}`));
  const exchange = result.exchange;
  if (exchange && exchange.hops.length > 0) {
    const first = exchange.hops[0].request;
    io.out(io.style('dim', `${first.method} ${first.url}${result.sessionName !== 'default' ? `  [session ${result.sessionName}]` : ''}`));
    printHops(exchange.hops, io);
  }
  if (exchange?.response) printResponse(exchange, io);
  for (const warning of result.warnings) io.err(io.style('yellow', `warning: ${warning}`));
  const error = result.error ?? exchange?.error;
  if (error) io.err(io.style('red', `error: ${describeError(error, result.filePath)}`));
  if (error?.code === 'CONFIRMATION') io.err(io.style('dim', 'hint: pass --yes to send requests marked # @note without asking'));
  io.out('');
}

/** `error.describe()`, with the request's file filled in when the error knows its line but not its file. */
export function describeError(error: HttpSessionError, filePath: string): string {
  if (error.location && !error.location.file) return new HttpSessionError(error.code, error.message, { ...error.location, file: filePath }).describe();
  return error.describe();
}

/** A stored cookie as `name=value (domain/path)`; one the server expired (a deletion) as `name (deleted)`. */
function describeStored(cookie: CookieView): string {
  if (cookie.expires !== undefined && Date.parse(cookie.expires) <= Date.now()) return `${cookie.name} (deleted)`;
  return `${cookie.name}=${cookie.value} (${cookie.domain}${cookie.path})`;
}

function printHops(hops: Hop[], io: CliIo): void {
  for (const hop of hops.slice(0, -1)) {
    const location = hop.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '';
    io.out(io.style('dim', `  ↳ ${hop.status} ${hop.statusText} → ${location}`));
  }
}

function printResponse(exchange: Exchange, io: CliIo): void {
  const response = exchange.response!;
  const status = `HTTP/${response.httpVersion.replace(/^HTTP\//, '')} ${response.status} ${response.statusText}`;
  const colour = response.status >= 400 ? 'red' : response.status >= 300 ? 'yellow' : 'green';
  const facts = `(${Math.round(exchange.timings.totalMs)} ms, ${formatBytes(response.body.length)})`;
  io.out(`${io.style(['bold', colour], status)}  ${io.style('dim', facts)}`);
  for (const [name, value] of response.headers) io.out(`${io.style('cyan', name)}: ${value}`);
  const { sent, stored, rejected } = exchange.cookies;
  if (sent.length > 0) io.out(io.style('dim', `Cookies sent: ${sent.map((c) => `${c.name}=${c.value}`).join('; ')}`));
  if (stored.length > 0) io.out(io.style('dim', `Cookies stored: ${stored.map(describeStored).join(', ')}`));
  for (const r of rejected) io.err(io.style('yellow', `warning: cookie rejected from ${r.url}: ${r.reason} (${r.header})`));
  if (response.body.length > 0) {
    io.out('');
    for (const chunk of prettyBodyChunks(response.body, response.contentType)) io.out(chunk);
  }
  if (response.truncated) io.err(io.style('yellow', `warning: the body was cut at ${formatBytes(response.body.length)} (the response size cap)`));
}
