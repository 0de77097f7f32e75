import * as assert from 'node:assert/strict';
import { parseSendOptions } from '../../../src/cli/sendOptions';
import { parseTestOptions } from '../../../src/cli/testOptions';
import { UsageError } from '../../../src/cli/usageError';
import { startServer, type TestServer } from '../../support/startServer';
import { cliWorkspace, runCli } from './cliProcess';

describe('CLI --retries N: retries without # @retry in the file, a request\'s own # @retry winning', function () {
  this.timeout(60_000);
  let server: TestServer;
  /** Tries seen per path: `/fail/N/KEY` answers 503 to its first N tries, then 200. */
  const seen = new Map<string, number>();
  const work = cliWorkspace('cli-retries-');
  const write = work.write;
  const triesAt = (path: string): number => seen.get(path) ?? 0;

  before(async () => {
    server = await startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const tries = triesAt(path) + 1;
      seen.set(path, tries);
      const failures = Number(/^\/fail\/(\d+)\//.exec(path)?.[1] ?? 0);
      if (tries <= failures) {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`ok after ${tries}`);
    });
  });
  after(async () => {
    await server.close();
  });

  it('send --retries 2 gets the answer of a server that fails twice, and prints every try', async () => {
    const run = await runCli(['send', write('twice.http', `GET ${server.url}/fail/2/send\n`), '--retries', '2']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(triesAt('/fail/2/send'), 3);
    assert.match(run.stdout, /HTTP\/1\.1 200 OK/);
    assert.match(run.stdout, /ok after 3/);
    assert.match(run.stdout, /tries: 503 \(\d+ ms\) · waited 500 ms · 503 \(\d+ ms\) · waited 1000 ms · 200 \(\d+ ms\)/);
  });

  it('send -q says how many tries a retried request took; --json carries each try', async () => {
    const quiet = await runCli(['send', write('quiet.http', `GET ${server.url}/fail/1/quiet\n`), '--retries', '1', '-q']);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.match(quiet.stdout, /^200 GET http:\/\/127\.0\.0\.1:\d+\/fail\/1\/quiet {2}\(\d+ ms, 10 B, 2 tries\)$/m);
    const json = await runCli(['send', write('json.http', `GET ${server.url}/fail/1/json\n`), '--retries', '1', '--json']);
    const line = JSON.parse(json.stdout.trim()) as { timings: { tries: Array<{ outcome: string; waitedMs: number }> } };
    assert.deepEqual(line.timings.tries.map((t) => [t.outcome, t.waitedMs]), [['503', 0], ['200', 500]]);
  });

  it('without --retries a request is sent once (the default is 0)', async () => {
    const run = await runCli(['send', write('once.http', `GET ${server.url}/fail/1/default\n`)]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(triesAt('/fail/1/default'), 1);
    assert.match(run.stdout, /HTTP\/1\.1 503 Service Unavailable/);
    assert.doesNotMatch(run.stdout, /tries:/);
  });

  it('stops after N retries and shows the last 503 when the server fails longer', async () => {
    const run = await runCli(['send', write('longer.http', `GET ${server.url}/fail/3/longer\n`), '--retries', '1']);
    assert.equal(run.code, 0, 'a 503 is a response');
    assert.equal(triesAt('/fail/3/longer'), 2);
    assert.match(run.stdout, /HTTP\/1\.1 503/);
  });

  it('a request\'s own # @retry 0 wins over --retries; a POST is never retried', async () => {
    const file = write('own.http', `# @retry 0\nGET ${server.url}/fail/1/own\n\n###\nPOST ${server.url}/fail/1/post\n`);
    const run = await runCli(['send', file, '--retries', '3']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(triesAt('/fail/1/own'), 1);
    assert.equal(triesAt('/fail/1/post'), 1);
  });

  it('test --retries 2 passes a ?? status == 200 against a server that fails twice', async () => {
    const file = write('check.http', `GET ${server.url}/fail/2/test\n?? status == 200\n`);
    const without = await runCli(['test', write('check-once.http', `GET ${server.url}/fail/2/test-once\n?? status == 200\n`)]);
    assert.equal(without.code, 4, 'fails without retries');
    const run = await runCli(['test', file, '--retries', '2']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(triesAt('/fail/2/test'), 3);
  });

  it('--retries takes a whole number from 0 to 10, else a usage error naming the flag', async () => {
    assert.equal(parseSendOptions(['a.http', '--retries', '10']).retries, 10);
    assert.equal(parseTestOptions(['a.http', '--retries', '0']).retries, 0);
    assert.equal(parseSendOptions(['a.http']).retries, undefined);
    for (const value of ['11', '-1', 'x', '1.5']) {
      assert.throws(() => parseSendOptions(['a.http', '--retries', value]), (e: unknown) => e instanceof UsageError && /--retries/.test(e.message), value);
      assert.throws(() => parseTestOptions(['a.http', '--retries', value]), UsageError, value);
    }
    const run = await runCli(['send', 'x.http', '--retries', '11']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--retries needs a whole number from 0 to 10, not '11'/);
  });

  it('--help of send and test documents --retries', async () => {
    for (const command of ['send', 'test']) {
      const run = await runCli([command, '--help']);
      assert.match(run.stdout, /--retries N +Retry a GET, HEAD, PUT, DELETE, OPTIONS or TRACE/, command);
    }
  });
});
