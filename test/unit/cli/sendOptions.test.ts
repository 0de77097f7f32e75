import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { selectRequests } from '../../../src/cli/selectRequests';
import { parseSendOptions } from '../../../src/cli/sendOptions';
import { UsageError } from '../../../src/cli/usageError';

describe('CLI send options and request selection', () => {
  it('parses repeatable --name and --var, --line, --timeout and the flags', () => {
    const options = parseSendOptions(['a.http', '--name', 'x', '--name', 'y', '--var', 'k=v=w', '--line', '3', '--timeout', '0', '--json', '--insecure']);
    assert.deepEqual(options.names, ['x', 'y']);
    assert.deepEqual(options.vars, { k: 'v=w' });
    assert.equal(options.line, 3);
    assert.equal(options.timeoutMs, 0);
    assert.equal(options.json, true);
    assert.equal(options.insecure, true);
  });

  it('turns bad input into UsageError: unknown flag, --line 0, --var without =, two files', () => {
    for (const args of [['a.http', '--nope'], ['a.http', '--line', '0'], ['a.http', '--var', 'novalue'], ['a.http', 'b.http'], ['a.http', '--timeout', '-5']]) {
      assert.throws(() => parseSendOptions(args), UsageError, args.join(' '));
    }
  });

  const file = parseHttpFile('GET http://a/1\n\n###\n# @name two\nGET http://a/2\n\n###\n# @name three\nGET http://a/3\n');

  it('selects every request in file order by default', () => {
    assert.deepEqual(selectRequests(file, 'f.http', { names: [] }).map((r) => r.url), ['http://a/1', 'http://a/2', 'http://a/3']);
  });

  it('selects by name in the order given, and by 1-based line (a comment line belongs to its request)', () => {
    assert.deepEqual(selectRequests(file, 'f.http', { names: ['three', 'two'] }).map((r) => r.url), ['http://a/3', 'http://a/2']);
    assert.deepEqual(selectRequests(file, 'f.http', { names: [], line: 4 }).map((r) => r.url), ['http://a/2']);
  });

  it('names what the file has when a name or line matches nothing', () => {
    assert.throws(() => selectRequests(file, 'f.http', { names: ['one'] }), /no request named 'one' \(named requests: two, three\)/);
    const prologueOnly = parseHttpFile('# @session-header X: 1\n');
    assert.throws(() => selectRequests(prologueOnly, 'p.http', { names: [], line: 1 }), /p\.http:1: no request at this line \(request lines: none\)/);
  });
});
