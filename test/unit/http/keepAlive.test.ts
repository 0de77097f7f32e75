import * as assert from 'node:assert/strict';
import { closeDispatcher, createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { startServer } from '../../support/startServer';
import { get, testOptions } from './hopTestKit';

describe('createDispatcher: one keep-alive pool per session', () => {
  it('sequential requests on one dispatcher reuse exactly one TCP connection', async () => {
    const server = await startServer((_req, res) => { res.end('x'.repeat(1000)); });
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      for (let i = 0; i < 10; i += 1) {
        const result = await sendHop(dispatcher, get(`${server.url}/n/${i}`), testOptions());
        assert.equal(result.status, 200);
      }
      assert.equal(server.requests.length, 10);
      assert.equal(server.connections, 1);
    } finally {
      await closeDispatcher(dispatcher);
      await server.close();
    }
  });

  it('a request cut at the size cap does not poison the pool: the next request still succeeds', async () => {
    const server = await startServer((_req, res) => { res.end('y'.repeat(100_000)); });
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      const cut = await sendHop(dispatcher, get(server.url), testOptions({ maxBodyBytes: 10 }));
      assert.equal(cut.truncated, true);
      const whole = await sendHop(dispatcher, get(server.url), testOptions());
      assert.equal(whole.body.length, 100_000);
      assert.equal(whole.truncated, false);
    } finally {
      await closeDispatcher(dispatcher);
      await server.close();
    }
  });

  it('separate dispatchers (separate sessions) do not share connections', async () => {
    const server = await startServer((_req, res) => { res.end('z'); });
    const first = createDispatcher({ rejectUnauthorized: true });
    const second = createDispatcher({ rejectUnauthorized: true });
    try {
      await sendHop(first, get(server.url), testOptions());
      await sendHop(second, get(server.url), testOptions());
      await sendHop(first, get(server.url), testOptions());
      assert.equal(server.connections, 2);
    } finally {
      await Promise.all([closeDispatcher(first), closeDispatcher(second)]);
      await server.close();
    }
  });
});
