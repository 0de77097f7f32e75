import * as assert from 'node:assert/strict';
import { runScriptIsolated } from '../../../src/core/scripts/runIsolated';
import { handlerEnv, inline, mapGlobals } from './scriptEnv';

describe('script sandbox in a worker thread (the host-side time limit)', function () {
  this.timeout(30_000);

  it('a loop of long native calls QuickJS cannot interrupt is stopped by the host at the limit (+1 s); the next script runs', async () => {
    const started = Date.now();
    const run = await runScriptIsolated(inline('while (true) new Array(1e6).join("x");', 3, 2), handlerEnv(), { timeMs: 300, memoryMb: 32, stackKb: 128 });
    const took = Date.now() - started;
    assert.equal(run.failure?.kind, 'timeout');
    assert.equal(run.failure?.message, 'stopped after 300 ms (the script time limit)');
    assert.deepEqual(run.failure?.position, { file: 'api.http', line: 3, column: 2 });
    assert.ok(took < 3000, `took ${took} ms`);
    const next = await runScriptIsolated(inline('client.log("after")'), handlerEnv());
    assert.deepEqual(next.logs, ['after']);
  });

  it('globals and request variables the script changes are replayed onto the host stores, in order', async () => {
    const globals = mapGlobals(new Map([['old', '1'], ['keep', '2']]));
    const env = handlerEnv({}, { globals });
    const run = await runScriptIsolated(inline('client.global.clear("old"); client.global.set("token", response.body.token); client.log(client.global.get("keep"), client.global.get("token")); request.variables.set("v", 5)'), env);
    assert.equal(run.failure, undefined);
    assert.deepEqual(run.logs, ['2 t0k']);
    assert.deepEqual([...globals.map], [['keep', '2'], ['token', 't0k']]);
    assert.equal(env.requestVariables.get('v'), '5');
  });

  it('tests and failures come back with their positions', async () => {
    const run = await runScriptIsolated(inline('client.test("a", function () {\n  client.assert(false, "nope");\n});', 1, 0), handlerEnv());
    assert.deepEqual(run.tests.map((t) => [t.name, t.passed, t.message, t.failurePosition?.line]), [['a', false, 'nope', 2]]);
  });
});
