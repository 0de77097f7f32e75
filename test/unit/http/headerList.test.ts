import * as assert from 'node:assert/strict';
import { getAll, getHeader, hasHeader, removeHeader, setHeader } from '../../../src/core/http/headerList';
import type { HeaderList } from '../../../src/core/http/types';

describe('headerList', () => {
  const list: HeaderList = [['Accept', 'a'], ['Set-Cookie', 'x=1'], ['X-Id', '7'], ['set-cookie', 'y=2']];

  it('getHeader compares names case-insensitively and returns the first', () => {
    assert.equal(getHeader(list, 'SET-COOKIE'), 'x=1');
    assert.equal(getHeader(list, 'missing'), undefined);
  });

  it('getAll returns every value in wire order', () => {
    assert.deepEqual(getAll(list, 'set-cookie'), ['x=1', 'y=2']);
  });

  it('hasHeader and removeHeader ignore case; removeHeader leaves the input alone', () => {
    assert.equal(hasHeader(list, 'x-id'), true);
    assert.deepEqual(removeHeader(list, 'Set-Cookie'), [['Accept', 'a'], ['X-Id', '7']]);
    assert.equal(list.length, 4);
  });

  it('setHeader replaces all of a name at the first position, or appends', () => {
    assert.deepEqual(setHeader(list, 'SET-COOKIE', 'z=3'), [['Accept', 'a'], ['SET-COOKIE', 'z=3'], ['X-Id', '7']]);
    assert.deepEqual(setHeader([['A', '1']], 'B', '2'), [['A', '1'], ['B', '2']]);
  });
});
