import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ErrorCode } from '../../../src/core/errors';
import { enormousHeaders, invalidGzip, noAnswer, resetMidBody, slowDrip, truncatedChunked } from '../../support/misbehave';
import { rawServer } from '../../support/rawServer';
import { startServer, type TestServer } from '../../support/startServer';
import { startTlsServer } from '../../support/startTlsServer';
import { ensureCliBuilt } from '../cli/cliProcess';
import { cliSend, contextIn, oneErrorLine, runAt, tempDir } from './hardeningKit';
import { hardeningCase, recordMeasured } from './hardeningCase';

const AREA = 'Hostile or broken servers (runner and CLI): a clear error, the session intact';
const MB = 1024 * 1024;

/** A server made to misbehave, and the URL that reaches the misbehaviour. */
interface Hostile {
  url: string;
  close(): Promise<void>;
}

interface HostileCase {
  label: string;
  served: string;
  start(): Promise<Hostile>;
  /** Directives written above the hostile request. */
  directives?: string;
  code: ErrorCode;
  message: RegExp;
}

async function raw(behaviour: Parameters<typeof rawServer>[0]): Promise<Hostile> {
  const server = await rawServer(behaviour);
  return { url: `${server.url}/hostile`, close: () => server.close() };
}

async function redirecting(location: string): Promise<Hostile> {
  const server = await startServer((req, res) => {
    res.writeHead(302, { Location: location });
    res.end();
    req.resume();
  });
  return { url: `${server.url}/loop`, close: () => server.close() };
}

const CASES: HostileCase[] = [
  { label: 'connection refused', served: 'a port nobody listens on', code: 'REFUSED', message: /^Connection refused by 127\.0\.0\.1:\d+: is the server running\?$/,
    start: async () => { const gone = await startServer((_q, s) => { s.end(); }); await gone.close(); return { url: `${gone.url}/`, close: async () => undefined }; } },
  { label: 'reset in the middle of the body', served: 'Content-Length: 100000, 1,000 bytes, then RST', code: 'RESET', message: /^Connection reset by the server while reading the body\.$/, start: () => raw(resetMidBody) },
  { label: 'no answer (timeout)', served: 'reads the request, never answers; request has # @timeout 500ms', directives: '# @timeout 500ms\n', code: 'TIMEOUT', message: /^No response within 0\.5 s \(timeout\)\.$/, start: () => raw(noAnswer) },
  { label: 'slow drip', served: '1 byte every 100 ms of 1,000; request has # @timeout 800ms', directives: '# @timeout 800ms\n', code: 'TIMEOUT', message: /^The response body did not finish within 0\.8 s \(timeout\)\.$/, start: () => raw(slowDrip(1000, 100)) },
  { label: 'truncated chunked encoding', served: 'chunked body cut inside a chunk, then FIN without the last chunk', code: 'RESET', message: /while reading the body/, start: () => raw(truncatedChunked) },
  { label: 'invalid gzip', served: 'Content-Encoding: gzip with a plain-text body', code: 'DECODE', message: /^Could not decode the gzip response body: /, start: () => raw(invalidGzip) },
  { label: 'a redirect loop', served: '302 Location: /loop, forever', code: 'TOO_MANY_REDIRECTS', message: /^More than 10 redirects: .*\/loop \(302\)/, start: () => redirecting('/loop') },
  { label: 'a redirect to javascript:', served: '302 Location: javascript:alert(1)', code: 'UNSUPPORTED_SCHEME', message: /points at javascript:alert\(1\); only http and https are followed/, start: () => redirecting('javascript:alert(1)') },
  { label: 'a redirect to file:', served: '302 Location: file:///etc/passwd', code: 'UNSUPPORTED_SCHEME', message: /points at file:\/\/\/etc\/passwd; only http and https/, start: () => redirecting('file:///etc/passwd') },
  { label: 'a redirect to ftp:', served: '302 Location: ftp://127.0.0.1/x', code: 'UNSUPPORTED_SCHEME', message: /points at ftp:\/\/127\.0\.0\.1\/x; only http and https/, start: () => redirecting('ftp://127.0.0.1/x') },
  { label: 'enormous headers', served: '128 KiB of X-Filler headers', code: 'PROTOCOL', message: /^The response headers from 127\.0\.0\.1:\d+ exceed 64 KiB; the response was refused\.$/, start: () => raw(enormousHeaders(128 * 1024)) },
  { label: 'a self-signed TLS certificate', served: 'https with a self-signed certificate, no # @insecure', code: 'TLS', message: /^TLS certificate rejected: self-signed certificate\. Use `# @insecure` on this request/,
    start: async () => { const tls = await startTlsServer((_q, s) => { s.end('secret'); }); return { url: `${tls.url}/`, close: () => tls.close() }; } },
];

describe('hardening: hostile or broken servers give one clear error and leave the session intact', function () {
  let healthy: TestServer;
  let dir: string;
  before(async function () {
    this.timeout(60_000);
    await ensureCliBuilt();
    healthy = await startServer((req, res) => {
      if (req.url === '/set') res.setHeader('Set-Cookie', 'before=1; Path=/');
      res.end(`cookie=${req.headers.cookie ?? ''}`);
    });
    dir = tempDir('hostile');
  });
  after(async () => {
    await healthy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const hostileCase of CASES) {
    hardeningCase(__filename, AREA, `${hostileCase.label}: ${hostileCase.code}, session intact (runner and CLI)`, hostileCase.served, async () => {
      const hostile = await hostileCase.start();
      try {
        const text = `GET ${healthy.url}/set\n\n###\n${hostileCase.directives ?? ''}GET ${hostile.url}\n\n###\nGET ${healthy.url}/after\n`;
        const ctx = contextIn(dir, text);
        assert.equal((await runAt(ctx, 0)).exchange?.response?.status, 200);
        const failed = await runAt(ctx, 1);
        const error = failed.error;
        assert.equal(error?.code, hostileCase.code, error?.describe());
        assert.match(error?.message ?? '', hostileCase.message);
        assert.ok(!error?.message.includes('\n'), 'one line');
        const session = ctx.sessions.get('default');
        assert.deepEqual(session.listCookies().map((c) => `${c.name}=${c.value}`), ['before=1'], 'cookies set before are still there');
        const next = await runAt(ctx, 2);
        assert.equal(Buffer.from(next.exchange?.response?.body ?? []).toString(), 'cookie=before=1', 'the next request works through the same session');
        await ctx.sessions.close();

        const sessionPath = join(dir, `${hostileCase.code}-${hostileCase.label.replace(/\W+/g, '-')}.json`);
        const run = await cliSend(dir, text, ['--session', sessionPath]);
        assert.equal(run.code, 1, run.stderr);
        const line = oneErrorLine(run);
        assert.ok(line.includes((error?.message ?? '').slice(0, 30)), line);
        assert.match(readFileSync(sessionPath, 'utf8'), /"key": "before"/, 'the CLI saved the session gathered before the failure');
        const again = await cliSend(dir, `GET ${healthy.url}/again\n`, ['--session', sessionPath], 'again.http');
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stdout, /cookie=before=1/);
        return `${error?.code}: ${error?.message} — cookie kept, next request OK; CLI exit 1 with one error line, session file kept the cookie`;
      } finally {
        await hostile.close();
      }
    });
  }

  hardeningCase(__filename, AREA, 'a self-signed TLS certificate: # @insecure and --insecure opt out',
    'https with a self-signed certificate; request has # @insecure (runner) / CLI --insecure', async () => {
      const tls = await startTlsServer((_q, s) => { s.end('over tls'); });
      try {
        const ctx = contextIn(dir, `# @insecure\nGET ${tls.url}/\n\n###\nGET ${tls.url}/strict\n`);
        const insecure = await runAt(ctx, 0);
        assert.equal(insecure.error, undefined);
        assert.equal(Buffer.from(insecure.exchange?.response?.body ?? []).toString(), 'over tls');
        assert.equal((await runAt(ctx, 1)).error?.code, 'TLS', 'the opt-out does not leak to the next request');
        await ctx.sessions.close();
        const run = await cliSend(dir, `GET ${tls.url}/\n`, ['--insecure']);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /over tls/);
        return '# @insecure: 200 "over tls"; the next request without it is refused again (TLS); CLI --insecure: exit 0';
      } finally {
        await tls.close();
      }
    });

  hardeningCase(__filename, AREA, 'a body far over the size cap: the read stops at the cap, memory bounded (runner)',
    'Content-Length 1 GB of 0x61, produced lazily as the client reads; cap 5 MB', async () => {
      let produced = 0;
      const server = await startServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 1024 * MB, 'Set-Cookie': 'big=1' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        Readable.from((function* () { while (produced < 1024 * MB) { produced += chunk.length; yield chunk; } })()).pipe(res);
      });
      try {
        const ctx = contextIn(dir, `GET ${server.url}/huge\n\n###\nGET ${healthy.url}/after\n`, {}, { maxBodyBytes: 5 * MB });
        global.gc?.();
        const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
        const result = await runAt(ctx, 0);
        const growth = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(result.error, undefined);
        assert.equal(result.exchange?.response?.truncated, true);
        assert.equal(result.exchange?.response?.body.length, 5 * MB);
        assert.ok(result.warnings.some((w) => /cut at 5242880 bytes/.test(w)), 'a notice says it was cut');
        assert.ok(produced < 64 * MB, `server wrote ${(produced / MB).toFixed(1)} MB`);
        assert.ok(growth < 120 * MB, `heap + buffers grew ${(growth / MB).toFixed(1)} MB`);
        assert.equal((await runAt(ctx, 1)).exchange?.response?.status, 200, 'the session still works');
        assert.deepEqual(ctx.sessions.get('default').listCookies().map((c) => c.name), ['big']);
        await ctx.sessions.close();
        recordMeasured(`runner, 1 GB body with a 5 MB cap: server wrote ${(produced / MB).toFixed(1)} MB, heap + buffers grew ${(growth / MB).toFixed(1)} MB`);
        return `truncated at 5 MB with a notice; server wrote ${Math.ceil(produced / (16 * MB)) * 16} MB at most of 1,024 MB; memory bounded; next request OK`;
      } finally {
        await server.close();
      }
    }, 30_000);

  hardeningCase(__filename, AREA, 'a body far over the size cap through the CLI: stops at the default 50 MB cap with a warning',
    'Content-Length 2 GB of 0x61 (application/octet-stream), produced lazily; CLI default cap 50 MB', async () => {
      let produced = 0;
      const server = await startServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 2048 * MB });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        Readable.from((function* () { while (produced < 2048 * MB) { produced += chunk.length; yield chunk; } })()).pipe(res);
      });
      try {
        const run = await cliSend(dir, `GET ${server.url}/huge\n`);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /<52428800 bytes of application\/octet-stream>/);
        assert.match(run.stderr, /warning: the body was cut at 50(\.0)? MB/);
        assert.ok(produced < 200 * MB, `server wrote ${(produced / MB).toFixed(1)} MB`);
        recordMeasured(`CLI, 2 GB body with the default 50 MB cap: server wrote ${(produced / MB).toFixed(1)} MB`);
        return 'exit 0; body shown as <52428800 bytes>; warning "the body was cut at 50 MB"; server wrote far less than 2 GB';
      } finally {
        await server.close();
      }
    }, 60_000);

  hardeningCase(__filename, AREA, 'a timeout spent partly on a redirect names the request\'s own timeout, not what was left of it',
    '# @timeout 800ms; hop 1 answers a 302 after 300 ms, hop 2 never answers', async () => {
      const silent = await raw(noAnswer);
      const slowRedirect = await startServer((_req, res) => {
        setTimeout(() => { res.writeHead(302, { Location: silent.url }); res.end(); }, 300);
      });
      try {
        const ctx = contextIn(dir, `# @timeout 800ms\nGET ${slowRedirect.url}/\n`);
        const result = await runAt(ctx);
        await ctx.sessions.close();
        assert.equal(result.error?.code, 'TIMEOUT');
        assert.equal(result.error?.message, 'No response within 0.8 s (timeout).');
        return `TIMEOUT: ${result.error?.message}`;
      } finally {
        await slowRedirect.close();
        await silent.close();
      }
    });
});
