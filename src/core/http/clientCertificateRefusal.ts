/** What a server's TLS alert says about the client certificate, in words. */
const REFUSED_REASONS: Record<string, string> = {
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'it was issued by an authority the server does not trust',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server called it a bad certificate',
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE: 'the server does not support that kind of certificate',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'it has expired',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: 'it has been revoked',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'the server could not accept it',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: 'the server denied access to it',
  ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR: 'its key does not match it, or the server could not verify it',
};

const WHERE_TO_SET = 'set one for this host in the setting httpSession.tls.certificates ({ "HOST:PORT": { "cert": …, "key": … } }, the CLI\'s --cert) '
  + 'or in the environment\'s "SSLConfiguration": { "clientCertificate": …, "clientCertificateKey": … } of http-client.private.env.json';

/**
 * The message for a TLS alert `code` that is about the client certificate, or undefined when it is not.
 * `ctx.clientCertificate` names where the certificate sent came from (undefined: none was sent).
 */
export function clientCertificateRefusal(code: string | undefined, ctx: { url: URL; clientCertificate?: string }): string | undefined {
  if (!code) return undefined;
  const where = ctx.url.host;
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED') {
    return ctx.clientCertificate
      ? `The server at ${where} asked for a client certificate and did not take the one from ${ctx.clientCertificate}.`
      : `The server at ${where} requires a client certificate, and none is configured for it: ${WHERE_TO_SET}.`;
  }
  if (code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' && !ctx.clientCertificate) {
    return `The TLS handshake with ${where} failed (handshake_failure): the server may require a client certificate; if so, ${WHERE_TO_SET}.`;
  }
  const reason = REFUSED_REASONS[code];
  if (!reason) return undefined;
  return ctx.clientCertificate
    ? `The server at ${where} refused the client certificate from ${ctx.clientCertificate}: ${reason}.`
    : `The server at ${where} refused the TLS connection (${code}): it may require a client certificate; ${WHERE_TO_SET}.`;
}
