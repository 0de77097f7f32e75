import * as assert from 'node:assert/strict';
import { evaluateAssertion } from '../../../src/core/assertions/evaluateAssertion';
import { parseAssertion } from '../../../src/core/assertions/parseAssertion';
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

function holds(line: string, vars: Record<string, string> = {}): boolean {
  return evaluateAssertion(parse(line), subject, (t) => t.replace(/\{\{(\w+)\}\}/g, (_, n: string) => vars[n] ?? '')).passed;
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
    it('status compares as a number', () => {
      assert.ok(holds('?? status == 200'));
      assert.ok(!holds('?? status == 201'));
      assert.ok(holds('?? status < 300'));
    });
    it('header NAME: first value, name case-insensitive; missing header does not exist', () => {
      assert.ok(holds('?? header content-type startsWith application/json'));
      assert.ok(holds('?? header X-COUNT == 3'));
      assert.ok(holds('?? header x-none not exists'));
    });
    it('body: the whole text; body PATH: JSONPath into the JSON body', () => {
      assert.ok(holds('?? body includes "admin"'));
      assert.ok(holds('?? body $.user.id == 7'));
      assert.ok(holds('?? body user.name == Ann Lee'));
      assert.ok(holds('?? body user.name == "Ann Lee"'));
      assert.ok(holds('?? body user.tags == ["a","b"]'));
      assert.ok(holds('?? body token == null'));
    });
    it('duration in ms', () => {
      assert.ok(holds('?? duration < 1000'));
      assert.ok(!holds('?? duration > 1000'));
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
    for (const [line, expected] of table) it(`${line} → ${expected}`, () => assert.equal(holds(line), expected));
  });

  it('{{variables}} in the expected value are expanded before comparing', () => {
    assert.ok(holds('?? body user.id == {{id}}', { id: '7' }));
    assert.ok(!holds('?? body user.id == {{id}}', { id: '8' }));
  });

  it('failure text names the field, the predicate, the expected and the actual value', () => {
    assert.equal(evaluateAssertion(parse('?? status == 201'), subject).message, 'status: expected == 201, actual 200');
    const o = evaluateAssertion(parse('?? body user.name not startsWith Ann'), subject);
    assert.equal(o.message, 'body $.user.name: expected not startsWith Ann, actual "Ann Lee"');
    assert.equal(evaluateAssertion(parse('?? header x-none exists'), subject).actual, 'missing');
    assert.equal(evaluateAssertion(parse('?? status == 200'), subject).message, undefined);
  });
});
