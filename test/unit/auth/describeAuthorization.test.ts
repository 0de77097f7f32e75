import * as assert from 'node:assert/strict';
import { describeAuthorization } from '../../../src/core/auth/describeAuthorization';

describe('describeAuthorization: the session auth as the tree shows it (user named, secret masked)', () => {
  it('Basic names the user and masks the password', () => {
    const value = `Basic ${Buffer.from('alice:s3cret pass').toString('base64')}`;
    assert.deepEqual(describeAuthorization(value), { scheme: 'Basic', user: 'alice', maskedSecret: '••••••' });
  });

  it('Digest USER PASS (REST Client form) names the user and masks the password', () => {
    assert.deepEqual(describeAuthorization('Digest mufasa circle of life'), { scheme: 'Digest', user: 'mufasa', maskedSecret: '••••••' });
  });

  it('Bearer keeps only the last 4 characters of a long token, and none of a short one', () => {
    assert.deepEqual(describeAuthorization('Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig9'), { scheme: 'Bearer', maskedSecret: '••••••sig9' });
    assert.deepEqual(describeAuthorization('bearer short'), { scheme: 'Bearer', maskedSecret: '••••••' });
  });

  it('a Basic value that is not user:pass names no user', () => {
    assert.deepEqual(describeAuthorization('Basic bm90LWEtcGFpcg=='), { scheme: 'Basic', maskedSecret: '••••••' });
  });

  it('a value without a scheme word is all secret, and another scheme keeps its word only', () => {
    assert.deepEqual(describeAuthorization('s3cr3t'), { scheme: 'Authorization', maskedSecret: '••••••' });
    assert.deepEqual(describeAuthorization('Token abc123'), { scheme: 'Token', maskedSecret: '••••••' });
  });

  it('no part of the secret appears in the summary', () => {
    for (const value of [`Basic ${Buffer.from('u:topsecret').toString('base64')}`, 'Digest u topsecret', 'Bearer topsecret', 'topsecret']) {
      assert.ok(!JSON.stringify(describeAuthorization(value)).includes('topsecret'), value);
    }
  });
});
