import * as assert from 'node:assert/strict';
import { REDACTED, looksSecret, redactSecrets } from '../../../src/core/variables/redactSecrets';

describe('redactSecrets', () => {
  it('names that suggest secrets look secret', () => {
    for (const name of ['password', 'dbPassword', 'PWD', 'client_secret', 'accessToken', 'apiKey', 'API-KEY', 'Authorization', 'credentials', 'Cookie', 'passphrase']) {
      assert.ok(looksSecret(name), name);
    }
  });

  it('ordinary names do not', () => {
    for (const name of ['host', 'baseUrl', 'username', 'id', 'content', 'page']) assert.ok(!looksSecret(name), name);
  });

  it('masks only the values of secret-looking names', () => {
    assert.deepEqual(redactSecrets({ host: 'h', password: 'p', token: 't' }), { host: 'h', password: REDACTED, token: REDACTED });
  });
});
