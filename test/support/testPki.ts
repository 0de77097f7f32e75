import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A test CA, a server certificate it issued for 127.0.0.1 / localhost, and client certificates it issued, as files and PEM text. */
export interface TestPki {
  dir: string;
  /** Paths of the files in `dir`. */
  files: {
    caCert: string;
    serverCert: string;
    serverKey: string;
    clientCert: string;
    clientKey: string;
    /** The client key encrypted with PASSPHRASE (AES-256). */
    clientKeyEncrypted: string;
    /** The client certificate and key as PKCS#12, protected by PASSPHRASE. */
    clientP12: string;
    /** A client certificate the server's CA did not issue (self-signed). */
    strangerCert: string;
    strangerKey: string;
  };
  pem: { ca: string; serverCert: string; serverKey: string };
  /** The passphrase of the encrypted key and the PKCS#12 file. */
  passphrase: string;
  /** Deletes `dir`. */
  remove(): void;
}

const PASSPHRASE = 'open sesame';

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe', timeout: 20_000 });
}

function ecKey(path: string): void {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', path]);
}

function issue(dir: string, name: string, subject: string): void {
  ecKey(join(dir, `${name}.key`));
  openssl(['req', '-new', '-key', join(dir, `${name}.key`), '-subj', subject, '-out', join(dir, `${name}.csr`)]);
  openssl(['x509', '-req', '-in', join(dir, `${name}.csr`), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial',
    '-days', '1', '-out', join(dir, `${name}.pem`), '-extfile', join(dir, `${name}.ext`)]);
}

/**
 * Makes a fresh PKI with the `openssl` CLI (EC P-256, valid 1 day) in a temp folder: about a second.
 * The caller removes it.
 */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'http-session-pki-'));
  const at = (name: string): string => join(dir, name);
  ecKey(at('ca.key'));
  openssl(['req', '-x509', '-new', '-key', at('ca.key'), '-subj', '/CN=http-session test CA', '-days', '1', '-out', at('ca.pem')]);
  execFileSync('sh', ['-c', `printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > server.ext && printf 'extendedKeyUsage=clientAuth\\n' > client.ext`], { cwd: dir });
  issue(dir, 'server', '/CN=127.0.0.1');
  issue(dir, 'client', '/CN=test client');
  openssl(['pkey', '-in', at('client.key'), '-aes256', '-passout', `pass:${PASSPHRASE}`, '-out', at('client.enc.key')]);
  openssl(['pkcs12', '-export', '-in', at('client.pem'), '-inkey', at('client.key'), '-passout', `pass:${PASSPHRASE}`, '-out', at('client.p12')]);
  ecKey(at('stranger.key'));
  openssl(['req', '-x509', '-new', '-key', at('stranger.key'), '-subj', '/CN=stranger', '-days', '1', '-out', at('stranger.pem')]);
  return {
    dir,
    files: {
      caCert: at('ca.pem'),
      serverCert: at('server.pem'),
      serverKey: at('server.key'),
      clientCert: at('client.pem'),
      clientKey: at('client.key'),
      clientKeyEncrypted: at('client.enc.key'),
      clientP12: at('client.p12'),
      strangerCert: at('stranger.pem'),
      strangerKey: at('stranger.key'),
    },
    pem: { ca: readFileSync(at('ca.pem'), 'utf8'), serverCert: readFileSync(at('server.pem'), 'utf8'), serverKey: readFileSync(at('server.key'), 'utf8') },
    passphrase: PASSPHRASE,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
