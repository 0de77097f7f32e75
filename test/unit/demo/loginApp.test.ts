import * as assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { CUSTOMERS } from '../../../src/demo/customers';

interface ListReply { ret: number; msg?: string; retlist?: Array<{ name: string }>; total?: number }

describe('demo server: the byhy login app and the token API', () => {
  let server: DemoServer;
  before(async () => { server = await startDemoServer(); });
  after(async () => { await server.close(); });

  const signin = (username: string, password: string) => fetch(`${server.url}/api/mgr/signin`, {
    method: 'POST', body: new URLSearchParams({ username, password }),
  });
  const customers = async (query: string, cookie?: string): Promise<ListReply> => {
    const res = await fetch(`${server.url}/api/mgr/customers?action=list_customer&${query}`, { headers: cookie ? { cookie } : {} });
    assert.equal(res.status, 200);
    return res.json() as Promise<ListReply>;
  };
  const login = async (): Promise<string> => {
    const res = await signin('byhy', '88888888');
    return res.headers.getSetCookie()[0].split(';')[0];
  };

  it('signin with byhy/88888888 answers ret 0 and sets an HttpOnly sessionid cookie on Path=/', async () => {
    const res = await signin('byhy', '88888888');
    assert.deepEqual(await res.json(), { ret: 0 });
    const [cookie] = res.headers.getSetCookie();
    assert.match(cookie, /^sessionid=[0-9a-f]{32}; HttpOnly; Path=\/$/);
  });

  it('signin with a wrong password answers ret 1 with the message and no cookie', async () => {
    const res = await signin('byhy', 'nope');
    assert.deepEqual(await res.json(), { ret: 1, msg: '用户名或者密码错误' });
    assert.deepEqual(res.headers.getSetCookie(), []);
  });

  it('the customer list without a session is ret 302 未登录 with status 200', async () => {
    const reply = await customers('pagesize=5&pagenum=1');
    assert.equal(reply.ret, 302);
    assert.equal(reply.msg, '未登录');
    assert.equal((await customers('pagesize=5', 'sessionid=forged')).ret, 302);
  });

  it('the customer list with the session cookie is paged and counts every customer', async () => {
    const cookie = await login();
    const page1 = await customers('pagesize=5&pagenum=1', cookie);
    const page3 = await customers('pagesize=5&pagenum=3', cookie);
    assert.equal(page1.ret, 0);
    assert.equal(page1.total, CUSTOMERS.length);
    assert.deepEqual(page1.retlist?.map((c) => c.name), CUSTOMERS.slice(0, 5).map((c) => c.name));
    assert.equal(page3.retlist?.length, CUSTOMERS.length - 10);
  });

  it('keywords filter the customer list on name, phone and address', async () => {
    const cookie = await login();
    const reply = await customers(`pagesize=50&keywords=${encodeURIComponent('武汉 医院')}`, cookie);
    assert.equal(reply.total, 2);
    assert.ok(reply.retlist?.every((c) => c.name.startsWith('武汉')));
  });

  it('signout invalidates the session and expires the cookie', async () => {
    const cookie = await login();
    const res = await fetch(`${server.url}/api/mgr/signout`, { method: 'POST', headers: { cookie } });
    assert.deepEqual(await res.json(), { ret: 0 });
    assert.match(res.headers.getSetCookie()[0], /^sessionid=; .*Max-Age=0/);
    assert.equal((await customers('pagesize=5', cookie)).ret, 302);
  });

  it('/api/me needs the bearer token POST /api/token issued', async () => {
    const { token } = await (await fetch(`${server.url}/api/token`, { method: 'POST' })).json() as { token: string };
    assert.ok(token.length >= 20);
    assert.equal((await fetch(`${server.url}/api/me`)).status, 401);
    assert.equal((await fetch(`${server.url}/api/me`, { headers: { authorization: 'Bearer made-up' } })).status, 401);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), { user: 'byhy', authenticated: true });
  });

  it('two servers keep separate session tables', async () => {
    const cookie = await login();
    const other = await startDemoServer();
    try {
      const res = await fetch(`${other.url}/api/mgr/customers?action=list_customer`, { headers: { cookie } });
      assert.equal((await res.json() as ListReply).ret, 302);
    } finally {
      await other.close();
    }
  });
});
