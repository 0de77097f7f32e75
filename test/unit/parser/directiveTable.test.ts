import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUILTIN_VARIABLES } from '../../../src/core/editor/builtinVariables';
import { DIRECTIVES, directiveReadmeRow } from '../../../src/core/parser/directiveTable';
import { HTTP_METHODS } from '../../../src/core/parser/httpMethods';
import { nameDirective } from '../../../src/core/parser/nameDirective';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { createResolver } from '../../../src/core/variables/createResolver';

describe('parser: one directive table', () => {
  it("the README's directive rows are the table's rows, in its order", () => {
    const readme = readFileSync('README.md', 'utf8').split('\n').filter((line) => line.startsWith('| `# @'));
    assert.deepEqual(readme, DIRECTIVES.map(directiveReadmeRow));
  });

  it('every directive of the table is known to the parser: a fitting value gets no diagnostic', () => {
    const sample: Record<string, string> = { name: 'login', session: 'admin', timeout: '5s', 'session-header': 'X-A: 1', 'session-auth': 'bearer t', import: './other.http', ref: 'login', forceRef: 'login' };
    for (const spec of DIRECTIVES) {
      const file = parseHttpFile(`# @${spec.name} ${sample[spec.name] ?? ''}\nGET https://a.test/`);
      assert.deepEqual(file.diagnostics, [], spec.name);
      assert.equal(file.requests[0].directives[0].name, spec.name);
    }
  });

  it('a directive outside the table gets a warning naming it', () => {
    const file = parseHttpFile('# @no-such-thing\nGET https://a.test/');
    assert.equal(file.diagnostics.length, 1);
    assert.match(file.diagnostics[0].message, /@no-such-thing/);
  });

  it("a value that does not fit the directive's grammar gets a warning on its line (@timeout, @name)", () => {
    const file = parseHttpFile('# @timeout soon\n# @name two words\nGET https://a.test/');
    assert.deepEqual(file.diagnostics.map((d) => [d.line, d.severity]), [[0, 'warning'], [1, 'warning']]);
    assert.match(file.diagnostics[0].message, /@timeout needs a duration/);
    assert.match(file.diagnostics[1].message, /@name needs a name/);
  });

  it('a request-only directive in the prologue is reported there; session directives are not', () => {
    const file = parseHttpFile('# @session-header X-A: 1\n# @no-redirect\n\n###\nGET https://a.test/');
    assert.deepEqual(file.diagnostics.map((d) => d.line), [1]);
    assert.match(file.diagnostics[0].message, /@no-redirect acts on one request/);
  });

  it('the last # @name names the request, and nameDirective (the editor index) picks that same line', () => {
    const file = parseHttpFile('# @name first\n# @name second\nGET https://a.test/');
    assert.equal(file.requests[0].name, 'second');
    assert.deepEqual(nameDirective(file.requests[0].directives), { name: 'name', value: 'second', line: 1 });
  });

  it('every method of HTTP_METHODS is a request line in any case', () => {
    for (const method of HTTP_METHODS) {
      const file = parseHttpFile(`${method.toLowerCase()} https://a.test/`);
      assert.equal(file.requests[0].method, method);
      assert.deepEqual(file.diagnostics, []);
    }
  });

  it('every built-in of BUILTIN_VARIABLES is one the resolver understands, and no other $name is', () => {
    const resolver = createResolver({ filePath: '/w/a.http', fileVariables: [], environment: {}, namedResponse: () => undefined, processEnv: { HOME: '/h' } });
    const args: Record<string, string> = { $datetime: ' iso8601', $localDatetime: ' iso8601', $processEnv: ' HOME', $dotenv: ' HOME' };
    for (const builtin of BUILTIN_VARIABLES) {
      try {
        resolver.expand(`{{${builtin.name}${args[builtin.name] ?? ''}}}`, 0);
      } catch (error) {
        assert.doesNotMatch(String(error), /Unknown variable/, builtin.name);
      }
    }
    assert.throws(() => resolver.expand('{{$noSuchBuiltin}}', 0), /Unknown variable/);
  });
});
