import * as assert from 'node:assert/strict';
import { Session } from '../../../src/core/session/session';
import { oauthTokenRow } from '../../../src/vscode/tree/authTreeItems';
import { groupRow, holdsNothing, SESSION_TREE_GROUPS, visibleGroups } from '../../../src/vscode/tree/sessionTreeGroups';

const labels = (session: Session): string[] => visibleGroups(session).map((group) => group.label);

describe('sessions tree groups (one table for every kind of session state)', () => {
  it('an empty session shows Cookies and Default Headers only, and holds nothing', () => {
    const session = new Session('default');
    assert.deepEqual(labels(session), ['Cookies', 'Default Headers']);
    assert.equal(holdsNothing(session), true);
    assert.deepEqual(visibleGroups(session).map((group) => groupRow(group, session).description), ['none yet', 'none']);
  });

  it('the other groups appear once they hold something, in table order, with their count', () => {
    const session = new Session('default');
    session.setGlobal('token', 'x');
    session.setDefaultParam('api-version', '1');
    assert.deepEqual(labels(session), ['Cookies', 'Default Headers', 'Default Parameters', 'Globals']);
    assert.equal(holdsNothing(session), false);
    const params = SESSION_TREE_GROUPS.find((group) => group.kind === 'params')!;
    assert.deepEqual(groupRow(params, session), { label: 'Default Parameters', id: 'params', icon: 'symbol-parameter', description: '1', expanded: true });
    assert.deepEqual(params.children(session, 'default'), [{ kind: 'param', session: 'default', name: 'api-version', value: '1' }]);
  });

  it('a group is expanded only while it holds something', async () => {
    const session = new Session('default');
    const cookies = SESSION_TREE_GROUPS.find((group) => group.kind === 'cookies')!;
    assert.equal(groupRow(cookies, session).expanded, false);
    await session.storeSetCookie('id=1', 'http://127.0.0.1/');
    assert.equal(groupRow(cookies, session).expanded, true);
    assert.deepEqual(cookies.children(session, 'default'), [{ kind: 'domain', session: 'default', domain: '127.0.0.1' }]);
  });

  it('Auth shows once the session has an Authorization default, its row first, then the Digest nonces per server', () => {
    const session = new Session('default');
    session.setDefaultHeader('Authorization', 'Digest mufasa circle of life');
    session.digestStates.set('http://127.0.0.1:1', { realm: 'r', nonce: 'n', algorithm: 'MD5', username: 'mufasa', nc: 1 });
    const auth = SESSION_TREE_GROUPS.find((group) => group.kind === 'auth')!;
    assert.ok(visibleGroups(session).includes(auth));
    assert.equal(groupRow(auth, session).description, '2');
    assert.deepEqual(auth.children(session, 'default'), [
      { kind: 'sessionAuth', session: 'default' }, { kind: 'digest', session: 'default', origin: 'http://127.0.0.1:1' },
    ]);
  });

  it('Client Certificates lists each host a certificate was sent to, with where it is configured, and Clear Session empties it', async () => {
    const session = new Session('default');
    session.noteCertificateInUse('api.example.com:8443', 'httpSession.tls.certificates["api.example.com:8443"]');
    assert.deepEqual(labels(session), ['Cookies', 'Default Headers', 'Client Certificates']);
    const group = SESSION_TREE_GROUPS.find((g) => g.kind === 'certificates')!;
    assert.deepEqual(group.children(session, 'default'), [
      { kind: 'certificate', session: 'default', host: 'api.example.com:8443', source: 'httpSession.tls.certificates["api.example.com:8443"]' },
    ]);
    await session.clear();
    assert.equal(holdsNothing(session), true);
  });

  it('Auth lists each OAuth2 token (name, grant, expiry, the value masked) before the Digest states', () => {
    const session = new Session('default');
    const now = Date.UTC(2026, 0, 1, 12);
    session.setOAuthToken('web', { name: 'web', grant: 'authorization_code', accessToken: 'at-secret-value-1234', tokenType: 'Bearer', obtainedAt: now, expiresAt: now + 45 * 60_000, configKey: 'k', refreshToken: 'rt' });
    session.setOAuthToken('app', { name: 'app', grant: 'client_credentials', accessToken: 'at-other-9876', tokenType: 'Bearer', obtainedAt: now, expiresAt: now - 1, configKey: 'k' });
    const auth = SESSION_TREE_GROUPS.find((group) => group.kind === 'auth')!;
    assert.deepEqual(labels(session), ['Cookies', 'Default Headers', 'Auth']);
    assert.equal(groupRow(auth, session).description, '2');
    assert.deepEqual(auth.children(session, 'default'), [{ kind: 'oauthToken', session: 'default', name: 'app' }, { kind: 'oauthToken', session: 'default', name: 'web' }]);
    const web = oauthTokenRow('web', session, now);
    assert.deepEqual([web.label, web.id, web.description], ['OAuth2 · web', 'oauth/web', 'authorization code · expires in 45 min · ••••••1234']);
    assert.doesNotMatch(`${web.description} ${web.tooltip}`, /at-secret/);
    assert.equal(oauthTokenRow('app', session, now).description, 'client credentials · expired · ••••••9876');
  });
});
