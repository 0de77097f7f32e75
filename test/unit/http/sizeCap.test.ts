import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { closeDispatcher, createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { startServer } from '../../support/startServer';
import { get, testOptions } from './hopTestKit';

const MB = 1024 * 1024;

describe('sendHop: response size cap', () => {
  it('a 200 MB body stops at the cap: the read ends early, the server could write only a few MB, memory stays small', async function () {
    this.timeout(15_000);
    let produced = 0;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 200 * MB });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      // Lazy: a chunk is made only when the socket asks for more, so `produced` is what the client pulled.
      Readable.from((function* () {
        while (produced < 200 * MB) { produced += chunk.length; yield chunk; }
      })()).pipe(res);
    });
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const result = await sendHop(dispatcher, get(server.url), testOptions({ maxBodyBytes: 5 * MB }));
      const elapsedMs = performance.now() - started;
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      assert.equal(result.truncated, true);
      assert.equal(result.body.length, 5 * MB);
      assert.ok(result.body.every((b) => b === 0x61));
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(produced < 40 * MB, `server produced ${(produced / MB).toFixed(1)} MB`);
      assert.ok(rssGrowth < 100 * MB, `rss grew ${(rssGrowth / MB).toFixed(1)} MB`);
      assert.ok(elapsedMs < 10_000, `took ${elapsedMs.toFixed(0)} ms`);
      console.log(`      measured: ${(produced / MB).toFixed(1)} MB produced by the server, rss +${(rssGrowth / MB).toFixed(1)} MB, ${elapsedMs.toFixed(0)} ms`);
    } finally {
      await closeDispatcher(dispatcher);
      await server.close();
    }
  });

  it('a body exactly at the cap is complete, not truncated', async () => {
    const server = await startServer((_req, res) => { res.end(Buffer.alloc(1000, 0x62)); });
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      const result = await sendHop(dispatcher, get(server.url), testOptions({ maxBodyBytes: 1000 }));
      assert.equal(result.truncated, false);
      assert.equal(result.body.length, 1000);
      const over = await sendHop(dispatcher, get(server.url), testOptions({ maxBodyBytes: 999 }));
      assert.equal(over.truncated, true);
      assert.equal(over.body.length, 999);
    } finally {
      await closeDispatcher(dispatcher);
      await server.close();
    }
  });
});
