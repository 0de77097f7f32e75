import { HttpSessionError } from '../errors';
import { namedResponseFrom } from './namedResponseFrom';
import type { AfterResponseStage } from './pipelineTypes';
import { applyStatement, sessionStatements } from './sessionStatements';

/** Each Set-Cookie the jar refused becomes a warning; the request still succeeds (session.md). */
export const cookieWarningsStage: AfterResponseStage = {
  name: 'cookie-warnings',
  run({ exchange, report: { warnings } }) {
    for (const rejected of exchange.cookies.rejected) {
      warnings.push(`Cookie rejected: "${rejected.header}" from ${rejected.url}: ${rejected.reason}.`);
    }
  },
};

/** A body cut at the size cap is said so. */
export const truncationWarningStage: AfterResponseStage = {
  name: 'truncation-warning',
  run({ exchange, report: { warnings } }) {
    const response = exchange.response;
    if (response?.truncated) warnings.push(`The response body was cut at ${response.body.length} bytes (the size cap); the rest was not read.`);
  },
};

/** `# @name NAME`: the response is kept in the session (cut to 1 MB, which is said when it was not cut already). */
export const namedResponseStage: AfterResponseStage = {
  name: 'named-response',
  run({ prepared, exchange, report: { warnings } }) {
    const name = prepared.source.block.name;
    const response = exchange.response;
    const named = name && response ? namedResponseFrom(exchange) : undefined;
    if (!name || !named || !response) return;
    prepared.session.setNamedResponse(name, named);
    if (prepared.session.namedResponses.get(name)?.truncated && !response.truncated) {
      warnings.push(`The response kept as ${name} was cut to 1 MB; a reference into the rest is an error.`);
    }
  },
};

/** The request's own `@session-header` / `@session-auth` statements, applied on a status below 400. */
export const sessionStatementsStage: AfterResponseStage = {
  name: 'session-statements',
  run({ prepared, exchange, report: { warnings } }) {
    const status = exchange.response?.status;
    if (status === undefined || status >= 400) return;
    try {
      // Resolved only now, so `{{login.response.body.$.token}}` reads the response just stored.
      const statements = sessionStatements(prepared.source.block.directives, prepared.resolver, prepared.source.filePath);
      for (const statement of statements) applyStatement(prepared.session, statement);
    } catch (error) {
      warnings.push(`A session statement was not applied: ${asSessionError(error).describe()}`);
    }
  },
};

/** Any thrown value as an HttpSessionError (UNKNOWN unless it is one already). */
export function asSessionError(error: unknown): HttpSessionError {
  if (error instanceof HttpSessionError) return error;
  return new HttpSessionError('UNKNOWN', error instanceof Error ? error.message : String(error), undefined, error);
}
