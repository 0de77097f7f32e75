// The benchmark's loopback server: a login that sets a session cookie, items that need it, large JSON, and uploads.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

/** Builds a JSON document of about `bytes` bytes. */
export function makeJson(bytes) {
  const items = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = { id: i, name: `customer ${i}`, email: `user${i}@example.test`, tags: ['a', 'b', 'c'], balance: i * 1.5 };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return Buffer.from(JSON.stringify(items));
}

/** One order as a real JSON API answers it: an object with a few fields, a nested object and a short array. */
export function orderJson(id) {
  const n = Number(id) || 0;
  return Buffer.from(JSON.stringify({
    id: n,
    status: n % 3 === 0 ? 'shipped' : 'processing',
    customer: { id: 1000 + n, name: `Customer ${n}`, email: `customer${n}@example.test` },
    items: [{ sku: `SKU-${n}-1`, quantity: 2, price: 12.5 }, { sku: `SKU-${n}-2`, quantity: 1, price: 3.99 }],
    total: 28.99,
    currency: 'EUR',
    createdAt: new Date(Date.UTC(2026, 10, 24, 10, 0, n % 60)).toISOString(),
  }));
}

/** Starts the server on 127.0.0.1 (port 0); counts TCP connections and answers by status. */
export async function startBenchServer() {
  const sessions = new Set();
  const stats = { connections: 0, statuses: {} };
  const bodies = { '1mb': makeJson(1024 * 1024), '20mb': makeJson(20 * 1024 * 1024) };
  const answer = (res, status, body, headers = {}) => {
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...headers });
    res.end(body);
  };
  const server = createServer((req, res) => {
    let received = 0;
    req.on('data', (chunk) => { received += chunk.length; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      // An upload is answered 200 only when it came with a Content-Length and all of it arrived.
      if (req.method === 'POST' && url.pathname === '/upload') {
        const complete = req.headers['content-length'] === String(received) && !req.headers['transfer-encoding'];
        return answer(res, complete ? 200 : 400, Buffer.from(JSON.stringify({ received })));
      }
      if (req.method === 'POST' && url.pathname === '/login') {
        const sid = randomBytes(8).toString('hex');
        sessions.add(sid);
        return answer(res, 200, Buffer.from('{"ok":true}'), { 'set-cookie': `sid=${sid}; Path=/; HttpOnly` });
      }
      // The realistic API: a JSON login (token in the body, session cookie set), then orders that need the cookie.
      if (req.method === 'POST' && url.pathname === '/api/login') {
        const sid = randomBytes(8).toString('hex');
        sessions.add(sid);
        return answer(res, 200, Buffer.from(JSON.stringify({ ok: true, user: { id: 7, name: 'Bench User' }, expiresIn: 3600 })), {
          'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax`,
        });
      }
      if (url.pathname.startsWith('/api/orders/')) {
        const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': randomBytes(8).toString('hex') };
        if (!sid || !sessions.has(sid)) return answer(res, 401, Buffer.from('{"error":"login first"}'), json);
        return answer(res, 200, orderJson(url.pathname.slice(12)), json);
      }
      if (url.pathname.startsWith('/items/')) {
        const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        if (!sid || !sessions.has(sid)) return answer(res, 401, Buffer.from('{"error":"login first"}'));
        return answer(res, 200, Buffer.from(JSON.stringify({ id: url.pathname.slice(7), ok: true })));
      }
      if (url.pathname === '/json') return answer(res, 200, bodies[url.searchParams.get('size')] ?? Buffer.from('{}'));
      return answer(res, 404, Buffer.from('{}'));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => stats.connections++);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    reset() { stats.connections = 0; stats.statuses = {}; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
