import * as assert from 'node:assert/strict';
import { API_CHUNKS } from '../../../src/core/scripts/apiChunks';
import { runScript } from '../../../src/core/scripts/runScript';
import { KIT_SOURCE } from '../../../src/core/scripts/sandboxPrelude';
import { handlerEnv, inline } from './scriptEnv';

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

  it('throwing a non-Error value names the value', async () => {
    const run = await runScript(inline('throw {code: 3}'), handlerEnv());
    assert.equal(run.failure?.message, 'threw {"code":3}');
  });
});

describe('script API sources', () => {
  it('are plain ASCII: QuickJS compiles a source with any other character about twice as slowly', () => {
    for (const [name, source] of Object.entries({ kit: KIT_SOURCE, ...API_CHUNKS })) {
      assert.doesNotMatch(source, /[^\x00-\x7f]/, name);
    }
  });
});
