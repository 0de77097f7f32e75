import * as assert from 'node:assert/strict';
import { mergeHeaders } from '../../../src/core/session/mergeHeaders';
import { Session } from '../../../src/core/session/session';
import { formatCookieHeader, mergeCookiePairs, parseCookiePairs } from '../../../src/core/session/cookiePairs';

describe('session.md: how one request is built (the merge)', () => {
  it('layers settings default headers < session default headers < the request\'s own headers', () => {
    const merged = mergeHeaders([['X-Level', 'request']], {
      settings: [['X-Level', 'settings'], ['X-Settings-Only', 's'], ['x-session-only', 'lower']],
      session: [['x-level', 'session'], ['X-Session-Only', 'upper']],
    });
    assert.deepEqual(merged, [['X-Settings-Only', 's'], ['X-Session-Only', 'upper'], ['X-Level', 'request']]);
  });

  it('request header wins over session default for that request only', () => {
    const session = new Session('default');
    session.setDefaultHeader('X-Client', 'session');
    const first = mergeHeaders([['x-client', 'mine']], { settings: [], session: session.defaultHeaders.toList() });
    assert.deepEqual(first, [['x-client', 'mine']]);
    const next = mergeHeaders([], { settings: [], session: session.defaultHeaders.toList() });
    assert.deepEqual(next, [['X-Client', 'session']]);
    assert.equal(session.defaultHeaders.get('x-client'), 'session');
  });

  it('header names compare case-insensitively in every layer', () => {
    const merged = mergeHeaders([['ACCEPT', 'text/plain']], { settings: [['accept', '*/*']], session: [['Accept', 'application/json']] });
    assert.deepEqual(merged, [['ACCEPT', 'text/plain']]);
  });

  it('@no-session-header leaves a session default out', () => {
    const merged = mergeHeaders([], { settings: [['X-Base', 'b']], session: [['X-Trace', '1'], ['X-Keep', 'k']], omit: ['x-trace', 'X-BASE'] });
    assert.deepEqual(merged, [['X-Keep', 'k']]);
  });

  it('@no-session-header Authorization leaves session auth out too', () => {
    const session = new Session('default');
    session.setDefaultHeader('Authorization', 'Bearer session-token');
    const merged = mergeHeaders([], { settings: [], session: session.defaultHeaders.toList(), omit: ['Authorization'] });
    assert.deepEqual(merged, []);
  });

  it('request Authorization wins over session auth (documented departure from requests)', () => {
    const session = new Session('default');
    session.setDefaultHeader('Authorization', 'Basic c2Vzc2lvbjpwdw==');
    const merged = mergeHeaders([['authorization', 'Bearer written']], { settings: [], session: session.defaultHeaders.toList() });
    assert.deepEqual(merged, [['authorization', 'Bearer written']]);
  });

  it('session-auth is one slot: the statement applied last wins', () => {
    const session = new Session('default');
    session.setDefaultHeader('Authorization', 'Basic Zmlyc3Q6MQ==');
    session.setDefaultHeader('authorization', 'Bearer second');
    assert.deepEqual(session.defaultHeaders.toList(), [['authorization', 'Bearer second']]);
  });

  it('repeated request headers are all kept', () => {
    const merged = mergeHeaders([['X-Multi', '1'], ['X-Multi', '2']], { settings: [], session: [['X-Multi', 'default']] });
    assert.deepEqual(merged, [['X-Multi', '1'], ['X-Multi', '2']]);
  });

  it('request Cookie pairs merge with the jar\'s by name, the request\'s value winning, in one header', () => {
    const own = parseCookiePairs(['b=mine; c=3', 'd=4']);
    const merged = mergeCookiePairs([{ name: 'a', value: '1' }, { name: 'b', value: 'jar' }], own);
    assert.equal(formatCookieHeader(merged), 'a=1; b=mine; c=3; d=4');
  });

  it('a request cookie replaces every jar cookie of that name once', () => {
    const merged = mergeCookiePairs([{ name: 'x', value: '/deep' }, { name: 'x', value: '/' }], [{ name: 'x', value: 'mine' }]);
    assert.deepEqual(merged, [{ name: 'x', value: 'mine' }]);
  });
});
