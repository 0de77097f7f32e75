import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { contextFor, runAll } from '../runner/runnerSupport';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const bodyOf = (result: { exchange?: { response?: { body: Uint8Array } } }): Record<string, unknown> =>
  JSON.parse(Buffer.from(result.exchange?.response?.body ?? []).toString()) as Record<string, unknown>;

describe('demo server: /digest and /flaky behind examples/12-digest.http and 13-retries.http', function () {
  this.timeout(30_000);
  let demo: DemoServer;
  before(async () => { demo = await startDemoServer(); });
  after(async () => { await demo.close(); });

  const runExample = async (name: string): Promise<{ results: Awaited<ReturnType<typeof runAll>>; sessions: SessionStore }> => {
    const sessions = new SessionStore();
    const ctx = contextFor(readFileSync(join(EXAMPLES, name), 'utf8'), { environment: { baseUrl: demo.url }, sessions });
    try {
      return { results: await runAll(ctx), sessions };
    } finally {
      await sessions.close();
    }
  };

  it('12-digest.http: one 401 challenge, answered; the kept nonce answers the next at once; every ?? passes', async () => {
    const { results, sessions } = await runExample('12-digest.http');
    assert.deepEqual(results.map((r) => r.error?.message), [undefined, undefined, undefined]);
    assert.deepEqual(results.map((r) => r.exchange?.hops.map((h) => h.status)), [[401, 200], [200], [401, 200]], 'SHA-256 is a new challenge');
    assert.deepEqual(results.flatMap((r) => r.tests.filter((t) => !t.passed).map((t) => t.name)), []);
    assert.deepEqual(bodyOf(results[1]), { authenticated: true, user: 'alice', nc: 2 });
    assert.equal(results[0].sessionName, 'digest', 'in its own session');
    assert.equal(sessions.get('digest').digestStates.get(new URL(demo.url).origin)?.realm, 'demo@http-session');
    assert.equal(sessions.get('default').defaultHeaders.get('authorization'), undefined, 'the default session keeps no Digest auth');
  });

  it('/digest refuses a wrong password (401 after the answer) and an unknown algorithm (400), and challenges with qop=auth', async () => {
    const wrong = await runExample2(`GET {{baseUrl}}/digest/alice/wonderland\nAuthorization: Digest alice nope\n`);
    assert.deepEqual(wrong.exchange?.hops.map((h) => h.status), [401, 401]);
    const challenge = await fetch(`${demo.url}/digest/alice/wonderland`);
    assert.equal(challenge.status, 401);
    assert.match(challenge.headers.get('www-authenticate') ?? '', /^Digest realm="demo@http-session", qop="auth", algorithm=MD5, nonce="[0-9a-f]{32}", opaque="demo"$/);
    const bad = await fetch(`${demo.url}/digest/alice/wonderland?algorithm=SHA-1`);
    assert.equal(bad.status, 400);
  });

  it('/digest accepts a nonce count only once (a replay gets a fresh challenge)', async () => {
    const { createHash } = await import('node:crypto');
    const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
    const first = await fetch(`${demo.url}/digest/u/p`);
    const nonce = /nonce="([^"]+)"/.exec(first.headers.get('www-authenticate') ?? '')?.[1] ?? '';
    const answer = (nc: string): string => {
      const response = md5(`${md5('u:demo@http-session:p')}:${nonce}:${nc}:c1:auth:${md5('GET:/digest/u/p')}`);
      return `Digest username="u", realm="demo@http-session", nonce="${nonce}", uri="/digest/u/p", response="${response}", qop=auth, nc=${nc}, cnonce="c1", opaque="demo"`;
    };
    const ok = await fetch(`${demo.url}/digest/u/p`, { headers: { Authorization: answer('00000001') } });
    assert.equal(ok.status, 200);
    const replay = await fetch(`${demo.url}/digest/u/p`, { headers: { Authorization: answer('00000001') } });
    assert.equal(replay.status, 401);
  });

  it('13-retries.http: two 503s then the 200, each try in the exchange\'s timings; # @retry 0 shows the 503', async () => {
    const { results } = await runExample('13-retries.http');
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200, 503]);
    assert.deepEqual(results[1].exchange?.timings.tries?.map((t) => [t.outcome, t.waitedMs]), [['503', 0], ['503', 500], ['200', 1000]]);
    assert.equal(results[2].exchange?.timings.tries, undefined);
    assert.deepEqual(results.flatMap((r) => r.tests.filter((t) => !t.passed).map((t) => t.name)), []);
  });

  it('/flaky keeps each KEY apart, fails ?fail=N times, starts over after the 200, and resets on POST …/reset', async () => {
    const statuses = async (path: string, n: number): Promise<number[]> => {
      const seen: number[] = [];
      for (let i = 0; i < n; i += 1) seen.push((await fetch(`${demo.url}${path}`)).status);
      return seen;
    };
    assert.deepEqual(await statuses('/flaky/a?fail=1', 4), [503, 200, 503, 200]);
    assert.deepEqual(await statuses('/flaky/b', 1), [503]);
    assert.deepEqual(await statuses('/flaky/c', 3), [503, 503, 200], 'b\'s try did not count for c');
    assert.equal((await fetch(`${demo.url}/flaky/b/reset`, { method: 'POST' })).status, 200);
    assert.deepEqual(await statuses('/flaky/b', 3), [503, 503, 200]);
    assert.equal((await fetch(`${demo.url}/flaky/b?fail=11`)).status, 400);
  });

  async function runExample2(text: string): Promise<Awaited<ReturnType<typeof runAll>>[number]> {
    const sessions = new SessionStore();
    try {
      const [result] = await runAll(contextFor(text, { environment: { baseUrl: demo.url }, sessions }));
      return result;
    } finally {
      await sessions.close();
    }
  }
});
