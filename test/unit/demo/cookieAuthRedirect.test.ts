import * as assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';

describe('demo server: cookies, auth and redirect endpoints', () => {
  let server: DemoServer;
  before(async () => { server = await startDemoServer(); });
  after(async () => { await server.close(); });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers, redirect: 'manual' });

  it('/cookies lists the cookies the request carries', async () => {
    const body = await (await get('/cookies', { cookie: 'a=1; b=two' })).json();
    assert.deepEqual(body, { cookies: { a: '1', b: 'two' } });
  });

  it('/cookies/set sets each pair with Path=/ as separate Set-Cookie headers, then 302 to /cookies', async () => {
    const res = await get('/cookies/set?k1=v1&k2=v2');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/cookies');
    assert.deepEqual(res.headers.getSetCookie(), ['k1=v1; Path=/', 'k2=v2; Path=/']);
  });

  it('/cookies/delete expires the named cookies, then 302 to /cookies', async () => {
    const res = await get('/cookies/delete?k1');
    assert.equal(res.status, 302);
    const [cookie] = res.headers.getSetCookie();
    assert.match(cookie, /^k1=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=\/$/);
  });

  it('/basic-auth/USER/PASS is 200 with matching credentials', async () => {
    const res = await get('/basic-auth/ann/secret', { authorization: `Basic ${Buffer.from('ann:secret').toString('base64')}` });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { authenticated: true, user: 'ann' });
  });

  it('/basic-auth/USER/PASS is 401 with WWW-Authenticate without or with wrong credentials', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: `Basic ${Buffer.from('ann:wrong').toString('base64')}` }]) {
      const res = await get('/basic-auth/ann/secret', headers);
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Basic/);
    }
  });

  it('/bearer is 401 without a bearer token and 200 echoing it with one', async () => {
    assert.equal((await get('/bearer')).status, 401);
    assert.equal((await get('/bearer', { authorization: 'Basic eDp5' })).status, 401);
    const res = await get('/bearer', { authorization: 'Bearer abc' });
    assert.deepEqual(await res.json(), { authenticated: true, token: 'abc' });
  });

  it('/redirect/N is a chain of N 302s ending at /get', async () => {
    const first = await get('/redirect/3');
    assert.equal(first.status, 302);
    assert.equal(first.headers.get('location'), '/redirect/2');
    assert.equal((await get('/redirect/1')).headers.get('location'), '/get');
    const followed = await fetch(`${server.url}/redirect/3`);
    assert.equal(followed.status, 200);
    assert.equal(followed.url, `${server.url}/get`);
  });

  it('/redirect-to sends the given status and Location, 302 by default', async () => {
    const res = await get('/redirect-to?url=%2Fheaders&status_code=307');
    assert.equal(res.status, 307);
    assert.equal(res.headers.get('location'), '/headers');
    assert.equal((await get('/redirect-to?url=http://example.test/')).status, 302);
    assert.equal((await get('/redirect-to?url=/get&status_code=200')).status, 400);
  });
});
