import * as assert from 'node:assert/strict';
import { HttpSessionError } from '../../../src/core/errors';
import { historyEntry } from '../../../src/core/history/historyEntry';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { requestLabel, requestName } from '../../../src/core/runner/requestLabel';

const FILE = [
  '### Log in as Ann',
  '# @name login',
  'POST https://api.example/login',
  '',
  '### List customers',
  'GET https://api.example/customers',
  '',
  '###',
  'DELETE {{base}}/customers/1',
  '',
  '###   ',
  'GET https://api.example/health',
].join('\n');

describe('one request label rule: @name, else ### title, else METHOD URL as written', () => {
  const requests = parseHttpFile(FILE).requests;

  it('labels each request by the rule, @name winning over the title', () => {
    assert.deepEqual(requests.map(requestLabel), ['login', 'List customers', 'DELETE {{base}}/customers/1', 'GET https://api.example/health']);
  });

  it('a request with neither @name nor a non-blank title has no name of its own', () => {
    assert.deepEqual(requests.map(requestName), ['login', 'List customers', undefined, undefined]);
  });

  it('the history keeps the same label (its own name only; METHOD URL is shown from the entry)', () => {
    const refused = new HttpSessionError('REFUSED', 'nothing listens');
    const labels = requests.map((request) => historyEntry({
      request, filePath: '/w/api.http', sessionName: 'default', warnings: [], tests: [], logs: [], error: refused,
      exchange: { hops: [], cookies: { sent: [], stored: [], rejected: [] }, timings: { totalMs: 1 }, error: refused },
    }, new Date(0))?.label);
    assert.deepEqual(labels, ['login', 'List customers', undefined, undefined]);
  });
});
