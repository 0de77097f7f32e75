import * as assert from 'node:assert/strict';
import { HttpSessionError } from '../../../src/core/errors';
import type { NamedResponse } from '../../../src/core/session/types';
import { createResolver } from '../../../src/core/variables/createResolver';

const login: NamedResponse = {
  status: 200,
  headers: [['Content-Type', 'application/json'], ['X-Token', 'hdr-tok'], ['Set-Cookie', 'a=1'], ['set-cookie', 'b=2']],
  body: JSON.stringify({ token: 'abc', user: { id: 7, admin: false, roles: ['r1', 'r2'] }, none: null }),
  truncated: false,
  request: { method: 'POST', url: 'http://127.0.0.1/login', headers: [['X-Client', 'cli']], body: '{"user":"bob","n":3}' },
  receivedAt: '2024-01-01T00:00:00.000Z',
};

function resolverWith(responses: Record<string, NamedResponse>) {
  return createResolver({
    filePath: '/ws/api.http',
    fileVariables: [{ name: 'auth', value: 'Bearer {{login.response.body.$.token}}', line: 0 }],
    environment: {},
    namedResponse: (name) => responses[name],
    processEnv: {},
  });
}

function expectReference(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => error instanceof HttpSessionError && error.code === 'REFERENCE' && pattern.test(error.message));
}

describe('named request references', () => {
  it('a JSONPath into the response body gives strings as they are', () => {
    assert.equal(resolverWith({ login }).expand('{{login.response.body.$.token}}', 0), 'abc');
  });

  it('objects and arrays come out as JSON; numbers, booleans and null as text', () => {
    const r = resolverWith({ login });
    assert.equal(r.expand('{{login.response.body.$.user.roles}}', 0), '["r1","r2"]');
    assert.equal(r.expand('{{login.response.body.$.user}}', 0), '{"id":7,"admin":false,"roles":["r1","r2"]}');
    assert.equal(r.expand('{{login.response.body.$.user.id}}|{{login.response.body.$.user.admin}}|{{login.response.body.$.none}}', 0), '7|false|null');
  });

  it('a file variable can hold a reference, as in a session-header directive', () => {
    assert.equal(resolverWith({ login }).expand('{{auth}}', 3), 'Bearer abc');
  });

  it('a file variable holding a reference is read afresh after a new response is stored', () => {
    const responses: Record<string, NamedResponse> = { login };
    const r = resolverWith(responses);
    assert.equal(r.expand('{{auth}}', 0), 'Bearer abc');
    responses.login = { ...login, body: '{"token":"next"}' };
    assert.equal(r.expand('{{auth}}', 0), 'Bearer next');
  });

  it('body.* is the whole body', () => {
    assert.equal(resolverWith({ login }).expand('{{login.response.body.*}}', 0), login.body);
  });

  it('header names compare case-insensitively; repeated headers are joined with ", "', () => {
    const r = resolverWith({ login });
    assert.equal(r.expand('{{login.response.headers.x-token}}', 0), 'hdr-tok');
    assert.equal(r.expand('{{login.response.headers.SET-COOKIE}}', 0), 'a=1, b=2');
  });

  it('the request side: body JSONPath and headers', () => {
    const r = resolverWith({ login });
    assert.equal(r.expand('{{login.request.body.$.user}}/{{login.request.body.$.n}}/{{login.request.headers.x-client}}', 0), 'bob/3/cli');
  });

  it('a name with no stored response says to send that request first, with the line', () => {
    expectReference(() => resolverWith({}).expand('{{login.response.body.$.token}}', 4),
      /^login has no response yet: send the request named 'login' first \(line 5\)$/);
  });

  it('a path into a body truncated at 1 MB is a clear error', () => {
    const big = { ...login, body: '{"token": "ab', truncated: true };
    expectReference(() => resolverWith({ login: big }).expand('{{login.response.body.$.token}}', 0), /truncated at 1 MB/);
    expectReference(() => resolverWith({ login: big }).expand('{{login.response.body.*}}', 0), /truncated at 1 MB/);
  });

  it('a JSONPath that matches nothing names the path', () => {
    expectReference(() => resolverWith({ login }).expand('{{login.response.body.$.missing.deep}}', 1), /JSONPath \$\.missing\.deep matched nothing.*line 2/);
  });

  it('a missing header is named; a body that is not JSON says so', () => {
    expectReference(() => resolverWith({ login }).expand('{{login.response.headers.X-Nope}}', 0), /no header 'X-Nope'/);
    const text = { ...login, body: 'plain text' };
    expectReference(() => resolverWith({ login: text }).expand('{{login.response.body.$.a}}', 0), /not JSON/);
  });
});
