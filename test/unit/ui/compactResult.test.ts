import * as assert from 'node:assert/strict';
import { compactResult } from '../../../src/vscode/response/compactResult';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { contextFor, runNamed } from '../runner/runnerSupport';

describe('response view: the result a command returns', function () {
  this.timeout(20_000);
  const BODY_BYTES = 3 * 1024 * 1024;
  const UPLOAD = 'u'.repeat(200_000);
  let server: TestServer;

  before(async () => {
    const big = Buffer.alloc(BODY_BYTES, 'a');
    server = await startServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('Content-Type', 'text/plain');
        res.end(big);
      });
    });
  });
  after(() => server.close());

  it('serialises to JSON with body sizes instead of body bytes, so a CodeLens click does not ship the body to the workbench', async () => {
    const ctx = contextFor(`POST ${server.url}/big\nContent-Type: text/plain\n\n${UPLOAD}\n`);
    const result = compactResult(await runNamed(ctx, 0));
    const json = JSON.stringify(result);
    // The request as written (its text in the .http file) stays; the bytes sent and received do not.
    assert.ok(json.length < UPLOAD.length + 10_000, `the JSON form is ${json.length} characters`);
    const parsed = JSON.parse(json) as { exchange: { response: { status: number; bodyBytes: number; body?: unknown }; hops: Array<{ request: { bodyBytes: number; body?: unknown } }> } };
    assert.equal(parsed.exchange.response.status, 200);
    assert.equal(parsed.exchange.response.bodyBytes, BODY_BYTES);
    assert.equal(parsed.exchange.response.body, undefined);
    assert.equal(parsed.exchange.hops[0].request.bodyBytes, UPLOAD.length);
    assert.equal(parsed.exchange.hops[0].request.body, undefined);
  });

  it('keeps the whole body for callers in the extension host, and the hidden toJSON out of spreads and keys', async () => {
    const ctx = contextFor(`GET ${server.url}/big\n`);
    const result = compactResult(await runNamed(ctx, 0));
    assert.equal(result.exchange?.response?.body.length, BODY_BYTES);
    assert.ok(!Object.keys(result).includes('toJSON'));
    assert.ok(!('toJSON' in { ...result }));
  });
});
