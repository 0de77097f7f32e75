import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSessionError } from '../../../src/core/errors';
import { createResolver } from '../../../src/core/variables/createResolver';
import type { VariableSources } from '../../../src/core/variables/types';

function sources(overrides: Partial<VariableSources> = {}): VariableSources {
  return {
    filePath: '/nowhere/requests.http',
    fileVariables: [],
    environment: {},
    namedResponse: () => undefined,
    processEnv: {},
    ...overrides,
  };
}

function expectError(fn: () => unknown, code: string, pattern: RegExp): HttpSessionError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof HttpSessionError, `expected HttpSessionError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail('expected an error');
}

describe('createResolver: names', () => {
  it('a later file variable definition wins', () => {
    const r = createResolver(sources({ fileVariables: [{ name: 'host', value: 'a', line: 0 }, { name: 'host', value: 'b', line: 1 }] }));
    assert.equal(r.expand('http://{{host}}/x', 5), 'http://b/x');
  });

  it('file variables may reference other variables, resolved recursively', () => {
    const r = createResolver(sources({
      fileVariables: [{ name: 'base', value: 'http://{{host}}:{{port}}', line: 0 }, { name: 'port', value: '8080', line: 1 }],
      environment: { host: 'example.test' },
    }));
    assert.equal(r.expand('{{base}}/api', 4), 'http://example.test:8080/api');
  });

  it('whitespace inside braces is allowed and an unclosed {{ stays as written', () => {
    const r = createResolver(sources({ environment: { name: 'v' } }));
    assert.equal(r.expand('a {{ name }} b {{name', 0), 'a v b {{name');
  });

  it('file variables beat environment values; prompt answers beat both', () => {
    const base = { fileVariables: [{ name: 'x', value: 'file', line: 0 }], environment: { x: 'env', y: 'env' } };
    assert.equal(createResolver(sources(base)).expand('{{x}} {{y}}', 0), 'file env');
    assert.equal(createResolver(sources({ ...base, prompts: { x: 'asked' } })).expand('{{x}}', 0), 'asked');
  });

  it('expanded values are not expanded again unless they come from a file variable definition', () => {
    const r = createResolver(sources({ environment: { a: '{{b}}', b: 'no' }, prompts: { p: '{{b}}' } }));
    assert.equal(r.expand('{{a}}|{{p}}', 0), '{{b}}|{{b}}');
  });

  it('{{%name}} percent-encodes the value', () => {
    const r = createResolver(sources({ environment: { q: 'a b&c' } }));
    assert.equal(r.expand('?q={{%q}}', 0), '?q=a%20b%26c');
  });

  it('an unknown variable is an UNRESOLVED_VARIABLE error naming the variable and the 1-based line', () => {
    const error = expectError(() => createResolver(sources()).expand('x {{foo}}', 6), 'UNRESOLVED_VARIABLE', /^Unknown variable 'foo' on line 7$/);
    assert.deepEqual(error.location, { file: '/nowhere/requests.http', line: 6 });
  });

  it('an unknown variable inside a file variable names the line of that definition', () => {
    const r = createResolver(sources({ fileVariables: [{ name: 'a', value: '{{missing}}', line: 2 }] }));
    expectError(() => r.expand('{{a}}', 9), 'UNRESOLVED_VARIABLE', /Unknown variable 'missing' on line 3/);
  });

  it('a cycle between file variables is a clear error naming the cycle', () => {
    const r = createResolver(sources({ fileVariables: [
      { name: 'a', value: '{{b}}', line: 0 }, { name: 'b', value: 'x{{c}}', line: 1 }, { name: 'c', value: '{{a}}', line: 2 },
    ] }));
    expectError(() => r.expand('{{a}}', 5), 'UNRESOLVED_VARIABLE', /cycle: a -> b -> c -> a/);
  });

  it('file variables that double at each level stop with an error instead of exhausting memory', () => {
    const fileVariables = [{ name: 'a0', value: 'x'.repeat(1024), line: 0 }];
    for (let i = 1; i <= 40; i++) fileVariables.push({ name: `a${i}`, value: `{{a${i - 1}}}{{a${i - 1}}}`, line: i });
    expectError(() => createResolver(sources({ fileVariables })).expand('{{a40}}', 50), 'UNRESOLVED_VARIABLE', /expand to more than 100 MB/);
  });

  it('stays linear on large and adversarial templates (a quadratic scan would take minutes here)', () => {
    const r = createResolver(sources({ environment: { v: 'value' } }));
    const cases: Array<[string, string, number]> = [
      ['100,000 references', `${'x'.repeat(40)}{{v}}`.repeat(100_000), 4_500_000],
      ['500,000 unclosed {{', '{{'.repeat(500_000), 1_000_000],
      ['500,000 {{ before one reference', `${'{{'.repeat(500_000)}v}}`, 999_998 + 5],
      ['200,000 }} without an opening', '}}'.repeat(200_000) + '{{v}}', 400_005],
    ];
    for (const [label, template, length] of cases) {
      const started = performance.now();
      const out = r.expand(template, 0);
      const elapsed = performance.now() - started;
      assert.equal(out.length, length, label);
      assert.ok(elapsed < 5000, `${label}: ${elapsed.toFixed(0)} ms`);
    }
  });
});

describe('createResolver: built-in variables', () => {
  const fixed = new Date('2024-03-10T12:34:56.789Z');
  const at = (overrides: Partial<VariableSources> = {}) => createResolver(sources(overrides), { now: () => fixed });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('$guid, $uuid and $randomUUID give a fresh v4 UUID each time', () => {
    const values = at().expand('{{$guid}} {{$uuid}} {{$randomUUID}} {{$guid}}', 0).split(' ');
    for (const value of values) assert.match(value, uuid);
    assert.equal(new Set(values).size, 4);
  });

  it('$timestamp is unix seconds, with an optional offset such as -1 d', () => {
    assert.equal(at().expand('{{$timestamp}}', 0), String(Math.floor(fixed.getTime() / 1000)));
    assert.equal(at().expand('{{$timestamp -1 d}}', 0), String(Math.floor(fixed.getTime() / 1000) - 86_400));
    assert.equal(at().expand('{{$timestamp 2 h}}', 0), String(Math.floor(fixed.getTime() / 1000) + 7200));
  });

  it('$timestamp with a bad offset unit is an error naming the line', () => {
    expectError(() => at().expand('{{$timestamp 1 parsec}}', 3), 'UNRESOLVED_VARIABLE', /\$timestamp.*line 4/);
  });

  it('$randomInt MIN MAX includes MIN and excludes MAX', () => {
    const r = at();
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(r.expand('{{$randomInt 3 6}}', 0));
    assert.deepEqual([...seen].sort(), ['3', '4', '5']);
    assert.equal(r.expand('{{$randomInt -2 -1}}', 0), '-2');
    expectError(() => r.expand('{{$randomInt 5 5}}', 1), 'UNRESOLVED_VARIABLE', /\$randomInt.*line 2/);
  });

  it('$datetime iso8601 and rfc1123, with offsets, in UTC', () => {
    assert.equal(at().expand('{{$datetime iso8601}}', 0), '2024-03-10T12:34:56.789Z');
    assert.equal(at().expand('{{$datetime rfc1123}}', 0), 'Sun, 10 Mar 2024 12:34:56 GMT');
    assert.equal(at().expand('{{$datetime iso8601 1 M}}', 0), '2024-04-10T12:34:56.789Z');
    assert.equal(at().expand('{{$datetime rfc1123 -1 y}}', 0), 'Fri, 10 Mar 2023 12:34:56 GMT');
    assert.equal(at().expand('{{$datetime "YYYY-MM-DD[T]HH:mm" 1 w}}', 0), '2024-03-17T12:34');
  });

  it('$localDatetime formats in the local time zone with its offset', () => {
    const local = at().expand('{{$localDatetime iso8601}}', 0);
    assert.match(local, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.789[+-]\d{2}:\d{2}$/);
    assert.equal(new Date(local).getTime(), fixed.getTime());
    const rfc = at().expand('{{$localDatetime rfc1123}}', 0);
    assert.equal(new Date(rfc.replace(/ ([+-]\d{2})(\d{2})$/, ' $1:$2')).getTime(), Math.floor(fixed.getTime() / 1000) * 1000);
  });

  it('$isoTimestamp is the current time in ISO 8601', () => {
    assert.equal(at().expand('{{$isoTimestamp}}', 0), '2024-03-10T12:34:56.789Z');
  });

  it('an unknown built-in is an error naming it', () => {
    expectError(() => at().expand('{{$nope}}', 0), 'UNRESOLVED_VARIABLE', /Unknown variable '\$nope' on line 1/);
  });
});

describe('createResolver: $processEnv and $dotenv', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hs-vars-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('$processEnv NAME reads the process environment; %NAME reads the name from a variable', () => {
    const r = createResolver(sources({ processEnv: { API_TOKEN: 'tok', DEV_TOKEN: 'dev' }, environment: { tokenVar: 'DEV_TOKEN' } }));
    assert.equal(r.expand('{{$processEnv API_TOKEN}}/{{$processEnv %tokenVar}}', 0), 'tok/dev');
    expectError(() => r.expand('{{$processEnv UNSET}}', 2), 'UNRESOLVED_VARIABLE', /'UNSET' is not set.*line 3/);
  });

  it('$dotenv reads the .env beside the .http file, then parent directories up to the workspace root', () => {
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'api', '.env'), 'NEAR=near\n# comment\nQUOTED="a b"\n');
    writeFileSync(join(dir, '.env'), 'NEAR=far\nFAR=root\n');
    const r = createResolver(sources({ filePath: join(dir, 'api', 'x.http'), workspaceRoot: dir, environment: { which: 'FAR' } }));
    assert.equal(r.expand('{{$dotenv NEAR}} {{$dotenv QUOTED}} {{$dotenv %which}}', 0), 'near a b root');
    expectError(() => r.expand('{{$dotenv NONE}}', 4), 'UNRESOLVED_VARIABLE', /'NONE' is not defined in .*\.env.*line 5/);
  });

  it('$dotenv does not climb above the .http file directory without a workspace root', () => {
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, '.env'), 'FAR=root\n');
    const r = createResolver(sources({ filePath: join(dir, 'api', 'x.http') }));
    expectError(() => r.expand('{{$dotenv FAR}}', 0), 'UNRESOLVED_VARIABLE', /'FAR' is not defined/);
  });

  it('Restricted Mode blocks $processEnv and $dotenv', () => {
    writeFileSync(join(dir, '.env'), 'A=1\n');
    const r = createResolver(sources({ filePath: join(dir, 'x.http'), processEnv: { A: '1' }, restricted: true }));
    expectError(() => r.expand('{{$processEnv A}}', 0), 'UNRESOLVED_VARIABLE', /Restricted Mode/);
    expectError(() => r.expand('{{$dotenv A}}', 0), 'UNRESOLVED_VARIABLE', /Restricted Mode/);
  });
});
