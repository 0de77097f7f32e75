import * as assert from 'node:assert/strict';
import { parseChallenges } from '../../../src/core/auth/authParams';
import { digestAnswer, digestStateFrom } from '../../../src/core/auth/digestAnswer';

/** Facts of RFC 7616 §3.9.1 (and RFC 2617 §3.5 for MD5 with qop). */
const RFC7616 = {
  challenge: 'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  credentials: { username: 'Mufasa', password: 'Circle of Life' },
};

function responseOf(header: string): string | undefined {
  return /response="([0-9a-f]+)"/.exec(header)?.[1];
}

describe('Digest answers (RFC 7616)', () => {
  it('SHA-256: the RFC 7616 example answer', () => {
    const [challenge] = parseChallenges([RFC7616.challenge]);
    const state = digestStateFrom(challenge, 'Mufasa');
    const header = digestAnswer(state, RFC7616.credentials, 'GET', '/dir/index.html', RFC7616.cnonce);
    assert.equal(responseOf(header), '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    assert.match(header, /nc=00000001/);
    assert.match(header, /qop=auth,/);
    assert.match(header, /opaque="FQhe\/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"/);
  });

  it('MD5: the RFC 7616 example answer', () => {
    const [challenge] = parseChallenges([RFC7616.challenge.replace('algorithm=SHA-256', 'algorithm=MD5')]);
    const header = digestAnswer(digestStateFrom(challenge, 'Mufasa'), RFC7616.credentials, 'GET', '/dir/index.html', RFC7616.cnonce);
    assert.equal(responseOf(header), '8ca523f5e9506fed4657c9700eebdbec');
  });

  it('MD5 without an algorithm parameter: the RFC 2617 example answer', () => {
    const [challenge] = parseChallenges(['Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"']);
    const header = digestAnswer(digestStateFrom(challenge, 'Mufasa'), { username: 'Mufasa', password: 'Circle Of Life' }, 'GET', '/dir/index.html', '0a4f113b');
    assert.equal(responseOf(header), '6629fae49393a05397450978507c4ef1');
  });

  it('the nonce count grows by one with every answer for the same nonce', () => {
    const [challenge] = parseChallenges([RFC7616.challenge]);
    const state = digestStateFrom(challenge, 'Mufasa');
    const counts = [1, 2, 3].map(() => /nc=([0-9a-f]{8})/.exec(digestAnswer(state, RFC7616.credentials, 'GET', '/'))?.[1]);
    assert.deepEqual(counts, ['00000001', '00000002', '00000003']);
  });

  it('a challenge offering only qop=auth-int, or an unknown algorithm, is a clear error', () => {
    const [intOnly] = parseChallenges(['Digest realm="r", nonce="n", qop="auth-int"']);
    assert.throws(() => digestStateFrom(intOnly, 'u'), /only qop=auth-int/);
    const [unknown] = parseChallenges(['Digest realm="r", nonce="n", algorithm=SHA-1']);
    assert.throws(() => digestStateFrom(unknown, 'u'), /algorithm SHA-1 is not supported/);
  });

  it('WWW-Authenticate with several challenges, commas and escaped quotes in quoted values', () => {
    const challenges = parseChallenges(['Basic realm="a, b", Digest realm="say \\"hi\\"", nonce="x=y", stale=TRUE', 'Bearer abc==']);
    assert.deepEqual(challenges, [
      { scheme: 'basic', params: { realm: 'a, b' } },
      { scheme: 'digest', params: { realm: 'say "hi"', nonce: 'x=y', stale: 'TRUE' } },
      { scheme: 'bearer', params: {} },
    ]);
  });
});
