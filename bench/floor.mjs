// The floor: what a plain script with undici + tough-cookie does for the same work, nothing more.
// Usage: node floor.mjs session BASE N   |   node floor.mjs api BASE N   |   node floor.mjs json URL   |   node floor.mjs upload URL FILE
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { CookieJar } from 'tough-cookie';

const agent = new Agent({ pipelining: 1 });
const jar = new CookieJar();

async function send(method, url, headers = {}, payload = undefined) {
  const cookie = await jar.getCookieString(url);
  const res = await request(url, { method, dispatcher: agent, headers: cookie ? { ...headers, cookie } : headers, body: payload });
  const body = Buffer.from(await res.body.arrayBuffer()).toString('utf8');
  const setCookie = res.headers['set-cookie'];
  for (const header of [setCookie ?? []].flat()) await jar.setCookie(header, url, { ignoreError: true });
  // undici marks the socket idle a tick after the body ends; the next request sent sooner opens a second one.
  await new Promise((resolve) => setImmediate(resolve));
  return { status: res.statusCode, body };
}

/** What a plain script prints per response: the status, then the body as it came; one write each. */
const print = ({ status, body }) => process.stdout.write(`HTTP ${status}\n${body}\n\n`);

const [mode, target, count] = process.argv.slice(2);
if (mode === 'session') {
  await send('POST', `${target}/login`);
  let ok = 0;
  for (let i = 1; i <= Number(count); i++) if ((await send('GET', `${target}/items/${i}`)).status === 200) ok++;
  process.stdout.write(`${ok} answered 200\n`);
} else if (mode === 'api') {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  print(await send('POST', `${target}/api/login`, json, JSON.stringify({ username: 'bench', password: 'bench-password' })));
  const accept = { accept: 'application/json' };
  for (let i = 1; i <= Number(count); i++) print(await send('GET', `${target}/api/orders/${i}`, accept));
} else if (mode === 'upload') {
  // One multipart part streamed from disk with a Content-Length, as a careful script would send it.
  const file = count;
  const head = Buffer.from('--B\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n');
  const tail = Buffer.from('\r\n--B--');
  async function* parts() { yield head; yield* createReadStream(file); yield tail; }
  const length = head.length + statSync(file).size + tail.length;
  const res = await request(target, {
    method: 'POST', dispatcher: agent, body: Readable.from(parts()),
    headers: { 'content-type': 'multipart/form-data; boundary=B', 'content-length': String(length) },
  });
  process.stdout.write(`${res.statusCode} ${await res.body.text()}\n`);
  if (res.statusCode !== 200) process.exitCode = 1;
} else {
  const { body } = await send('GET', target);
  process.stdout.write(JSON.stringify(JSON.parse(body), null, 2));
}
await agent.close();
