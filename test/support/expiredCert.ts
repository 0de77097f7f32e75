import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyAndCert } from './selfSignedCert';

// `openssl req -x509` only takes a positive -days; `openssl ca` accepts explicit start and end dates.
const CA_CONFIG = `[ca]
default_ca = here
[here]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
[any]
commonName = supplied
`;

/** A self-signed certificate for 127.0.0.1 that was valid from 2020-01-01 to 2020-01-02 (expired), made with `openssl ca`. */
export function expiredCert(): KeyAndCert {
  const dir = mkdtempSync(join(tmpdir(), 'http-session-expired-'));
  try {
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    const run = (args: string[]): void => { execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 10_000 }); };
    run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=http-session expired',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-addext', 'basicConstraints=critical,CA:TRUE', '-keyout', 'key.pem', '-out', 'req.csr']);
    run(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'key.pem', '-in', 'req.csr', '-out', 'cert.pem',
      '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-notext']);
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
