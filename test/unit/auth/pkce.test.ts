import * as assert from 'node:assert/strict';
import { pkceChallenge, pkcePair } from '../../../src/core/auth/oauth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('S256 gives the challenge of the RFC 7636 Appendix B example', () => {
    assert.equal(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'S256'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('a fresh verifier is 43 unreserved characters and new each time; plain sends the verifier itself', () => {
    const a = pkcePair({ method: 'S256' });
    const b = pkcePair({ method: 'S256' });
    assert.match(a.verifier, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a.verifier, b.verifier);
    assert.equal(pkcePair({ method: 'plain', verifier: a.verifier }).challenge, a.verifier);
  });
});
