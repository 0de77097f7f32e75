import * as assert from 'node:assert/strict';
import { jsonPaths } from '../../../src/core/editor/jsonPaths';

describe('jsonPaths of a stored body', () => {
  it('offers $.token and $.user.id for {"token":"x","user":{"id":1}}, parents before children', () => {
    assert.deepEqual(jsonPaths('{"token":"x","user":{"id":1}}'), ['$.token', '$.user', '$.user.id']);
  });

  it('walks arrays through their first element and brackets keys that are not identifiers', () => {
    assert.deepEqual(jsonPaths('{"items":[{"id":1}],"a b":{"it\'s":2}}'), ['$.items', "$['a b']", '$.items[0]', "$['a b']['it\\'s']", '$.items[0].id']);
  });

  it('offers nothing for a body that is not JSON or not a container', () => {
    assert.deepEqual(jsonPaths('<html>'), []);
    assert.deepEqual(jsonPaths('42'), []);
  });

  it('stops at the limit, keeping the shallow paths', () => {
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, { deep: i }])));
    const paths = jsonPaths(body, 60);
    assert.equal(paths.length, 60);
    assert.ok(paths.slice(0, 50).every((p) => !p.includes('.deep')));
  });
});
