import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentLayers } from '../../../src/core/editor/environmentLayers';

describe('environmentLayers', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-layers-'));
    writeFileSync(join(dir, 'http-client.env.json'), '{\n  "$shared": { "host": "http://shared" },\n  "dev": {\n    "host": "http://dev",\n    "port": 8080\n  },\n  "prod": { "only": "p" }\n}\n');
    writeFileSync(join(dir, 'http-client.private.env.json'), '{\n  "dev": {\n    "password": "hunter2"\n  }\n}\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names the environments and every variable of any of them', async () => {
    const layers = await environmentLayers(dir);
    assert.deepEqual(layers.names, ['dev', 'prod']);
    assert.deepEqual([...layers.allVariables].sort(), ['host', 'only', 'password', 'port']);
  });

  it('layers an environment over $shared and says which file, environment and line each value comes from', async () => {
    const dev = (await environmentLayers(dir)).sourcesOf('dev');
    assert.deepEqual(dev.get('host'), { value: 'http://dev', file: join(dir, 'http-client.env.json'), environment: 'dev', line: 3 });
    assert.equal(dev.get('port')?.value, '8080');
    assert.deepEqual(dev.get('password'), { value: 'hunter2', file: join(dir, 'http-client.private.env.json'), environment: 'dev', line: 2 });
  });

  it('without an environment gives $shared alone; missing files give nothing', async () => {
    assert.equal((await environmentLayers(dir)).sourcesOf(undefined).get('host')?.environment, '$shared');
    assert.equal((await environmentLayers(join(dir, 'none'))).names.length, 0);
  });
});
