import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ScriptFileIndex } from '../../../src/vscode/testing/scriptFileIndex';

describe('Testing view: which .http files a change to a ./handler.js refreshes', () => {
  const dir = path.resolve('/ws/tests');
  const checks = path.join(dir, 'checks', 'me.js');

  it('only the files that name the script, by its absolute path however it was written', () => {
    const index = new ScriptFileIndex();
    index.set('file:///ws/tests/a.http', [path.join(dir, 'checks', '..', 'checks', 'me.js')]);
    index.set('file:///ws/tests/b.http', [path.join(dir, 'other.js'), checks]);
    index.set('file:///ws/tests/c.http', [path.join(dir, 'other.js')]);
    assert.deepEqual(index.usersOf(checks), ['file:///ws/tests/a.http', 'file:///ws/tests/b.http']);
    assert.deepEqual(index.usersOf(path.join(dir, 'unnamed.js')), []);
  });

  it('a file parsed again names only its scripts of now; a deleted file names none', () => {
    const index = new ScriptFileIndex();
    index.set('file:///ws/tests/a.http', [checks]);
    index.set('file:///ws/tests/a.http', [path.join(dir, 'other.js')]);
    assert.deepEqual(index.usersOf(checks), []);
    index.delete('file:///ws/tests/a.http');
    assert.deepEqual(index.usersOf(path.join(dir, 'other.js')), []);
    index.set('file:///ws/tests/b.http', [checks]);
    index.set('file:///ws/tests/b.http', []);
    assert.deepEqual(index.usersOf(checks), []);
  });
});
