import type { AfterResponseStage } from './pipelineTypes';

/**
 * HTTP/2 asked for but not used is said so: over http:// (h2c, cleartext HTTP/2, is not offered) or when
 * the server chose HTTP/1.1 in the TLS handshake.
 */
export const httpVersionNoteStage: AfterResponseStage = {
  name: 'http-version-note',
  run({ prepared, exchange, report: { warnings } }) {
    const response = exchange.response;
    if (!prepared.options.send.http2 || !response || response.httpVersion === '2') return;
    const last = exchange.hops[exchange.hops.length - 1]?.request.url ?? prepared.request.url;
    if (new URL(last).protocol === 'http:') {
      warnings.push('HTTP/2 was asked for, but over http:// it is not offered (cleartext HTTP/2, h2c, is not supported): sent as HTTP/1.1. Use https:// for HTTP/2.');
    } else {
      warnings.push(`HTTP/2 was asked for, but ${new URL(last).host} chose HTTP/1.1 in the TLS handshake (ALPN), or the request went through a proxy.`);
    }
  },
};
