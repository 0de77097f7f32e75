import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../support/startServer';
import { appHandler } from '../runner/runnerSupport';
import { cliWorkspace, runCli } from './cliProcess';

describe('CLI: # @ref / # @forceRef / # @import in send and test', function () {
  this.timeout(60_000);
  let server: TestServer;
  const work = cliWorkspace('cli-refs-');
  const write = work.write;
  const sent = (path: string): number => server.requests.filter((r) => r.url.startsWith(path)).length;

  before(async () => {
    server = await startServer(appHandler);
  });
  after(async () => {
    await server.close();
  });

  it('send prints the ref sent first (from an imported file) before the request that needs it', async () => {
    write('auth.http', `### login\nPOST ${server.url}/login\n`);
    const file = write('main.http', `# @import ./auth.http\n###\n### me\n# @ref login\nGET ${server.url}/me-cli\n`);
    const run = await runCli(['send', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /# sent first for a # @ref \(me needs it\)\n### login\n[\s\S]*### me\n/);
  });

  it('send refuses a request whose @ref names nothing (exit 2, naming file:line), and still runs the others', async () => {
    const file = write('unknown.http', `### ok\nGET ${server.url}/runs-anyway\n###\n# @ref nobody\nGET ${server.url}/refused-ref\n`);
    const run = await runCli(['send', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown\.http:4:1: error: @ref nobody: no request named 'nobody' in this file or the files it imports/);
    assert.match(run.stderr, /unknown\.http:5: not sent: GET .*\/refused-ref has an error on line 4/);
    assert.equal(sent('/refused-ref'), 0);
    assert.equal(sent('/runs-anyway'), 1);
  });

  it('a missing @import file is a warning naming it; requests that do not need it run', async () => {
    const file = write('missing.http', `# @import ./nowhere.http\n###\nGET ${server.url}/no-import-needed\n`);
    const run = await runCli(['send', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /missing\.http:1:1: warning: @import \.\/nowhere\.http: cannot read .*nowhere\.http \(no such file\)/);
  });

  it('a cycle stops the request with exit 2 and the chain named with file:line', async () => {
    const file = write('cycle.http', `### a\n# @ref b\nGET ${server.url}/cycle-a\n###\n### b\n# @ref a\nGET ${server.url}/cycle-b\n`);
    const run = await runCli(['send', file, '--name', 'a']);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /cycle\.http:6 @ref a/);
    assert.equal(sent('/cycle-'), 0);
  });

  it('test reports the ref as a request of its own, its tests counted', async () => {
    const file = write('tested.http', `### login\nPOST ${server.url}/login\n\n?? status == 200\n\n###\n### me\n# @forceRef login\nGET ${server.url}/me-tested\n\n?? status == 200\n`);
    const run = await runCli(['test', file]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ login {2}200[\s\S]*✔ login {2}200[\s\S]*✔ me {2}200/);
    assert.match(run.stdout, /\n3 passed, 0 failed\n$/);
  });
});
