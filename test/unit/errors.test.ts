import * as assert from 'node:assert/strict';
import { HttpSessionError } from '../../src/core/errors';

describe('HttpSessionError.describe', () => {
  it('puts file:line in front and does not say the same line twice', () => {
    const error = new HttpSessionError('UNRESOLVED_VARIABLE', "Unknown variable 'x' on line 4", { file: '/w/api.http', line: 3 });
    assert.equal(error.describe(), "/w/api.http:4: Unknown variable 'x'");
  });

  it('keeps a line number in the message that is not the location line', () => {
    const error = new HttpSessionError('REFERENCE', "Request 'login' on line 9 has no response yet", { file: '/w/api.http', line: 3 });
    assert.equal(error.describe(), "/w/api.http:4: Request 'login' on line 9 has no response yet");
  });

  it('drops only the whole phrase: "on line 4" but not "on line 40"', () => {
    const error = new HttpSessionError('PARSE', 'Header on line 40 is bad, see on line 4 too', { file: 'a.http', line: 3 });
    assert.equal(error.describe(), 'a.http:4: Header on line 40 is bad, see too');
  });

  it('"on line 4, column 3" becomes "at column 3"', () => {
    const error = new HttpSessionError('ENVIRONMENT', 'env.json is not valid JSON on line 4, column 3 (ValueExpected)', { file: '/w/env.json', line: 3 });
    assert.equal(error.describe(), '/w/env.json:4: env.json is not valid JSON at column 3 (ValueExpected)');
  });

  it('without a location the message is the whole description', () => {
    assert.equal(new HttpSessionError('REFUSED', 'Connection refused by 127.0.0.1:1').describe(), 'Connection refused by 127.0.0.1:1');
  });
});
