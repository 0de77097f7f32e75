import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM key and certificate pair. */
export interface KeyAndCert {
  key: string;
  cert: string;
}

const cache = new Map<string, KeyAndCert>();

/**
 * A fresh self-signed certificate (EC P-256, valid 1 day) for `altNames`, made with the
 * `openssl` CLI at test time and cached per process. altNames use openssl's syntax,
 * e.g. `IP:127.0.0.1`, `DNS:localhost`.
 */
export function selfSignedCert(altNames: string[] = ['IP:127.0.0.1', 'DNS:localhost']): KeyAndCert {
  const cacheKey = altNames.join(',');
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'http-session-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-days', '1', '-subj', '/CN=http-session test', '-addext', `subjectAltName=${cacheKey}`,
      '-keyout', keyPath, '-out', certPath,
    ], { stdio: 'pipe', timeout: 10_000 });
    const pair = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
    cache.set(cacheKey, pair);
    return pair;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
