import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { HttpSessionError } from '../errors';
import type { ClientTlsOptions } from '../http/types';
import { caBundle } from './caBundle';
import { fileLabel, readTlsFile } from './readTlsFile';
import type { CertificateSpec, PassphraseFn, TlsProfile } from './tlsProfile';

/** What a TLS configuration is made of. */
export interface TlsProfileInput {
  certificate?: CertificateSpec;
  /** Extra CA files (absolute paths) and where they are configured. */
  caFiles: readonly string[];
  caSource: string;
  /** Asks for a passphrase when the certificate needs one. */
  askPassphrase?: PassphraseFn;
  /** Forgets a remembered passphrase that turned out wrong, so the next send asks again. */
  forgetPassphrase?: (id: string) => void | Promise<void>;
}

/** The client certificate's node:tls options, files read (DER turned into PEM). */
async function certificateOptions(spec: CertificateSpec): Promise<ClientTlsOptions> {
  if (spec.pfx) return { pfx: await readTlsFile(spec.pfx, 'PKCS#12 file', spec.source) };
  if (!spec.cert) throw new HttpSessionError('CERTIFICATE', `No client certificate file is named in ${spec.source}.`);
  const cert = await readTlsFile(spec.cert, 'client certificate', spec.source);
  const key = spec.key ? await readTlsFile(spec.key, 'client certificate key', spec.source) : undefined;
  if (spec.format === 'DER') return { cert: derCertificate(cert, spec), ...(key ? { key: derKey(key, spec) } : {}) };
  return { cert: cert.toString('utf8'), key: (key ?? cert).toString('utf8') };
}

function derCertificate(der: Buffer, spec: CertificateSpec): string {
  try {
    return new X509Certificate(der).toString();
  } catch (error) {
    throw new HttpSessionError('CERTIFICATE', `The client certificate ${spec.cert} (${spec.source}) is not a DER certificate: ${(error as Error).message}.`, undefined, error);
  }
}

/** A DER key as PEM; an encrypted one cannot be converted without its passphrase, so it is asked for as PEM. */
function derKey(der: Buffer, spec: CertificateSpec): string {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type }).export({ format: 'pem', type: 'pkcs8' }).toString();
    } catch {
      // try the next encoding
    }
  }
  throw new HttpSessionError('CERTIFICATE', `The key ${spec.key} (${spec.source}) is not an unencrypted DER private key; convert it with \`openssl pkey -inform DER -in KEY -out key.pem\`.`);
}

/** True when the files cannot be used without a passphrase. */
function needsPassphrase(spec: CertificateSpec, options: ClientTlsOptions): boolean {
  if (spec.hasPassphrase) return true;
  if (options.key?.includes('ENCRYPTED')) return true;
  if (!options.pfx) return false;
  try {
    createSecureContext({ pfx: options.pfx });
    return false;
  } catch {
    return true;
  }
}

/** Plain words for what node:tls said about the certificate, key or passphrase. */
function certificateProblem(error: unknown, spec: CertificateSpec, withPassphrase: boolean): string {
  const { code, message } = error as { code?: string; message?: string };
  const what = fileLabel(spec.pfx ?? spec.cert ?? '', spec.source);
  if (code === 'ERR_OSSL_BAD_DECRYPT' || /mac verify failure/.test(message ?? '')) {
    return withPassphrase ? `The passphrase for ${what} is wrong.` : `${what} needs a passphrase.`;
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH') return `The key ${spec.key ?? ''} does not belong to the certificate ${what}.`;
  if (code === 'ERR_OSSL_PEM_NO_START_LINE') return `${what} is not a PEM certificate (-----BEGIN CERTIFICATE-----): for a PKCS#12 file use a .p12 or .pfx name.`;
  if (code === 'ERR_OSSL_UNSUPPORTED') return `The key ${spec.key ?? spec.cert ?? ''} (${spec.source}) is not a PEM private key.`;
  return `${what} cannot be used: ${message ?? code ?? 'unknown error'}.`;
}

/** Checks the options as node:tls will use them; CERTIFICATE error in plain words, forgetting a wrong passphrase. */
async function checked(options: ClientTlsOptions, spec: CertificateSpec, input: TlsProfileInput, id: string): Promise<void> {
  try {
    createSecureContext(options);
  } catch (error) {
    const problem = certificateProblem(error, spec, options.passphrase !== undefined);
    const wrongPassphrase = options.passphrase !== undefined && /^The passphrase .* is wrong\.$/.test(problem);
    if (wrongPassphrase && input.forgetPassphrase) {
      await input.forgetPassphrase(id);
      throw new HttpSessionError('CERTIFICATE', `${problem} It is forgotten; the next send asks for it again.`, undefined, error);
    }
    throw new HttpSessionError('CERTIFICATE', problem, undefined, error);
  }
}

/** The client certificate's options with the passphrase asked for when it needs one. */
async function clientCertificate(spec: CertificateSpec, input: TlsProfileInput): Promise<ClientTlsOptions> {
  const options = await certificateOptions(spec);
  const id = spec.pfx ?? spec.cert ?? '';
  if (needsPassphrase(spec, options)) {
    const passphrase = await input.askPassphrase?.({ id, label: fileLabel(id, spec.source) });
    if (passphrase === undefined) {
      throw new HttpSessionError('CERTIFICATE', `${fileLabel(id, spec.source)} needs a passphrase and none was given (the CLI reads HTTP_SESSION_CERT_PASSPHRASE or asks on a terminal).`);
    }
    options.passphrase = passphrase;
  }
  await checked(options, spec, input, id);
  return options;
}

/**
 * Reads and checks a TLS configuration: the client certificate (PEM, DER or PKCS#12; its passphrase
 * asked for when needed) and the extra CAs. undefined when there is neither. Throws CERTIFICATE with the
 * file and where it is configured for a missing file, a bad PEM, a wrong passphrase or a key that does not match.
 */
export async function loadTlsProfile(input: TlsProfileInput): Promise<TlsProfile | undefined> {
  const certificate = input.certificate ? await clientCertificate(input.certificate, input) : {};
  const ca = await caBundle(input.caFiles, input.caSource);
  if (!input.certificate && !ca) return undefined;
  const options: ClientTlsOptions = { ...certificate, ...(ca ? { ca } : {}) };
  return { key: profileKey(options), options, ...(input.certificate ? { certificateSource: input.certificate.source } : {}) };
}

function profileKey(options: ClientTlsOptions): string {
  const hash = createHash('sha256');
  for (const part of [options.cert, options.key, options.pfx, options.passphrase, ...(options.ca ?? [])]) {
    hash.update(part === undefined ? '\u0000' : `${part.length}:`).update(part ?? '');
  }
  return hash.digest('hex');
}
