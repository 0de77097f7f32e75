import { basename, dirname, resolve } from 'node:path';
import { HttpSessionError } from '../errors';
import type { CertificateSpec } from './tlsProfile';

/**
 * JetBrains' `"SSLConfiguration"` of an environment, merged field by field from `$shared` (public, then
 * private) and the environment (public, then private); each field remembers the file it came from, so a
 * path is read relative to that file.
 */
export interface SslConfiguration {
  fields: Record<string, { value: unknown; file: string }>;
  /** The environment's name ('$shared' when none is selected). */
  environment: string;
}

// Carried on the resolved environment object, like the auth configurations, so it goes wherever the environment goes.
const SSL_CONFIGURATION = Symbol('httpSession.sslConfiguration');

/** Merges the `SSLConfiguration` objects of the layers, lowest first; undefined when no layer has one. */
export function mergeSslConfigurations(layers: Array<{ values: unknown; file: string }>, environment: string): SslConfiguration | undefined {
  const fields: SslConfiguration['fields'] = {};
  let found = false;
  for (const { values, file } of layers) {
    const section = isObject(values) ? values.SSLConfiguration : undefined;
    if (!isObject(section)) continue;
    found = true;
    for (const [name, value] of Object.entries(section)) fields[name] = { value, file };
  }
  return found ? { fields, environment } : undefined;
}

/** Attaches `config` to a resolved environment (not enumerable: `{{…}}` never sees it). */
export function withSslConfiguration<T extends object>(environment: T, config: SslConfiguration | undefined): T {
  if (config) Object.defineProperty(environment, SSL_CONFIGURATION, { value: config, enumerable: false });
  return environment;
}

/** The SSLConfiguration that came with a resolved environment, if any. */
export function sslConfigurationOf(environment: object): SslConfiguration | undefined {
  return (environment as { [SSL_CONFIGURATION]?: SslConfiguration })[SSL_CONFIGURATION];
}

/** `"SSLConfiguration" of http-client.private.env.json (dev)`, for messages. */
function sourceOf(config: SslConfiguration, field: string): string {
  const file = config.fields[field]?.file;
  return `"SSLConfiguration".${field} of ${file ? basename(file) : 'the environment'} (${config.environment})`;
}

/** A path field: `"cert.pem"` or JetBrains' `{ "path": "cert.pem", "format": "PEM" | "DER" }`, resolved against its file's folder. */
function pathField(config: SslConfiguration, field: string): { path: string; format?: 'PEM' | 'DER' } | undefined {
  const entry = config.fields[field];
  if (!entry || entry.value === undefined || entry.value === null || entry.value === '') return undefined;
  const raw = entry.value;
  const path = typeof raw === 'string' ? raw : isObject(raw) && typeof raw.path === 'string' ? raw.path : undefined;
  const format = isObject(raw) && typeof raw.format === 'string' ? raw.format.toUpperCase() : undefined;
  if (path === undefined || (format !== undefined && format !== 'PEM' && format !== 'DER')) {
    throw new HttpSessionError('CERTIFICATE', `${sourceOf(config, field)} must be a file path or { "path": "…", "format": "PEM" | "DER" }.`, { file: entry.file, line: 0 });
  }
  return { path: resolve(dirname(entry.file), path), ...(format ? { format: format as 'PEM' | 'DER' } : {}) };
}

function booleanField(config: SslConfiguration, field: string): boolean | undefined {
  const entry = config.fields[field];
  if (entry === undefined) return undefined;
  if (typeof entry.value !== 'boolean') {
    throw new HttpSessionError('CERTIFICATE', `${sourceOf(config, field)} must be true or false.`, { file: entry.file, line: 0 });
  }
  return entry.value;
}

/**
 * The client certificate an SSLConfiguration names (undefined when it names none) and its
 * `verifyHostCertificate` (undefined when unset). A `.p12` / `.pfx` file is read as PKCS#12.
 */
export function sslCertificateSpec(config: SslConfiguration): { certificate?: CertificateSpec; verifyHostCertificate?: boolean } {
  const verifyHostCertificate = booleanField(config, 'verifyHostCertificate');
  const cert = pathField(config, 'clientCertificate');
  const key = pathField(config, 'clientCertificateKey');
  const hasPassphrase = booleanField(config, 'hasCertificatePassphrase');
  const verify = verifyHostCertificate === undefined ? {} : { verifyHostCertificate };
  if (!cert) {
    if (key) throw new HttpSessionError('CERTIFICATE', `${sourceOf(config, 'clientCertificateKey')} is set but "clientCertificate" is not.`, { file: config.fields.clientCertificateKey.file, line: 0 });
    return verify;
  }
  const source = sourceOf(config, 'clientCertificate');
  const pkcs12 = /\.(p12|pfx)$/i.test(cert.path);
  const certificate: CertificateSpec = pkcs12
    ? { source, pfx: cert.path }
    : { source, cert: cert.path, ...(key ? { key: key.path } : {}), ...(cert.format ? { format: cert.format } : {}) };
  if (hasPassphrase) certificate.hasPassphrase = true;
  return { certificate, ...verify };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
