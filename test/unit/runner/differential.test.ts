import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startTwoOrigins } from '../../support/startTwoOrigins';
import type { RecordedRequest, TestServer } from '../../support/startServer';
import type { TwoOrigins } from '../../support/startTwoOrigins';
import { appHandler, contextFor, runAll } from './runnerSupport';

const SCRIPT = join(__dirname, '../../differential/requests_scenarios.py');
/** Headers each client adds on its own; they say nothing about the session. */
const IGNORED = new Set(['user-agent', 'accept', 'accept-encoding', 'connection', 'host', 'content-length']);

/** The same scenarios as requests_scenarios.py, as .http files for our engine ({{a}}, {{b}} = the two origins). */
const SCENARIOS: Record<string, string> = {
  'cookies-set-then-sent': 'GET {{a}}/set?c=sid%3D1%3B%20Path%3D%2F&c=lang%3Den\n###\nGET {{a}}/check\n',
  'session-headers-and-request-override': '# @session-header X-Client: session\n# @session-header X-Extra: 1\n###\nGET {{a}}/one\nX-Client: request\n\n###\nGET {{a}}/two\n',
  'session-auth-and-request-authorization': '# @session-auth basic user pass\n###\nGET {{a}}/one\nAuthorization: Bearer mine\n\n###\nGET {{a}}/two\n',
  'request-cookie-merge': 'GET {{a}}/set?c=sid%3Djar&c=theme%3Dlight\n###\nGET {{a}}/check\nCookie: theme=dark; extra=1\n\n###\nGET {{a}}/after\n',
  'redirect-chain-with-cookies': 'GET {{a}}/redirect?c=r1%3D1&to=%2Fredirect%3Fc%3Dr2%253D2%26to%3D%252Ffinal\n###\nGET {{a}}/after\n',
  'cross-origin-redirect-with-authorization': 'GET {{a}}/set?c=sid%3Da\n###\nGET {{a}}/redirect?to={{landing}}\nAuthorization: Bearer secret\n',
};

/**
 * The departures from requests.Session that session.md documents, and only these:
 * - rule 3: the request's Authorization header wins over session auth (requests lets session auth replace it);
 * - rule 4: a request cookie is merged with the jar's by name, the request's value winning (requests keeps the
 *   request's cookie beside the jar's cookie of the same name and sends both).
 */
const DEPARTURES: Array<{ scenario: string; request: number; header: string; requests: string[]; ours: string[] }> = [
  { scenario: 'session-auth-and-request-authorization', request: 0, header: 'authorization', requests: ['Basic dXNlcjpwYXNz'], ours: ['Bearer mine'] },
  { scenario: 'request-cookie-merge', request: 1, header: 'cookie', requests: ['extra=1', 'sid=jar', 'theme=dark', 'theme=light'], ours: ['extra=1', 'sid=jar', 'theme=dark'] },
];

interface Arrival { origin: string; method: string; url: string; headers: Record<string, string[]> }

function normalise(origin: string, request: RecordedRequest): Arrival {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    if (IGNORED.has(key)) continue;
    // Cookie order within the header is the jar's business; the pairs are what must match.
    const values = key === 'cookie' ? value.split(';').map((p) => p.trim()).filter(Boolean) : [value];
    headers[key] = [...(headers[key] ?? []), ...values].sort();
  }
  return { origin, method: request.method, url: request.url, headers };
}

function arrivals(servers: TwoOrigins): Arrival[] {
  const all = [...servers.a.requests.map((r) => normalise('a', r)), ...servers.b.requests.map((r) => normalise('b', r))];
  return all;
}

function clear(...servers: TestServer[]): void {
  for (const server of servers) server.requests.length = 0;
}

function pythonWithRequests(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import requests'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return `python3 is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `python3 has no requests module: ${probe.stderr.trim()}`;
  return undefined;
}

describe('differential: our engine vs Python requests.Session, headers that arrive at the same loopback servers', function () {
  this.timeout(30_000);
  let servers: TwoOrigins;

  before(async function () {
    const missing = pythonWithRequests();
    if (missing) {
      if (process.env.CI === 'true') throw new Error(`The differential test needs python3 with requests: ${missing}`);
      this.skip();
    }
    servers = await startTwoOrigins(appHandler);
  });
  after(async () => { await servers?.close(); });

  for (const [scenario, text] of Object.entries(SCENARIOS)) {
    it(`${scenario}: same headers arrive as with requests.Session, except documented departures`, async () => {
      const { a, b } = servers;
      clear(a, b);
      // Asynchronous: the servers live in this process and must keep answering while Python runs.
      await new Promise<void>((resolve, reject) => {
        execFile('python3', [SCRIPT, scenario, a.url, b.url], { timeout: 20_000 }, (error, _stdout, stderr) => (
          error ? reject(new Error(`requests_scenarios.py failed: ${stderr || error.message}`)) : resolve()));
      });
      const theirs = arrivals(servers);
      clear(a, b);
      const ctx = contextFor(text, { environment: { a: a.url, b: b.url, landing: encodeURIComponent(`${b.url}/landing`) } });
      try {
        const results = await runAll(ctx);
        assert.ok(results.every((r) => r.exchange?.response), results.map((r) => r.error?.message).join('; '));
      } finally {
        await ctx.sessions.close();
      }
      const ours = arrivals(servers);
      assert.equal(ours.length, theirs.length, 'same number of requests arrive');
      for (const departure of DEPARTURES.filter((d) => d.scenario === scenario)) {
        assert.deepEqual(theirs[departure.request].headers[departure.header], departure.requests, 'requests behaves as documented');
        assert.deepEqual(ours[departure.request].headers[departure.header], departure.ours, 'we depart as documented');
        delete theirs[departure.request].headers[departure.header];
        delete ours[departure.request].headers[departure.header];
      }
      assert.deepEqual(ours, theirs);
    });
  }

  it('the scenario list matches the Python script\'s', () => {
    const listed = spawnSync('python3', ['-c', `import sys; sys.path.insert(0, ${JSON.stringify(join(__dirname, '../../differential'))}); import requests_scenarios as s; print("\\n".join(s.SCENARIOS))`], { encoding: 'utf8', timeout: 10_000 });
    assert.deepEqual(listed.stdout.trim().split('\n'), Object.keys(SCENARIOS));
  });
});
