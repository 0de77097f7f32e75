import { JSONPath } from 'jsonpath-plus';
import { HttpSessionError } from '../errors';
import type { HeaderList } from '../http/types';
import type { NamedResponse } from '../session/types';
import type { UseSite } from './dynamicVariable';

const REFERENCE = /^([A-Za-z_][\w-]*)\.(request|response)\.(body|headers)(?:\.(.+))?$/s;

/** A parsed `{{name.response.body.$.path}}`-style reference. */
export interface NamedReferenceExpression {
  name: string;
  side: 'request' | 'response';
  part: 'body' | 'headers';
  /** `*`, a JSONPath starting with `$`, or a header name. */
  selector: string;
}

/** Recognises a named-request reference; undefined for anything else. */
export function parseNamedReference(expression: string): NamedReferenceExpression | undefined {
  const match = REFERENCE.exec(expression);
  if (!match) return undefined;
  return { name: match[1], side: match[2] as 'request' | 'response', part: match[3] as 'body' | 'headers', selector: (match[4] ?? '*').trim() };
}

/** Parsed JSON bodies, per response and side, so a large body is parsed once per resolver. */
export type JsonCache = WeakMap<object, unknown>;

/**
 * Reads a reference from a stored named response: the whole body (`*`), a JSONPath into a JSON body
 * (first match; objects as JSON, numbers and booleans as text), or a header (case-insensitive, repeated
 * values joined with ", "). Throws REFERENCE errors that say what is missing.
 */
export function namedReference(ref: NamedReferenceExpression, stored: NamedResponse | undefined, site: UseSite, cache: JsonCache): string {
  const fail = (message: string): HttpSessionError =>
    new HttpSessionError('REFERENCE', `${message} (line ${site.line + 1})`, { file: site.file, line: site.line });
  if (!stored) throw fail(`${ref.name} has no response yet: send the request named '${ref.name}' first`);
  const what = `${ref.name}'s ${ref.side}`;
  const source = ref.side === 'response' ? stored : stored.request;
  if (ref.part === 'headers') return headerValue(source.headers, ref.selector, () => fail(`${what} has no header '${ref.selector}'`));

  const body = source.body ?? '';
  if (ref.side === 'response' && stored.truncated) {
    throw fail(`${what} body was truncated at 1 MB when stored, so {{${ref.name}.response.body.${ref.selector}}} cannot be read`);
  }
  if (ref.selector === '*') return body;
  if (!ref.selector.startsWith('$')) throw fail(`${what} body path '${ref.selector}' is not supported: use * or a JSONPath starting with $`);
  const json = parsedBody(source, body, cache, () => fail(`${what} body is not JSON, so JSONPath ${ref.selector} cannot apply`));
  let matches: unknown[];
  try {
    matches = JSONPath({ path: ref.selector, json: json as object, wrap: true }) as unknown[];
  } catch (error) {
    throw fail(`JSONPath ${ref.selector} is not valid: ${(error as Error).message}`);
  }
  if (!Array.isArray(matches) || matches.length === 0) throw fail(`JSONPath ${ref.selector} matched nothing in ${what} body`);
  return asText(matches[0]);
}

function headerValue(headers: HeaderList, name: string, missing: () => Error): string {
  const wanted = name.toLowerCase();
  const values = headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
  if (values.length === 0) throw missing();
  return values.join(', ');
}

function parsedBody(owner: object, body: string, cache: JsonCache, notJson: () => Error): unknown {
  if (cache.has(owner)) return cache.get(owner);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw notJson();
  }
  cache.set(owner, json);
  return json;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
