import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLI, ensureCliBuilt, runNode } from './cliProcess';

/** Prints, as the process exits, the Node built-ins it loaded (process.moduleLoadList). */
const PROBE = "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList)));";

describe('CLI start: only the parts of undici the engine uses are loaded', () => {
  before(async function () {
    this.timeout(120_000);
    await ensureCliBuilt();
  });

  it('the bundle holds no fetch, EventSource or mock code of undici (the strings of their error messages and classes)', () => {
    const bundle = readFileSync(CLI, 'utf8');
    for (const text of ['fetch failed', 'EventSource', 'MockAgent']) assert.ok(!bundle.includes(text), `the CLI bundle holds ${text}`);
  });

  it('a run loads neither undici\'s web globals nor Node\'s own copy of undici', async () => {
    const run = await runNode(['-e', `${PROBE} process.argv = [process.argv[0], 'http-session', '--version']; require(${JSON.stringify(CLI)});`]);
    assert.equal(run.code, 0, run.stderr);
    const loaded = JSON.parse(run.stderr.slice(run.stderr.indexOf('LOADED ') + 7)) as string[];
    assert.ok(loaded.length > 0);
    assert.deepEqual(loaded.filter((m) => m.includes('undici')), []);
  });
});
