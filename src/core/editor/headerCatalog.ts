/** Request header names offered by completion, with a one-line description each. */
export const HEADER_NAMES: ReadonlyArray<readonly [name: string, description: string]> = [
  ['Accept', 'Media types the client accepts in the response.'],
  ['Accept-Encoding', 'Content codings the client accepts (gzip, br, deflate).'],
  ['Accept-Language', 'Natural languages the client prefers.'],
  ['Authorization', 'Credentials: Basic, Bearer, Digest …'],
  ['Cache-Control', 'Caching directives (no-cache, no-store, max-age=N).'],
  ['Connection', 'Connection options (keep-alive, close).'],
  ['Content-Encoding', 'Coding applied to the body (gzip, br).'],
  ['Content-Length', 'Body size in bytes (computed when sent).'],
  ['Content-Type', 'Media type of the body.'],
  ['Cookie', 'Cookies for this request, merged with the session jar by name.'],
  ['Host', 'Host and port of the target (for origin-form request lines).'],
  ['If-Match', 'Send only if the resource ETag matches.'],
  ['If-Modified-Since', 'Send only if modified after this date.'],
  ['If-None-Match', 'Send only if the resource ETag differs.'],
  ['Origin', 'Origin of the request (CORS).'],
  ['Prefer', 'Preferences for server behaviour (return=minimal).'],
  ['Range', 'Byte range of the resource to return.'],
  ['Referer', 'Address of the previous page.'],
  ['User-Agent', 'The client software.'],
  ['X-API-Key', 'API key (common convention).'],
  ['X-Correlation-ID', 'Correlation id for tracing (common convention).'],
  ['X-Request-ID', 'Request id for tracing (common convention).'],
  ['X-Request-Type', 'GraphQL: the body is a query plus an optional variables block.'],
  ['X-Requested-With', 'XMLHttpRequest (common convention).'],
];

const MEDIA_TYPES = [
  'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----Boundary',
  'text/plain', 'text/html', 'application/xml', 'text/xml', 'application/graphql', 'application/octet-stream',
  'application/ld+json', 'application/problem+json', 'text/csv',
];

/** Common values per lower-case header name. */
export const HEADER_VALUES: Readonly<Record<string, readonly string[]>> = {
  'content-type': MEDIA_TYPES,
  accept: ['*/*', 'application/json', 'text/html', 'text/plain', 'application/xml', 'application/json, text/plain, */*'],
  authorization: ['Bearer ', 'Basic ', 'Digest '],
  'accept-encoding': ['gzip, deflate, br', 'gzip', 'identity'],
  'cache-control': ['no-cache', 'no-store', 'max-age=0'],
  connection: ['keep-alive', 'close'],
  'content-encoding': ['gzip', 'br', 'deflate'],
  'x-request-type': ['GraphQL'],
  prefer: ['return=minimal', 'return=representation'],
};
