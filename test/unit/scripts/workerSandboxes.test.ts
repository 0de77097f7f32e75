import * as assert from 'node:assert/strict';
import { runScriptIsolated } from '../../../src/core/scripts/runIsolated';
import { handlerEnv, inline } from './scriptEnv';

// Every script in the worker starts from the memory image of the prepared runtime and context: these prove a
// restored sandbox is as fresh as a new one, and that a script that hit a limit leaves nothing behind for the next.
describe('script sandbox in the worker: every script starts from the memory image of a prepared runtime and context', function () {
  this.timeout(60_000);
  const quick = { timeMs: 300, memoryMb: 32, stackKb: 128 };

  it('a global, a changed built-in or prototype of one script is gone in the next', async () => {
    const first = await runScriptIsolated(inline('globalThis.leak = 42; Object.prototype.polluted = 1; JSON.parse = function () { return "hijacked" }; String.prototype.trim = null;'), handlerEnv());
    assert.equal(first.failure, undefined);
    for (let i = 0; i < 3; i++) {
      const next = await runScriptIsolated(inline('client.log(typeof leak, typeof ({}).polluted, typeof " a ".trim, response.body.token)'), handlerEnv());
      assert.deepEqual(next.logs, ['undefined undefined function t0k']);
    }
  });

  it('a registered test of one script never runs in the next', async () => {
    await runScriptIsolated(inline('client.test("from the first", function () { client.log("first test ran") })'), handlerEnv());
    const next = await runScriptIsolated(inline('client.log("second")'), handlerEnv());
    assert.deepEqual(next.tests, []);
    assert.deepEqual(next.logs, ['second']);
  });

  it('after a script stopped at its time limit the next one runs with its own full time', async () => {
    const stopped = await runScriptIsolated(inline('while (true) {}'), handlerEnv(), quick);
    assert.equal(stopped.failure?.kind, 'timeout');
    // Busy for about half its limit: it would be stopped if it inherited the stopped script's deadline.
    const next = await runScriptIsolated(inline('var end = Date.now() + 150; while (Date.now() < end) {} client.log("done")'), handlerEnv(), quick);
    assert.equal(next.failure, undefined, next.failure?.message);
    assert.deepEqual(next.logs, ['done']);
  });

  it('after a memory bomb the next script gets a clean heap of the whole cap', async () => {
    const bomb = await runScriptIsolated(inline('var a = []; while (true) a.push("x".repeat(65536) + a.length);'), handlerEnv(), { ...quick, timeMs: 20_000 });
    assert.equal(bomb.failure?.kind, 'memory');
    // About half the cap: it could not be allocated on the bomb's exhausted heap.
    const next = await runScriptIsolated(inline('var s = "y".repeat(14 * 1024 * 1024); client.log(s.length)'), handlerEnv(), { ...quick, timeMs: 20_000 });
    assert.equal(next.failure, undefined, next.failure?.message);
    assert.deepEqual(next.logs, [String(14 * 1024 * 1024)]);
  });

  it('a script with another memory limit than the last gets a sandbox of its own size', async () => {
    await runScriptIsolated(inline('client.log(1)'), handlerEnv(), quick);
    const bigger = await runScriptIsolated(inline('var a = []; while (true) a.push("x".repeat(65536) + a.length);'), handlerEnv(), { ...quick, memoryMb: 48, timeMs: 20_000 });
    assert.equal(bigger.failure?.message, 'out of memory (the script memory limit is 48 MB)');
    const next = await runScriptIsolated(inline('client.log("after")'), handlerEnv(), quick);
    assert.deepEqual(next.logs, ['after']);
  });

  it('scripts sent at once each get their own sandbox and their own globals', async () => {
    const runs = await Promise.all([1, 2, 3].map((n) => runScriptIsolated(inline(`globalThis.mine = ${n}; client.log(typeof others, mine); globalThis.others = true`), handlerEnv())));
    assert.deepEqual(runs.map((r) => r.logs), [['undefined 1'], ['undefined 2'], ['undefined 3']]);
  });
});
