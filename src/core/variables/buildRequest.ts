import { HttpSessionError } from '../errors';
import { materializeBody } from '../http/materializeBody';
import type { HeaderList, OutgoingRequest } from '../http/types';
import type { HeaderLine, RequestBlock } from '../parser/types';
import { assembleBody, type BodyKind } from './assembleBody';
import { expandChecked, type ControlCharacterProblem } from './expandChecked';
import { graphqlBody, looksLikeGraphqlBody } from './graphqlBody';
import { resolveUrl } from './resolveUrl';
import type { Resolver, VariableSources } from './types';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Turns a parsed request into bytes for the wire: URL, headers and body resolved, body files read relative
 * to the `.http` file. Session cookies and default headers are not added here. Throws HttpSessionError
 * (INVALID_HEADER for CR/LF/NUL, INVALID_URL, BODY_FILE, UNRESOLVED_VARIABLE, REFERENCE, PARSE).
 */
export async function buildRequest(block: RequestBlock, resolver: Resolver, sources: VariableSources): Promise<OutgoingRequest> {
  const file = sources.filePath;
  let headers: HeaderList = block.headers.map((header) => expandHeader(header, resolver, file));
  const url = resolveUrl(expandUrl(block, resolver, file), headerValue(headers, 'host'), block.requestLine, file);
  const graphql = block.method === 'GRAPHQL' || headerValue(headers, 'x-request-type')?.trim().toLowerCase() === 'graphql' || looksLikeGraphqlBody(block.body);
  const method = block.method === 'GRAPHQL' ? 'POST' : block.method;
  if (!block.body) {
    return { method, url, headers: graphql ? withoutHeader(headers, 'x-request-type') : headers };
  }
  const kind = graphql ? 'plain' : bodyKind(headerValue(headers, 'content-type'));
  let body = await assembleBody(block.body, resolver, sources, kind);
  if (graphql) {
    const text = body ? Buffer.from(await materializeBody(body)).toString('utf8') : '';
    body = new TextEncoder().encode(graphqlBody(text, block.body.startLine, file));
    headers = [...withoutHeader(withoutHeader(headers, 'x-request-type'), 'content-type'), ['Content-Type', 'application/json']];
  }
  return body === undefined ? { method, url, headers } : { method, url, headers, body };
}

function expandUrl(block: RequestBlock, resolver: Resolver, file: string): string {
  const line = block.requestLine;
  return expandChecked(resolver, block.url, line, (problem) =>
    new HttpSessionError('INVALID_URL', `URL on line ${line + 1} holds ${problemText(problem)}; nothing was sent`, { file, line }));
}

function expandHeader(header: HeaderLine, resolver: Resolver, file: string): [string, string] {
  const { line } = header;
  const fail = (message: string): HttpSessionError => new HttpSessionError('INVALID_HEADER', message, { file, line });
  const name = expandChecked(resolver, header.name, line, (problem) =>
    fail(`Header name on line ${line + 1} holds ${problemText(problem)}; nothing was sent`)).trim();
  if (!TOKEN.test(name)) throw fail(`Header name '${name}' on line ${line + 1} is not a valid header name; nothing was sent`);
  const value = expandChecked(resolver, header.value, line, (problem) =>
    fail(`Header '${name}' on line ${line + 1} holds ${problemText(problem)}; nothing was sent`), { header: true });
  return [name, value.replace(/^[ \t]+|[ \t]+$/g, '')];
}

function problemText(problem: ControlCharacterProblem): string {
  return problem.variable ? `${problem.what} after expanding ${problem.variable}` : problem.what;
}

function headerValue(headers: HeaderList, lowerName: string): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === lowerName)?.[1];
}

function withoutHeader(headers: HeaderList, lowerName: string): HeaderList {
  return headers.filter(([name]) => name.toLowerCase() !== lowerName);
}

function bodyKind(contentType: string | undefined): BodyKind {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (media === 'application/x-www-form-urlencoded') return 'form';
  if (media.startsWith('multipart/')) return 'multipart';
  return 'plain';
}
