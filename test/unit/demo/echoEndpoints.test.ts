import * as assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';

describe('demo server: httpbin echo and content endpoints', () => {
  let server: DemoServer;
  before(async () => { server = await startDemoServer(); });
  after(async () => { await server.close(); });

  it('listens on 127.0.0.1 on a free port when port is 0', () => {
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  });

  it('/get echoes args (repeated names as arrays), headers, origin and url', async () => {
    const res = await fetch(`${server.url}/get?a=1&b=2&b=3`, { headers: { 'x-demo': 'yes' } });
    assert.equal(res.status, 200);
    const body = await res.json() as { args: unknown; headers: Record<string, string>; origin: string; url: string };
    assert.deepEqual(body.args, { a: '1', b: ['2', '3'] });
    assert.equal(body.headers['X-Demo'], 'yes');
    assert.equal(body.origin, '127.0.0.1');
    assert.equal(body.url, `${server.url}/get?a=1&b=2&b=3`);
  });

  it('/get refuses POST with 405', async () => {
    const res = await fetch(`${server.url}/get`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 405);
  });

  it('/post parses a JSON body into json and keeps data', async () => {
    const res = await fetch(`${server.url}/post`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":[1,2]}' });
    const body = await res.json() as { json: unknown; data: string; form: unknown };
    assert.deepEqual(body.json, { x: [1, 2] });
    assert.equal(body.data, '{"x":[1,2]}');
    assert.deepEqual(body.form, {});
  });

  it('/put, /patch and /delete answer their own method only', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const path = `/${method.toLowerCase()}`;
      assert.equal((await fetch(server.url + path, { method, body: 'text' })).status, 200, path);
      assert.equal((await fetch(server.url + path)).status, 405, `${path} with GET`);
    }
  });

  it('/post parses a urlencoded body into form', async () => {
    const res = await fetch(`${server.url}/post`, { method: 'POST', body: new URLSearchParams('name=ann&tag=a&tag=b') });
    const body = await res.json() as { form: unknown; data: string };
    assert.deepEqual(body.form, { name: 'ann', tag: ['a', 'b'] });
    assert.equal(body.data, '');
  });

  it('/post parses multipart into form and files', async () => {
    const form = new FormData();
    form.append('field', 'value');
    form.append('upload', new Blob(['file text']), 'a.txt');
    const body = await (await fetch(`${server.url}/post`, { method: 'POST', body: form })).json() as { form: unknown; files: unknown };
    assert.deepEqual(body.form, { field: 'value' });
    assert.deepEqual(body.files, { upload: 'file text' });
  });

  it('/headers returns the request headers in Title-Case', async () => {
    const body = await (await fetch(`${server.url}/headers`, { headers: { 'x-client': 'demo' } })).json() as { headers: Record<string, string> };
    assert.equal(body.headers['X-Client'], 'demo');
    assert.equal(body.headers.Host, `127.0.0.1:${server.port}`);
  });

  it('/status/N answers with that status, and 400 for a bad one', async () => {
    assert.equal((await fetch(`${server.url}/status/418`)).status, 418);
    assert.equal((await fetch(`${server.url}/status/204`)).status, 204);
    assert.equal((await fetch(`${server.url}/status/abc`)).status, 400);
  });

  it('/delay/S waits about S seconds before answering', async () => {
    const started = Date.now();
    const res = await fetch(`${server.url}/delay/0.3`);
    assert.equal(res.status, 200);
    assert.ok(Date.now() - started >= 280, `answered after ${Date.now() - started} ms`);
  });

  it('close() ends a pending /delay at once instead of waiting for it', async () => {
    const other = await startDemoServer();
    const pending = fetch(`${other.url}/delay/10`).then(() => 'answered', () => 'dropped');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.close();
    assert.equal(await pending, 'dropped');
    assert.ok(Date.now() - started < 2000);
  });

  it('/bytes/N sends N deterministic bytes for the same seed', async () => {
    const a = Buffer.from(await (await fetch(`${server.url}/bytes/100000?seed=7`)).arrayBuffer());
    const b = Buffer.from(await (await fetch(`${server.url}/bytes/100000?seed=7`)).arrayBuffer());
    const c = Buffer.from(await (await fetch(`${server.url}/bytes/100000?seed=8`)).arrayBuffer());
    assert.equal(a.length, 100000);
    assert.ok(a.equals(b));
    assert.ok(!a.equals(c));
  });

  it('/json, /html and /xml serve their documents with the right type', async () => {
    const json = await fetch(`${server.url}/json`);
    assert.match(json.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((await json.json() as { slideshow: { title: string } }).slideshow.title, 'Sample Slide Show');
    const html = await fetch(`${server.url}/html`);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await html.text(), /<h1>/);
    const xml = await fetch(`${server.url}/xml`);
    assert.equal(xml.headers.get('content-type'), 'application/xml');
    assert.match(await xml.text(), /<slideshow/);
  });

  it('/gzip sends a gzip-encoded JSON body', async () => {
    const res = await fetch(`${server.url}/gzip`);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.equal((await res.json() as { gzipped: boolean }).gzipped, true);
  });

  it('/image/png is a valid PNG (signature and IHDR chunk)', async () => {
    const res = await fetch(`${server.url}/image/png`);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  });

  it('an unknown path is 404 listing the endpoints', async () => {
    const res = await fetch(`${server.url}/nope`);
    assert.equal(res.status, 404);
    assert.ok((await res.json() as { endpoints: string[] }).endpoints.includes('/get'));
  });
});
