import * as assert from 'node:assert/strict';
import { terminalSafe } from '../../../src/cli/terminalSafe';

describe('terminalSafe: what a server sends never drives the terminal', () => {
  it('shows OSC sequences (window title, clipboard) and screen clears as visible escapes', () => {
    assert.equal(terminalSafe('a\x1b]0;pwned\x07b'), 'a\\x1b]0;pwned\\x07b');
    assert.equal(terminalSafe('\x1b]52;c;ZXZpbA==\x07'), '\\x1b]52;c;ZXZpbA==\\x07');
    assert.equal(terminalSafe('\x1b[2Jgone'), '\\x1b[2Jgone');
  });

  it('keeps colour sequences, newlines and tabs, and turns CRLF into LF', () => {
    assert.equal(terminalSafe('\x1b[1m\x1b[32m200\x1b[39m\x1b[22m\tok\r\nnext'), '\x1b[1m\x1b[32m200\x1b[39m\x1b[22m\tok\nnext');
  });

  it('escapes a bare carriage return, NUL, DEL and C1 controls', () => {
    assert.equal(terminalSafe('safe\rfake'), 'safe\\x0dfake');
    assert.equal(terminalSafe('\x00\x7f\x9b'), '\\x00\\x7f\\x9b');
  });
});
