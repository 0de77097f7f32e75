import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamedBody } from '../../../src/core/http/types';
import { sendWithSession } from '../../../src/core/session/sendWithSession';
import { Session } from '../../../src/core/session/session';
import { startServer, type TestServer } from '../../support/startServer';
import { SEND_DEFAULTS } from './sendSupport';

const MiB = 1024 * 1024;

describe('session.md redirects: a body streamed from a file', () => {
  let dir: string;
  let server: TestServer;
  let session: Session;
  let body: StreamedBody;
  let expected: Buffer;
  const arrived: Array<{ path: string; method: string; length?: string; size: number; sha256: string }> = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hs-redirect-'));
    const file = randomBytes(3 * MiB);
    writeFileSync(join(dir, 'scan.bin'), file);
    const head = new TextEncoder().encode('--B\r\nContent-Disposition: form-data; name="f"; filename="scan.bin"\r\n\r\n');
    const tail = new TextEncoder().encode('\r\n--B--');
    body = { segments: [head, { path: join(dir, 'scan.bin'), size: file.length, displayPath: './scan.bin' }, tail], length: head.length + file.length + tail.length };
    expected = Buffer.concat([head, file, tail]);
    server = await startServer(async (req, res) => {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of req) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      const url = new URL(req.url ?? '/', 'http://test');
      arrived.push({ path: url.pathname, method: req.method ?? '', length: req.headers['content-length'], size, sha256: hash.digest('hex') });
      const status = url.searchParams.get('status');
      if (status) res.writeHead(Number(status), { Location: '/stored' }).end();
      else res.end('stored');
    });
    session = new Session('default');
  });
  beforeEach(() => { arrived.length = 0; });
  after(async () => {
    await session.closePools();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const status of [307, 308]) {
    it(`a ${status} redirect sends the same body again, read from the file afresh`, async () => {
      const exchange = await sendWithSession(session, {
        method: 'POST', url: `${server.url}/upload?status=${status}`, headers: [['Content-Type', 'multipart/form-data; boundary=B']], body,
      }, SEND_DEFAULTS);
      assert.equal(exchange.error, undefined, exchange.error?.message);
      assert.equal(exchange.response?.status, 200);
      const sha256 = createHash('sha256').update(expected).digest('hex');
      const want = { method: 'POST', length: String(expected.length), size: expected.length, sha256 };
      assert.deepEqual(arrived, [{ path: '/upload', ...want }, { path: '/stored', ...want }]);
    });
  }

  it('a 303 redirect drops the streamed body', async () => {
    const exchange = await sendWithSession(session, { method: 'POST', url: `${server.url}/upload?status=303`, headers: [], body }, SEND_DEFAULTS);
    assert.equal(exchange.response?.status, 200);
    assert.deepEqual(arrived.map((a) => [a.path, a.method, a.size]), [['/upload', 'POST', expected.length], ['/stored', 'GET', 0]]);
    assert.equal(exchange.hops[1].request.body, undefined);
  });
});
