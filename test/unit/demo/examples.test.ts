import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const httpFiles = readdirSync(EXAMPLES).filter((name) => name.endsWith('.http')).sort();

describe('examples/: the walkthrough files the README points to', () => {
  it('has the thirteen numbered walkthroughs', () => {
    assert.deepEqual(httpFiles.map((name) => name.slice(0, 3)), ['01-', '02-', '03-', '04-', '05-', '06-', '07-', '08-', '09-', '10-', '11-', '12-', '13-']);
  });

  for (const name of httpFiles) {
    it(`${name} parses without error diagnostics and every request uses {{baseUrl}}`, () => {
      const file = parseHttpFile(readFileSync(join(EXAMPLES, name), 'utf8'));
      assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.ok(file.requests.length > 0);
      for (const request of file.requests) assert.match(request.url, /^\{\{baseUrl\}\}\//, `${name}:${request.requestLine + 1}`);
    });
  }

  it('http-client.env.json defines the demo environment on port 4610', () => {
    const env = JSON.parse(readFileSync(join(EXAMPLES, 'http-client.env.json'), 'utf8')) as Record<string, Record<string, string>>;
    assert.equal(env.demo.baseUrl, 'http://127.0.0.1:4610');
  });

  it('10-oauth2.http uses the demo environment\'s OAuth2 configurations, which point at the demo provider', () => {
    const env = JSON.parse(readFileSync(join(EXAMPLES, 'http-client.env.json'), 'utf8')) as { demo: { Security: { Auth: Record<string, Record<string, string>> } } };
    const auth = env.demo.Security.Auth;
    assert.deepEqual(Object.keys(auth), ['demo-app', 'demo-user', 'demo-browser', 'demo-device']);
    assert.equal(auth['demo-browser']['Auth URL'], '{{baseUrl}}/oauth/authorize');
    assert.equal(auth['demo-device']['Device Auth URL'], '{{baseUrl}}/oauth/device');
    for (const config of Object.values(auth)) assert.equal(config['Token URL'], '{{baseUrl}}/oauth/token');
    const file = parseHttpFile(readFileSync(join(EXAMPLES, '10-oauth2.http'), 'utf8'));
    assert.deepEqual(file.requests.map((r) => r.headers[0].value), ['demo-app', 'demo-user', 'demo-app', 'demo-browser', 'demo-device'].map((name) => `Bearer {{$auth.token("${name}")}}`));
  });

  it('http-client.private.env.json is git-ignored (npm run demo writes its port there)', () => {
    const ignored = execFileSync('git', ['check-ignore', 'examples/http-client.private.env.json'], { cwd: join(EXAMPLES, '..'), encoding: 'utf8' });
    assert.equal(ignored.trim(), 'examples/http-client.private.env.json');
  });

  it('the directives the walkthroughs teach are where they should be', () => {
    const parse = (name: string) => parseHttpFile(readFileSync(join(EXAMPLES, name), 'utf8'));
    assert.deepEqual(parse('02-session-defaults.http').prologue.map((d) => d.name), ['session-header', 'session-auth']);
    assert.ok(parse('05-without-session.http').requests[0].directives.some((d) => d.name === 'no-cookie-jar'));
    const login = parse('06-token-chain.http').requests[0];
    assert.equal(login.name, 'login');
    assert.ok(login.directives.some((d) => d.name === 'session-header' && d.value.includes('{{login.response.body.$.token}}')));
    const sessions = parse('08-named-sessions.http').requests.map((r) => r.directives.find((d) => d.name === 'session')?.value);
    assert.deepEqual(sessions, ['alice', 'bob', 'alice', 'bob', 'bob']);
    const tests = parse('09-tests.http').requests;
    assert.equal(tests[0].responseHandlers?.length, 1);
    assert.deepEqual(tests.map((r) => r.assertions?.length), [2, 3, 3]);
    assert.equal(tests[1].headers[0].value, 'Bearer {{apiToken}}');
    const refs = parse('11-refs.http');
    assert.deepEqual(refs.prologue.map((d) => [d.name, d.value]), [['import', './04-login.http']]);
    assert.deepEqual(refs.requests.map((r) => r.directives.map((d) => `${d.name} ${d.value}`)), [['ref signin'], ['forceRef signin']]);
    assert.ok(parse('04-login.http').requests.some((r) => r.name === 'signin'), '11-refs.http refs the login of 04-login.http');
    assert.deepEqual(parse('12-digest.http').prologue.map((d) => [d.name, d.value]), [['session', 'digest'], ['session-auth', 'digest alice wonderland']]);
    assert.deepEqual(parse('13-retries.http').requests.map((r) => r.directives.find((d) => d.name === 'retry')?.value), [undefined, '2', '0']);
  });
});
