import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSessionError } from '../../../src/core/errors';
import { loadEnvironments } from '../../../src/core/variables/environments';

describe('loadEnvironments', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hs-env-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: unknown): void => writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));

  it('lists environment names without $shared', async () => {
    write('http-client.env.json', { $shared: { a: '1' }, prod: {}, dev: {} });
    write('http-client.private.env.json', { staging: { x: 'y' } });
    const envs = await loadEnvironments(dir);
    assert.deepEqual(envs.names(), ['dev', 'prod', 'staging']);
    assert.deepEqual(envs.errors, []);
  });

  it('$shared values sit under each environment; private values override public ones', async () => {
    write('http-client.env.json', { $shared: { host: 'shared', ua: 'hs', pw: 'public' }, dev: { host: 'dev.test', user: 'bob' } });
    write('http-client.private.env.json', { $shared: { ua: 'private-shared' }, dev: { user: 'alice', password: 's3cret' } });
    const envs = await loadEnvironments(dir);
    assert.deepEqual(envs.resolve('dev'), { host: 'dev.test', ua: 'private-shared', pw: 'public', user: 'alice', password: 's3cret' });
    assert.deepEqual(envs.resolve(), { host: 'shared', ua: 'private-shared', pw: 'public' });
  });

  it('non-string values are stringified', async () => {
    write('http-client.env.json', { dev: { port: 8080, debug: true, nested: { a: [1] }, none: null } });
    assert.deepEqual((await loadEnvironments(dir)).resolve('dev'), { port: '8080', debug: 'true', nested: '{"a":[1]}', none: 'null' });
  });

  it('an unknown environment is an ENVIRONMENT error listing the known ones', async () => {
    write('http-client.env.json', { dev: {}, prod: {} });
    const envs = await loadEnvironments(dir);
    assert.throws(() => envs.resolve('qa'), (e: unknown) =>
      e instanceof HttpSessionError && e.code === 'ENVIRONMENT' && /Unknown environment 'qa': known environments: dev, prod/.test(e.message));
  });

  it('no files at all: no environments, no errors, empty $shared', async () => {
    const envs = await loadEnvironments(dir);
    assert.deepEqual([envs.names(), envs.errors, envs.resolve()], [[], [], {}]);
  });

  it('bad JSON is an ENVIRONMENT error naming the file and line; the other file still loads', async () => {
    write('http-client.env.json', '{\n  "dev": {\n    "a": "1",\n    "b": \n  }\n}\n');
    write('http-client.private.env.json', { dev: { c: '3' } });
    const envs = await loadEnvironments(dir);
    assert.equal(envs.errors.length, 1);
    const [error] = envs.errors;
    assert.equal(error.code, 'ENVIRONMENT');
    assert.match(error.message, /http-client\.env\.json is not valid JSON on line 5, column 3 \(ValueExpected\)/);
    assert.deepEqual([error.location?.file, error.location?.line], [join(dir, 'http-client.env.json'), 4]);
    assert.deepEqual(envs.resolve('dev'), { c: '3' });
  });

  it('a file of the wrong shape is reported, not thrown', async () => {
    write('http-client.env.json', { dev: 'not-an-object', ok: { a: '1' } });
    write('http-client.private.env.json', '[1, 2]');
    const envs = await loadEnvironments(dir);
    assert.deepEqual(envs.errors.map((e) => e.code), ['ENVIRONMENT', 'ENVIRONMENT']);
    assert.match(envs.errors.map((e) => e.message).join('\n'), /Environment 'dev' in .*http-client\.env\.json must be an object/);
    assert.match(envs.errors.map((e) => e.message).join('\n'), /http-client\.private\.env\.json must hold a JSON object/);
    assert.deepEqual(envs.resolve('ok'), { a: '1' });
  });
});
