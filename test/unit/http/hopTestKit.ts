import * as assert from 'node:assert/strict';
import { HttpSessionError, type ErrorCode } from '../../../src/core/errors';
import type { OutgoingRequest, TransportOptions } from '../../../src/core/http/types';

/** Transport options for tests: 5 s timeout, 50 MB cap, TLS verified. */
export function testOptions(overrides: Partial<TransportOptions> = {}): TransportOptions {
  return { timeoutMs: 5_000, maxBodyBytes: 50 * 1024 * 1024, rejectUnauthorized: true, ...overrides };
}

/** A GET of `url` with no headers. */
export function get(url: string): OutgoingRequest {
  return { method: 'GET', url, headers: [] };
}

/** Awaits `promise`, asserts it rejects with an HttpSessionError of `code`, and returns that error. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<HttpSessionError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof HttpSessionError, `expected HttpSessionError, got ${String(err)}`);
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    return err;
  }
  assert.fail(`expected a ${code} error, but the request succeeded`);
}
