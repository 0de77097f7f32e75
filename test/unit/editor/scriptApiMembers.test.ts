import * as assert from 'node:assert/strict';
import { SCRIPT_API, membersOf, scriptApiMember } from '../../../src/core/editor/scriptApiMembers';
import type { ScriptKind } from '../../../src/core/editor/scriptAt';
import { runScript } from '../../../src/core/scripts/runScript';
import { handlerEnv, inline } from '../scripts/scriptEnv';

/** Runs `code` in the real sandbox as a script of `kind` and returns its client.log lines. */
async function sandboxLogs(kind: ScriptKind, code: string): Promise<string[]> {
  const env = handlerEnv();
  const run = await runScript(inline(code), kind === 'response' ? env : { ...env, kind: 'pre-request', response: undefined });
  assert.equal(run.failure, undefined, run.failure?.message);
  return run.logs;
}

const KINDS: ScriptKind[] = ['pre-request', 'response'];
const TOP_LEVEL = ['client', 'response', 'request', 'crypto', '$random', 'Window', 'atob', 'btoa', 'jsonPath'];

describe('script API table (editor completion and hover) against the sandbox', () => {
  for (const kind of KINDS) {
    it(`every member the table lists for a ${kind} script exists in the sandbox with its kind`, async () => {
      const rows = SCRIPT_API.filter((row) => row.scope === 'both' || row.scope === kind);
      const code = rows.map((row) => `client.log(${JSON.stringify(row.path)} + " " + typeof ${row.path});`).join('\n');
      const seen = new Map((await sandboxLogs(kind, code)).map((line) => line.split(' ') as [string, string]));
      for (const row of rows) {
        const type = seen.get(row.path);
        if (row.kind === 'method') assert.equal(type, 'function', `${row.path} is a method`);
        else if (row.kind === 'object') assert.equal(type, 'object', `${row.path} is an object`);
        else assert.ok(type !== undefined && type !== 'undefined' && type !== 'function', `${row.path} is a property (${type})`);
      }
    });

    it(`every member the sandbox gives a ${kind} script is in the table`, async () => {
      const objects = SCRIPT_API.filter((row) => row.kind === 'object' && (row.scope === 'both' || row.scope === kind)).map((row) => row.path);
      const code = objects.map((path) => `Object.getOwnPropertyNames(${path}).forEach(function (n) { client.log(${JSON.stringify(path)} + "." + n); });`).join('\n');
      const found = await sandboxLogs(kind, code);
      assert.ok(found.length > 40, `the sandbox listed ${found.length} members`);
      for (const path of found) assert.ok(scriptApiMember(path, kind), `${path} (${kind}) is documented`);
    });
  }

  it('lists the API globals at the top level, response only in a handler', async () => {
    assert.deepEqual(membersOf('', 'response').map((row) => row.path).sort(), [...TOP_LEVEL].sort());
    assert.deepEqual(membersOf('', 'pre-request').map((row) => row.path).sort(), TOP_LEVEL.filter((n) => n !== 'response').sort());
    const present = await sandboxLogs('pre-request', TOP_LEVEL.map((n) => `client.log(typeof ${n});`).join('\n'));
    assert.deepEqual(present.map((t) => t === 'undefined'), TOP_LEVEL.map((n) => n === 'response'));
  });

  it('gives request.url as an object with getRaw in a pre-request script, as a method in a handler', () => {
    assert.equal(scriptApiMember('request.url', 'pre-request')?.kind, 'object');
    assert.equal(scriptApiMember('request.url', 'response')?.kind, 'method');
    assert.deepEqual(membersOf('request.url', 'pre-request').map((row) => row.path), ['request.url.getRaw', 'request.url.tryGetSubstituted']);
    assert.deepEqual(membersOf('request.url', 'response'), []);
  });

  it('documents every row with a signature and a sentence', () => {
    for (const row of SCRIPT_API) {
      assert.ok(row.signature.length > 0 && row.doc.length > 10, row.path);
      assert.ok(!SCRIPT_API.some((other) => other !== row && other.path === row.path && (other.scope === row.scope || other.scope === 'both' || row.scope === 'both')), `${row.path} once per kind`);
    }
  });
});
