import * as assert from 'node:assert/strict';
import type { CookieView } from '../../../src/core/http/types';
import { cookieExpiry, cookieFlags } from '../../../src/shared/cookieText';
import { formatBytes } from '../../../src/shared/formatBytes';
import { cookieRow } from '../../../src/vscode/response/responseModel';

const cookie = (extra: Partial<CookieView>): CookieView => ({ name: 'sid', value: 's1', domain: 'api.example', path: '/', secure: false, httpOnly: false, hostOnly: false, ...extra });

describe('one byte-size and cookie-text formatter for the CLI, the session tree and the response view', () => {
  it('byte sizes are B below 1 KB, then KB and MB with one decimal (1 KB = 1024 bytes)', () => {
    assert.deepEqual([0, 1023, 1024, 1536, 1024 * 1024 - 1, 3 * 1024 * 1024].map(formatBytes), ['0 B', '1023 B', '1.0 KB', '1.5 KB', '1024.0 KB', '3.0 MB']);
  });

  it('cookie flags come in one order, SameSite as the server set it (None included)', () => {
    assert.deepEqual(cookieFlags(cookie({ hostOnly: true, sameSite: 'none', httpOnly: true, secure: true })), ['Secure', 'HttpOnly', 'SameSite=none', 'host-only']);
    assert.deepEqual(cookieFlags(cookie({})), []);
  });

  it('a cookie ends at the end of the session or at a UTC minute', () => {
    assert.equal(cookieExpiry(cookie({})), 'session');
    assert.equal(cookieExpiry(cookie({ expires: '2026-12-02T13:45:09.000Z' })), 'expires 2026-12-02 13:45 UTC');
    assert.equal(cookieExpiry(cookie({ expires: 'Infinity' })), 'expires Infinity');
  });

  it('the response view\'s cookie rows carry the same flags', () => {
    assert.equal(cookieRow(cookie({ secure: true, sameSite: 'lax' })).flags, 'Secure SameSite=lax');
  });
});
