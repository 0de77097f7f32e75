import * as assert from 'node:assert/strict';
import { isNoLog } from '../../../src/core/runner/isNoLog';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { appHandler, contextFor, runNamed } from './runnerSupport';

describe('runRequest: # @note asks before sending, # @no-log marks a request', () => {
  let server: TestServer;
  const contexts: Array<ReturnType<typeof contextFor>> = [];
  function ctxFor(...args: Parameters<typeof contextFor>): ReturnType<typeof contextFor> {
    const ctx = contextFor(...args);
    contexts.push(ctx);
    return ctx;
  }

  before(async () => { server = await startServer(appHandler); });
  beforeEach(() => { server.requests.length = 0; });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(async () => { await server.close(); });

  it('@note: the request is sent only after the user confirms, and the question carries the note', async () => {
    const asked: string[] = [];
    const ctx = ctxFor(`### Wipe\n# @note Deletes every customer\nDELETE ${server.url}/customers\n`, {
      confirm: async (note, request) => { asked.push(`${note} | ${request}`); return true; },
    });
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.equal(server.requests.length, 1);
    assert.equal(asked.length, 1);
    assert.match(asked[0], /^Deletes every customer \| DELETE .*\/customers$/);
  });

  it('@note declined: CANCELLED, nothing sent, the session untouched', async () => {
    const ctx = ctxFor(`# @note careful\n# @name wipe\nPOST ${server.url}/login\n`, { confirm: async () => false });
    const result = await runNamed(ctx, 0);
    assert.equal(result.error?.code, 'CANCELLED');
    assert.equal(result.exchange, undefined);
    assert.equal(server.requests.length, 0);
    assert.equal(ctx.sessions.get('default').namedResponses.get('wipe'), undefined);
  });

  it('@note with nothing that can ask: CONFIRMATION error naming the line, nothing sent', async () => {
    const ctx = ctxFor(`GET ${server.url}/a\n###\n# @note production\nDELETE ${server.url}/all\n`);
    const result = await runNamed(ctx, 1);
    assert.equal(result.error?.code, 'CONFIRMATION');
    assert.equal(result.error?.location?.line, 2);
    assert.match(result.error?.message ?? '', /# @note/);
    assert.equal(server.requests.length, 0);
  });

  it('@note is asked before any @prompt, so declining never asks for a password', async () => {
    const order: string[] = [];
    const ctx = ctxFor(`# @prompt password\n# @note sure?\nGET ${server.url}/a?p={{password}}\n`, {
      confirm: async () => { order.push('confirm'); return false; },
      prompt: async () => { order.push('prompt'); return 'x'; },
    });
    await runNamed(ctx, 0);
    assert.deepEqual(order, ['confirm']);
  });

  it('a request without @note is sent without asking', async () => {
    let asked = 0;
    const ctx = ctxFor(`GET ${server.url}/a\n`, { confirm: async () => { asked += 1; return false; } });
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.equal(asked, 0);
  });

  it('@no-log marks only the request that carries it', () => {
    const ctx = ctxFor(`# @no-log\nPOST ${server.url}/login\n###\nGET ${server.url}/a\n`);
    assert.deepEqual(ctx.file.requests.map(isNoLog), [true, false]);
  });
});
