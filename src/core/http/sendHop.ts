import type { Dispatcher } from 'undici';
import type { HeaderList, OutgoingRequest, TransportOptions } from './types';

/** What one hop returned; redirects are not followed here. */
export interface HopResult {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HeaderList;
  body: Uint8Array;
  truncated: boolean;
  timings: { headersMs: number; bodyMs: number };
}

/**
 * Sends one request over `dispatcher` and reads the decoded body up to the cap.
 * Throws HttpSessionError (REFUSED, DNS, TLS, TIMEOUT, CANCELLED, RESET, PROTOCOL, DECODE, …) when no response arrives.
 */
export async function sendHop(_dispatcher: Dispatcher, _request: OutgoingRequest, _options: TransportOptions): Promise<HopResult> {
  throw new Error('sendHop: not implemented yet (transport helper)');
}
