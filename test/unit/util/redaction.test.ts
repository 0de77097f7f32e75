import * as assert from 'node:assert/strict';
import { redactRequest } from '../../../src/core/history/redactRequest';
import type { HeaderList } from '../../../src/core/http/types';
import { redactHeaders, redactHeaderValue } from '../../../src/core/util/redactHeaders';
import { redactUrl } from '../../../src/core/util/redactUrl';
import { REDACTED } from '../../../src/core/variables/redactSecrets';
import { secretMask } from '../../../src/cli/outputSecrets';
import { maskedHeaderValue } from '../../../src/vscode/tree/sessionTreeNode';

const HEADERS: HeaderList = [
  ['Authorization', 'Bearer s3cret-token'],
  ['Authorization', 'Custom s3cret-token'],
  ['Proxy-Authorization', 'Basic cHJveHk6cGFzcw=='],
  ['Cookie', 'sid=sid-value; theme=dark'],
  ['Set-Cookie', 'sid=set-value; Path=/; HttpOnly'],
  ['X-Api-Key', 'api-key-value'],
  ['Accept', 'application/json'],
];

describe('redaction: one rule and one mask in core for the log, the CLI, the history and the tree', () => {
  it('the mask is one marker: the editor\'s bullets', () => {
    assert.equal(REDACTED, '••••••');
    assert.equal(redactHeaderValue('Authorization', 'Bearer x'), `Bearer ${REDACTED}`);
    assert.equal(secretMask(false).cookie('c00kie'), REDACTED);
  });

  it('the log, the CLI, the history and the sessions tree mask each header alike', () => {
    const expected = HEADERS.map(([name, value]) => redactHeaderValue(name, value));
    assert.deepEqual(expected, [
      `Bearer ${REDACTED}`, REDACTED, `Basic ${REDACTED}`, `sid=${REDACTED}; theme=${REDACTED}`,
      `sid=${REDACTED}; Path=/; HttpOnly`, REDACTED, 'application/json',
    ]);
    assert.deepEqual(redactHeaders(HEADERS), HEADERS.map(([name], i) => `${name}: ${expected[i]}`));
    assert.deepEqual(HEADERS.map(([name, value]) => secretMask(false).header(name, value)), expected);
    assert.deepEqual(redactRequest({ method: 'GET', url: 'http://h/', headers: HEADERS }).headers.map(([, value]) => value), expected);
    assert.deepEqual(HEADERS.map(([name, value]) => maskedHeaderValue(name, value)), expected);
  });

  it('a URL shows the mask as it is (not percent-encoded) in place of secret query values and the password', () => {
    assert.equal(redactUrl('https://ann:pw@api.test/items?page=2&access_token=qt-98&x=%20y#top'), `https://ann:${REDACTED}@api.test/items?page=2&access_token=${REDACTED}&x=%20y#top`);
    assert.equal(secretMask(false).url('http://h/p?api%5Fkey=k1'), `http://h/p?api%5Fkey=${REDACTED}`);
    assert.equal(redactRequest({ method: 'GET', url: 'http://h/p?password=p1', headers: [] }).url, `http://h/p?password=${REDACTED}`);
  });

  it('a URL with nothing secret is left byte for byte as it was', () => {
    for (const url of ['http://h/p?a=%20b&c=d+e', 'http://127.0.0.1:8080/items/1', 'http://ann@h/x?q=1', 'not a url {{x}}', 'http://h/?']) {
      assert.equal(redactUrl(url), url.endsWith('?') ? 'http://h/?' : url, url);
    }
  });
});
