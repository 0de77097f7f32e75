import * as assert from 'node:assert/strict';
import { evaluateAssertion } from '../../../src/core/assertions/evaluateAssertion';
import { parseAssertion } from '../../../src/core/assertions/parseAssertion';
import { sandboxedRegexTest } from '../../../src/core/assertions/sandboxedRegexTest';
import type { RegexMatcher } from '../../../src/core/assertions/sandboxedRegexTest';
import type { Assertion, AssertionSubject } from '../../../src/core/assertions/types';

const subject: AssertionSubject = {
  status: 200,
  headers: [['Content-Type', 'application/json; charset=utf-8'], ['X-Count', '3']],
  body: '{"user":{"id":7,"name":"Ann Lee","admin":false,"tags":["a","b"],"score":1.5},"token":null,"ok":true}',
  durationMs: 42.4,
};

function parse(line: string): Assertion {
  const parsed = parseAssertion(line, line.indexOf('??'), 3);
  if ('message' in parsed && !('field' in parsed)) assert.fail(`did not parse: ${parsed.message}`);
  return parsed as Assertion;
}

async function holds(line: string, vars: Record<string, string> = {}): Promise<boolean> {
  return (await evaluateAssertion(parse(line), subject, (t) => t.replace(/\{\{(\w+)\}\}/g, (_, n: string) => vars[n] ?? ''))).passed;
}

describe('?? assertions', () => {
  describe('parsing', () => {
    it('reads field, target, not, predicate and expected (the rest of the line, spaces kept)', () => {
      const a = parse('  ?? body user.name not == Ann  Lee');
      assert.deepEqual(a, { field: 'body', target: '$.user.name', negated: true, predicate: '==', expected: 'Ann  Lee', text: 'body user.name not == Ann  Lee', line: 3, column: 2 });
      assert.equal(parse('?? header content-type includes json').target, 'content-type');
      assert.equal(parse('?? body $.a[0] exists').target, '$.a[0]');
      assert.equal(parse('?? body == x').target, undefined);
    });

    it('malformed lines give a message and a column', () => {
      const cases: [string, RegExp][] = [
        ['??', /needs a field/],
        ['?? stat == 200', /unknown \?\? field 'stat'/],
        ['?? status', /needs a predicate/],
        ['?? status equals 200', /unknown \?\? predicate 'equals'/],
        ['?? status ==', /needs an expected value/],
        ['?? header == 1', /needs a header name/],
        ['?? body exists now', /takes no value/],
      ];
      for (const [line, message] of cases) {
        const r = parseAssertion(line, 0, 0);
        assert.ok(!('field' in r), line);
        assert.match((r as { message: string }).message, message, line);
        assert.equal(typeof (r as { column: number }).column, 'number');
      }
    });
  });

  describe('fields', () => {
    it('status compares as a number', async () => {
      assert.ok(await holds('?? status == 200'));
      assert.ok(!await holds('?? status == 201'));
      assert.ok(await holds('?? status < 300'));
    });
    it('header NAME: first value, name case-insensitive; missing header does not exist', async () => {
      assert.ok(await holds('?? header content-type startsWith application/json'));
      assert.ok(await holds('?? header X-COUNT == 3'));
      assert.ok(await holds('?? header x-none not exists'));
    });
    it('body: the whole text; body PATH: JSONPath into the JSON body', async () => {
      assert.ok(await holds('?? body includes "admin"'));
      assert.ok(await holds('?? body $.user.id == 7'));
      assert.ok(await holds('?? body user.name == Ann Lee'));
      assert.ok(await holds('?? body user.name == "Ann Lee"'));
      assert.ok(await holds('?? body user.tags == ["a","b"]'));
      assert.ok(await holds('?? body token == null'));
    });
    it('duration in ms', async () => {
      assert.ok(await holds('?? duration < 1000'));
      assert.ok(!await holds('?? duration > 1000'));
    });
  });

  describe('predicates', () => {
    const table: [string, boolean][] = [
      ['?? status != 404', true], ['?? status > 199', true], ['?? status >= 200', true], ['?? status <= 199', false], ['?? status < 200', false],
      ['?? body user.name startsWith Ann', true], ['?? body user.name endsWith Lee', true], ['?? body user.name endsWith Ann', false],
      ['?? body user.name includes n L', true], ['?? body user.tags contains b', true], ['?? body user.tags includes c', false],
      ['?? body user.name matches ^A.n\\s', true], ['?? body user.name matches /^ann/i', true], ['?? body user.name matches ^x', false],
      ['?? body user.id exists', true], ['?? body user.none exists', false],
      ['?? body ok isTrue', true], ['?? body user.admin isFalse', true], ['?? body user.admin isTrue', false],
      ['?? body user.score isNumber', true], ['?? body user.name isString', true], ['?? body ok isBoolean', true], ['?? body user.tags isArray', true], ['?? body user isArray', false],
      ['?? status not == 200', false], ['?? body user.id not isString', true], ['?? body user.name not startsWith Bob', true],
    ];
    for (const [line, expected] of table) it(`${line} → ${expected}`, async () => assert.equal(await holds(line), expected));
  });

  it('matches runs in the script sandbox: a catastrophic pattern against a long text fails at the time limit instead of hanging', async function () {
    this.timeout(20_000);
    const long: AssertionSubject = { ...subject, body: `${'a'.repeat(5000)}!` };
    const limited: RegexMatcher = (pattern, flags, value) => sandboxedRegexTest(pattern, flags, value, { timeMs: 300, memoryMb: 32, stackKb: 128 });
    const started = Date.now();
    await assert.rejects(evaluateAssertion(parse('?? body not matches (a+)+$'), long, undefined, limited),
      /^Error: body: the pattern \(a\+\)\+\$ could not be checked: stopped after 300 ms \(the script time limit\)$/);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal((await evaluateAssertion(parse('?? body matches ^a+!$'), long, undefined, limited)).passed, true);
  });

  it('a matches pattern that does not compile is a failure naming the pattern, not a silent false', async () => {
    await assert.rejects(evaluateAssertion(parse('?? body not matches ([a'), subject), /body: the pattern \(\[a could not be checked: SyntaxError/);
  });

  it('{{variables}} in the expected value are expanded before comparing', async () => {
    assert.ok(await holds('?? body user.id == {{id}}', { id: '7' }));
    assert.ok(!await holds('?? body user.id == {{id}}', { id: '8' }));
  });

  it('failure text names the field, the predicate, the expected and the actual value', async () => {
    assert.equal((await evaluateAssertion(parse('?? status == 201'), subject)).message, 'status: expected == 201, actual 200');
    const o = await evaluateAssertion(parse('?? body user.name not startsWith Ann'), subject);
    assert.equal(o.message, 'body $.user.name: expected not startsWith Ann, actual "Ann Lee"');
    assert.equal((await evaluateAssertion(parse('?? header x-none exists'), subject)).actual, 'missing');
    assert.equal((await evaluateAssertion(parse('?? status == 200'), subject)).message, undefined);
  });
});
