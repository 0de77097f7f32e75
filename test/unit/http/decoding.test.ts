import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { closeDispatcher, createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { startServer, type TestServer } from '../../support/startServer';
import { get, rejectsWith, testOptions } from './hopTestKit';

const TEXT = JSON.stringify({ message: 'décodé', items: Array.from({ length: 500 }, (_, i) => i) });

const ENCODED: Record<string, [encoding: string, body: Buffer]> = {
  '/gzip': ['gzip', zlib.gzipSync(TEXT)],
  '/x-gzip': ['x-gzip', zlib.gzipSync(TEXT)],
  '/deflate-zlib': ['deflate', zlib.deflateSync(TEXT)],
  '/deflate-raw': ['deflate', zlib.deflateRawSync(TEXT)],
  '/br': ['br', zlib.brotliCompressSync(TEXT)],
  '/chained': ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(TEXT))],
  '/upper': ['GZIP', zlib.gzipSync(TEXT)],
  '/unknown': ['zstd', Buffer.from('opaque bytes')],
  '/empty-gzip': ['gzip', Buffer.alloc(0)],
};

describe('sendHop: Content-Encoding decoding', () => {
  let server: TestServer;
  let dispatcher: Dispatcher;

  before(async () => {
    server = await startServer((req, res) => {
      const path = (req.url ?? '').replace(/\?.*/, '');
      const [encoding, body] = ENCODED[path] ?? ['gzip', zlib.gzipSync(TEXT)];
      if (path === '/no-content') return void res.writeHead(204, { 'Content-Encoding': 'gzip' }).end();
      res.writeHead(200, { 'Content-Encoding': encoding, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    dispatcher = createDispatcher({ rejectUnauthorized: true });
  });
  after(async () => {
    await closeDispatcher(dispatcher);
    await server.close();
  });

  for (const path of ['/gzip', '/x-gzip', '/deflate-zlib', '/deflate-raw', '/br', '/chained', '/upper']) {
    it(`decodes ${ENCODED[path][0]} (${path}) to the original bytes`, async () => {
      const result = await sendHop(dispatcher, get(`${server.url}${path}`), testOptions());
      assert.equal(Buffer.from(result.body).toString('utf8'), TEXT);
      assert.equal(result.truncated, false);
    });
  }

  it('keeps the Content-Encoding header as the server sent it', async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/chained`), testOptions());
    assert.deepEqual(result.headers.find(([n]) => n.toLowerCase() === 'content-encoding'), ['Content-Encoding', 'gzip, br']);
  });

  it('leaves a body with an unknown encoding as sent', async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/unknown`), testOptions());
    assert.equal(Buffer.from(result.body).toString(), 'opaque bytes');
  });

  it('an empty gzip body, a HEAD and a 204 decode to no bytes without error', async () => {
    for (const request of [get(`${server.url}/empty-gzip`), { ...get(`${server.url}/gzip`), method: 'HEAD' }, get(`${server.url}/no-content`)]) {
      const result = await sendHop(dispatcher, request, testOptions());
      assert.equal(result.body.length, 0);
    }
  });

  it('the size cap counts decoded bytes', async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/gzip`), testOptions({ maxBodyBytes: 100 }));
    assert.equal(result.truncated, true);
    assert.deepEqual(Buffer.from(result.body), Buffer.from(TEXT).subarray(0, 100));
  });

  it('a gzip bomb stops at the cap: 1 GB of zeros compressed to ~1 MB reads only 1 MB', async function () {
    this.timeout(20_000);
    // 16 gzip members of 64 MB of zeros each: 1 GB decoded from about 1 MB on the wire.
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bombServer = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      for (let i = 0; i < 16; i += 1) res.write(bomb);
      res.end();
    });
    try {
      const heapBefore = process.memoryUsage().rss;
      const result = await sendHop(dispatcher, get(bombServer.url), testOptions({ maxBodyBytes: 1024 * 1024 }));
      assert.equal(result.truncated, true);
      assert.equal(result.body.length, 1024 * 1024);
      assert.ok(process.memoryUsage().rss - heapBefore < 100 * 1024 * 1024);
    } finally {
      await bombServer.close();
    }
  });
});

describe('sendHop: bodies that fail to decode', () => {
  it('a body announced as gzip that is not gzip is a DECODE error naming the encoding', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' }).end('definitely not gzip');
    });
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'DECODE');
      assert.match(err.message, /gzip/);
      assert.ok(err.cause, 'the zlib error is kept as cause');
    } finally {
      await closeDispatcher(dispatcher);
      await server.close();
    }
  });
});
