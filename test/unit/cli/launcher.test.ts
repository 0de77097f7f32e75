import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './cliProcess';

/**
 * A stand-in for dist/cli-main.js: prints what it was given; with `all` it first calls 300 functions (so V8
 * compiles them) and keeps running past the launcher's long-run mark.
 */
const FAKE_BUNDLE = [
  'const path = require("node:path");',
  ...Array.from({ length: 300 }, (_, i) => `function f${i}(x) { return [x, ${i}, String(x).repeat(2)].join("-") + "${'y'.repeat(40)}"; }`),
  'const args = process.argv.slice(2);',
  'if (args.includes("all")) { let s = ""; for (let i = 0; i < 300; i++) s += eval("f" + i)(i); const until = Date.now() + 700; while (Date.now() < until) {} }',
  'console.log(JSON.stringify({ args, dir: path.basename(__dirname), file: path.basename(__filename), exportsOk: module.exports === exports }));',
  'process.exitCode = args.includes("fail") ? 3 : 0;',
].join('\n');

describe('the http-session command runs its bundle from V8\'s code cache (dist/cli.js → dist/cli-main.js)', function () {
  this.timeout(60_000);
  let dist: string;
  let cacheHome: string;
  const cacheDir = (): string => join(cacheHome, 'http-session');
  const caches = (): string[] => readdirSync(cacheDir()).filter((n) => n.endsWith('.v8cache'));
  const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], {
    encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, HTTP_SESSION_NO_CODE_CACHE: '', ...env },
  });

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'launcher-dist-'));
    await esbuild.build({ entryPoints: [join(ROOT, 'src/cli/launcher.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(dist, 'cli.js'), logLevel: 'silent' });
    writeFileSync(join(dist, 'cli-main.js'), FAKE_BUNDLE);
  });
  beforeEach(() => { cacheHome = mkdtempSync(join(tmpdir(), 'launcher-cache-')); });
  afterEach(() => rmSync(cacheHome, { recursive: true, force: true }));
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('the bundle runs as a CommonJS module with its arguments, __dirname, __filename and exit status, and the launcher writes nothing of its own', () => {
    const r = run(['send', 'x.http', 'fail']);
    assert.equal(r.status, 3, r.stderr);
    // Nothing on stderr: no V8 flag this Node does not know ("unrecognized flag"), no cache trouble.
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), { args: ['send', 'x.http', 'fail'], dir: dist.split('/').pop(), file: 'cli-main.js', exportsOk: true });
  });

  it('the first run writes the cache (user-only), and a short run with a usable cache leaves it alone', () => {
    assert.equal(run(['--version']).status, 0);
    const [name] = caches();
    assert.match(name, new RegExp(`^cli-${process.version.replace(/\./g, '\\.')}-${process.arch}-\\d+-\\d+\\.v8cache$`));
    const file = join(cacheDir(), name);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const written = readFileSync(file);
    assert.ok(written.length > 0);
    const r = run(['--version']);
    assert.equal(r.status, 0);
    assert.deepEqual(readFileSync(file), written);
  });

  it('a long run that compiled much more than the cache holds rewrites it', () => {
    run(['--version']);
    const file = join(cacheDir(), caches()[0]);
    const small = readFileSync(file).length;
    assert.equal(run(['all']).status, 0);
    assert.ok(readFileSync(file).length > small * 1.1, `cache ${small} → ${readFileSync(file).length} bytes`);
  });

  it('a corrupt cache is refused by V8 and replaced; the run is not affected', () => {
    run(['--version']);
    const file = join(cacheDir(), caches()[0]);
    writeFileSync(file, Buffer.alloc(4096, 7));
    const r = run(['ok']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).args, ['ok']);
    assert.notDeepEqual(readFileSync(file), Buffer.alloc(4096, 7));
  });

  it('a rebuilt bundle gets a cache of its own and the old build\'s cache is removed', () => {
    run(['--version']);
    const before = caches();
    writeFileSync(join(dist, 'cli-main.js'), `${FAKE_BUNDLE}\n// rebuilt`);
    try {
      run(['--version']);
      const after = caches();
      assert.equal(after.length, 1);
      assert.notEqual(after[0], before[0]);
    } finally {
      writeFileSync(join(dist, 'cli-main.js'), FAKE_BUNDLE);
    }
  });

  it('another Node\'s cache of the same bundle is left alone (switching Node versions does not rewrite the cache each time)', () => {
    run(['--version']);
    const [ours] = caches();
    const other = ours.replace(`cli-${process.version}-`, 'cli-v99.0.0-');
    writeFileSync(join(cacheDir(), other), 'another Node\'s cache');
    writeFileSync(join(cacheDir(), ours), Buffer.alloc(64, 1));
    run(['--version']);
    assert.deepEqual(caches().sort(), [ours, other].sort());
  });

  it('HTTP_SESSION_NO_CODE_CACHE runs the bundle without a cache; an unwritable cache directory changes nothing', () => {
    const r = run(['a'], { HTTP_SESSION_NO_CODE_CACHE: '1' });
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).args, ['a']);
    assert.deepEqual(readdirSync(cacheHome), []);
    const blocked = join(cacheHome, 'not-a-dir');
    writeFileSync(blocked, 'a file where the cache directory would go');
    mkdirSync(join(cacheHome, 'ok'));
    const r2 = run(['b'], { XDG_CACHE_HOME: blocked });
    assert.equal(r2.status, 0, r2.stderr);
    assert.deepEqual(JSON.parse(r2.stdout).args, ['b']);
  });
});
