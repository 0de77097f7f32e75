import * as assert from 'node:assert/strict';
import { runScript } from '../../../src/core/scripts/runScript';
import { SANDBOX_PRELUDE } from '../../../src/core/scripts/sandboxPrelude';
import { handlerEnv, inline, mapGlobals } from './scriptEnv';

const quick = { timeMs: 300, memoryMb: 32, stackKb: 128 };

describe('script sandbox (QuickJS on WebAssembly)', () => {
  it('the constructor.constructor trick reaches only the sandbox: no process', async () => {
    const run = await runScript(inline(`client.log(this.constructor.constructor('return typeof process')(), (function () { return this })().constructor.constructor('return typeof require')())`), handlerEnv());
    assert.equal(run.failure, undefined);
    assert.deepEqual(run.logs, ['undefined undefined']);
  });

  it('has no require, process, fetch, timers, XMLHttpRequest or module loading', async () => {
    const names = ['require', 'process', 'fetch', 'setTimeout', 'setInterval', 'XMLHttpRequest', 'WebSocket', 'module', 'global', 'Deno', 'Bun'];
    const run = await runScript(inline(`client.log(${JSON.stringify(names)}.map(n => typeof globalThis[n]).join(','))`), handlerEnv());
    assert.deepEqual(run.logs, [names.map(() => 'undefined').join(',')]);
  });

  it('calling require fails the script with a ReferenceError at its line and column', async () => {
    const run = await runScript(inline(`var x = 1;\nrequire('fs').readFileSync('/etc/passwd')`), handlerEnv());
    assert.equal(run.failure?.kind, 'error');
    assert.match(run.failure?.message ?? '', /ReferenceError: 'require' is not defined/);
    assert.deepEqual(run.failure?.position, { file: 'api.http', line: 5, column: 0 });
  });

  it('calling fetch fails with a ReferenceError: no network', async () => {
    const run = await runScript(inline(`fetch('http://127.0.0.1:9/')`), handlerEnv());
    assert.match(run.failure?.message ?? '', /ReferenceError: 'fetch' is not defined/);
  });

  it('while(true){} stops at the time limit with "stopped after", at the script first line; the host goes on', async () => {
    const run = await runScript(inline('\nwhile (true) {}', 9, 2), handlerEnv(), quick);
    assert.equal(run.failure?.kind, 'timeout');
    assert.equal(run.failure?.message, 'stopped after 300 ms (the script time limit)');
    assert.deepEqual(run.failure?.position, { file: 'api.http', line: 9, column: 2 });
    assert.ok(run.ms < 3000, `took ${run.ms} ms`);
    const next = await runScript(inline('client.log("still here")'), handlerEnv(), quick);
    assert.deepEqual(next.logs, ['still here']);
  });

  it('a loop inside client.test is stopped by the same limit', async () => {
    const run = await runScript(inline('client.test("spins", function () { for (;;) {} })'), handlerEnv(), quick);
    assert.equal(run.failure?.kind, 'timeout');
  });

  it('a memory bomb ends in "out of memory" within the cap; the next script runs on a clean engine', async () => {
    const before = process.memoryUsage().rss;
    const run = await runScript(inline('var a = []; while (true) a.push("x".repeat(65536) + a.length);'), handlerEnv(), { ...quick, timeMs: 20000 });
    assert.equal(run.failure?.kind, 'memory');
    assert.equal(run.failure?.message, 'out of memory (the script memory limit is 32 MB)');
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'the host did not grow past the cap by much');
    const next = await runScript(inline('client.log(JSON.stringify({ok: true}))'), handlerEnv(), quick);
    assert.deepEqual(next.logs, ['{"ok":true}']);
  });

  it('unbounded recursion ends in "stack overflow" naming the recursing line', async () => {
    const run = await runScript(inline('function down(n) {\n  return down(n + 1) + 1;\n}\ndown(0);', 2, 0), handlerEnv(), quick);
    assert.equal(run.failure?.kind, 'stack');
    assert.match(run.failure?.message ?? '', /^stack overflow/);
    assert.equal(run.failure?.position.line, 3);
  });

  it('a syntax error names its file line and column', async () => {
    const run = await runScript(inline('client.log(1);\nvar = 2;', 10, 3), handlerEnv());
    assert.equal(run.failure?.kind, 'syntax');
    assert.match(run.failure?.message ?? '', /^SyntaxError: /);
    assert.equal(run.failure?.position.line, 11);
  });

  it('each script gets a fresh context: a global of one is gone in the next', async () => {
    await runScript(inline('globalThis.leak = 42; Object.prototype.polluted = 1;'), handlerEnv());
    const run = await runScript(inline('client.log(typeof leak, typeof ({}).polluted)'), handlerEnv());
    assert.deepEqual(run.logs, ['undefined undefined']);
  });

  it('Math.random and $random differ from one script to the next (each starts from the same memory image)', async () => {
    const code = 'client.log(Math.random(), $random.alphabetic(12), $random.integer(0, 1000000))';
    const [a, b] = [await runScript(inline(code), handlerEnv()), await runScript(inline(code), handlerEnv())];
    assert.notDeepEqual(a.logs, b.logs);
    const [value] = (a.logs[0] ?? '').split(' ').map(Number);
    assert.ok(value >= 0 && value < 1, String(value));
  });

  it('a script that replaces the built-ins the API uses breaks only its own code: the API still works', async () => {
    const globals = mapGlobals();
    const run = await runScript(inline('JSON.stringify = function () { return "[]" }; JSON.parse = null; Array.prototype.push = null; String = null; Error = null; Object.create = null; Object.freeze = null;\nclient.global.set("token", "t1"); client.test("still counted", function () { client.assert(true) })'), handlerEnv({}, { globals }));
    assert.equal(run.failure, undefined, run.failure?.message);
    assert.deepEqual([...globals.map], [['token', 't1']]);
    assert.deepEqual(run.tests.map((t) => [t.name, t.passed]), [['still counted', true]]);
  });

  it('the API globals cannot be replaced or deleted by a script', async () => {
    const run = await runScript(inline('"use strict"; var failed = 0; try { client = 1 } catch (e) { failed++ } try { delete globalThis.response } catch (e) { failed++ } client.log(failed, typeof client.test, response.status)'), handlerEnv());
    assert.deepEqual(run.logs, ['2 function 200']);
  });

  it('what a script did before it failed or ran out of time stays done: its globals, variables and log lines', async () => {
    const globals = mapGlobals(new Map([['old', '1']]));
    const requestVariables = new Map<string, string>();
    const thrown = await runScript(inline('client.global.set("token", "t1"); client.global.clear("old"); request.variables.set("v", 2); client.log("before"); null.x'), handlerEnv({}, { globals, requestVariables }));
    assert.match(thrown.failure?.message ?? '', /TypeError/);
    assert.deepEqual([...globals.map], [['token', 't1']]);
    assert.deepEqual([...requestVariables], [['v', '2']]);
    assert.deepEqual(thrown.logs, ['before']);
    const stopped = await runScript(inline('client.global.set("late", "yes"); client.log("started"); while (true) {}'), handlerEnv({}, { globals }), quick);
    assert.equal(stopped.failure?.kind, 'timeout');
    assert.equal(globals.map.get('late'), 'yes');
    assert.deepEqual(stopped.logs, ['started']);
  });

  it('a script reads the globals, variables and environment it was given, and sees its own changes at once', async () => {
    const globals = mapGlobals(new Map([['token', 'abc'], ['__proto__', 'p']]));
    const run = await runScript(inline('client.log(client.global.get("token"), client.global.get("__proto__"), client.global.get("toString"), request.environment.get("host"), request.environment.get("constructor")); client.global.set("token", "new"); client.global.clearAll(); client.log(client.global.isEmpty(), client.global.get("token"))'), handlerEnv({}, { globals }));
    assert.deepEqual(run.logs, ['abc p null example.test null', 'true null']);
    assert.equal(globals.map.size, 0);
  });

  it('throwing a promise fails the script with what it threw; the engine goes on', async () => {
    const run = await runScript(inline('throw Promise.resolve(1)'), handlerEnv());
    assert.equal(run.failure?.kind, 'error');
    assert.match(run.failure?.message ?? '', /^threw /);
    const next = await runScript(inline('client.log("next")'), handlerEnv());
    assert.deepEqual(next.logs, ['next']);
  });

  it('a setter or toJSON a script puts on a prototype does not reach the tests, logs and globals it hands back', async () => {
    const globals = mapGlobals();
    const code = [
      'Object.prototype.toJSON = function () { return 1 }; Array.prototype.toJSON = function () { return [] };',
      'Object.defineProperty(Array.prototype, "0", { set: function () {}, configurable: true });',
      'Object.defineProperty(Object.prototype, "error", { set: function () {}, configurable: true });',
      'client.global.set("g", "v"); client.log("logged");',
      'client.test("fails", function () { client.assert(false, "no") }); client.test("passes", function () {});',
    ].join('\n');
    const run = await runScript(inline(code), handlerEnv({}, { globals }));
    assert.equal(run.failure, undefined, run.failure?.message);
    assert.deepEqual([...globals.map], [['g', 'v']]);
    assert.deepEqual(run.logs, ['logged']);
    assert.deepEqual(run.tests.map((t) => [t.name, t.passed, t.message]), [['fails', false, 'no'], ['passes', true, undefined]]);
  });

  it('a large body is handed over only when read: reading the status alone works whatever its size', async () => {
    const big = '€'.repeat(20_000_000);
    const status = await runScript(inline('client.log(response.status)'), handlerEnv({ body: big, mimeType: 'text/plain' }));
    assert.equal(status.failure, undefined, status.failure?.message);
    assert.deepEqual(status.logs, ['200']);
    const read = await runScript(inline('client.log(response.body.length)'), handlerEnv({ body: big, mimeType: 'text/plain' }));
    assert.equal(read.failure?.kind, 'memory');
    const fine = await runScript(inline('client.log(response.body.length, response.body.length)'), handlerEnv({ body: 'x'.repeat(200_000), mimeType: 'text/plain' }));
    assert.deepEqual(fine.logs, ['200000 200000']);
  });

  it('throwing a non-Error value names the value', async () => {
    const run = await runScript(inline('throw {code: 3}'), handlerEnv());
    assert.equal(run.failure?.message, 'threw {"code":3}');
  });
});

describe('script API source', () => {
  it('is plain ASCII: QuickJS compiles a source with any other character about twice as slowly', () => {
    assert.doesNotMatch(SANDBOX_PRELUDE, /[^\x00-\x7f]/);
  });
});
