import * as assert from 'node:assert/strict';
import { redactHeaders } from '../../../src/core/util/redactHeaders';
import { REDACTED } from '../../../src/core/variables/redactSecrets';
import { hardeningCase } from './hardeningCase';

const AREA = 'Logs redact credentials (src/core/util/redactHeaders)';
const SECRETS = ['s3cret-token', 'dXNlcjpodW50ZXIy', 'proxy-pass', 'sid-value', 'other-value', 'set-value', 'bare-cookie-secret', 'api-key-value'];

const CASES: Array<[label: string, header: [string, string], shown: string]> = [
  ['Authorization: Bearer', ['Authorization', 'Bearer s3cret-token'], `Authorization: Bearer ${REDACTED}`],
  ['Authorization: Basic', ['authorization', 'Basic dXNlcjpodW50ZXIy'], `authorization: Basic ${REDACTED}`],
  ['Authorization without a scheme (a bare token)', ['Authorization', 's3cret-token'], `Authorization: ${REDACTED}`],
  ['Proxy-Authorization', ['Proxy-Authorization', 'Basic proxy-pass'], `Proxy-Authorization: Basic ${REDACTED}`],
  ['Cookie with two pairs', ['Cookie', 'sid=sid-value; other=other-value'], `Cookie: sid=${REDACTED}; other=${REDACTED}`],
  ['Cookie with a bare value (no =)', ['COOKIE', 'bare-cookie-secret'], `COOKIE: ${REDACTED}`],
  ['Set-Cookie with attributes', ['Set-Cookie', 'sid=set-value; Path=/; HttpOnly'], `Set-Cookie: sid=${REDACTED}; Path=/; HttpOnly`],
  ['X-Api-Key (a secret-looking name)', ['X-Api-Key', 'api-key-value'], `X-Api-Key: ${REDACTED}`],
];

describe('hardening: log lines never show credentials', () => {
  for (const [label, header, shown] of CASES) {
    hardeningCase(__filename, AREA, `${label} is redacted in log lines`, `${header[0]}: ${header[1]}`, async () => {
      const [line] = redactHeaders([header]);
      assert.equal(line, shown);
      for (const secret of SECRETS) assert.ok(!line.includes(secret), `leaks ${secret}`);
      return `logged as "${line}"`;
    });
  }

  hardeningCase(__filename, AREA, 'ordinary headers are logged as they are, and trace level reveals everything',
    'Content-Type: application/json, Authorization: Bearer s3cret-token with reveal=true', async () => {
      assert.deepEqual(redactHeaders([['Content-Type', 'application/json'], ['Accept', '*/*']]), ['Content-Type: application/json', 'Accept: */*']);
      assert.deepEqual(redactHeaders([['Authorization', 'Bearer s3cret-token']], true), ['Authorization: Bearer s3cret-token']);
      return 'Content-Type and Accept unchanged; reveal=true shows the token (trace level only)';
    });
});
